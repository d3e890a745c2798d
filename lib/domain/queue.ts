import { MS_PER_MINUTE } from "./time";

// Who is called next at a counter: the one rule of the day's queue, for appointments (checked in, series T) and
// walk-ins (series W). The call itself is a locked write (lib/server/services/queue/call-next.ts); this only picks.
//
// 1. A due appointment (its time has come) is called first, the earliest time first.
// 2. Otherwise walk-ins fill the gap, urgent ones first, then in arrival order: unless serving that walk-in would
//    push a waiting appointment past its time plus the office's tolerance. Then that appointment is called (early)
//    instead, since the clerk would not be free for it in time.
// 3. With no walk-in to serve, the clerk is idle: an appointment that checked in early is taken early.
// A counter only ever calls tickets of the services it serves (none configured: all), and a ticket forwarded to a
// counter only there.

export type QueueTicketKind = "APPOINTMENT" | "WALK_IN";
export type QueueTicketStatus = "WAITING" | "CALLED" | "PARKED" | "SERVED" | "NO_SHOW" | "CANCELLED";

/** Statuses in which a ticket is still part of the day's work. */
export const OPEN_TICKET_STATUSES = ["WAITING", "CALLED", "PARKED"] as const satisfies readonly QueueTicketStatus[];

export interface QueueTicket {
  id: string;
  kind: QueueTicketKind;
  status: QueueTicketStatus;
  serviceId: string;
  number: number;
  urgent: boolean;
  /** The appointment's start; null for walk-ins. */
  dueAt: Date | null;
  /** Check-in or issue time. */
  arrivedAt: Date;
  forwardedToCounterId: string | null;
  /** How long the visit is expected to take at the counter, in minutes. */
  serveMinutes: number;
}

export interface QueueCounter {
  id: string;
  /** The services this counter serves; empty: all of the office's. */
  serviceIds: readonly string[];
}

export interface QueueRules {
  /** Minutes a waiting appointment may be called after its time because of a walk-in. */
  callToleranceMinutes: number;
}

/** Whether `counter` may call `ticket` at all: its service, and a forward's target counter. */
export function counterMayCall(counter: QueueCounter, ticket: Pick<QueueTicket, "serviceId" | "forwardedToCounterId">): boolean {
  if (ticket.forwardedToCounterId !== null && ticket.forwardedToCounterId !== counter.id) return false;
  return counterServes(counter, ticket.serviceId);
}

/** Whether the counter serves the service (a counter without services serves all). */
export function counterServes(counter: QueueCounter, serviceId: string): boolean {
  return counter.serviceIds.length === 0 || counter.serviceIds.includes(serviceId);
}

const byDue = (a: QueueTicket, b: QueueTicket) =>
  a.dueAt!.getTime() - b.dueAt!.getTime() || a.arrivedAt.getTime() - b.arrivedAt.getTime() || a.number - b.number;

const byWalkInOrder = (a: QueueTicket, b: QueueTicket) =>
  Number(b.urgent) - Number(a.urgent) || a.arrivedAt.getTime() - b.arrivedAt.getTime() || a.number - b.number;

export type CallReason =
  /** An appointment whose time has come. */
  | "due"
  /** A walk-in in a gap. */
  | "walk-in"
  /** An early appointment, because the next walk-in would push it past the tolerance. */
  | "protected"
  /** An early appointment, because nothing else was waiting for this counter. */
  | "early";

export interface NextCall {
  ticket: QueueTicket;
  reason: CallReason;
}

/**
 * The ticket `counter` should call now, or null when nobody is waiting for it. `tickets` are the day's tickets of
 * the office in any status; only WAITING ones are considered.
 */
export function nextTicket(tickets: readonly QueueTicket[], counter: QueueCounter, rules: QueueRules, now: Date): NextCall | null {
  const waiting = tickets.filter((t) => t.status === "WAITING" && counterMayCall(counter, t));
  const appointments = waiting.filter((t) => t.kind === "APPOINTMENT" && t.dueAt !== null).sort(byDue);
  // An appointment ticket without a time (should not happen) queues like a walk-in rather than being lost.
  const walkIns = waiting.filter((t) => t.kind === "WALK_IN" || t.dueAt === null).sort(byWalkInOrder);

  const due = appointments.find((t) => t.dueAt!.getTime() <= now.getTime());
  if (due) return { ticket: due, reason: "due" };

  const walkIn = walkIns[0];
  if (walkIn) {
    // Nothing is due yet, so every waiting appointment is early: the first whose latest acceptable call the walk-in
    // would overrun goes first.
    const freeAt = now.getTime() + walkIn.serveMinutes * MS_PER_MINUTE;
    const pushed = appointments.find((a) => freeAt > latestCall(a, rules));
    if (pushed) return { ticket: pushed, reason: "protected" };
    return { ticket: walkIn, reason: "walk-in" };
  }

  const early = appointments[0];
  return early ? { ticket: early, reason: "early" } : null;
}

/** The latest instant at which an appointment may be called: its time plus the office's tolerance. */
export function latestCall(appointment: Pick<QueueTicket, "dueAt">, rules: QueueRules): number {
  return appointment.dueAt!.getTime() + Math.max(0, rules.callToleranceMinutes) * MS_PER_MINUTE;
}

/** Minutes a visit of `service` takes for `persons` persons, as the booking rules count it. */
export function expectedServeMinutes(service: { durationMinutes: number; extraPersonMinutes: number }, persons: number): number {
  return service.durationMinutes + service.extraPersonMinutes * Math.max(0, persons - 1);
}

/** The waiting line as a counter would work it off now: repeatedly the next call, for the counter screen's list. */
export function waitingOrder(tickets: readonly QueueTicket[], counter: QueueCounter, rules: QueueRules, now: Date): QueueTicket[] {
  const left = tickets.filter((t) => t.status === "WAITING" && counterMayCall(counter, t));
  const order: QueueTicket[] = [];
  let clock = now.getTime();
  while (left.length > 0) {
    const next = nextTicket(left, counter, rules, new Date(clock));
    if (!next) break;
    order.push(next.ticket);
    left.splice(left.indexOf(next.ticket), 1);
    clock += next.ticket.serveMinutes * MS_PER_MINUTE;
  }
  return order;
}
