import { APPOINTMENT_KINDS, type AppointmentKind } from "./demand";
import type { CalendarDay, DayStatus } from "./slots";
import { localDateOf } from "./time";
import type { LocalDate, Slot } from "./types";

// "Earliest at any location": the free times of every office that offers a catalogue service, side by side. Each
// office's slots come from its own booking rule (its hours, capacity, time zone, release mode); this only merges
// them, so that no second rule can disagree with what booking at that office accepts.

/** An office offering the service, as the merged calendar names it. */
export interface Location {
  slug: string;
  name: string;
  timeZone: string;
}

/** A free slot at one of the locations (its slug). */
export interface LocatedSlot extends Slot {
  office: string;
}

/** The order locations are shown and ties are broken in: by name, then by slug, so the order is always the same. */
export function compareLocations(a: Pick<Location, "name" | "slug">, b: Pick<Location, "name" | "slug">): number {
  return a.name.localeCompare(b.name, "de") || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** Earlier start first; at the same start, the location first by name. */
export function compareLocated(a: { location: Location; slot: Slot }, b: { location: Location; slot: Slot }): number {
  return a.slot.start.getTime() - b.slot.start.getTime() || compareLocations(a.location, b.location);
}

/** The earliest of the locations' slots; of two at the same start, the one of the location first by name. */
export function earliestSlot(found: ReadonlyArray<{ location: Location; slot: Slot | null }>): LocatedSlot | null {
  let best: { location: Location; slot: Slot } | null = null;
  for (const { location, slot } of found) {
    if (slot && (!best || compareLocated({ location, slot }, best) < 0)) best = { location, slot };
  }
  return best && { ...best.slot, office: best.location.slug };
}

/** The locations' free slots as one list: by start, at the same start by location name. */
export function mergeSlots(perLocation: ReadonlyArray<{ location: Location; slots: readonly Slot[] }>): LocatedSlot[] {
  return perLocation
    .flatMap(({ location, slots }) => slots.map((slot) => ({ location, slot })))
    .sort(compareLocated)
    .map(({ location, slot }) => ({ ...slot, office: location.slug }));
}

/** Why a day has free times at some location, or none: a reason all locations share, or "noFreeTime" for a mix. */
export type LocationsDayStatus = DayStatus | { kind: "noFreeTime" };

export function combinedDayStatus(statuses: readonly DayStatus[]): LocationsDayStatus {
  if (statuses.some((s) => s.kind === "free")) return { kind: "free" };
  const [first] = statuses;
  if (!first) return { kind: "noFreeTime" };
  return statuses.every((s) => s.kind === first.kind) ? first : { kind: "noFreeTime" };
}

/** One location's part of a day: its own status (the domain's reason) and its free slots that day. */
export interface LocationDay {
  office: string;
  status: DayStatus;
  slots: Slot[];
}

export interface LocationsDay {
  date: LocalDate;
  status: LocationsDayStatus;
  /** Every location, in location order, also those without a free time that day. */
  locations: LocationDay[];
}

/**
 * The days of one week across locations, from each location's own week (its day statuses and slots, its slots
 * grouped by their local date in its time zone). `perLocation` comes in location order and keeps it.
 */
export function mergeWeek(
  dates: readonly LocalDate[],
  perLocation: ReadonlyArray<{ location: Location; days: readonly CalendarDay[]; slots: readonly Slot[] }>,
): LocationsDay[] {
  return dates.map((date) => {
    const locations = perLocation.map(({ location, days, slots }) => ({
      office: location.slug,
      status: days.find((d) => d.date === date)?.status ?? { kind: "closed" as const },
      slots: slots.filter((s) => localDateOf(s.start, location.timeZone) === date),
    }));
    return { date, status: combinedDayStatus(locations.map((l) => l.status)), locations };
  });
}

/** One week of the "any location" calendar: the next free slot across locations and each day by location. */
export interface LocationsWeek {
  next: LocatedSlot | null;
  /** The Monday of the week shown. */
  week: LocalDate;
  /** The day the citizen chose, if it lies in the week. */
  day: LocalDate | null;
  /** In location order: by name. */
  locations: Array<Location & { holidayRegion: string }>;
  days: LocationsDay[];
  /** The booking window of all locations together: no week link leads outside it. */
  firstBookable: LocalDate;
  lastBookable: LocalDate;
}

// Combinations: several catalogue entries in one appointment, of one kind. Whether a location can take a combination
// is its own booking rule's answer (the server asks it per location); these only gather the answers.

/**
 * The services a location offers for the catalogue entries asked for, in their order, or null when it lacks one:
 * such a location is left out, since it cannot take all of them in one appointment.
 */
export function servicesForEntries<S>(offered: ReadonlyMap<string, S>, entryIds: readonly string[]): S[] | null {
  const services: S[] = [];
  for (const id of entryIds) {
    const service = offered.get(id);
    if (service === undefined) return null;
    services.push(service);
  }
  return services;
}

/**
 * The kinds a citizen may choose for a combination: each kind at least one location takes it in. `perLocation` holds
 * each location's kinds for it, or null where the location cannot combine it at all. In the usual order.
 */
export function kindsAtAnyLocation(perLocation: ReadonlyArray<readonly AppointmentKind[] | null>): AppointmentKind[] {
  return APPOINTMENT_KINDS.filter((kind) => perLocation.some((kinds) => kinds?.includes(kind)));
}

/** The kind shown first: the one asked for where offered, else in person where offered, else the first offered. */
export function preferredKind(offered: readonly AppointmentKind[], asked?: AppointmentKind | null): AppointmentKind | null {
  if (asked && offered.includes(asked)) return asked;
  return offered.includes("IN_PERSON") ? "IN_PERSON" : (offered[0] ?? null);
}
