import {
  type AppointmentKind,
  addDays,
  bookableDates,
  datesBetween,
  type LocalDate,
  localDateOf,
  prepareAvailability,
  searchWindows,
  type Slot,
} from "@/lib/domain";
import {
  compareLocated,
  compareLocations,
  earliestSlot,
  type LocatedSlot,
  type Location,
  type LocationsWeek,
  mergeSlots,
  mergeWeek,
  kindsAtAnyLocation,
  preferredKind,
  servicesForEntries,
} from "@/lib/domain/any-location";
import { slugSchema } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError, isAppError } from "@/lib/server/errors";
import { chooseAppointment, chooseFurtherServices, kindsOffered } from "./appointment-choice";
import { type AppointmentShape, loadAvailabilities } from "./availability";
import { availabilityOptions, freeSlotsWithin, type Read, searchRange, type SlotQuery, type SlotTarget } from "./list-slots";
import { bookableServiceIds } from "./office-readiness";
import { catalogueTexts, withTexts } from "./service-texts";
import { chooseWeek, officeWeek, type WeekRequest } from "./slot-calendar";

// "Earliest at any location": a catalogue service's free times at every office that offers it. Each office is read
// and searched exactly as its own calendar is (list-slots: its rules, time zone, capacity, release mode, urgent
// places), with the same bounded reads; the offices are read together, and lib/domain/any-location merges.

/**
 * The catalogue entry with its texts, and the offices offering it (active, at an active office) in location order,
 * each with the office's other active services: the further services a combination is booked with there.
 */
export async function loadCatalogueOffers(db: Db, catalogueSlug: string) {
  if (!slugSchema.safeParse(catalogueSlug).success) throw new AppError("SERVICE_NOT_FOUND");
  const found = await db.catalogueService.findUnique({
    where: { slug: catalogueSlug },
    include: {
      translations: true,
      offers: {
        where: { active: true, office: { active: true } },
        include: { office: { include: { services: { where: { active: true }, include: catalogueTexts } } } },
      },
    },
  });
  if (!found || found.offers.length === 0) throw new AppError("SERVICE_NOT_FOUND");
  const { offers: rows, ...entry } = found;
  const offers: CatalogueOffer[] = rows
    .map(({ office: { services, ...office }, ...service }) => ({
      office,
      service: withTexts({ ...service, catalogueService: entry }),
      officeServices: services.map(withTexts),
    }))
    .sort((a, b) => compareLocations(a.office, b.office));
  return { entry, offers };
}

/** One office's offer of the entry, with the office's active services (by catalogue entry, for combinations). */
export type CatalogueOffer = SlotTarget & { officeServices: ServiceWithEntry[] };
type ServiceWithEntry = SlotTarget["service"] & { catalogueServiceId: string };

/** An offer searched for one appointment: the entry's service there with further services of that office and a kind. */
export type ShapedOffer = SlotTarget & { shape?: AppointmentShape<SlotTarget["service"]> };

export type CatalogueOffers = Awaited<ReturnType<typeof loadCatalogueOffers>>;

export function locationOf({ office }: SlotTarget): Location & { holidayRegion: string } {
  return { slug: office.slug, name: office.name, timeZone: office.timeZone, holidayRegion: office.holidayRegion };
}

/** The offers that take `persons` in one appointment (a combination: as many as its most restrictive service). */
export function offersFor<O extends SlotTarget & { maxPersons?: number }>(offers: readonly O[], persons: number): O[] {
  return offers.filter((o) => persons <= (o.maxPersons ?? o.service.maxPersons));
}

/** What a citizen asks the calendar for besides the entry itself: further catalogue entries (slugs) and a kind. */
export interface CombinationRequest {
  further?: readonly string[];
  kind?: AppointmentKind | null;
}

/** A location's answer for a combination: its services for the further entries and the kinds it takes them in. */
function combinationAt(offer: CatalogueOffer, entryIds: readonly string[]) {
  const byEntry = new Map(offer.officeServices.map((s) => [s.catalogueServiceId, s]));
  const further = servicesForEntries(byEntry, entryIds);
  if (!further) return null;
  const office = { ...offer.office, services: offer.officeServices };
  const first = byEntry.get(offer.service.catalogueServiceId) ?? offer.service;
  try {
    // The booking's own check: the office's limit of services per appointment and a kind common to all of them.
    chooseFurtherServices(office, first, { further: further.map((s) => s.slug), by: "slug" });
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
  return { office, first, further, kinds: kindsOffered(office, [first, ...further]) };
}

/**
 * "Earliest at any location" for a combination: the further catalogue entries and the kind asked for, checked as
 * each location would check them when booking (its active services for those entries, its limit of services per
 * appointment, the kinds all of them offer, a video address of its own). The locations that can take the
 * combination in the kind come back with their own shape, so each is searched by its own services, durations,
 * pools and kind-limited capacity. `choices` are the entries at least one location combines with the first, and
 * `kinds` the kinds some location takes the combination in; `problem` says why no location is left.
 */
export function combinationOffers(found: CatalogueOffers, request: CombinationRequest) {
  const slugs = request.further ?? [];
  const entryOf = new Map(found.offers.flatMap((o) => o.officeServices.map((s) => [s.catalogueSlug, s] as const)));
  if (new Set(slugs).size !== slugs.length || slugs.includes(found.entry.slug)) throw fieldError("furtherServices", "serviceTwice");
  const entryIds = slugs.map((slug) => {
    const service = entryOf.get(slug);
    if (!service) throw fieldError("furtherServices", "serviceNotOffered");
    return service.catalogueServiceId;
  });
  const choices = [...entryOf.values()]
    .filter((s) => s.catalogueServiceId !== found.entry.id)
    .filter((s) => slugs.includes(s.catalogueSlug) || found.offers.some((o) => combinationAt(o, [s.catalogueServiceId])?.kinds.length))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  const perLocation = found.offers.map((offer) => combinationAt(offer, entryIds));
  const kinds = kindsAtAnyLocation(perLocation.map((c) => c?.kinds ?? null));
  const asked = request.kind ?? null;
  const kind = asked && !kinds.includes(asked) ? null : preferredKind(kinds, asked);
  const problem = kinds.length === 0 ? ("combinationNotOffered" as const) : kind === null ? ("kindNotOffered" as const) : null;
  const offers: Array<ShapedOffer & { maxPersons: number }> = [];
  perLocation.forEach((combination, i) => {
    if (!combination || !kind || !combination.kinds.includes(kind)) return;
    const shape = chooseAppointment(combination.office, combination.first, {
      further: combination.further.map((s) => s.slug),
      by: "slug",
      kind,
    });
    const { office, service } = found.offers[i];
    const maxPersons = Math.min(service.maxPersons, ...shape.furtherServices.map((s) => s.maxPersons));
    offers.push({ office, service, shape, maxPersons });
  });
  return { further: slugs, choices, kinds, kind, problem, offers };
}

export type Combination = ReturnType<typeof combinationOffers>;

/**
 * The next free slot across the offers: the earliest of each office's own next free slot, at the same start the
 * office first by name. The offices search in rounds, each round reading every office's next search window
 * (searchWindows, as its own search does) at once, the schedules of all of them with one read per table (see
 * loadAvailabilities). Once a slot is found, an office
 * reads no window past its date (a later slot there cannot be the earliest), so a city whose first office has a
 * time this month reads one window per office. Each office's first read is returned for reuse.
 */
export async function nextFreeAtAnyLocation(
  db: Db,
  offers: readonly ShapedOffer[],
  q: SlotQuery & { from?: LocalDate },
): Promise<{ next: LocatedSlot | null; reads: Read[] }> {
  const searches = offers.map((offer) => {
    const range = searchRange(offer, q);
    return {
      offer,
      location: locationOf(offer),
      query: { ...q, shape: offer.shape ?? q.shape },
      windows: searchWindows(range.from, range.to),
      slot: null as Slot | null,
      first: null as Read,
    };
  });
  let best: { location: Location; slot: Slot } | null = null;
  for (let round = 0; ; round++) {
    const due = searches.flatMap((search) => {
      const window = search.windows[round];
      const last = best && localDateOf(best.slot.start, search.location.timeZone);
      if (search.slot || !window || (last && last < window.from)) return [];
      return [{ search, from: window.from, to: last && last < window.to ? last : window.to }];
    });
    if (due.length === 0) break;
    const inputs = await loadAvailabilities(db, due.map(({ search, from, to }) => availabilityOptions(search.offer, search.query, from, to)));
    due.forEach(({ search, from, to }, i) => {
      const availability = prepareAvailability(inputs[i]);
      search.first ??= { availability, from, to };
      search.slot = availability.next(from, { until: to });
      const found = search.slot && { location: search.location, slot: search.slot };
      if (found && (!best || compareLocated(found, best) < 0)) best = found;
    });
  }
  return { next: earliestSlot(searches), reads: searches.map((s) => s.first) };
}

/** The offers' free slots of [from, to] (each clamped to its office's bookable range), as one list. */
export async function freeSlotsAtAnyLocation(
  db: Db,
  offers: readonly ShapedOffer[],
  q: SlotQuery & { from: LocalDate; to: LocalDate },
  reads: readonly Read[] = [],
): Promise<LocatedSlot[]> {
  const perLocation = await Promise.all(
    offers.map(async (offer, i) => ({
      location: locationOf(offer),
      slots: await freeSlotsWithin(db, offer, { ...q, shape: offer.shape ?? q.shape }, reads[i] ?? null),
    })),
  );
  return mergeSlots(perLocation);
}

/** The booking window of all offers together: from the earliest first bookable date to the latest last one. */
export function combinedBookableDates(offers: readonly SlotTarget[], now: Date) {
  const windows = offers.map(({ office }) => bookableDates(office, office.timeZone, now));
  return {
    today: windows.map((w) => w.today).reduce((a, b) => (a < b ? a : b)),
    first: windows.map((w) => w.first).reduce((a, b) => (a < b ? a : b)),
    last: windows.map((w) => w.last).reduce((a, b) => (a > b ? a : b)),
  };
}

/**
 * The "any location" calendar: the next free slot across the offers and one week of days, each with every office's
 * free times and status. The week opens on the next free slot unless the citizen browsed elsewhere, like an
 * office's own calendar; each office's week comes from its next-slot search's read where that covers it.
 */
export async function anyLocationWeek(
  db: Db,
  offers: readonly ShapedOffer[],
  input: SlotQuery & WeekRequest,
): Promise<LocationsWeek> {
  if (offers.length === 0) throw new AppError("SERVICE_NOT_FOUND");
  const { next, reads } = await nextFreeAtAnyLocation(db, offers, input);
  const bookable = combinedBookableDates(offers, input.now);
  const locations = offers.map(locationOf);
  const nextDate = next ? localDateOf(next.start, locations.find((l) => l.slug === next.office)!.timeZone) : null;
  const { week, day } = chooseWeek(input, nextDate, bookable);
  const weeks = await Promise.all(offers.map((offer, i) => officeWeek(db, offer, { ...input, shape: offer.shape ?? input.shape }, week, reads[i])));
  return {
    next,
    week,
    day,
    locations,
    days: mergeWeek(
      datesBetween(week, addDays(week, 6)),
      weeks.map((w, i) => ({ location: locations[i], ...w })),
    ),
    firstBookable: bookable.first,
    lastBookable: bookable.last,
  };
}

/**
 * For each catalogue entry, how many offices can take bookings for it now (the directory's readiness rule, for that
 * one service): the service-choice step offers "earliest at any location" where there are two or more.
 */
export async function bookableLocationCounts(db: Db, catalogueServiceIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const offices = await db.office.findMany({
    where: { active: true, services: { some: { catalogueServiceId: { in: [...catalogueServiceIds] }, active: true } } },
    include: { services: { where: { catalogueServiceId: { in: [...catalogueServiceIds] }, active: true } } },
  });
  const counts = new Map<string, number>();
  await Promise.all(
    offices.map(async (office) => {
      const bookable = await bookableServiceIds(db, office, office.services, now);
      for (const service of office.services) {
        if (bookable.has(service.id)) counts.set(service.catalogueServiceId, (counts.get(service.catalogueServiceId) ?? 0) + 1);
      }
    }),
  );
  return counts;
}
