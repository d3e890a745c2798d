import { planTransition, type BookingStatusName, type StatusAction } from "@/lib/domain/booking-status";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { AUDIT_ACTIONS, loadBookingFor } from "./common";
import { emitBookingEvent, eventForStatus } from "@/lib/server/webhooks/emit";

export interface RecordStatusInput {
  bookingId: string;
  action: StatusAction;
}

export interface RecordedStatus {
  id: string;
  officeSlug: string;
  referenceCode: string;
  from: BookingStatusName;
  to: BookingStatusName;
}

/**
 * Records an arrival, a served appointment or a no-show, or undoes the last of these: on the appointment's day, or
 * as a correction within the office's correction days (marked as such in the audit log). Every status involved
 * occupies the clerk's time the same way, so availability does not change and the office-day lock is not needed;
 * the conditional update lets exactly one of two simultaneous clicks win.
 */
export async function recordBookingStatus(db: Db, actor: Actor, input: RecordStatusInput, now: Date): Promise<RecordedStatus> {
  const booking = await loadBookingFor(db, actor, input.bookingId);
  const plan = planTransition(booking, input.action, now, booking.office);
  if (!plan.ok) throw new AppError(plan.reason);

  await db.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: plan.from, erasedAt: null },
      data: {
        status: plan.to,
        ...(plan.arrivedAt !== undefined ? { arrivedAt: plan.arrivedAt } : {}),
        ...(plan.servedAt !== undefined ? { servedAt: plan.servedAt } : {}),
      },
    });
    if (count === 0) throw new AppError("STATUS_CHANGED");
    const event = eventForStatus(plan.to);
    if (event) await emitBookingEvent(tx, event, booking, now);
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: booking.officeId,
      bookingId: booking.id,
      action: AUDIT_ACTIONS[input.action],
      details: { from: plan.from, to: plan.to, ...(plan.correction ? { correction: true } : {}) },
    });
  });

  return {
    id: booking.id,
    officeSlug: booking.office.slug,
    referenceCode: booking.referenceCode,
    from: plan.from,
    to: plan.to,
  };
}
