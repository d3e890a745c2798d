import "server-only";
import { TICKET_SERIES, type TicketKindName } from "@/lib/domain/ticket";
import type { Provider, Tx } from "@/lib/server/db/client";
import { announceQueueChange } from "@/lib/server/live/queue-events";

/**
 * The first statement of every write to an office's queue of a day: the upsert bumps the lock row's version, so
 * concurrent writers of the same queue (two clerks calling, two kiosks issuing) serialise on it, as bookings do on
 * OfficeDay, and the displays' polling sees the change.
 */
export async function lockQueueDay(tx: Tx, officeId: string, date: string) {
  return tx.queueDay.upsert({
    where: { officeId_date: { officeId, date } },
    create: { officeId, date, version: 1 },
    update: { version: { increment: 1 } },
  });
}

export interface IssueTicketInput {
  officeId: string;
  serviceId: string;
  /** Local date of the visit in the office's time zone. */
  date: string;
  kind: TicketKindName;
  bookingId?: string | null;
  persons?: number;
  urgent?: boolean;
  locale?: string;
  /** The appointment's start (appointment tickets). */
  dueAt?: Date | null;
  arrivedAt: Date;
}

/**
 * Writes a ticket with the next number of its series for the office and day. The number comes from the lock row's
 * counter, incremented by the same upsert that takes the lock, so parallel issues never share a number (the unique
 * index on office, date, series and number would refuse it anyway). Run it inside a transaction; it takes the
 * queue's lock itself.
 */
export async function issueTicket(tx: Tx, provider: Provider, input: IssueTicketInput) {
  const counter = input.kind === "APPOINTMENT" ? "appointmentNumbers" : "walkInNumbers";
  const day = await tx.queueDay.upsert({
    where: { officeId_date: { officeId: input.officeId, date: input.date } },
    create: { officeId: input.officeId, date: input.date, version: 1, [counter]: 1 },
    update: { version: { increment: 1 }, [counter]: { increment: 1 } },
  });
  const ticket = await tx.ticket.create({
    data: {
      officeId: input.officeId,
      serviceId: input.serviceId,
      date: input.date,
      kind: input.kind,
      series: TICKET_SERIES[input.kind],
      number: day[counter],
      bookingId: input.bookingId ?? null,
      persons: input.persons ?? 1,
      urgent: input.urgent ?? false,
      locale: input.locale ?? "de",
      dueAt: input.dueAt ?? null,
      arrivedAt: input.arrivedAt,
    },
  });
  await announceQueueChange(tx, provider, input.officeId);
  return ticket;
}
