import { addDays, isValidLocalDate, localDateOf, startOfWeek } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { freeSlotsWithin, nextFreeSlotOf } from "./list-slots";
import { getActiveOfficeAndService } from "./office-catalog";

/**
 * What the slot calendar shows: the next free slot and one week of free slots. The week opens on the next free
 * slot unless the citizen browsed to another week (?woche=) or day (?tag=). Usually both come from one read.
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
  const target = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const { office } = target;
  const { slot: next, first } = await nextFreeSlotOf(db, target, input);
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
  const slots = await freeSlotsWithin(db, target, { ...input, from: week, to: addDays(week, 6) }, first);
  const day = requestedDay && requestedDay >= week && requestedDay <= addDays(week, 6) ? requestedDay : null;
  return { next, week, day, slots, firstBookable, lastBookable, timeZone: office.timeZone };
}
