import { appointmentDates, occupiesClerk } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { getBookingByToken } from "../get-booking-by-token";
import { CLOSED_WISH_STATUSES, OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import { eraseBookings, eraseWishes } from "./erase-personal-data";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

/**
 * The citizen's right to erasure through the manage link (GDPR Art. 17): their data is erased now instead of after
 * the retention period, by the same rules as the scheduled erasure. A future appointment (or a running hold) is cancelled first, under the same day
 * lock as any cancellation, so its place is free again; no e-mail is sent, since there is no address left to send
 * it to. Afterwards the link shows what an unknown link shows.
 *
 * The link proves the person holds this booking only, not every record with their address, so other bookings and
 * wishes are not touched. What is touched is the wish this booking came from: the one it was offered to (an open
 * offer is declined and the wish withdrawn with it, since its person asked to be forgotten) or the one it ended.
 */
export async function deleteMyData(db: Db, input: { token: string; now: Date }): Promise<void> {
  const booking = await getBookingByToken(db, input.token);
  const tokenHash = hashToken(input.token);
  const occupies = booking.startsAt > input.now && occupiesClerk(booking, input.now);
  const erase = async (tx: Tx) => {
    const erased = await eraseBookings(tx, { id: booking.id, manageTokenHash: tokenHash }, input.now, occupies);
    // Erased meanwhile, or the link was replaced by a reminder or a staff move.
    if (erased.length === 0) throw new AppError("BOOKING_NOT_FOUND");
    if (occupies) await emitBookingEvent(tx, "booking.cancelled", booking, input.now);
    await eraseWishOf(tx, booking.id, input.now);
  };
  if (!occupies) {
    await db.$transaction(erase);
    return;
  }
  const dates = appointmentDates(booking.startsAt, booking.endsAt, booking.office.timeZone);
  await bookingTransaction(db, booking.officeId, dates, erase);
}

/** Closes (if still waiting) and erases the wish that `bookingId` was offered to or was booked for. */
async function eraseWishOf(tx: Tx, bookingId: string, now: Date): Promise<void> {
  const offer = await tx.wishOffer.findUnique({ where: { bookingId }, select: { id: true, wishId: true } });
  const wish = await tx.wish.findFirst({
    where: offer ? { id: offer.wishId } : { bookingId },
    select: { id: true },
  });
  if (!wish) return;
  if (offer) await tx.wishOffer.updateMany({ where: { id: offer.id, outcome: "OPEN" }, data: { outcome: "DECLINED", decidedAt: now } });
  // Only the offer of this booking may be cleared: a wish with another open offer stays (and keeps its data).
  await tx.wish.updateMany({
    where: { id: wish.id, status: { in: [...OPEN_WISH_STATUSES] }, openOfferId: offer?.id ?? null },
    data: { status: "WITHDRAWN", closedAt: now, openOfferId: null },
  });
  await eraseWishes(tx, { id: wish.id, status: { in: [...CLOSED_WISH_STATUSES] } }, now);
}
