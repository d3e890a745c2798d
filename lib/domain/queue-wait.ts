import { type CapacityPool, clerksFor, poolServes } from "./capacity";
import { MS_PER_MINUTE } from "./time";
import { type DayPart, dayPartAt, parseDayParts } from "./waitlist";

// Waiting-time estimates for the day's queue: how long a walk-in who draws a ticket now, or a ticket already
// waiting, will wait until a clerk calls it. An estimate, not a promise: the work ahead of the ticket (the tickets
// that will be called before it, what the counters are busy with, appointments that fall due meanwhile) divided
// among the clerks who can serve its service, at the serving times measured that day or recently.

/** Fewer finished tickets of a service than this: its booked duration stands in for the measured serving time. */
export const MIN_SERVING_SAMPLES = 3;
/** Only a service's latest finished tickets count, so that the estimate follows today's pace. */
export const MAX_SERVING_SAMPLES = 30;

/** Whether a service takes walk-ins and in which parts of the day (Service.walkInDayParts). */
export function walkInDayParts(stored: string): DayPart[] {
  return parseDayParts(stored);
}

export type WalkInRefusal = "WALK_IN_NOT_OFFERED" | "WALK_IN_NOT_NOW" | "OFFICE_CLOSED_NOW" | "WALK_IN_QUEUE_FULL";

export interface WalkInCheck {
  /** The service and its stored walk-in day parts ("MORNING,AFTERNOON"; empty: none). */
  service: { id: string; walkInDayParts: string };
  /** The office's time zone and its limit of walk-ins waiting at once (0: none). */
  office: { timeZone: string; walkInQueueLimit: number };
  /** The clerks on duty at `now` (capacityAt of the day's segments). */
  pools: readonly CapacityPool[];
  /** Walk-in tickets of the office waiting now. */
  waitingWalkIns: number;
}

/**
 * Why a walk-in ticket for the service cannot be issued now, or null: the service must take walk-ins in the current
 * part of the day, a clerk who serves it must be on duty (the office is open for it by its schedule), and fewer
 * walk-ins than the office's limit may be waiting.
 */
export function walkInRefusal({ service, office, pools, waitingWalkIns }: WalkInCheck, now: Date): WalkInRefusal | null {
  const parts = walkInDayParts(service.walkInDayParts);
  if (parts.length === 0) return "WALK_IN_NOT_OFFERED";
  if (!parts.includes(dayPartAt(now, office.timeZone))) return "WALK_IN_NOT_NOW";
  if (clerksFor(pools, service.id) <= 0) return "OFFICE_CLOSED_NOW";
  if (walkInQueueFull(waitingWalkIns, office.walkInQueueLimit)) return "WALK_IN_QUEUE_FULL";
  return null;
}

/** The office takes no further walk-ins today once this many wait at once; a limit of 0 means none. */
export function walkInQueueFull(waitingWalkIns: number, limit: number): boolean {
  return limit > 0 && waitingWalkIns >= limit;
}

/** A finished ticket: its serving time runs from its first call to its end. */
export interface ServedTicket {
  serviceId: string;
  firstCalledAt: Date;
  finishedAt: Date;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measured serving minutes per service: the median of its latest MAX_SERVING_SAMPLES finished tickets (the median,
 * so that one forgotten "Erledigt" does not inflate the day's estimates). Services with fewer than
 * MIN_SERVING_SAMPLES tickets are left out: their booked duration stands in (see `servingMinutesOf`).
 */
export function measuredServingMinutes(served: readonly ServedTicket[]): Map<string, number> {
  const byService = new Map<string, number[]>();
  const latestFirst = [...served].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime());
  for (const t of latestFirst) {
    const minutes = (t.finishedAt.getTime() - t.firstCalledAt.getTime()) / MS_PER_MINUTE;
    if (!(minutes > 0)) continue;
    const list = byService.get(t.serviceId) ?? [];
    if (list.length < MAX_SERVING_SAMPLES) list.push(minutes);
    byService.set(t.serviceId, list);
  }
  const result = new Map<string, number>();
  for (const [serviceId, minutes] of byService) {
    if (minutes.length >= MIN_SERVING_SAMPLES) result.set(serviceId, median(minutes));
  }
  return result;
}

/** A counter that is open (or the clerks on duty, for an office without counters): which services it takes. */
export interface QueueServer {
  /** How many clerks this stands for (1 per counter; a pool's clerks; fractions when fewer clerks than counters). */
  count: number;
  /** null: every service. */
  serviceIds: readonly string[] | null;
}

/**
 * Who serves the queue now: the office's active counters, scaled down when fewer clerks are on duty than there are
 * counters (the schedule's capacity is the staffing, the counters are the places); an office without counters is
 * served by its capacity pools. Empty when no clerk is on duty.
 */
export function queueServers(
  counters: ReadonlyArray<{ serviceIds: readonly string[] }>,
  pools: readonly CapacityPool[],
): QueueServer[] {
  // Clerks doing only phone or video appointments serve nobody in the queue.
  const atTheCounter = pools.filter((p) => p.clerks > 0 && (!p.kinds || p.kinds.includes("IN_PERSON")));
  const onDuty = atTheCounter.reduce((n, p) => n + p.clerks, 0);
  if (onDuty <= 0) return [];
  if (counters.length === 0) return atTheCounter.map((p) => ({ count: p.clerks, serviceIds: p.serviceIds }));
  const share = Math.min(1, onDuty / counters.length);
  return counters.map((c) => ({ count: share, serviceIds: c.serviceIds.length === 0 ? null : c.serviceIds }));
}

function serves(server: QueueServer, serviceId: string): boolean {
  return server.serviceIds === null || server.serviceIds.includes(serviceId);
}

/** A ticket of the day as the estimate reads it. */
export interface QueueTicket {
  id: string;
  serviceId: string;
  kind: "APPOINTMENT" | "WALK_IN";
  status: "WAITING" | "CALLED" | "PARKED" | "SERVED" | "NO_SHOW" | "CANCELLED";
  urgent: boolean;
  arrivedAt: Date;
  /** The number within its series: the order of tickets drawn at the same instant. */
  number: number;
  /** Appointment tickets: the appointment's start. */
  dueAt: Date | null;
  /** CALLED tickets: when the clerk called it (its serving time runs from the first call). */
  firstCalledAt: Date | null;
  /** A forwarded ticket waits for this counter only; it does not count as work for the others (approximated). */
  forwardedToCounterId?: string | null;
}

/** A booked appointment of the day that has not checked in yet: it falls due at its start. */
export interface DueAppointment {
  serviceId: string;
  startsAt: Date;
  /** Booked minutes (duration for its persons): the fallback for its serving time. */
  minutes: number;
}

export interface QueueWaitInput {
  now: Date;
  tickets: readonly QueueTicket[];
  appointments: readonly DueAppointment[];
  servers: readonly QueueServer[];
  /** Measured serving minutes per service (measuredServingMinutes). */
  measured: ReadonlyMap<string, number>;
  /** Booked duration per service: the fallback where nothing is measured. */
  durations: ReadonlyMap<string, number>;
}

/** Whether an appointment (due then, arrived then) is called before the subject when both wait for their time. */
function dueBefore(dueAt: Date, arrivedAt: Date, subject: WaitSubject): boolean {
  if (subject.kind !== "APPOINTMENT" || !subject.dueAt) return true;
  const a = dueAt.getTime();
  const b = subject.dueAt.getTime();
  return a < b || (a === b && arrivedAt.getTime() < subject.arrivedAt.getTime());
}

/** What the estimate is asked about: a walk-in drawing a ticket now, or a ticket already in the queue. */
export interface WaitSubject {
  serviceId: string;
  kind: "APPOINTMENT" | "WALK_IN";
  urgent: boolean;
  arrivedAt: Date;
  dueAt: Date | null;
  /** The ticket itself, left out of the work ahead of it, and its number (absent: drawn after every ticket). */
  ticketId?: string;
  number?: number;
}

/** Whether a walk-in ticket was drawn before the subject: by arrival, then by number. */
function drawnBefore(t: QueueTicket, subject: WaitSubject): boolean {
  const a = t.arrivedAt.getTime();
  const b = subject.arrivedAt.getTime();
  return a < b || (a === b && (subject.number === undefined || t.number < subject.number));
}

/** The serving minutes used for a service: measured if enough tickets were finished, else its booked duration. */
export function servingMinutesOf(serviceId: string, input: Pick<QueueWaitInput, "measured" | "durations">): number {
  return input.measured.get(serviceId) ?? input.durations.get(serviceId) ?? 0;
}

/** Rounds to the next five minutes: the estimate is shown as "about 25 minutes", never to the minute. */
export function roundedWaitMinutes(minutes: number): number {
  if (!(minutes > 0)) return 0;
  return Math.ceil(minutes / 5) * 5;
}

/**
 * Expected minutes until the subject is called (not rounded), or null when no clerk on duty serves its service.
 *
 * Work ahead, each item weighted by the share of its own servers that are also the subject's (a ticket whose
 * service other counters take as well spreads over them), then divided by the clerks who serve the subject:
 * - tickets being served now (CALLED), for the rest of their serving time;
 * - waiting appointment tickets and booked appointments not checked in yet that fall due before the subject would
 *   be called (found by iterating, since each lengthens the wait); an appointment subject counts only appointments
 *   due before its own time and urgent tickets, because walk-ins only fill the gaps between appointments;
 * - waiting walk-ins called before a walk-in subject: urgent ones first, then by arrival.
 * An appointment is never called before its time, so its wait is at least the time until it is due.
 */
export function expectedWaitMinutes(input: QueueWaitInput, subject: WaitSubject): number | null {
  const { servers, now } = input;
  const subjectClerks = servers.reduce((n, s) => n + (serves(s, subject.serviceId) ? s.count : 0), 0);
  if (subjectClerks <= 0) return null;

  const shareCache = new Map<string, number>();
  // The part of a service's work that lands on the subject's servers, assuming each service's work spreads evenly
  // over the servers that take it.
  const share = (serviceId: string): number => {
    let cached = shareCache.get(serviceId);
    if (cached === undefined) {
      let all = 0;
      let common = 0;
      for (const s of servers) {
        if (!serves(s, serviceId)) continue;
        all += s.count;
        if (serves(s, subject.serviceId)) common += s.count;
      }
      cached = all > 0 ? common / all : 0;
      shareCache.set(serviceId, cached);
    }
    return cached;
  };
  const minutesOf = (serviceId: string) => servingMinutesOf(serviceId, input);
  const nowMs = now.getTime();

  let fixedWork = 0;
  const dueItems: Array<{ dueAt: number; work: number }> = [];
  for (const t of input.tickets) {
    if (t.id === subject.ticketId) continue;
    const weight = share(t.serviceId);
    if (weight === 0) continue;
    if (t.status === "CALLED") {
      const elapsed = t.firstCalledAt ? (nowMs - t.firstCalledAt.getTime()) / MS_PER_MINUTE : 0;
      fixedWork += weight * Math.max(0, minutesOf(t.serviceId) - elapsed);
      continue;
    }
    if (t.status !== "WAITING") continue;
    const work = weight * minutesOf(t.serviceId);
    if (subject.urgent && !t.urgent) {
      // An urgent subject goes before everything but urgent tickets and appointments falling due.
      if (t.kind === "APPOINTMENT" && t.dueAt) dueItems.push({ dueAt: t.dueAt.getTime(), work });
      continue;
    }
    if (t.urgent && !subject.urgent) {
      fixedWork += work;
      continue;
    }
    if (t.kind === "APPOINTMENT" && t.dueAt) {
      if (!dueBefore(t.dueAt, t.arrivedAt, subject)) continue;
      dueItems.push({ dueAt: t.dueAt.getTime(), work });
    } else if (subject.kind === "WALK_IN" && drawnBefore(t, subject)) {
      fixedWork += work;
    }
  }
  for (const a of input.appointments) {
    const weight = share(a.serviceId);
    if (weight === 0) continue;
    // Not checked in yet: it arrives after the subject, so at the same time it goes second.
    if (!dueBefore(a.startsAt, now, subject)) continue;
    dueItems.push({ dueAt: a.startsAt.getTime(), work: weight * (input.measured.get(a.serviceId) ?? a.minutes) });
  }

  const untilDue = subject.kind === "APPOINTMENT" && subject.dueAt ? Math.max(0, (subject.dueAt.getTime() - nowMs) / MS_PER_MINUTE) : 0;
  if (subject.kind === "APPOINTMENT") {
    const due = dueItems.reduce((n, d) => n + d.work, 0);
    return Math.max(untilDue, (fixedWork + due) / subjectClerks);
  }

  // Appointments due within the wait lengthen it, which may bring further ones due: add them in order of their time
  // until the next one falls due only after the subject would be called.
  dueItems.sort((a, b) => a.dueAt - b.dueAt);
  let work = fixedWork;
  for (const item of dueItems) {
    if (item.dueAt > nowMs + (work / subjectClerks) * MS_PER_MINUTE) break;
    work += item.work;
  }
  return work / subjectClerks;
}
