import Holidays from "date-holidays";
import { addDays } from "./time";
import type { LocalDate, OfficeSchedule } from "./types";

// Statutory public holidays of an office's region (ISO 3166-2, e.g. DE-RP), computed with date-holidays for any
// year. They close the office all day unless it opens a single holiday as an explicit exception.

export interface PublicHoliday {
  date: LocalDate;
  name: string;
}

// One year of one region costs a few milliseconds to compute; the slot engine asks date by date.
const MAX_CACHED_YEARS = 512;
const byRegionYear = new Map<string, ReadonlyMap<LocalDate, string>>();

function calendarFor(region: string): Holidays {
  const [country, state] = region.split("-");
  return state ? new Holidays(country, state, { languages: ["de"] }) : new Holidays(country, { languages: ["de"] });
}

function holidaysOfYear(region: string, year: number): ReadonlyMap<LocalDate, string> {
  const key = `${region}:${year}`;
  let dates = byRegionYear.get(key);
  if (!dates) {
    const found = new Map<LocalDate, string>();
    for (const h of calendarFor(region).getHolidays(year, "de")) {
      // "YYYY-MM-DD hh:mm:ss" in the region's own time: the first ten characters are the local date. Observances
      // and half days (Heiligabend, Silvester) are no statutory holidays.
      if (h.type === "public" && !found.has(h.date.slice(0, 10))) found.set(h.date.slice(0, 10), h.name);
    }
    if (byRegionYear.size >= MAX_CACHED_YEARS) byRegionYear.clear();
    byRegionYear.set(key, found);
    dates = found;
  }
  return dates;
}

/** The statutory public holiday of the region on a date, or null. */
export function publicHolidayOn(region: string, date: LocalDate): PublicHoliday | null {
  const name = holidaysOfYear(region, Number(date.slice(0, 4))).get(date);
  return name === undefined ? null : { date, name };
}

/** Statutory public holidays of the region from `from` to `to`, both included, in date order. */
export function publicHolidays(region: string, from: LocalDate, to: LocalDate): PublicHoliday[] {
  const result: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const [date, name] of holidaysOfYear(region, year)) {
      if (date >= from && date <= to) result.push({ date, name });
    }
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The holidays of the next twelve months, from `today` on. */
export function upcomingHolidays(region: string, today: LocalDate): PublicHoliday[] {
  return publicHolidays(region, today, addDays(today, 365));
}

/**
 * The public holiday that closes the office on a date: a holiday of its region that it has not opened. Null on
 * every other date, and for a schedule without a region.
 */
export function closingHoliday(
  schedule: Pick<OfficeSchedule, "holidayRegion" | "openHolidays">,
  date: LocalDate,
): PublicHoliday | null {
  if (!schedule.holidayRegion) return null;
  const holiday = publicHolidayOn(schedule.holidayRegion, date);
  if (!holiday || schedule.openHolidays?.includes(date)) return null;
  return holiday;
}
