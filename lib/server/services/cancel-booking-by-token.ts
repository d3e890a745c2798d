import { appointmentDates, OCCUPYING_STATUSES } from "@/lib/domain";
import { CITIZEN_CANCEL_REASON } from "@/lib/domain/booking-status";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl, serviceUrl } from "./booking-urls";
import { getBookingByToken, type ManagedBooking } from "./get-booking-by-token";
import { assertChangeable } from "./manage-rules";
import { offerFreedTime } from "@/lib/server/services/waitlist/offer-freed-time";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

/** The citizen cancels through their link, under the day lock; the e-mail offers to book again. */
export async function cancelBookingByToken(
  db: Db,
  input: { token: string; now: Date; reason?: string },
): Promise<ManagedBooking> {
  const booking = await getBookingByToken(db, input.token);
  assertChangeable(booking, input.now);
  const dates = appointmentDates(booking.startsAt, booking.endsAt, booking.office.timeZone);
  await bookingTransaction(db, booking.officeId, dates, async (tx) => {
    // Conditional update: a concurrent cancel or staff change wins once.
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...OCCUPYING_STATUSES] } },
      data: { status: "CANCELLED", cancelledAt: input.now, cancelReason: input.reason ?? CITIZEN_CANCEL_REASON },
    });
    if (count === 0) throw new AppError("ALREADY_CANCELLED");
    await emitBookingEvent(tx, "booking.cancelled", booking, input.now);
    await offerFreedTime(tx, { officeId: booking.officeId, dates, now: input.now });
    if (booking.email) {
      await enqueueMail(tx, {
        template: "booking-cancelled",
        recipient: booking.email,
        officeId: booking.officeId,
        bookingId: booking.id,
        payload: bookingMailPayload({
          office: booking.office,
          service: booking.service,
          booking,
          manageUrl: manageUrl(input.token, booking.locale),
          bookAgainUrl: serviceUrl(booking.office.slug, booking.service.slug, booking.locale),
        }),
      });
    }
  });
  return { ...booking, status: "CANCELLED", cancelledAt: input.now };
}
