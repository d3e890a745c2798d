import { addDays, localDateOf, publicHolidayOn, weekdayOf, type LocalDate } from "@/lib/domain";

// Tests that must run against the real clock (a built app, server actions without an injectable clock) pick their
// dates with these, so that they pass on every day of the year: no weekend, no public holiday of the office's region.

/** The first date from `date` on that is no public holiday of the region and passes `wanted`. */
function firstDayFrom(date: LocalDate, region: string, wanted: (day: LocalDate) => boolean = () => true): LocalDate {
  let day = date;
  while (!wanted(day) || publicHolidayOn(region, day)) day = addDays(day, 1);
  return day;
}

/** The first date from `date` on that is a working day (Monday to Friday, no public holiday of the region). */
export function workingDayFrom(date: LocalDate, region = "DE-RP"): LocalDate {
  return firstDayFrom(date, region, (day) => weekdayOf(day) <= 5);
}

/** The first date from `date` on with the given weekday (1 = Monday) that is not a public holiday of the region. */
export function weekdayFrom(date: LocalDate, weekday: number, region = "DE-RP"): LocalDate {
  return firstDayFrom(date, region, (day) => weekdayOf(day) === weekday);
}

/** Today in the office's time zone plus `days`, moved forward to a date that is not a public holiday. */
export function openDayAhead(days: number, timeZone = "Europe/Berlin", region = "DE-RP"): LocalDate {
  return firstDayFrom(addDays(localDateOf(new Date(), timeZone), days), region);
}
