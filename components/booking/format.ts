import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

// Dates and times are always shown in the office's time zone, whatever the device's zone is.

export function longDate(format: Formatter, date: Date, timeZone: string): string {
  return format.dateTime(date, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone });
}

export function shortDay(format: Formatter, date: Date, timeZone: string): string {
  return format.dateTime(date, { weekday: "short", day: "numeric", month: "short", timeZone });
}

export function clockTime(format: Formatter, date: Date, timeZone: string): string {
  return format.dateTime(date, { hour: "2-digit", minute: "2-digit", timeZone });
}

/** A local calendar date ("YYYY-MM-DD") formatted without any time-zone shift. */
export function plainDate(format: Formatter, date: string): string {
  return format.dateTime(new Date(`${date}T12:00:00Z`), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
}
