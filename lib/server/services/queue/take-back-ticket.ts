import "server-only";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadTicketFor, moveTicket, auditTicket, QUEUE_AUDIT, queueWrite } from "./queue-write";

/**
 * Takes a parked ticket back into the waiting line, for the counter that parked it: it is called there next by its
 * place in the rule (its arrival time or its appointment's time), not at whichever counter is free first.
 */
export async function takeBackTicket(db: Db, actor: Actor, input: { ticketId: string }) {
  const ticket = await loadTicketFor(db, actor, input.ticketId);
  return queueWrite(db, ticket.officeId, ticket.date, async (tx) => {
    // A counter closed meanwhile cannot take it: then any counter serving its service may.
    const back = ticket.counterId ? await tx.counter.findFirst({ where: { id: ticket.counterId, active: true }, select: { id: true } }) : null;
    const waiting = await moveTicket(tx, ticket, { status: "PARKED" }, { status: "WAITING", forwardedToCounterId: back?.id ?? null, counterId: null });
    await auditTicket(tx, actor, ticket, QUEUE_AUDIT.takeBack);
    return { id: waiting.id, label: ticketLabel(waiting.series, waiting.number) };
  });
}
