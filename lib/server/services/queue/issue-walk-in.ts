import "server-only";
import { localDateOf } from "@/lib/domain";
import { walkInRefusal } from "@/lib/domain/queue-wait";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { type Db, dbProvider } from "@/lib/server/db/client";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { ticketLabel } from "@/lib/domain/ticket";
import { writeAudit } from "@/lib/server/audit";
import { AppError } from "@/lib/server/errors";
import { clerksOnDutyAt } from "./on-duty";
import { issueTicket, lockQueueDay } from "./queue-day";
import { QUEUE_AUDIT } from "./queue-write";

export interface IssueWalkInInput {
  officeId: string;
  serviceId: string;
  urgent?: boolean;
  /** The ticket's language (kiosk answer, spoken call); anything but a supported locale is German. */
  locale?: string;
  /** Who drew it, for the audit log entry written with the ticket: a clerk (actorId) or a kiosk (in details). */
  audit: { actorId: string | null; details: Record<string, unknown> };
}

/**
 * Draws a walk-in ticket (series W) for a service, if the service takes walk-ins in the current part of the day, a
 * clerk who serves it is on duty by the office's schedule, and fewer walk-ins than the office's limit are waiting.
 * The limit is counted under the queue's lock, so parallel issues never overfill it; refusals are AppErrors
 * (WALK_IN_NOT_OFFERED, WALK_IN_NOT_NOW, OFFICE_CLOSED_NOW, WALK_IN_QUEUE_FULL). Callers authorise: a kiosk
 * credential or a clerk of the office.
 */
export async function issueWalkInTicket(db: Db, input: IssueWalkInInput, now: Date) {
  const provider = dbProvider(db);
  return retryingTransaction(db, async (tx) => {
    const office = await tx.office.findUnique({
      where: { id: input.officeId },
      select: { id: true, active: true, timeZone: true, holidayRegion: true, walkInQueueLimit: true },
    });
    if (!office?.active) throw new AppError("OFFICE_NOT_FOUND");
    const date = localDateOf(now, office.timeZone);
    await lockQueueDay(tx, office.id, date);

    const service = await tx.service.findFirst({
      where: { id: input.serviceId, officeId: office.id, active: true },
      select: { id: true, walkInDayParts: true },
    });
    if (!service) throw new AppError("SERVICE_NOT_FOUND");
    const [pools, waitingWalkIns] = await Promise.all([
      clerksOnDutyAt(tx, office, now),
      tx.ticket.count({ where: { officeId: office.id, date, kind: "WALK_IN", status: "WAITING" } }),
    ]);
    const refusal = walkInRefusal({ service, office, pools, waitingWalkIns }, now);
    if (refusal) throw new AppError(refusal);

    const ticket = await issueTicket(tx, provider, {
      officeId: office.id,
      serviceId: service.id,
      date,
      kind: "WALK_IN",
      urgent: input.urgent ?? false,
      locale: input.locale && isLocale(input.locale) ? input.locale : defaultLocale,
      arrivedAt: now,
    });
    await writeAudit(tx, {
      actorId: input.audit.actorId,
      officeId: office.id,
      action: QUEUE_AUDIT.walkIn,
      details: { ticket: ticketLabel(ticket.series, ticket.number), ...input.audit.details },
    });
    return ticket;
  });
}
