import type { LocalDate } from "../types";
import type { TicketKindName } from "../ticket";
import { MS_PER_MINUTE, startOfWeek } from "../time";
import { addToHistogram, bucketCounts, emptyHistogram, histogramMedian, histogramPercentile, mergeHistograms, type Histogram } from "./histogram";
import type { Distribution } from "./summary";

// From the day's tickets to anonymous daily rows of the queue: per service, local date and ticket kind the tickets,
// their outcomes, the wait from check-in (or issue) to the first call and the serving time, as counts, sums and
// histograms by whole minutes, so a period's median and 90th percentile are exact. A ticket holds no personal data;
// the rows outlive the tickets, which are deleted with the bookings' retention.

type TicketKind = TicketKindName;

/** What the statistics read of a ticket. */
export interface StatisticsTicket {
  serviceId: string;
  /** Local date of the visit (office time zone), as stored on the ticket. */
  date: LocalDate;
  kind: TicketKind;
  status: "WAITING" | "CALLED" | "PARKED" | "SERVED" | "NO_SHOW" | "CANCELLED";
  /** The appointment's start (appointment tickets). */
  dueAt: Date | null;
  arrivedAt: Date;
  firstCalledAt: Date | null;
  finishedAt: Date | null;
}

export interface DailyQueueRow {
  serviceId: string;
  date: LocalDate;
  kind: TicketKind;
  /** Tickets issued and not cancelled. */
  tickets: number;
  served: number;
  noShow: number;
  waitCount: number;
  waitSum: number;
  waitHistogram: Histogram;
  serveCount: number;
  serveSum: number;
  serveHistogram: Histogram;
  /** Appointment tickets first called no later than the office's call tolerance after their time. */
  onTimeCalled: number;
}

export function emptyQueueRow(serviceId: string, date: LocalDate, kind: TicketKind): DailyQueueRow {
  return {
    serviceId,
    date,
    kind,
    tickets: 0,
    served: 0,
    noShow: 0,
    waitCount: 0,
    waitSum: 0,
    waitHistogram: emptyHistogram(),
    serveCount: 0,
    serveSum: 0,
    serveHistogram: emptyHistogram(),
    onTimeCalled: 0,
  };
}

/** Whole minutes from one instant to a later one; a clock skew never makes a negative wait. */
const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / MS_PER_MINUTE));

/** Whether an appointment's first call came no later than `toleranceMinutes` after its time. */
export function calledOnTime(dueAt: Date, firstCalledAt: Date, toleranceMinutes: number): boolean {
  return firstCalledAt.getTime() <= dueAt.getTime() + Math.max(0, toleranceMinutes) * MS_PER_MINUTE;
}

/**
 * The daily rows of the given tickets. Definitions:
 * - wait: minutes from arrival (check-in or issue) to the first call, for every ticket called at least once
 *   (an early arrival's wait includes the time until the appointment);
 * - serve: minutes from the first call to "Erledigt", for served tickets;
 * - onTimeCalled: appointment tickets whose first call came no later than `callToleranceMinutes` after their time.
 * Cancelled tickets count nowhere.
 */
export function aggregateTickets(tickets: readonly StatisticsTicket[], callToleranceMinutes: number): DailyQueueRow[] {
  const rows = new Map<string, DailyQueueRow>();
  for (const t of tickets) {
    if (t.status === "CANCELLED") continue;
    const key = `${t.serviceId}|${t.date}|${t.kind}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = emptyQueueRow(t.serviceId, t.date, t.kind)));

    row.tickets++;
    if (t.status === "SERVED") row.served++;
    if (t.status === "NO_SHOW") row.noShow++;
    if (!t.firstCalledAt) continue;
    const wait = minutesBetween(t.arrivedAt, t.firstCalledAt);
    row.waitCount++;
    row.waitSum += wait;
    addToHistogram(row.waitHistogram, wait);
    if (t.kind === "APPOINTMENT" && t.dueAt && calledOnTime(t.dueAt, t.firstCalledAt, callToleranceMinutes)) row.onTimeCalled++;
    if (t.status === "SERVED" && t.finishedAt) {
      const serve = minutesBetween(t.firstCalledAt, t.finishedAt);
      row.serveCount++;
      row.serveSum += serve;
      addToHistogram(row.serveHistogram, serve);
    }
  }
  return [...rows.values()].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : `${a.serviceId}|${a.kind}` < `${b.serviceId}|${b.kind}` ? -1 : 1,
  );
}

/** Minutes from check-in to the first call: up to 5, 6 to 15, 16 to 30, 31 to 60, over 60. */
export const QUEUE_WAIT_EDGES_MINUTES = [6, 16, 31, 61] as const;

export type QueueDistribution = Distribution & { p90: number | null };

export interface QueueServiceFigures {
  serviceId: string;
  walkIns: number;
  appointments: number;
  served: number;
  wait: QueueDistribution;
  serve: QueueDistribution;
}

export interface QueueSummary {
  /** Walk-in tickets (not cancelled). */
  walkIns: number;
  walkInsServed: number;
  /** Checked-in appointments (tickets of the T series). */
  appointments: number;
  served: number;
  noShow: number;
  /** From check-in to the first call, all tickets; and per kind. */
  wait: QueueDistribution & { buckets: number[] };
  walkInWait: QueueDistribution;
  appointmentWait: QueueDistribution;
  /** From the first call to "Erledigt", served tickets. */
  serve: QueueDistribution;
  /** Appointments called, of them on time, and the share. */
  onTime: { called: number; onTime: number; share: number | null };
  byService: QueueServiceFigures[];
}

function queueDistribution(count: number, sum: number, h: Histogram): QueueDistribution {
  return { count, mean: count > 0 ? sum / count : null, median: histogramMedian(h), p90: histogramPercentile(h, 0.9) };
}

interface Sums {
  tickets: number;
  served: number;
  waitCount: number;
  waitSum: number;
  wait: Histogram;
  serveCount: number;
  serveSum: number;
  serve: Histogram;
}

const emptySums = (): Sums => ({ tickets: 0, served: 0, waitCount: 0, waitSum: 0, wait: {}, serveCount: 0, serveSum: 0, serve: {} });

function add(s: Sums, r: DailyQueueRow): void {
  s.tickets += r.tickets;
  s.served += r.served;
  s.waitCount += r.waitCount;
  s.waitSum += r.waitSum;
  mergeHistograms(s.wait, r.waitHistogram);
  s.serveCount += r.serveCount;
  s.serveSum += r.serveSum;
  mergeHistograms(s.serve, r.serveHistogram);
}

/** The queue's figures of the period [from, to] from the daily rows. */
export function summarizeQueue(input: { from: LocalDate; to: LocalDate; rows: readonly DailyQueueRow[] }): QueueSummary {
  const rows = input.rows.filter((r) => r.date >= input.from && r.date <= input.to);
  const all = emptySums();
  const kinds: Record<TicketKind, Sums> = { APPOINTMENT: emptySums(), WALK_IN: emptySums() };
  const services = new Map<string, { sums: Sums; walkIns: number; appointments: number }>();
  let noShow = 0;
  let onTime = 0;
  for (const r of rows) {
    add(all, r);
    add(kinds[r.kind], r);
    let s = services.get(r.serviceId);
    if (!s) services.set(r.serviceId, (s = { sums: emptySums(), walkIns: 0, appointments: 0 }));
    add(s.sums, r);
    if (r.kind === "WALK_IN") s.walkIns += r.tickets;
    else s.appointments += r.tickets;
    noShow += r.noShow;
    if (r.kind === "APPOINTMENT") onTime += r.onTimeCalled;
  }
  const called = kinds.APPOINTMENT.waitCount;
  const byService = [...services.entries()].map(
    ([serviceId, { sums, walkIns, appointments }]): QueueServiceFigures => ({
      serviceId,
      walkIns,
      appointments,
      served: sums.served,
      wait: queueDistribution(sums.waitCount, sums.waitSum, sums.wait),
      serve: queueDistribution(sums.serveCount, sums.serveSum, sums.serve),
    }),
  );
  return {
    walkIns: kinds.WALK_IN.tickets,
    walkInsServed: kinds.WALK_IN.served,
    appointments: kinds.APPOINTMENT.tickets,
    served: all.served,
    noShow,
    wait: { ...queueDistribution(all.waitCount, all.waitSum, all.wait), buckets: bucketCounts(all.wait, QUEUE_WAIT_EDGES_MINUTES) },
    walkInWait: queueDistribution(kinds.WALK_IN.waitCount, kinds.WALK_IN.waitSum, kinds.WALK_IN.wait),
    appointmentWait: queueDistribution(called, kinds.APPOINTMENT.waitSum, kinds.APPOINTMENT.wait),
    serve: queueDistribution(all.serveCount, all.serveSum, all.serve),
    onTime: { called, onTime, share: called > 0 ? onTime / called : null },
    byService: byService.sort(
      (a, b) => b.walkIns + b.appointments - (a.walkIns + a.appointments) || (a.serviceId < b.serviceId ? -1 : 1),
    ),
  };
}

export interface QueueSeriesPoint {
  /** The date, or the Monday of the week. */
  start: LocalDate;
  walkIns: number;
  /** Walk-in tickets per service id (services without walk-ins that day are absent). */
  walkInsByService: Record<string, number>;
  appointments: number;
  /** Median minutes from check-in to the first call; null without a call. */
  waitMedian: number | null;
  waitP90: number | null;
}

/** Per day, or per ISO week for long periods, like periodSeries: every day or week of the period appears. */
export function queueSeries(
  input: { from: LocalDate; to: LocalDate; rows: readonly DailyQueueRow[] },
  dates: readonly LocalDate[],
  unit: "day" | "week",
): QueueSeriesPoint[] {
  const keyOf = (date: LocalDate) => (unit === "week" ? startOfWeek(date) : date);
  const points = new Map<LocalDate, { walkIns: number; walkInsByService: Record<string, number>; appointments: number; wait: Histogram }>();
  for (const date of dates) {
    if (!points.has(keyOf(date))) points.set(keyOf(date), { walkIns: 0, walkInsByService: {}, appointments: 0, wait: {} });
  }
  for (const r of input.rows) {
    if (r.date < input.from || r.date > input.to) continue;
    const p = points.get(keyOf(r.date));
    if (!p) continue;
    if (r.kind === "WALK_IN") {
      p.walkIns += r.tickets;
      p.walkInsByService[r.serviceId] = (p.walkInsByService[r.serviceId] ?? 0) + r.tickets;
    } else p.appointments += r.tickets;
    mergeHistograms(p.wait, r.waitHistogram);
  }
  return [...points.entries()].map(([start, p]) => ({
    start,
    walkIns: p.walkIns,
    walkInsByService: p.walkInsByService,
    appointments: p.appointments,
    waitMedian: histogramMedian(p.wait),
    waitP90: histogramPercentile(p.wait, 0.9),
  }));
}
