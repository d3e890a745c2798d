import "server-only";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadCounterTicket, moveTicket, auditTicket, QUEUE_AUDIT, queueWrite } from "./queue-write";

export interface CounterTicketInput {
  counterId: string;
  ticketId: string;
}

/** Erneut aufrufen: the ticket called at this counter is called once more; the display shows it again as newest. */
export async function recallTicket(db: Db, actor: Actor, input: CounterTicketInput, now: Date) {
  const { counter, ticket } = await loadCounterTicket(db, actor, input);
  return queueWrite(db, ticket.officeId, ticket.date, async (tx) => {
    const called = await moveTicket(tx, ticket, { status: "CALLED", counterId: counter.id }, { callCount: { increment: 1 }, calledAt: now });
    await auditTicket(tx, actor, ticket, QUEUE_AUDIT.recall, { counter: counter.name, calls: called.callCount });
    return { id: called.id, label: ticketLabel(called.series, called.number), callCount: called.callCount };
  });
}
