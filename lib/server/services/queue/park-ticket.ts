import "server-only";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CounterTicketInput } from "./recall-ticket";
import { loadCounterTicket, moveTicket, auditTicket, QUEUE_AUDIT, queueWrite } from "./queue-write";

/**
 * Zurückstellen: the citizen called at this counter steps aside (a document to fetch, a form to fill in); the
 * counter is free for the next call. The ticket keeps its counter, to which taking it back returns it.
 */
export async function parkTicket(db: Db, actor: Actor, input: CounterTicketInput) {
  const { counter, ticket } = await loadCounterTicket(db, actor, input);
  return queueWrite(db, ticket.officeId, ticket.date, async (tx) => {
    const parked = await moveTicket(tx, ticket, { status: "CALLED", counterId: counter.id }, { status: "PARKED" });
    await auditTicket(tx, actor, ticket, QUEUE_AUDIT.park, { counter: counter.name });
    return { id: parked.id, label: ticketLabel(parked.series, parked.number) };
  });
}
