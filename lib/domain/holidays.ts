import Holidays from "date-holidays";
import type { LocalDate, OfficeSchedule } from "./types";

// Statutory public holidays of an office's region (ISO 3166-2, e.g. DE-RP), computed with date-holidays for any
// year. They close the office all day unless it opens a single holiday as an explicit exception.

export interface PublicHoliday {
  date: LocalDate;
  name: string;
}

// One year of one region in one language costs a few milliseconds to compute; the slot engine asks date by date.
const MAX_CACHED_YEARS = 512;
const byRegionYear = new Map<string, ReadonlyMap<LocalDate, string>>();

function calendarFor(region: string, language: string): Holidays {
  const [country, state] = region.split("-");
  const opts = { languages: [language] };
  return state ? new Holidays(country, state, opts) : new Holidays(country, opts);
}

/** Names of the region's statutory holidays of a year by date, in `language` where the library has it. */
function holidaysOfYear(region: string, year: number, language = "de"): ReadonlyMap<LocalDate, string> {
  const key = `${region}:${year}:${language}`;
  let dates = byRegionYear.get(key);
  if (!dates) {
    const found = new Map<LocalDate, string>();
    for (const h of calendarFor(region, language).getHolidays(year, language)) {
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

/** A holiday's name and the language it is in. */
export interface HolidayName {
  name: string;
  language: string;
}

/**
 * The name of the region's statutory holiday on a date in `language`, or null on other dates. The library lacks
 * many languages for German holidays and then gives the German name: that comes back marked as German.
 */
export function holidayName(region: string, date: LocalDate, language: string): HolidayName | null {
  const year = Number(date.slice(0, 4));
  const german = holidaysOfYear(region, year).get(date);
  if (german === undefined) return null;
  const name = holidaysOfYear(region, year, language).get(date);
  return name === undefined || name === german ? { name: german, language: "de" } : { name, language };
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
