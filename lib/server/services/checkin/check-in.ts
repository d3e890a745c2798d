import "server-only";
import { checkInCheck } from "@/lib/domain/check-in";
import { planTransition } from "@/lib/domain/booking-status";
import { normalizeReferenceCode } from "@/lib/domain/booking-code";
import { localDateOf } from "@/lib/domain";
import { ticketLabel } from "@/lib/domain/ticket";
import { writeAudit } from "@/lib/server/audit";
import { dbProvider, type Db } from "@/lib/server/db/client";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { readCheckInToken } from "@/lib/server/security/check-in-tokens";
import { hashToken } from "@/lib/server/security/tokens";
import { lockQueueDay, issueTicket } from "@/lib/server/services/queue/queue-day";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

/** How the appointment was named: the QR code's token, the typed reference code, or the manage link (phone). */
export type CheckInBy = { token: string } | { referenceCode: string } | { manageToken: string };

export interface CheckInInput {
  /** The office whose kiosk (or door poster) is used: only its appointments check in here. */
  officeId: string;
  by: CheckInBy;
  /** The kiosk that checked in (the audit log's actor detail); none on the citizen's phone. */
  deviceId?: string | null;
}

export interface CheckedIn {
  ticketId: string;
  /** "T-017" */
  label: string;
  /** The booking's language: the kiosk answers in it. */
  locale: string;
}

/** A refusal of the window rule; a too-early one says from when the citizen may check in. */
export class CheckInRefused extends AppError {
  constructor(
    code: AppError["code"],
    readonly opensAt?: Date,
  ) {
    super(code);
  }
}

export const CHECK_IN_AUDIT_ACTION = "booking.check-in";

function viaOf(by: CheckInBy): "qr" | "code" | "phone" {
  return "token" in by ? "qr" : "referenceCode" in by ? "code" : "phone";
}

/**
 * Checks an appointment in: a CONFIRMED booking of this office, today, within the office's window (lib/domain/
 * check-in.ts) becomes ARRIVED and gets its T ticket, in one transaction that first takes the queue's lock row. A
 * wrong, tampered or foreign code, and a booking of another office, are all CHECKIN_NOT_FOUND: the kiosk tells
 * nobody whether a code exists elsewhere. A check-in token of another day is CHECKIN_NOT_TODAY.
 */
export async function checkIn(db: Db, input: CheckInInput, now: Date): Promise<CheckedIn> {
  const office = await db.office.findUnique({ where: { id: input.officeId } });
  if (!office) throw new AppError("CHECKIN_NOT_FOUND");
  const today = localDateOf(now, office.timeZone);
  const booking = await findBooking(db, input.by, today);
  if (!booking || booking.erasedAt || booking.officeId !== office.id) throw new AppError("CHECKIN_NOT_FOUND");

  const check = checkInCheck(booking, now, office);
  if (!check.ok) throw new CheckInRefused(check.reason, check.reason === "CHECKIN_TOO_EARLY" ? check.opensAt : undefined);
  const plan = planTransition(booking, "arrive", now, office);
  if (!plan.ok || plan.to !== "ARRIVED") throw new AppError("CHECKIN_NOT_POSSIBLE");

  return retryingTransaction(db, async (tx) => {
    await lockQueueDay(tx, office.id, check.date);
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "CONFIRMED", erasedAt: null },
      data: { status: "ARRIVED", arrivedAt: plan.arrivedAt ?? now },
    });
    // A second scan at the same moment, or a clerk who recorded the arrival meanwhile.
    if (count === 0) throw new AppError("CHECKIN_ALREADY_DONE");
    await emitBookingEvent(tx, "booking.arrived", booking, now);
    // An arrival undone by a clerk keeps its ticket: the counter sorts that out.
    if (await tx.ticket.findUnique({ where: { bookingId: booking.id }, select: { id: true } })) {
      throw new AppError("CHECKIN_ALREADY_DONE");
    }
    const ticket = await issueTicket(tx, dbProvider(db), {
      officeId: office.id,
      serviceId: booking.serviceId,
      date: check.date,
      kind: "APPOINTMENT",
      bookingId: booking.id,
      persons: booking.persons,
      urgent: booking.urgent,
      locale: booking.locale,
      dueAt: booking.startsAt,
      arrivedAt: now,
    });
    const label = ticketLabel(ticket.series, ticket.number);
    await writeAudit(tx, {
      actorId: null,
      officeId: office.id,
      bookingId: booking.id,
      action: CHECK_IN_AUDIT_ACTION,
      details: { from: "CONFIRMED", to: "ARRIVED", via: viaOf(input.by), device: input.deviceId ?? null, ticket: label },
    });
    return { ticketId: ticket.id, label, locale: booking.locale };
  });
}

async function findBooking(db: Db, by: CheckInBy, today: string) {
  if ("token" in by) {
    const named = readCheckInToken(by.token);
    if (!named) return null;
    // Genuine, but for another day: yesterday's code, or the code of an appointment that has since been moved.
    if (named.date !== today) throw new AppError("CHECKIN_NOT_TODAY");
    // A moved appointment's old code names today but the booking's day is another: the window rule refuses it.
    return db.booking.findUnique({ where: { id: named.bookingId } });
  }
  if ("referenceCode" in by) {
    const code = normalizeReferenceCode(by.referenceCode);
    return code ? db.booking.findUnique({ where: { referenceCode: code } }) : null;
  }
  return db.booking.findUnique({ where: { manageTokenHash: hashToken(by.manageToken) } });
}
