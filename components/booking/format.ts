import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

// Dates and times are always shown in the office's time zone, whatever the device's zone is, and in the Gregorian
// calendar of the office's letters and notices (Persian would otherwise default to the Solar Hijri calendar).

const calendar = "gregory";

export function longDate(format: Formatter, date: Date, timeZone: string): string {
  return format.dateTime(date, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone, calendar });
}

export function shortDay(format: Formatter, date: Date, timeZone: string): string {
  return format.dateTime(date, { weekday: "short", day: "numeric", month: "short", timeZone, calendar });
}

export function clockTime(format: Formatter, date: Date, timeZone: string): string {
  // The 24-hour clock of the office's letters and call displays, in every language ("17:30", not "5:30 PM").
  return format.dateTime(date, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, calendar });
}

/** "Dienstag, 1. Dezember 2026, 14:30": a deadline written out, in the office's time zone. */
export function dateAndTime(format: Formatter, date: Date, timeZone: string): string {
  return `${longDate(format, date, timeZone)}, ${clockTime(format, date, timeZone)}`;
}

/** A local calendar date ("YYYY-MM-DD") formatted without any time-zone shift. */
export function plainDate(format: Formatter, date: string): string {
  return format.dateTime(new Date(`${date}T12:00:00Z`), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC", calendar });
}
