import "server-only";
import { ticketLabel } from "@/lib/domain/ticket";
import type { TicketOutcome } from "@/lib/schemas/counter";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadCounterTicket, moveTicket, auditTicket, QUEUE_AUDIT, queueWrite } from "./queue-write";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

export interface FinishTicketInput {
  counterId: string;
  ticketId: string;
  outcome: TicketOutcome;
}

/**
 * Erledigt / Nicht erschienen for the ticket called at this counter. An appointment's booking follows in the same
 * transaction: served (with the time) or no-show, from arrived (or still confirmed, had nobody recorded the
 * arrival); a booking a clerk already settled in the agenda keeps its status.
 */
export async function finishTicket(db: Db, actor: Actor, input: FinishTicketInput, now: Date) {
  const { counter, ticket } = await loadCounterTicket(db, actor, input);
  return queueWrite(db, ticket.officeId, ticket.date, async (tx) => {
    const done = await moveTicket(tx, ticket, { status: "CALLED", counterId: counter.id }, { status: input.outcome, finishedAt: now });
    let bookingStatus: string | null = null;
    if (done.bookingId) {
      const { count } = await tx.booking.updateMany({
        where: { id: done.bookingId, status: { in: ["ARRIVED", "CONFIRMED"] } },
        data: input.outcome === "SERVED" ? { status: "SERVED", servedAt: now } : { status: "NO_SHOW" },
      });
      if (count > 0) {
        bookingStatus = input.outcome;
        await emitBookingEvent(tx, input.outcome === "SERVED" ? "booking.served" : "booking.no_show", { id: done.bookingId, officeId: ticket.officeId }, now);
      }
    }
    const action = input.outcome === "SERVED" ? QUEUE_AUDIT.serve : QUEUE_AUDIT.noShow;
    await auditTicket(tx, actor, ticket, action, { counter: counter.name, ...(bookingStatus ? { booking: bookingStatus } : {}) });
    return { id: done.id, label: ticketLabel(done.series, done.number), status: done.status };
  });
}
