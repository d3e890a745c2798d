import {
  type Availability,
  addDays,
  bookableDates,
  listSlots,
  localDateOf,
  prepareAvailability,
  type LocalDate,
  type Slot,
} from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { loadAvailability } from "./availability";
import { getActiveOfficeAndService, type OfficeWithServices, type ServiceRow } from "./office-catalog";

export interface SlotQuery {
  persons: number;
  now: Date;
  /** When moving a booking, it does not block its own time. */
  excludeBookingId?: string;
}

export interface ListFreeSlotsInput extends SlotQuery {
  officeSlug: string;
  serviceSlug: string;
  from: LocalDate;
  to: LocalDate;
}

/** Longest range one request may ask for; the calendar browses week by week. */
export const MAX_SLOT_RANGE_DAYS = 62;

// The search reads four weeks first, which keeps the common case (a slot within days) to a small read; every further
// window is twice as long, so a fully booked two-year horizon takes five reads instead of one per four weeks.
const SEARCH_WINDOW_DAYS = 28;

interface Target {
  office: Omit<OfficeWithServices, "services">;
  service: ServiceRow;
}

/** Availability prepared for a window of dates, to be reused (with the days it has planned) for dates inside it. */
type Read = { availability: Availability; from: LocalDate; to: LocalDate } | null;

/** The part of [from, to] that can be booked: from today to the horizon, at most MAX_SLOT_RANGE_DAYS long. */
export function bookableRange(office: Target["office"], now: Date, from: LocalDate, to: LocalDate) {
  const { today, last: lastBookable } = bookableDates(office, office.timeZone, now);
  const start = from < today ? today : from;
  let end = to > lastBookable ? lastBookable : to;
  if (end > addDays(start, MAX_SLOT_RANGE_DAYS - 1)) end = addDays(start, MAX_SLOT_RANGE_DAYS - 1);
  return { from: start, to: end };
}

function availabilityFor(db: Db, { office, service }: Target, q: SlotQuery, from: LocalDate, to: LocalDate) {
  return loadAvailability(db, { office, service, persons: q.persons, now: q.now, from, to, excludeBookingId: q.excludeBookingId });
}

export async function freeSlotsOf(db: Db, target: Target, q: SlotQuery & { from: LocalDate; to: LocalDate }) {
  const { from, to } = bookableRange(target.office, q.now, q.from, q.to);
  if (from > to) return { slots: [] as Slot[], from, to };
  const availability = await availabilityFor(db, target, q, from, to);
  return { slots: listSlots(availability, { from, to }), from, to };
}

/**
 * The earliest free slot from `from` (default today) to the horizon, read in growing windows from four weeks on. The
 * first window's availability is returned too, so that a caller showing those weeks needs no second read.
 */
export async function nextFreeSlotOf(db: Db, target: Target, q: SlotQuery & { from?: LocalDate }) {
  const { office } = target;
  const { today, last: lastBookable } = bookableDates(office, office.timeZone, q.now);
  let from = q.from && q.from > today ? q.from : today;
  let first: Read = null;
  for (let days = SEARCH_WINDOW_DAYS; from <= lastBookable; days *= 2) {
    const windowEnd = addDays(from, days - 1);
    const to = windowEnd > lastBookable ? lastBookable : windowEnd;
    const availability = prepareAvailability(await availabilityFor(db, target, q, from, to));
    first ??= { availability, from, to };
    // Days beyond the window were not read: a slot found there is not trusted.
    const slot = availability.next(from);
    if (slot && localDateOf(slot.start, office.timeZone) <= to) return { slot, first };
    from = addDays(to, 1);
  }
  return { slot: null as Slot | null, first };
}

export async function listFreeSlots(db: Db, input: ListFreeSlotsInput) {
  const target = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  return { ...target, ...(await freeSlotsOf(db, target, input)) };
}

export async function findNextFreeSlot(
  db: Db,
  input: SlotQuery & { officeSlug: string; serviceSlug: string; from?: LocalDate },
) {
  const target = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const { slot } = await nextFreeSlotOf(db, target, input);
  return { ...target, slot };
}

/**
 * Availability for the bookable part of [from, to], from availability already read for a covering window, else
 * from a fresh read; null when nothing in the range can be booked.
 */
export async function availabilityWithin(
  db: Db,
  target: Target,
  q: SlotQuery & { from: LocalDate; to: LocalDate },
  read: Read,
): Promise<{ availability: Availability; from: LocalDate; to: LocalDate } | null> {
  const { from, to } = bookableRange(target.office, q.now, q.from, q.to);
  if (from > to) return null;
  const availability =
    read && from >= read.from && to <= read.to ? read.availability : prepareAvailability(await availabilityFor(db, target, q, from, to));
  return { availability, from, to };
}

/** Slots of [from, to] from availability already read for a covering window, else from a fresh read. */
export async function freeSlotsWithin(db: Db, target: Target, q: SlotQuery & { from: LocalDate; to: LocalDate }, read: Read) {
  const within = await availabilityWithin(db, target, q, read);
  return within ? within.availability.list({ from: within.from, to: within.to }) : [];
}

/** Up to `count` free slots on the day of the next free one. */
export async function firstFreeSlots(db: Db, target: Target, q: SlotQuery, count: number): Promise<Slot[]> {
  const { slot, first } = await nextFreeSlotOf(db, target, q);
  if (!slot) return [];
  const date = localDateOf(slot.start, target.office.timeZone);
  return (await freeSlotsWithin(db, target, { ...q, from: date, to: date }, first)).slice(0, count);
}
