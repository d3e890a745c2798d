import { Temporal } from "temporal-polyfill";
import type { LocalDate, Weekday } from "./types";

// All conversions between instants and office wall-clock time go through Temporal with the office's IANA zone, so
// daylight-saving changes are handled here and nowhere else.

export const MINUTES_PER_DAY = 1440;
export const MS_PER_MINUTE = 60_000;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Calendar arithmetic on plain dates needs no time zone; counting days since 1970-01-01 in UTC keeps it exact and
// much cheaper than a Temporal round trip, which matters when scanning months of dates.

function toEpochDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function epochDayOf(date: LocalDate): number {
  const match = typeof date === "string" ? LOCAL_DATE_PATTERN.exec(date) : null;
  const epochDay = match ? toEpochDay(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
  // A date like "2026-02-30" rolls over to another date and so fails the round trip.
  if (Number.isNaN(epochDay) || fromEpochDay(epochDay) !== date) {
    throw new RangeError(`Invalid local date: ${String(date)}`);
  }
  return epochDay;
}

function epochMs(instant: Date | number): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid instant");
  return ms;
}

function zoned(instant: Date | number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs(instant)).toZonedDateTimeISO(timeZone);
}

/** True for a real calendar date written as "YYYY-MM-DD" (rejects "2026-02-30"). */
export function isValidLocalDate(s: unknown): s is LocalDate {
  try {
    epochDayOf(s as LocalDate);
    return true;
  } catch {
    return false;
  }
}

/** The office-local calendar date of an instant. */
export function localDateOf(instant: Date | number, timeZone: string): LocalDate {
  return zoned(instant, timeZone).toPlainDate().toString();
}

/** Wall-clock minutes after local midnight (0..1439) of an instant in the office's zone. */
export function localMinuteOf(instant: Date | number, timeZone: string): number {
  const z = zoned(instant, timeZone);
  return z.hour * 60 + z.minute;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number, got ${n}`);
  return fromEpochDay(epochDayOf(date) + n);
}

export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((epochDayOf(date) + 3) % 7) + 7) % 7 + 1) as Weekday;
}

/** Monday of the ISO week containing the date. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** Every date from `from` to `to`, both included; empty when `from` is after `to`. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const last = epochDayOf(to);
  const dates: LocalDate[] = [];
  for (let day = epochDayOf(from); day <= last; day++) dates.push(fromEpochDay(day));
  return dates;
}

/**
 * The instant (epoch ms) of a wall-clock time on a local date. A time in the spring-forward gap moves forward by the
 * gap's length; an ambiguous autumn time takes the earlier instant (Temporal's "compatible"). 1440 is the next
 * local midnight, so a block ending at 24:00 ends where the next day begins.
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > MINUTES_PER_DAY) {
    throw new RangeError(`Minute of day out of range: ${minuteOfDay}`);
  }
  if (minuteOfDay === MINUTES_PER_DAY) return zonedInstant(addDays(date, 1), 0, timeZone);
  epochDayOf(date);
  const [year, month, day] = date.split("-").map(Number);
  return Temporal.PlainDateTime.from({
    year,
    month,
    day,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
  }).toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}
