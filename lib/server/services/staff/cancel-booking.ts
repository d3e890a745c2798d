import { cancelReasonSchema } from "@/lib/schemas/staff-booking";
import { offerFreedTime } from "@/lib/server/services/waitlist/offer-freed-time";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { bookingMailPayload } from "../booking-mail";
import { serviceUrl } from "../booking-urls";
import { AUDIT_ACTIONS, loadBookingFor } from "./common";
import { appointmentDates } from "@/lib/domain";
import { isChangeable } from "@/lib/domain/booking-status";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

export interface StaffCancelInput {
  bookingId: string;
  /** Shown to the citizen in the e-mail and kept on the booking; not written to the audit log. */
  reason: string;
}

export interface StaffCancelled {
  id: string;
  officeSlug: string;
  referenceCode: string;
  mailed: boolean;
}

/**
 * The office cancels an appointment that is still ahead, with a reason. The slot is free again at once (same lock
 * as booking); the citizen gets an e-mail if an address is known. Staff-triggered e-mails cannot carry the
 * citizen's manage link (only its hash is stored), so they link to the service's booking page instead.
 */
export async function cancelBookingByStaff(db: Db, actor: Actor, input: StaffCancelInput, now: Date): Promise<StaffCancelled> {
  const reason = cancelReasonSchema.safeParse(input.reason);
  const booking = await loadBookingFor(db, actor, input.bookingId);
  if (!reason.success) throw new AppError("INVALID_INPUT");
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (booking.status !== "CONFIRMED") throw new AppError("STATUS_NOT_ALLOWED");
  if (!isChangeable(booking, now)) throw new AppError("APPOINTMENT_PAST");
  const { office, service } = booking;

  await bookingTransaction(db, booking.officeId, appointmentDates(booking.startsAt, booking.endsAt, office.timeZone), async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "CONFIRMED", erasedAt: null },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason.data },
    });
    if (count === 0) throw new AppError("STATUS_CHANGED");
    await emitBookingEvent(tx, "booking.cancelled", booking, now);
    await offerFreedTime(tx, { officeId: booking.officeId, dates: appointmentDates(booking.startsAt, booking.endsAt, office.timeZone), now });
    if (booking.email) {
      const bookAgain = serviceUrl(office.slug, service.slug, booking.locale);
      await enqueueMail(tx, {
        template: "booking-cancelled",
        recipient: booking.email,
        officeId: booking.officeId,
        bookingId: booking.id,
        payload: bookingMailPayload({ office, service, booking, manageUrl: bookAgain, bookAgainUrl: bookAgain, reason: reason.data }),
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: booking.officeId,
      bookingId: booking.id,
      action: AUDIT_ACTIONS.cancel,
      details: { from: "CONFIRMED", to: "CANCELLED", mailed: Boolean(booking.email) },
    });
  });

  return { id: booking.id, officeSlug: office.slug, referenceCode: booking.referenceCode, mailed: Boolean(booking.email) };
}
