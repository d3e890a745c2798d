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

// A zone keeps one UTC offset between two transitions (twice a year where clocks change). The offset of an instant
// comes from the span that holds it: Temporal is asked once per span and zone, not on every conversion (slot
// computation converts thousands of times per request). Instants outside 1900-2200 take Temporal's own path.
const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_TO = Date.UTC(2200, 0, 1);
const MAX_SPANS = 400;

interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
}

const offsetSpans = new Map<string, OffsetSpan[]>();

/** The zone's UTC offset in ms at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const spans = offsetSpans.get(timeZone) ?? [];
  for (const span of spans) if (ms >= span.from && ms < span.to) return span.offset;
  const here = zoned(ms, timeZone);
  const offset = here.offsetNanoseconds / 1e6;
  const previous = here.getTimeZoneTransition("previous")?.epochMilliseconds ?? -Infinity;
  const next = here.getTimeZoneTransition("next")?.epochMilliseconds ?? Infinity;
  // Exactly at a transition, "previous" is the one before it: then the span starts here.
  const from = previous === -Infinity || zoned(previous, timeZone).offsetNanoseconds / 1e6 === offset ? previous : ms;
  if (spans.length >= MAX_SPANS) spans.length = 0;
  spans.push({ from, to: next, offset });
  offsetSpans.set(timeZone, spans);
  return offset;
}

function fast(ms: number): boolean {
  return ms >= FAST_FROM && ms < FAST_TO;
}

/** Ms since 1970-01-01 00:00 on the office's wall clock. */
function wallMs(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone);
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
  const ms = epochMs(instant);
  if (fast(ms)) return fromEpochDay(Math.floor(wallMs(ms, timeZone) / MS_PER_DAY));
  return zoned(ms, timeZone).toPlainDate().toString();
}

/** Wall-clock minutes after local midnight (0..1439) of an instant in the office's zone. */
export function localMinuteOf(instant: Date | number, timeZone: string): number {
  const ms = epochMs(instant);
  if (fast(ms)) {
    const wall = wallMs(ms, timeZone);
    return Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  }
  const z = zoned(ms, timeZone);
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
  const wall = epochDayOf(date) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  if (fast(wall - MS_PER_DAY) && fast(wall + MS_PER_DAY)) {
    // As Temporal does: the offsets a day before and after bound the candidates; a wall time valid under both
    // (autumn) takes the earlier instant, one valid under neither (spring gap) the offset from before the change.
    const before = offsetAt(wall - MS_PER_DAY, timeZone);
    const after = offsetAt(wall + MS_PER_DAY, timeZone);
    const valid = [wall - before, wall - after].filter((ms) => wallMs(ms, timeZone) === wall);
    return valid.length > 0 ? Math.min(...valid) : wall - before;
  }
  const [year, month, day] = date.split("-").map(Number);
  return Temporal.PlainDateTime.from({
    year,
    month,
    day,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
  }).toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}
