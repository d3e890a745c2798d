import "server-only";
import { expectedServeMinutes, type QueueCounter, type QueueTicket } from "@/lib/domain/queue";
import { localDateOf } from "@/lib/domain/time";
import { ticketLabel } from "@/lib/domain/ticket";
import { counterIdSchema, ticketIdSchema } from "@/lib/schemas/counter";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import { dbProvider, type Db, type Tx } from "@/lib/server/db/client";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { writeAudit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { announceQueueChange } from "@/lib/server/live/queue-events";
import { lockQueueDay } from "./queue-day";

// Shared by the counter screen's use cases: the counter and ticket behind ids from a request, authorised against
// their own office, and the frame of every queue write (lock the day, change, announce).

/** The queue actions are the clerks' day work, like recording arrivals. */
export const QUEUE_PERMISSION = "bookings:work" as const;

export const QUEUE_AUDIT = {
  call: "queue.call",
  recall: "queue.recall",
  serve: "queue.serve",
  noShow: "queue.no-show",
  park: "queue.park",
  takeBack: "queue.take-back",
  forward: "queue.forward",
  walkIn: "queue.walk-in",
} as const;

/** The office-local date of the queue `now` works on. */
export function queueDate(office: { timeZone: string }, now: Date): string {
  return localDateOf(now, office.timeZone);
}

/** A counter by id for an actor who may work the queue of its office; malformed and unknown ids alike are not found. */
export async function loadCounterFor(db: Db | Tx, actor: Actor, counterId: unknown) {
  const id = counterIdSchema.safeParse(counterId);
  if (!id.success) throw new AppError("COUNTER_NOT_FOUND");
  const counter = await db.counter.findUnique({
    where: { id: id.data },
    include: { office: true, services: { select: { id: true }, orderBy: { sortOrder: "asc" } } },
  });
  if (!counter) throw new AppError("COUNTER_NOT_FOUND");
  assertCanOnOffice(actor, QUEUE_PERMISSION, counter.officeId);
  return counter;
}

export type LoadedCounter = Awaited<ReturnType<typeof loadCounterFor>>;

/** What the queue rule reads of a counter. */
export function queueCounter(counter: { id: string; services: { id: string }[] }): QueueCounter {
  return { id: counter.id, serviceIds: counter.services.map((s) => s.id) };
}

/** A ticket by id for an actor who may work its office's queue. */
export async function loadTicketFor(db: Db | Tx, actor: Actor, ticketId: unknown) {
  const id = ticketIdSchema.safeParse(ticketId);
  if (!id.success) throw new AppError("TICKET_NOT_FOUND");
  const ticket = await db.ticket.findUnique({ where: { id: id.data } });
  if (!ticket) throw new AppError("TICKET_NOT_FOUND");
  assertCanOnOffice(actor, QUEUE_PERMISSION, ticket.officeId);
  return ticket;
}

/** A counter and one of its office's tickets, both authorised; a ticket of another office is not found. */
export async function loadCounterTicket(db: Db, actor: Actor, input: { counterId: unknown; ticketId: unknown }) {
  const counter = await loadCounterFor(db, actor, input.counterId);
  const ticket = await loadTicketFor(db, actor, input.ticketId);
  if (ticket.officeId !== counter.officeId) throw new AppError("TICKET_NOT_FOUND");
  return { counter, ticket };
}

/**
 * Runs a change of an office's queue of `date`: in a retrying transaction whose first statement takes the queue's
 * lock (so every read inside sees what the previous writer committed), announced to the displays on commit.
 */
export async function queueWrite<T>(db: Db, officeId: string, date: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const provider = dbProvider(db);
  return retryingTransaction(db, async (tx) => {
    await lockQueueDay(tx, officeId, date);
    const result = await fn(tx);
    await announceQueueChange(tx, provider, officeId);
    return result;
  });
}

/** The day's open tickets of an office, as the queue rule reads them (expected time from the service). */
export async function openQueueTickets(db: Db | Tx, officeId: string, date: string): Promise<QueueTicket[]> {
  const rows = await db.ticket.findMany({
    where: { officeId, date, status: { in: ["WAITING", "CALLED", "PARKED"] } },
    include: { service: { select: { durationMinutes: true, extraPersonMinutes: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    kind: t.kind,
    status: t.status,
    serviceId: t.serviceId,
    number: t.number,
    urgent: t.urgent,
    dueAt: t.dueAt,
    arrivedAt: t.arrivedAt,
    forwardedToCounterId: t.forwardedToCounterId,
    serveMinutes: expectedServeMinutes(t.service, t.persons),
  }));
}

/**
 * Moves a ticket from one status to the next if it is still in `from` (and, for a called ticket, still at
 * `counterId`): the conditional update lets one of two simultaneous clicks win; the other is told it changed.
 */
export async function moveTicket(
  tx: Tx,
  ticket: { id: string },
  from: { status: "WAITING" | "CALLED" | "PARKED"; counterId?: string },
  data: Parameters<Tx["ticket"]["updateMany"]>[0]["data"],
) {
  const { count } = await tx.ticket.updateMany({
    where: { id: ticket.id, status: from.status, ...(from.counterId ? { counterId: from.counterId } : {}) },
    data,
  });
  if (count === 0) throw new AppError("STATUS_CHANGED");
  return tx.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
}

/** The audit entry of a queue change: the ticket's number (never a name), its booking and the details given. */
export async function auditTicket(
  tx: Tx,
  actor: Actor,
  ticket: { officeId: string; bookingId: string | null; series: string; number: number },
  action: (typeof QUEUE_AUDIT)[keyof typeof QUEUE_AUDIT],
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    actorId: actor.id,
    officeId: ticket.officeId,
    bookingId: ticket.bookingId,
    action,
    details: { ticket: ticketLabel(ticket.series, ticket.number), ...details },
  });
}
