import { addDays, listSlots, localDateOf, nextFreeSlot, type LocalDate, type Slot } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { loadAvailability } from "./availability";
import { getActiveOfficeAndService } from "./office-catalog";

export interface ListFreeSlotsInput {
  officeSlug: string;
  serviceSlug: string;
  persons: number;
  from: LocalDate;
  to: LocalDate;
  now: Date;
  /** When moving a booking, it does not block its own time. */
  excludeBookingId?: string;
}

/** Longest range one request may ask for; the calendar browses week by week. */
export const MAX_SLOT_RANGE_DAYS = 62;

export async function listFreeSlots(db: Db, input: ListFreeSlotsInput) {
  const { office, service } = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const today = localDateOf(input.now, office.timeZone);
  const lastBookable = addDays(today, office.bookingHorizonDays);
  const from = input.from < today ? today : input.from;
  let to = input.to > lastBookable ? lastBookable : input.to;
  if (to > addDays(from, MAX_SLOT_RANGE_DAYS - 1)) to = addDays(from, MAX_SLOT_RANGE_DAYS - 1);
  if (from > to) return { office, service, slots: [] as Slot[], from, to };
  const availability = await loadAvailability(db, {
    office,
    service,
    persons: input.persons,
    now: input.now,
    from,
    to,
    excludeBookingId: input.excludeBookingId,
  });
  return { office, service, slots: listSlots(availability, { from, to }), from, to };
}

// Searching week windows keeps the common case (a slot within days) to a small read.
const SEARCH_WINDOW_DAYS = 28;

export async function findNextFreeSlot(
  db: Db,
  input: {
    officeSlug: string;
    serviceSlug: string;
    persons: number;
    now: Date;
    from?: LocalDate;
    excludeBookingId?: string;
  },
) {
  const { office, service } = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const today = localDateOf(input.now, office.timeZone);
  const lastBookable = addDays(today, office.bookingHorizonDays);
  let from = input.from && input.from > today ? input.from : today;
  while (from <= lastBookable) {
    const windowEnd = addDays(from, SEARCH_WINDOW_DAYS - 1);
    const to = windowEnd > lastBookable ? lastBookable : windowEnd;
    const availability = await loadAvailability(db, {
      office,
      service,
      persons: input.persons,
      now: input.now,
      from,
      to,
      excludeBookingId: input.excludeBookingId,
    });
    const slot = nextFreeSlot(availability, from);
    if (slot && localDateOf(slot.start, office.timeZone) <= to) return { office, service, slot };
    from = addDays(to, 1);
  }
  return { office, service, slot: null as Slot | null };
}
