import { addDays, localDateOf, publicHolidayOn, weekdayOf, type LocalDate } from "@/lib/domain";

// Tests that must run against the real clock (a built app, server actions without an injectable clock) pick their
// dates with these, so that they pass on every day of the year: no weekend, no public holiday of the office's region.

/** The first date from `date` on that is a working day (Monday to Friday, no public holiday of the region). */
export function workingDayFrom(date: LocalDate, region = "DE-RP"): LocalDate {
  let day = date;
  while (weekdayOf(day) > 5 || publicHolidayOn(region, day)) day = addDays(day, 1);
  return day;
}

/** The first date from `date` on with the given weekday (1 = Monday) that is not a public holiday of the region. */
export function weekdayFrom(date: LocalDate, weekday: number, region = "DE-RP"): LocalDate {
  let day = date;
  while (weekdayOf(day) !== weekday || publicHolidayOn(region, day)) day = addDays(day, 1);
  return day;
}

/** Today in the office's time zone plus `days`, moved forward to a date that is not a public holiday. */
export function openDayAhead(days: number, timeZone = "Europe/Berlin", region = "DE-RP"): LocalDate {
  let day = addDays(localDateOf(new Date(), timeZone), days);
  while (publicHolidayOn(region, day)) day = addDays(day, 1);
  return day;
}
