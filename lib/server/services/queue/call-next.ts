import "server-only";
import { nextTicket, type CallReason } from "@/lib/domain/queue";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { loadCounterFor, moveTicket, openQueueTickets, auditTicket, QUEUE_AUDIT, queueCounter, queueDate, queueWrite } from "./queue-write";

export interface CallNextInput {
  counterId: string;
}

export interface CalledTicket {
  id: string;
  label: string;
  reason: CallReason;
}

/**
 * Aufrufen: calls the next ticket for the counter by the queue rule, or answers null when nobody is waiting for it.
 * The day's tickets are read after the queue's lock, so two clerks pressing at the same moment run one after the
 * other and the second one's rule no longer sees the first one's ticket; the conditional update is a second guard.
 * A counter works one ticket at a time: while one is called there, it must be finished, parked or forwarded first.
 */
export async function callNext(db: Db, actor: Actor, input: CallNextInput, now: Date): Promise<CalledTicket | null> {
  const counter = await loadCounterFor(db, actor, input.counterId);
  if (!counter.active) throw new AppError("COUNTER_INACTIVE");
  const date = queueDate(counter.office, now);
  return queueWrite(db, counter.officeId, date, async (tx) => {
    const busy = await tx.ticket.count({ where: { officeId: counter.officeId, date, counterId: counter.id, status: "CALLED" } });
    if (busy > 0) throw new AppError("COUNTER_BUSY");
    const tickets = await openQueueTickets(tx, counter.officeId, date);
    const next = nextTicket(tickets, queueCounter(counter), counter.office, now);
    if (!next) return null;
    const ticket = await moveTicket(tx, next.ticket, { status: "WAITING" }, {
      status: "CALLED",
      callCount: { increment: 1 },
      calledAt: now,
      counterId: counter.id,
      calledById: actor.id,
      forwardedToCounterId: null,
    });
    if (ticket.firstCalledAt === null) await tx.ticket.update({ where: { id: ticket.id }, data: { firstCalledAt: now } });
    await auditTicket(tx, actor, ticket, QUEUE_AUDIT.call, { counter: counter.name, reason: next.reason });
    return { id: ticket.id, label: ticketLabel(ticket.series, ticket.number), reason: next.reason };
  });
}
