import { appointmentDates, isLiveHold, type Slot } from "@/lib/domain";
import { bookingAccess } from "@/lib/domain/access";
import { wishesFirstTransaction } from "@/lib/server/services/waitlist/offer-freed-time";
import type { Db } from "@/lib/server/db/client";
import { AppError, isAppError } from "@/lib/server/errors";
import { enqueueConfirmation } from "./confirmation-mail";
import { assertSlotFree } from "./insert-booking";
import { shapeOfBooking } from "./availability";
import { firstFreeSlots } from "./list-slots";
import { getBookingByToken, type ManagedBooking } from "./get-booking-by-token";
import { acceptOffer } from "./waitlist/accept-offer";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

// E-mail verification: a booking of an office with verificationMode EMAIL is HELD until the citizen confirms it
// through the link in the "please confirm" e-mail. Confirming is a POST from the manage page, never the GET of the
// link, which mail scanners prefetch.

/**
 * Confirms a held booking: HELD -> CONFIRMED and the usual confirmation e-mail with its calendar file, in one
 * transaction under the day lock. A hold that has expired is confirmed only if its time is still free, checked by
 * the booking core's own re-check (HOLD_EXPIRED otherwise). Confirming twice is harmless.
 */
export async function confirmBookingByToken(db: Db, input: { token: string; now: Date }): Promise<ManagedBooking> {
  const booking = await getBookingByToken(db, input.token);
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (booking.status !== "HELD") return booking;
  // An offer from the waiting list is confirmed by accepting it (its wish is then booked too).
  if (booking.offer) {
    await acceptOffer(db, { bookingToken: input.token, now: input.now });
    return { ...booking, status: "CONFIRMED", holdExpiresAt: null };
  }
  if (booking.startsAt <= input.now) throw new AppError("APPOINTMENT_PAST");
  const { office, service } = booking;
  const [from, to] = appointmentDates(booking.startsAt, booking.endsAt, office.timeZone);

  // Wishes first: a time freed since the hold ran out is offered to the waiting list before it can be confirmed.
  await wishesFirstTransaction(db, booking.officeId, [from, to], input.now, async (tx) => {
    if (!isLiveHold(booking, input.now)) {
      // The time may have been given to someone else since the hold ran out: check it like a new booking.
      try {
        const load = {
          office,
          service,
          shape: shapeOfBooking(booking),
          persons: booking.persons,
          now: input.now,
          from,
          to,
          access: bookingAccess(booking),
          excludeBookingId: booking.id,
        };
        await assertSlotFree(tx, load, booking.startsAt);
      } catch (e) {
        if (isAppError(e) && e.code.startsWith("SLOT_")) throw new AppError("HOLD_EXPIRED");
        throw e;
      }
    }
    // Conditional: a hold erased or confirmed meanwhile is not confirmed (again).
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "HELD", erasedAt: null },
      data: { status: "CONFIRMED", holdExpiresAt: null },
    });
    if (count === 0) throw new AppError("BOOKING_NOT_FOUND");
    await emitBookingEvent(tx, "booking.confirmed", booking, input.now);
    await enqueueConfirmation(tx, booking, input.token);
  });
  return { ...booking, status: "CONFIRMED", holdExpiresAt: null };
}

/** For a hold whose time was taken after it expired: the next free slots of the same service and party size. */
export async function slotsInsteadOfHold(db: Db, booking: ManagedBooking, now: Date, count = 3): Promise<Slot[]> {
  if (!booking.office.active || !booking.service.active) return [];
  return firstFreeSlots(
    db,
    { office: booking.office, service: booking.service },
    { persons: booking.persons, now, access: bookingAccess(booking), shape: shapeOfBooking(booking) },
    count,
  );
}
