import {
  type CalendarDay,
  type DayStatus,
  type LocalDate,
  type Slot,
  type SlotWeek,
  addDays,
  bookableDates,
  datesBetween,
  isValidLocalDate,
  localDateOf,
  startOfWeek,
} from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import {
  appointmentShapeOf,
  availabilityWithin,
  nextFreeSlotOf,
  type Read,
  type SlotAppointment,
  type SlotQuery,
  type SlotTarget,
} from "./list-slots";
import { cachedOfficeAndService } from "./office-catalog";

/** The week and day a calendar was asked for (?woche=, ?tag=); anything that is no date is ignored. */
export interface WeekRequest {
  week?: string;
  day?: string;
}

/**
 * The Monday of the week to show: the one asked for, else the week of the asked day, else of the next free slot,
 * else of the first bookable date; never before the first bookable week or after the last bookable date.
 */
export function chooseWeek(
  request: WeekRequest,
  next: LocalDate | null,
  bookable: { first: LocalDate; last: LocalDate },
): { week: LocalDate; day: LocalDate | null } {
  const requestedDay = request.day && isValidLocalDate(request.day) ? request.day : undefined;
  let week =
    request.week && isValidLocalDate(request.week) ? startOfWeek(request.week) : startOfWeek(requestedDay ?? next ?? bookable.first);
  if (week < startOfWeek(bookable.first)) week = startOfWeek(bookable.first);
  if (week > bookable.last) week = startOfWeek(bookable.last);
  const day = requestedDay && requestedDay >= week && requestedDay <= addDays(week, 6) ? requestedDay : null;
  return { week, day };
}

/**
 * One office's free slots and day statuses in the week from `week`, from availability already read where it covers
 * the week. Without a bookable date in the week there is nothing to read, and each date is decided by the calendar.
 */
export async function officeWeek(
  db: Db,
  target: SlotTarget,
  q: SlotQuery,
  week: LocalDate,
  read: Read,
): Promise<{ slots: Slot[]; days: CalendarDay[] }> {
  const { office } = target;
  const weekEnd = addDays(week, 6);
  const within = await availabilityWithin(db, target, { ...q, from: week, to: weekEnd }, read);
  const { today, last } = bookableDates(office, office.timeZone, q.now);
  const outside = (date: LocalDate): DayStatus => ({ kind: date < today ? "past" : date > last ? "beyondHorizon" : "tooSoon" });
  return {
    slots: within ? within.availability.list({ from: within.from, to: within.to }) : [],
    days: datesBetween(week, weekEnd).map((date) => ({ date, status: within ? within.availability.status(date) : outside(date) })),
  };
}

/**
 * What the slot calendar shows: the next free slot and one week of days with their free slots and status. The week
 * opens on the next free slot unless the citizen browsed to another week (?woche=) or day (?tag=); it never lies
 * before the first date a start can be booked (minimum notice) or after the horizon. Usually all from one read.
 */
export async function loadSlotCalendar(
  db: Db,
  input: SlotQuery & WeekRequest & { officeSlug: string; serviceSlug: string; appointment?: SlotAppointment },
): Promise<SlotWeek> {
  const target = await cachedOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const { office } = target;
  const query = { ...input, shape: appointmentShapeOf(target, input.appointment) };
  const { slot: next, first } = await nextFreeSlotOf(db, target, query);
  const bookable = bookableDates(office, office.timeZone, input.now);
  const { week, day } = chooseWeek(input, next ? localDateOf(next.start, office.timeZone) : null, bookable);
  const { slots, days } = await officeWeek(db, target, query, week, first);
  return {
    next,
    week,
    day,
    slots,
    days,
    firstBookable: bookable.first,
    lastBookable: bookable.last,
    timeZone: office.timeZone,
    holidayRegion: office.holidayRegion,
  };
}
