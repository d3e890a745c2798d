import "server-only";
import { counterServes } from "@/lib/domain/queue";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";
import { loadCounterTicket, moveTicket, auditTicket, QUEUE_AUDIT, queueCounter, queueWrite } from "./queue-write";

export interface ForwardTicketInput {
  counterId: string;
  ticketId: string;
  /** Another service of the office (the citizen needs something else). */
  serviceId?: string;
  /** Another counter of the office, which alone may then call the ticket. */
  targetCounterId?: string;
}

/**
 * Weiterleiten: the ticket called at this counter waits again, for another service and/or another counter. It
 * keeps its number and its place (arrival, appointment time), so the next counter calls it soon. A target counter
 * must be active and serve the ticket's (new) service, or the ticket could never be called.
 */
export async function forwardTicket(db: Db, actor: Actor, input: ForwardTicketInput) {
  const { counter, ticket } = await loadCounterTicket(db, actor, input);
  if (!input.serviceId && !input.targetCounterId) throw fieldError("serviceId", "forwardTarget");
  return queueWrite(db, ticket.officeId, ticket.date, async (tx) => {
    const serviceId = input.serviceId ?? ticket.serviceId;
    if (input.serviceId) {
      const service = await tx.service.findFirst({ where: { id: input.serviceId, officeId: ticket.officeId, active: true }, select: { id: true } });
      if (!service) throw fieldError("serviceId", "unknownService");
    }
    let target: { id: string; name: string } | null = null;
    if (input.targetCounterId) {
      const row = await tx.counter.findFirst({
        where: { id: input.targetCounterId, officeId: ticket.officeId, active: true },
        include: { services: { select: { id: true } } },
      });
      if (!row) throw fieldError("targetCounterId", "unknownCounter");
      if (!counterServes(queueCounter(row), serviceId)) throw new AppError("NOT_SERVED_HERE");
      target = row;
    }
    const waiting = await moveTicket(tx, ticket, { status: "CALLED", counterId: counter.id }, {
      status: "WAITING",
      serviceId,
      forwardedToCounterId: target?.id ?? null,
      counterId: null,
    });
    await auditTicket(tx, actor, ticket, QUEUE_AUDIT.forward, {
      counter: counter.name,
      ...(serviceId !== ticket.serviceId ? { fromService: ticket.serviceId, toService: serviceId } : {}),
      ...(target ? { toCounter: target.name } : {}),
    });
    return { id: waiting.id, label: ticketLabel(waiting.series, waiting.number) };
  });
}
