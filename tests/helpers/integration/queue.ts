import type { Db } from "@/lib/server/db/client";
import { dbProvider } from "@/lib/server/db/client";
import { issueTicket, type IssueTicketInput } from "@/lib/server/services/queue/queue-day";

// The day's queue in a test database: counters and tickets written as the kiosk and the counters' setup would.

/** A counter of the office serving these services (none: all). */
export function counterOf(db: Db, officeId: string, name: string, serviceIds: string[] = []) {
  return db.counter.create({ data: { officeId, name, services: { connect: serviceIds.map((id) => ({ id })) } } });
}

/** A ticket with the next number of its series, through the same code as the kiosk. */
export function ticketOf(db: Db, input: Omit<IssueTicketInput, "kind"> & { kind?: IssueTicketInput["kind"] }) {
  return db.$transaction((tx) => issueTicket(tx, dbProvider(db), { kind: "WALK_IN", ...input }));
}
