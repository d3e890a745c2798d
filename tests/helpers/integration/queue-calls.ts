import { localDateOf } from "@/lib/domain/time";
import { type Db, dbProvider } from "@/lib/server/db/client";
import { announceQueueChange } from "@/lib/server/live/queue-events";
import { issueTicket, lockQueueDay } from "@/lib/server/services/queue/queue-day";

// Queue writes as the counter screen makes them (lock row first, then the change, then the announcement, in one
// transaction), for tests of what displays see.

/** A walk-in or appointment ticket of the office's day, waiting. */
export async function waitingTicket(
  db: Db,
  office: { id: string; timeZone: string },
  serviceId: string,
  at: Date,
  opts: { kind?: "APPOINTMENT" | "WALK_IN"; locale?: string } = {},
) {
  return db.$transaction((tx) =>
    issueTicket(tx, dbProvider(db), {
      officeId: office.id,
      serviceId,
      date: localDateOf(at, office.timeZone),
      kind: opts.kind ?? "WALK_IN",
      locale: opts.locale,
      arrivedAt: at,
    }),
  );
}

/** Calls (or calls again) a ticket to a counter at `at`. */
export async function callTicket(db: Db, ticketId: string, counterId: string, at: Date) {
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    await lockQueueDay(tx, ticket.officeId, ticket.date);
    const called = await tx.ticket.update({
      where: { id: ticketId },
      data: {
        status: "CALLED",
        counterId,
        calledAt: at,
        firstCalledAt: ticket.firstCalledAt ?? at,
        callCount: { increment: 1 },
      },
    });
    await announceQueueChange(tx, dbProvider(db), ticket.officeId);
    return called;
  });
}
