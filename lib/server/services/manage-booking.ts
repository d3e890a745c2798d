import { appointmentMinutes, localDateOf } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { hashToken } from "@/lib/server/security/tokens";
import { OCCUPYING_STATUSES, startOutOfRange } from "./availability";
import { bookingMailPayload } from "./booking-mail";
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

function assertChangeable(booking: ManagedBooking, now: Date) {
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (!isCancellable(booking, now)) throw new AppError("APPOINTMENT_PAST");
}

export async function cancelBookingByToken(
  db: Db,
  input: { token: string; now: Date; reason?: string },
): Promise<ManagedBooking> {
  const booking = await getBookingByToken(db, input.token);
  assertChangeable(booking, input.now);
  const tz = booking.office.timeZone;
  const dates = [localDateOf(booking.startsAt, tz), localDateOf(booking.endsAt.getTime() - 1, tz)];
  await bookingTransaction(db, booking.officeId, dates, async (tx) => {
    // Conditional update: a concurrent cancel or staff change wins once.
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...OCCUPYING_STATUSES] } },
      data: { status: "CANCELLED", cancelledAt: input.now, cancelReason: input.reason ?? "citizen" },
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

export async function rescheduleBookingByToken(
  db: Db,
  input: { token: string; start: Date; now: Date },
): Promise<ManagedBooking> {
  const booking = await getBookingByToken(db, input.token);
  assertChangeable(booking, input.now);
  const { office, service } = booking;
  const outOfRange = startOutOfRange(office, input.start, input.now);
  if (outOfRange) throw slotError(outOfRange);
  const tz = office.timeZone;
  const endsAt = new Date(input.start.getTime() + appointmentMinutes(service, booking.persons) * 60_000);
  const newFrom = localDateOf(input.start, tz);
  const newTo = localDateOf(endsAt.getTime() - 1, tz);
  const dates = [localDateOf(booking.startsAt, tz), localDateOf(booking.endsAt.getTime() - 1, tz), newFrom, newTo];

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
  return { ...booking, startsAt: input.start, endsAt };
}
