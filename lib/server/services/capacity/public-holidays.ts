import Holidays from "date-holidays";
import { addDays, type LocalDate } from "@/lib/domain";

// Public holidays of an office's state, computed with date-holidays. They are only suggestions: the office's
// administration accepts each one (a Closure of kind HOLIDAY on that date) or leaves it open.

/** The region whose holidays an office observes (ISO 3166-2, stored per office). */
export function holidayRegionOf(office: { holidayRegion: string }): string {
  return office.holidayRegion;
}

export interface PublicHoliday {
  date: LocalDate;
  name: string;
}

function calendarFor(region: string) {
  const [country, state] = region.split("-");
  return state ? new Holidays(country, state, { languages: ["de"] }) : new Holidays(country, { languages: ["de"] });
}

/** Statutory public holidays (not observances or half-days) of the region from `from` to `to`, both included. */
export function publicHolidays(region: string, from: LocalDate, to: LocalDate): PublicHoliday[] {
  const calendar = calendarFor(region);
  const result: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of calendar.getHolidays(year, "de")) {
      // "YYYY-MM-DD hh:mm:ss" in the region's own time: the first ten characters are the local date.
      const date = h.date.slice(0, 10);
      if (h.type === "public" && date >= from && date <= to) result.push({ date, name: h.name });
    }
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The next twelve months of holidays, from today. */
export function upcomingHolidays(region: string, today: LocalDate): PublicHoliday[] {
  return publicHolidays(region, today, addDays(today, 365));
}
