import { startOfWeek } from "../time";
import type { LocalDate } from "../types";
import { CHANNELS, type Channel, type DailyBookingRow } from "./aggregate";
import { bucketCounts, histogramMedian, mergeHistograms, type Histogram } from "./histogram";

// Period figures from the daily rows. Every figure is a ratio of sums or a median of merged histograms, so the
// figures of a period equal those computed from its bookings directly.

export interface OfficeCapacityRow {
  date: LocalDate;
  offeredMinutes: number;
}

export interface NextFreeSlotRow {
  serviceId: string;
  date: LocalDate;
  /** null: no free slot within the booking horizon on that day. */
  days: number | null;
}

/** Arrival minus start, in minutes: more than 10 early, up to 10 early, up to 5 late, 6 to 15 late, over 15 late. */
export const PUNCTUALITY_EDGES_MINUTES = [-10, 0, 6, 16] as const;

export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
}

export interface PeriodSummary {
  from: LocalDate;
  to: LocalDate;
  booked: number;
  cancelled: number;
  /** Appointments not cancelled. */
  appointments: number;
  noShow: number;
  arrived: number;
  served: number;
  /** Appointments not cancelled on days before `today`: the base of the no-show rate. */
  settledAppointments: number;
  settledNoShows: number;
  /** Settled appointments with neither arrival, served nor no-show recorded. */
  unrecorded: number;
  bookedMinutes: number;
  offeredMinutes: number;
  /** bookedMinutes / offeredMinutes; null with a service filter (clerks serve several services) or no capacity. */
  utilisation: number | null;
  cancellationRate: number | null;
  noShowRate: number | null;
  leadDays: Distribution;
  /** Cancellations per bucket of CANCEL_LEAD_EDGES_HOURS. */
  cancelLead: number[];
  punctuality: Distribution & { buckets: number[] };
  duration: Distribution;
  nextFreeSlot: { samples: number; mean: number | null; none: number; latest: { date: LocalDate; days: number | null } | null };
  byChannel: Record<Channel, number>;
  byService: Array<{ serviceId: string; booked: number; cancelled: number; noShow: number; bookedMinutes: number }>;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function distribution(count: number, sum: number, h: Histogram): Distribution {
  return { count, mean: ratio(sum, count), median: histogramMedian(h) };
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

export interface SummaryInput {
  from: LocalDate;
  to: LocalDate;
  /** The office-local today: days before it are settled (no-shows recorded). */
  today: LocalDate;
  rows: readonly DailyBookingRow[];
  capacity: readonly OfficeCapacityRow[];
  samples: readonly NextFreeSlotRow[];
  /** True when only some services are counted: the offered clerk-minutes cannot be split by service. */
  serviceFiltered: boolean;
}

const inPeriod = <T extends { date: LocalDate }>(items: readonly T[], from: LocalDate, to: LocalDate) =>
  items.filter((r) => r.date >= from && r.date <= to);

export function summarizePeriod(input: SummaryInput): PeriodSummary {
  const { from, to, today } = input;
  const rows = inPeriod(input.rows, from, to);
  const sum = (f: (r: DailyBookingRow) => number, list = rows) => list.reduce((s, r) => s + f(r), 0);
  const merged = (f: (r: DailyBookingRow) => Histogram) => rows.reduce((h, r) => mergeHistograms(h, f(r)), {} as Histogram);

  const booked = sum((r) => r.booked);
  const cancelled = sum((r) => r.cancelled);
  const settled = rows.filter((r) => r.date < today);
  const settledAppointments = sum((r) => r.booked - r.cancelled, settled);
  const settledNoShows = sum((r) => r.noShow, settled);
  const bookedMinutes = sum((r) => r.bookedMinutes);
  const offeredMinutes = inPeriod(input.capacity, from, to).reduce((s, c) => s + c.offeredMinutes, 0);

  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const byServiceMap = new Map<string, PeriodSummary["byService"][number]>();
  for (const r of rows) {
    byChannel[r.channel] += r.booked;
    const s = byServiceMap.get(r.serviceId) ?? { serviceId: r.serviceId, booked: 0, cancelled: 0, noShow: 0, bookedMinutes: 0 };
    s.booked += r.booked;
    s.cancelled += r.cancelled;
    s.noShow += r.noShow;
    s.bookedMinutes += r.bookedMinutes;
    byServiceMap.set(r.serviceId, s);
  }

  const punctualityHistogram = merged((r) => r.punctualityHistogram);
  const samples = inPeriod(input.samples, from, to);
  const found = samples.filter((s) => s.days !== null).map((s) => s.days as number);
  const lastDate = samples.reduce<LocalDate | null>((d, s) => (d === null || s.date > d ? s.date : d), null);
  const latestDays = lastDate === null ? [] : samples.filter((s) => s.date === lastDate);
  const latestFound = latestDays.filter((s) => s.days !== null).map((s) => s.days as number);

  return {
    from,
    to,
    booked,
    cancelled,
    appointments: booked - cancelled,
    noShow: sum((r) => r.noShow),
    arrived: sum((r) => r.arrived),
    served: sum((r) => r.served),
    settledAppointments,
    settledNoShows,
    unrecorded: sum((r) => r.booked - r.cancelled - r.noShow - r.arrived - r.served, settled),
    bookedMinutes,
    offeredMinutes,
    utilisation: input.serviceFiltered ? null : ratio(bookedMinutes, offeredMinutes),
    cancellationRate: ratio(cancelled, booked),
    noShowRate: ratio(settledNoShows, settledAppointments),
    leadDays: distribution(booked, sum((r) => r.leadDaysSum), merged((r) => r.leadDaysHistogram)),
    cancelLead: bucketCounts(merged((r) => r.cancelLeadHistogram), [1, 2, 3, 4]),
    punctuality: {
      ...distribution(sum((r) => r.punctualityCount), sum((r) => r.punctualitySum), punctualityHistogram),
      buckets: bucketCounts(punctualityHistogram, PUNCTUALITY_EDGES_MINUTES),
    },
    duration: distribution(sum((r) => r.durationCount), sum((r) => r.durationSum), merged((r) => r.durationHistogram)),
    nextFreeSlot: {
      samples: samples.length,
      mean: mean(found),
      none: samples.length - found.length,
      latest: lastDate === null ? null : { date: lastDate, days: latestFound.length ? (mean(latestFound) as number) : null },
    },
    byChannel,
    byService: [...byServiceMap.values()].sort((a, b) => b.booked - a.booked || (a.serviceId < b.serviceId ? -1 : 1)),
  };
}

export interface SeriesPoint {
  /** The date, or the Monday of the week. */
  start: LocalDate;
  booked: number;
  cancelled: number;
  noShow: number;
  bookedMinutes: number;
  offeredMinutes: number;
  utilisation: number | null;
  /** Mean over the sampled services and days of days until the next free slot; null without a found slot. */
  nextFreeSlotDays: number | null;
}

/** Per day, or per ISO week (Monday) for long periods; every day or week of the period appears, empty ones as 0. */
export function periodSeries(input: SummaryInput, dates: readonly LocalDate[], unit: "day" | "week"): SeriesPoint[] {
  const keyOf = (date: LocalDate) => (unit === "week" ? startOfWeek(date) : date);
  const points = new Map<LocalDate, SeriesPoint & { slotDays: number[] }>();
  for (const date of dates) {
    const key = keyOf(date);
    if (!points.has(key)) {
      points.set(key, { start: key, booked: 0, cancelled: 0, noShow: 0, bookedMinutes: 0, offeredMinutes: 0, utilisation: null, nextFreeSlotDays: null, slotDays: [] });
    }
  }
  const within = (date: LocalDate) => (date >= input.from && date <= input.to ? points.get(keyOf(date)) : undefined);
  for (const r of input.rows) {
    const p = within(r.date);
    if (!p) continue;
    p.booked += r.booked;
    p.cancelled += r.cancelled;
    p.noShow += r.noShow;
    p.bookedMinutes += r.bookedMinutes;
  }
  for (const c of input.capacity) {
    const p = within(c.date);
    if (p) p.offeredMinutes += c.offeredMinutes;
  }
  for (const s of input.samples) {
    const p = within(s.date);
    if (p && s.days !== null) p.slotDays.push(s.days);
  }
  return [...points.values()].map(({ slotDays, ...p }) => ({
    ...p,
    utilisation: input.serviceFiltered ? null : ratio(p.bookedMinutes, p.offeredMinutes),
    nextFreeSlotDays: mean(slotDays),
  }));
}

export const KEY_FIGURES = [
  "booked",
  "cancellationRate",
  "noShowRate",
  "utilisation",
  "leadDaysMedian",
  "nextFreeSlotMean",
  "punctualityMedian",
  "durationMedian",
] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

export function keyFigure(s: PeriodSummary, figure: KeyFigure): number | null {
  switch (figure) {
    case "booked":
      return s.booked;
    case "cancellationRate":
      return s.cancellationRate;
    case "noShowRate":
      return s.noShowRate;
    case "utilisation":
      return s.utilisation;
    case "leadDaysMedian":
      return s.leadDays.median;
    case "nextFreeSlotMean":
      return s.nextFreeSlot.mean;
    case "punctualityMedian":
      return s.punctuality.median;
    case "durationMedian":
      return s.duration.median;
  }
}

export interface FigureComparison {
  figure: KeyFigure;
  current: number | null;
  previous: number | null;
  /** current - previous (rates as fractions: 0.02 = 2 percentage points); null when either is missing. */
  delta: number | null;
}

export function comparePeriods(current: PeriodSummary, previous: PeriodSummary): FigureComparison[] {
  return KEY_FIGURES.map((figure) => {
    const a = keyFigure(current, figure);
    const b = keyFigure(previous, figure);
    return { figure, current: a, previous: b, delta: a === null || b === null ? null : a - b };
  });
}
