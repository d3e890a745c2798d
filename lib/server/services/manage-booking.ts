import { appointmentDates, appointmentInterval, OCCUPYING_STATUSES } from "@/lib/domain";
import { CITIZEN_CANCEL_REASON, isCancelledByOffice } from "@/lib/domain/booking-status";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError, type AppErrorCode, isAppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { hashToken } from "@/lib/server/security/tokens";
import { startOutOfRange } from "./availability";
import { bookingMailPayload } from "./booking-mail";
import { findSlotProblem } from "./check-slot";
import { moveCheckedBooking, slotError } from "./insert-booking";
import { manageUrl, serviceUrl } from "./booking-urls";
import { serviceWithTranslations } from "./office-catalog";

// Everything a citizen can do with the link from the confirmation e-mail. A wrong token and an erased booking look
// the same from outside: BOOKING_NOT_FOUND.

export async function getBookingByToken(db: Db, token: string) {
  const booking = await db.booking.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: { office: true, service: serviceWithTranslations },
  });
  if (!booking || booking.erasedAt) throw new AppError("BOOKING_NOT_FOUND");
  return booking;
}

export type ManagedBooking = Awaited<ReturnType<typeof getBookingByToken>>;

export function isCancellable(booking: { status: string; startsAt: Date }, now: Date): boolean {
  return booking.status === "CONFIRMED" && booking.startsAt > now;
}

/**
 * Whether the move page is open: for an appointment still ahead, and for one the office cancelled while it still
 * offers the service (the citizen picks a new time without typing their data again).
 */
export function canPickNewTime(
  booking: { status: string; startsAt: Date; cancelReason: string | null; office: { active: boolean }; service: { active: boolean } },
  now: Date,
): boolean {
  return isCancellable(booking, now) || (isCancelledByOffice(booking) && booking.office.active && booking.service.active);
}

function assertChangeable(booking: ManagedBooking, now: Date) {
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (!isCancellable(booking, now)) throw new AppError("APPOINTMENT_PAST");
}

function assertMovable(booking: ManagedBooking, start: Date, now: Date) {
  // Booked again at any free time, its old one included.
  if (booking.status === "CANCELLED" && canPickNewTime(booking, now)) return;
  assertChangeable(booking, now);
  // "Moving" to the booked time would only send a confusing e-mail.
  if (booking.startsAt.getTime() === start.getTime()) throw new AppError("SAME_TIME");
}

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

/**
 * Whether the booking (as its page loaded it) could move to `start` now: null if it could, else the error code to
 * show. The manage link asks before it moves; the move itself checks again under the day lock.
 */
export async function findMoveProblem(
  db: Db,
  input: { booking: ManagedBooking; start: Date; now: Date },
): Promise<AppErrorCode | null> {
  const { booking } = input;
  try {
    assertMovable(booking, input.start, input.now);
    return await findSlotProblem(db, {
      officeSlug: booking.office.slug,
      serviceSlug: booking.service.slug,
      persons: booking.persons,
      start: input.start,
      now: input.now,
      excludeBookingId: booking.id,
    });
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

export async function rescheduleBookingByToken(
  db: Db,
  input: { token: string; start: Date; now: Date },
): Promise<ManagedBooking> {
  const booking = await getBookingByToken(db, input.token);
  assertMovable(booking, input.start, input.now);
  const { office, service } = booking;
  const outOfRange = startOutOfRange(office, input.start, input.now);
  if (outOfRange) throw slotError(outOfRange);
  const tz = office.timeZone;
  const { end: endsAt, dates: [newFrom, newTo] } = appointmentInterval(input.start, service, booking.persons, tz);
  const dates = [...appointmentDates(booking.startsAt, booking.endsAt, tz), newFrom, newTo];

  await bookingTransaction(db, booking.officeId, dates, async (tx) => {
    const moved = await moveCheckedBooking(tx, {
      office,
      service,
      booking,
      start: input.start,
      endsAt,
      now: input.now,
      from: newFrom,
      to: newTo,
      manageToken: { token: input.token },
    });
    if (!moved) throw new AppError("ALREADY_CANCELLED");
  });
  return { ...booking, status: "CONFIRMED", cancelledAt: null, cancelReason: null, startsAt: input.start, endsAt };
}
