import { appointmentDates, appointmentInterval } from "@/lib/domain";
import { bookingAccess } from "@/lib/domain/access";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { appointmentSpec, shapeOfBooking, startOutOfRange } from "./availability";
import { getBookingByToken, type ManagedBooking } from "./get-booking-by-token";
import { moveCheckedBooking, slotError } from "./insert-booking";
import { assertMovable } from "./manage-rules";
import { offerFreedTime, wishesFirstTransaction } from "@/lib/server/services/waitlist/offer-freed-time";

/**
 * The citizen moves their appointment through their link (or books a time again after the office cancelled it):
 * old and new days locked, the new time re-checked there.
 */
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
  const shape = shapeOfBooking(booking);
  const { end: endsAt, dates: [newFrom, newTo] } = appointmentInterval(input.start, appointmentSpec(service, shape), booking.persons, tz);
  const dates = [...appointmentDates(booking.startsAt, booking.endsAt, tz), newFrom, newTo];

  // Wishes first: a time freed meanwhile (an expired hold) is theirs before the citizen may move onto it.
  await wishesFirstTransaction(db, booking.officeId, dates, input.now, async (tx) => {
    const moved = await moveCheckedBooking(tx, {
      office,
      service,
      shape,
      booking,
      start: input.start,
      endsAt,
      now: input.now,
      from: newFrom,
      to: newTo,
      manageToken: { token: input.token },
      access: bookingAccess(booking),
    });
    if (!moved) throw new AppError("ALREADY_CANCELLED");
    await offerFreedTime(tx, { officeId: booking.officeId, dates, now: input.now });
  });
  return { ...booking, status: "CONFIRMED", cancelledAt: null, cancelReason: null, startsAt: input.start, endsAt };
}
