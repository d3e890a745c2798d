import { capacityForDate } from "../capacity";
import { localDateOf, MS_PER_MINUTE } from "../time";
import type { LocalDate, OfficeSchedule } from "../types";
import { addToHistogram, emptyHistogram, type Histogram } from "./histogram";

// From bookings to anonymous daily rows: one row per service, local appointment date and channel with counts, sums
// and histograms, and nothing that identifies a person. The rows are what the evaluation reads; they are kept
// when the bookings' personal data is erased.
//
// An appointment for several services (identity card and passport) counts as booked for each of them, as a matter
// taken care of; its clerk-minutes are split between them, so the office's minutes are counted once, and its
// arrival and serving time are measured once, on its first service.

/**
 * Days back that every statistics run recomputes: a day's rows keep changing while clerks may still correct its
 * statuses (lib/domain/booking-status.ts bounds the office setting by this) and citizens cancel.
 */
export const SETTLING_DAYS = 14;

export const CHANNELS = ["ONLINE", "API", "PHONE", "COUNTER"] as const;
export type Channel = (typeof CHANNELS)[number];

/** What the statistics read of a booking. Unconfirmed holds are not bookings and must not be passed. */
export interface StatisticsBooking {
  serviceId: string;
  /** Further services taken care of in the same appointment, in order; each counts as booked for its service. */
  extraServiceIds?: readonly string[];
  channel: Channel;
  status: "CONFIRMED" | "ARRIVED" | "SERVED" | "NO_SHOW" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  cancelledAt: Date | null;
  arrivedAt: Date | null;
  servedAt: Date | null;
}

export interface DailyBookingRow {
  serviceId: string;
  date: LocalDate;
  channel: Channel;
  booked: number;
  cancelled: number;
  cancelLeadHistogram: Histogram;
  noShow: number;
  arrived: number;
  served: number;
  bookedMinutes: number;
  leadDaysSum: number;
  leadDaysHistogram: Histogram;
  punctualityCount: number;
  punctualitySum: number;
  punctualityHistogram: Histogram;
  durationCount: number;
  durationSum: number;
  durationHistogram: Histogram;
}

/**
 * Buckets of how early a cancellation came, in hours before the appointment: [0, 24) (including cancellations after
 * the start), [24, 48), [48, 168), [168, 336) and from 336 hours (two weeks) on. The histogram stores the index.
 */
export const CANCEL_LEAD_EDGES_HOURS = [24, 48, 168, 336] as const;

export function cancelLeadBucket(startsAt: Date, cancelledAt: Date): number {
  const hours = (startsAt.getTime() - cancelledAt.getTime()) / 3_600_000;
  let i = 0;
  while (i < CANCEL_LEAD_EDGES_HOURS.length && hours >= CANCEL_LEAD_EDGES_HOURS[i]) i++;
  return i;
}

const DAY_MS = 86_400_000;

/** Whole days from one local date to another (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / MS_PER_MINUTE);

export function emptyDailyRow(serviceId: string, date: LocalDate, channel: Channel): DailyBookingRow {
  return {
    serviceId,
    date,
    channel,
    booked: 0,
    cancelled: 0,
    cancelLeadHistogram: emptyHistogram(),
    noShow: 0,
    arrived: 0,
    served: 0,
    bookedMinutes: 0,
    leadDaysSum: 0,
    leadDaysHistogram: emptyHistogram(),
    punctualityCount: 0,
    punctualitySum: 0,
    punctualityHistogram: emptyHistogram(),
    durationCount: 0,
    durationSum: 0,
    durationHistogram: emptyHistogram(),
  };
}

/**
 * `total` whole minutes split in proportion to `weights` (all equal when none is positive), each part rounded down
 * and the rest handed out by the largest remainders, earlier parts first on ties: the parts always add up to `total`.
 */
export function splitMinutes(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = positive.reduce((n, w) => n + w, 0);
  const shares = sum > 0 ? positive.map((w) => (total * w) / sum) : weights.map(() => total / weights.length);
  const parts = shares.map(Math.floor);
  let rest = total - parts.reduce((n, p) => n + p, 0);
  const order = shares.map((share, i) => ({ i, fraction: share - parts[i] })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i]++;
    rest--;
  }
  return parts;
}

/**
 * The daily rows of the given bookings, grouped by the local date of the appointment's start. Definitions:
 * - booked: every booking (cancelled ones too), once for each of its services; lead time: local days from the day it
 *   was made to the appointment;
 * - bookedMinutes: clerk-minutes of the appointments not cancelled (no-shows included: the time was held for them),
 *   split between an appointment's services in proportion to `serviceMinutes` (their durations; equal parts for
 *   services not listed);
 * - punctuality: minutes from the start to the recorded arrival (negative = early), for arrived and served ones;
 * - duration: minutes from the recorded arrival to "served". Both on an appointment's first service only.
 */
export function aggregateBookings(
  bookings: readonly StatisticsBooking[],
  timeZone: string,
  serviceMinutes: ReadonlyMap<string, number> = new Map(),
): DailyBookingRow[] {
  const rows = new Map<string, DailyBookingRow>();
  for (const b of bookings) {
    const date = localDateOf(b.startsAt, timeZone);
    const serviceIds = [b.serviceId, ...(b.extraServiceIds ?? []).filter((id) => id !== b.serviceId)];
    const lead = Math.max(0, daysBetween(localDateOf(b.createdAt, timeZone), date));
    const minutes =
      b.status === "CANCELLED"
        ? serviceIds.map(() => 0)
        : splitMinutes(minutesBetween(b.startsAt, b.endsAt), serviceIds.map((id) => serviceMinutes.get(id) ?? 0));
    serviceIds.forEach((serviceId, i) => {
      const key = `${serviceId}|${date}|${b.channel}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = emptyDailyRow(serviceId, date, b.channel)));
      countBooking(row, b, lead, minutes[i], i === 0);
    });
  }
  return [...rows.values()].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : `${a.serviceId}|${a.channel}` < `${b.serviceId}|${b.channel}` ? -1 : 1,
  );
}

/** Adds one booking to the row of one of its services; `measured`: its first service, which carries the times. */
function countBooking(row: DailyBookingRow, b: StatisticsBooking, lead: number, minutes: number, measured: boolean): void {
  row.booked++;
  row.leadDaysSum += lead;
  addToHistogram(row.leadDaysHistogram, lead);

  if (b.status === "CANCELLED") {
    row.cancelled++;
    addToHistogram(row.cancelLeadHistogram, cancelLeadBucket(b.startsAt, b.cancelledAt ?? b.startsAt));
    return;
  }
  row.bookedMinutes += minutes;
  if (b.status === "NO_SHOW") row.noShow++;
  if (b.status === "ARRIVED") row.arrived++;
  if (b.status === "SERVED") row.served++;
  if (!measured) return;
  if ((b.status === "ARRIVED" || b.status === "SERVED") && b.arrivedAt) {
    const late = minutesBetween(b.startsAt, b.arrivedAt);
    row.punctualityCount++;
    row.punctualitySum += late;
    addToHistogram(row.punctualityHistogram, late);
    if (b.status === "SERVED" && b.servedAt && b.servedAt >= b.arrivedAt) {
      const duration = minutesBetween(b.arrivedAt, b.servedAt);
      row.durationCount++;
      row.durationSum += duration;
      addToHistogram(row.durationHistogram, duration);
    }
  }
}

/**
 * Clerk-minutes the office offered on a local date: for every stretch of constant capacity, the clerks on duty
 * times its real length, so the 23-hour and 25-hour days of the DST changes count what the clock really ran.
 */
export function offeredClerkMinutes(schedule: OfficeSchedule, date: LocalDate): number {
  let total = 0;
  for (const segment of capacityForDate(schedule, date)) {
    const clerks = segment.pools.reduce((sum, pool) => sum + pool.clerks, 0);
    total += clerks * Math.round((segment.end - segment.start) / MS_PER_MINUTE);
  }
  return total;
}
