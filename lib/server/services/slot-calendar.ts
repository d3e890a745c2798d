import { addDays, isValidLocalDate, localDateOf, startOfWeek } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { findNextFreeSlot, listFreeSlots } from "./list-slots";

/**
 * What the slot calendar shows: the next free slot and one week of free slots. The week opens on the next free
 * slot unless the citizen browsed to another week (?woche=) or day (?tag=).
 */
export async function loadSlotCalendar(
  db: Db,
  input: {
    officeSlug: string;
    serviceSlug: string;
    persons: number;
    now: Date;
    week?: string;
    day?: string;
    excludeBookingId?: string;
  },
) {
  const { office, slot: next } = await findNextFreeSlot(db, input);
  const today = localDateOf(input.now, office.timeZone);
  const firstBookable = startOfWeek(today);
  const lastBookable = addDays(today, office.bookingHorizonDays);
  const requestedDay = input.day && isValidLocalDate(input.day) ? input.day : undefined;
  let week =
    input.week && isValidLocalDate(input.week)
      ? startOfWeek(input.week)
      : startOfWeek(requestedDay ?? (next ? localDateOf(next.start, office.timeZone) : today));
  if (week < firstBookable) week = firstBookable;
  if (week > lastBookable) week = startOfWeek(lastBookable);
  const { slots } = await listFreeSlots(db, { ...input, from: week, to: addDays(week, 6) });
  const day = requestedDay && requestedDay >= week && requestedDay <= addDays(week, 6) ? requestedDay : null;
  return { next, week, day, slots, firstBookable, lastBookable, timeZone: office.timeZone };
}
