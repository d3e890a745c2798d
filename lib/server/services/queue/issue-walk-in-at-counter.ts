import "server-only";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { issueWalkInTicket } from "./issue-walk-in";
import { loadCounterFor } from "./queue-write";

export interface IssueWalkInAtCounterInput {
  counterId: string;
  serviceId: string;
  urgent: boolean;
}

/**
 * "Laufkundschaft: Nummer ziehen" at a counter, for a citizen who came to the counter without a ticket: the same
 * walk-in rules as at the kiosk (day parts, limit), for a clerk of the counter's office.
 */
export async function issueWalkInAtCounter(db: Db, actor: Actor, input: IssueWalkInAtCounterInput, now: Date) {
  const counter = await loadCounterFor(db, actor, input.counterId);
  const ticket = await issueWalkInTicket(
    db,
    {
      officeId: counter.officeId,
      serviceId: input.serviceId,
      urgent: input.urgent,
      audit: { actorId: actor.id, details: { counter: counter.name, urgent: input.urgent } },
    },
    now,
  );
  return { id: ticket.id, label: ticketLabel(ticket.series, ticket.number) };
}
