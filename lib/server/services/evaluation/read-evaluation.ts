import { addDays, localDateOf, type LocalDate } from "@/lib/domain";
import {
  comparePeriods,
  parseHistogram,
  periodDates,
  periodSeries,
  queueSeries,
  seriesUnit,
  summarizePeriod,
  summarizeQueue,
  summarizeWaitlist,
  type Channel,
  type DailyBookingRow,
  type DailyQueueRow,
  type FigureComparison,
  type Period,
  type PeriodSummary,
  type QueueSeriesPoint,
  type QueueSummary,
  type SeriesPoint,
  type SummaryInput,
  type WaitlistSummary,
} from "@/lib/domain/statistics";
import { slugSchema } from "@/lib/schemas/booking";
import { ALL_OFFICES } from "@/lib/schemas/evaluation";
import { assertCanGlobally, assertCanOnOffice, canOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { catalogueName, serviceListOrder, withName } from "../service-texts";
import { comparisonPeriod, type EvaluationQuery } from "./query";

// The evaluation of one office or of all offices for a period, optionally compared with a second period. Reads only
// the anonymous daily rows, never a booking, so the figures are the same before and after erasure; the waiting
// list's figures come from the wish and offer rows and the booked appointment's start, all columns that stay after
// erasure; the queue's from its own daily rows, which outlive the tickets.

const DEFAULT_TIME_ZONE = "Europe/Berlin";

export interface EvaluationOffice {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export interface EvaluationService {
  id: string;
  slug: string;
  name: string;
  officeId: string;
}

/** Offices whose evaluation the actor may read: all for administrators, their own for office administrators. */
export async function evaluationOfficesOf(db: Db, actor: Actor): Promise<EvaluationOffice[]> {
  const offices = await db.office.findMany({
    where: actor.role === "ADMIN" ? {} : { id: { in: [...actor.officeIds] } },
    orderBy: [{ department: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, timeZone: true },
  });
  return offices.filter((o) => canOnOffice(actor, "evaluation:office", o.id));
}

export interface EvaluationScope {
  /** Offices the actor may choose from. */
  offices: EvaluationOffice[];
  /** The evaluated office; null means all offices together. */
  office: EvaluationOffice | null;
  services: EvaluationService[];
  /** The service filter, when one is set. */
  service: EvaluationService | null;
  timeZone: string;
}

/**
 * Who may see what: all offices together needs "evaluation:all" (administrators); one office needs
 * "evaluation:office" on it. Unknown or malformed office and service slugs are not found; another office is forbidden.
 */
export async function resolveEvaluationScope(db: Db, actor: Actor, q: Pick<EvaluationQuery, "office" | "service">): Promise<EvaluationScope> {
  const offices = await evaluationOfficesOf(db, actor);
  let office: EvaluationOffice | null = null;
  if (q.office === ALL_OFFICES || (q.office === undefined && actor.role === "ADMIN")) {
    assertCanGlobally(actor, "evaluation:all");
  } else if (q.office !== undefined) {
    if (!slugSchema.safeParse(q.office).success) throw new AppError("OFFICE_NOT_FOUND");
    const found = await db.office.findUnique({ where: { slug: q.office }, select: { id: true, slug: true, name: true, timeZone: true } });
    if (!found) throw new AppError("OFFICE_NOT_FOUND");
    assertCanOnOffice(actor, "evaluation:office", found.id);
    office = found;
  } else {
    // Office administrators start with their first office; clerks have none and are refused.
    if (offices.length === 0) throw new AppError("FORBIDDEN");
    office = offices[0];
  }
  const services = (
    await db.service.findMany({
      where: { officeId: { in: office ? [office.id] : offices.map((o) => o.id) } },
      orderBy: [{ officeId: "asc" }, ...serviceListOrder],
      select: { id: true, slug: true, officeId: true, ...catalogueName },
    })
  ).map(withName);
  let service: EvaluationService | null = null;
  if (q.service !== undefined) {
    // A service filter belongs to one office: slugs repeat across offices.
    service = (office && services.find((s) => s.slug === q.service)) || null;
    if (!service) throw new AppError("SERVICE_NOT_FOUND");
  }
  return { offices, office, services, service, timeZone: office?.timeZone ?? offices[0]?.timeZone ?? DEFAULT_TIME_ZONE };
}

function officeIdsOf(scope: EvaluationScope): string[] {
  return scope.office ? [scope.office.id] : scope.offices.map((o) => o.id);
}

export interface StoredDailyRow extends DailyBookingRow {
  officeId: string;
}

export interface StoredQueueRow extends DailyQueueRow {
  officeId: string;
}

export interface PeriodData {
  rows: StoredDailyRow[];
  queue: StoredQueueRow[];
  capacity: Array<{ officeId: string; date: LocalDate; offeredMinutes: number }>;
  samples: Array<{ officeId: string; serviceId: string; date: LocalDate; days: number | null }>;
  waitlist: WaitlistData;
}

/** The waiting list's events as office-local dates (see lib/domain/statistics/waitlist.ts). */
export interface WaitlistData {
  wishes: Array<{ createdOn: LocalDate; confirmedOn: LocalDate | null }>;
  offers: Array<{ offeredOn: LocalDate; outcome: "OPEN" | "ACCEPTED" | "DECLINED" | "EXPIRED" }>;
  appointments: Array<{ confirmedOn: LocalDate; appointmentOn: LocalDate }>;
}

/**
 * The waiting list's rows of the scope around a period, as local dates of each row's office. Reads only columns
 * that stay after erasure (office, service, times, outcome), so the figures are the same before and after it. The
 * instants are fetched with a day's margin on each side; the domain then counts by exact local date.
 */
async function loadWaitlistData(db: Db, scope: EvaluationScope, period: Period): Promise<WaitlistData> {
  const zoneOf = new Map(scope.offices.map((o) => [o.id, o.timeZone]));
  if (scope.office) zoneOf.set(scope.office.id, scope.office.timeZone);
  const local = (officeId: string, at: Date) => localDateOf(at, zoneOf.get(officeId) ?? scope.timeZone);
  const officeId = { in: officeIdsOf(scope) };
  const serviceId = scope.service ? { serviceId: scope.service.id } : {};
  const range = { gte: new Date(`${addDays(period.from, -1)}T00:00:00Z`), lt: new Date(`${addDays(period.to, 2)}T00:00:00Z`) };
  const [wishes, offers, booked] = await Promise.all([
    db.wish.findMany({
      where: { officeId, ...serviceId, OR: [{ createdAt: range }, { confirmedAt: range }] },
      select: { officeId: true, createdAt: true, confirmedAt: true },
    }),
    db.wishOffer.findMany({
      where: { officeId, offeredAt: range, ...(scope.service ? { wish: { serviceId: scope.service.id } } : {}) },
      select: { officeId: true, offeredAt: true, outcome: true },
    }),
    // A wish is booked before its appointment: those closed after the period cannot have one in it.
    db.wish.findMany({
      where: { officeId, ...serviceId, status: "BOOKED", bookingId: { not: null }, confirmedAt: { not: null }, closedAt: { lt: range.lt } },
      select: { officeId: true, confirmedAt: true, bookingId: true },
    }),
  ]);
  const bookings = booked.length
    ? await db.booking.findMany({
        where: { id: { in: booked.map((w) => w.bookingId!) }, startsAt: range, status: { not: "CANCELLED" } },
        select: { id: true, startsAt: true },
      })
    : [];
  const startOf = new Map(bookings.map((b) => [b.id, b.startsAt]));
  return {
    wishes: wishes.map((w) => ({ createdOn: local(w.officeId, w.createdAt), confirmedOn: w.confirmedAt && local(w.officeId, w.confirmedAt) })),
    offers: offers.map((o) => ({ offeredOn: local(o.officeId, o.offeredAt), outcome: o.outcome })),
    appointments: booked
      .filter((w) => startOf.has(w.bookingId!))
      .map((w) => ({ confirmedOn: local(w.officeId, w.confirmedAt!), appointmentOn: local(w.officeId, startOf.get(w.bookingId!)!) })),
  };
}

/** The stored anonymous rows of the scope for a period. */
export async function loadPeriodData(db: Db, scope: EvaluationScope, period: Period): Promise<PeriodData> {
  const officeId = { in: officeIdsOf(scope) };
  const date = { gte: period.from, lte: period.to };
  const serviceId = scope.service ? { serviceId: scope.service.id } : {};
  const [rows, queue, capacity, samples, waitlist] = await Promise.all([
    db.dailyBookingStats.findMany({ where: { officeId, date, ...serviceId }, orderBy: [{ date: "asc" }, { officeId: "asc" }, { serviceId: "asc" }, { channel: "asc" }] }),
    db.dailyQueueStats.findMany({ where: { officeId, date, ...serviceId }, orderBy: [{ date: "asc" }, { officeId: "asc" }, { serviceId: "asc" }, { kind: "asc" }] }),
    db.dailyOfficeCapacity.findMany({ where: { officeId, date }, orderBy: [{ date: "asc" }, { officeId: "asc" }] }),
    db.nextFreeSlotSample.findMany({ where: { officeId, date, ...serviceId }, orderBy: [{ date: "asc" }, { officeId: "asc" }, { serviceId: "asc" }] }),
    loadWaitlistData(db, scope, period),
  ]);
  return {
    rows: rows.map((r) => ({
      officeId: r.officeId,
      serviceId: r.serviceId,
      date: r.date,
      channel: r.channel as Channel,
      booked: r.booked,
      cancelled: r.cancelled,
      cancelLeadHistogram: parseHistogram(r.cancelLeadHistogram),
      noShow: r.noShow,
      arrived: r.arrived,
      served: r.served,
      bookedMinutes: r.bookedMinutes,
      leadDaysSum: r.leadDaysSum,
      leadDaysHistogram: parseHistogram(r.leadDaysHistogram),
      punctualityCount: r.punctualityCount,
      punctualitySum: r.punctualitySum,
      punctualityHistogram: parseHistogram(r.punctualityHistogram),
      durationCount: r.durationCount,
      durationSum: r.durationSum,
      durationHistogram: parseHistogram(r.durationHistogram),
    })),
    queue: queue.map((r) => ({
      officeId: r.officeId,
      serviceId: r.serviceId,
      date: r.date,
      kind: r.kind,
      tickets: r.tickets,
      served: r.served,
      noShow: r.noShow,
      waitCount: r.waitCount,
      waitSum: r.waitSum,
      waitHistogram: parseHistogram(r.waitHistogram),
      serveCount: r.serveCount,
      serveSum: r.serveSum,
      serveHistogram: parseHistogram(r.serveHistogram),
      onTimeCalled: r.onTimeCalled,
    })),
    capacity: capacity.map((c) => ({ officeId: c.officeId, date: c.date, offeredMinutes: c.offeredMinutes })),
    samples: samples.map((s) => ({ officeId: s.officeId, serviceId: s.serviceId, date: s.date, days: s.days })),
    waitlist,
  };
}

export interface EvaluatedPeriod {
  period: Period;
  data: PeriodData;
  summary: PeriodSummary;
  series: SeriesPoint[];
  waitlist: WaitlistSummary;
  queue: QueueSummary;
  queueSeries: QueueSeriesPoint[];
}

function evaluate(data: PeriodData, period: Period, today: LocalDate, serviceFiltered: boolean, unit: "day" | "week"): EvaluatedPeriod {
  const input: SummaryInput = { ...period, today, rows: data.rows, capacity: data.capacity, samples: data.samples, serviceFiltered };
  return {
    period,
    data,
    summary: summarizePeriod(input),
    series: periodSeries(input, periodDates(period), unit),
    waitlist: summarizeWaitlist({ ...period, ...data.waitlist }),
    queue: summarizeQueue({ ...period, rows: data.queue }),
    queueSeries: queueSeries({ ...period, rows: data.queue }, periodDates(period), unit),
  };
}

export interface Evaluation {
  scope: EvaluationScope;
  today: LocalDate;
  unit: "day" | "week";
  current: EvaluatedPeriod;
  comparison: EvaluatedPeriod | null;
  figures: FigureComparison[] | null;
}

export async function readEvaluation(db: Db, actor: Actor, q: EvaluationQuery, now: Date): Promise<Evaluation> {
  const scope = await resolveEvaluationScope(db, actor, q);
  const today = localDateOf(now, scope.timeZone);
  const unit = seriesUnit(q.period);
  const other = comparisonPeriod(q);
  const serviceFiltered = scope.service !== null;
  const [currentData, otherData] = await Promise.all([
    loadPeriodData(db, scope, q.period),
    other ? loadPeriodData(db, scope, other) : Promise.resolve(null),
  ]);
  const current = evaluate(currentData, q.period, today, serviceFiltered, unit);
  const comparison = other && otherData ? evaluate(otherData, other, today, serviceFiltered, seriesUnit(other)) : null;
  return {
    scope,
    today,
    unit,
    current,
    comparison,
    figures: comparison ? comparePeriods(current.summary, comparison.summary) : null,
  };
}
