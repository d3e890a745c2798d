import {
  type CalendarDay,
  type DayStatus,
  type LocalDate,
  type SlotWeek,
  addDays,
  bookableDates,
  datesBetween,
  isValidLocalDate,
  localDateOf,
  startOfWeek,
} from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { availabilityWithin, nextFreeSlotOf, type SlotQuery } from "./list-slots";
import { getActiveOfficeAndService } from "./office-catalog";

/**
 * What the slot calendar shows: the next free slot and one week of days with their free slots and status. The week
 * opens on the next free slot unless the citizen browsed to another week (?woche=) or day (?tag=); it never lies
 * before the first date a start can be booked (minimum notice) or after the horizon. Usually all from one read.
 */
export async function loadSlotCalendar(
  db: Db,
  input: SlotQuery & {
    officeSlug: string;
    serviceSlug: string;
    week?: string;
    day?: string;
  },
): Promise<SlotWeek> {
  const target = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const { office } = target;
  const { slot: next, first } = await nextFreeSlotOf(db, target, input);
  const { today, first: firstBookable, last: lastBookable } = bookableDates(office, office.timeZone, input.now);
  const requestedDay = input.day && isValidLocalDate(input.day) ? input.day : undefined;
  let week =
    input.week && isValidLocalDate(input.week)
      ? startOfWeek(input.week)
      : startOfWeek(requestedDay ?? (next ? localDateOf(next.start, office.timeZone) : firstBookable));
  if (week < startOfWeek(firstBookable)) week = startOfWeek(firstBookable);
  if (week > lastBookable) week = startOfWeek(lastBookable);
  const weekEnd = addDays(week, 6);
  const within = await availabilityWithin(db, target, { ...input, from: week, to: weekEnd }, first);
  const slots = within ? within.availability.list({ from: within.from, to: within.to }) : [];
  // Without a bookable date in the week there is nothing to read, and each date is decided by the calendar alone.
  const outside = (date: LocalDate): DayStatus => ({
    kind: date < today ? "past" : date > lastBookable ? "beyondHorizon" : "tooSoon",
  });
  const days: CalendarDay[] = datesBetween(week, weekEnd).map((date) => ({
    date,
    status: within ? within.availability.status(date) : outside(date),
  }));
  const day = requestedDay && requestedDay >= week && requestedDay <= weekEnd ? requestedDay : null;
  return {
    next,
    week,
    day,
    slots,
    days,
    firstBookable,
    lastBookable,
    timeZone: office.timeZone,
    holidayRegion: office.holidayRegion,
  };
}
