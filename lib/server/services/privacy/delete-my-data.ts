import { appointmentDates, occupiesClerk } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { getBookingByToken } from "../get-booking-by-token";
import { eraseBookings } from "./erase-personal-data";

/**
 * The citizen's right to erasure through the manage link (GDPR Art. 17): their data is erased now instead of after
 * the retention period, by the same rules as the scheduled erasure. A future appointment (or a running hold) is cancelled first, under the same day
 * lock as any cancellation, so its place is free again; no e-mail is sent, since there is no address left to send
 * it to. Afterwards the link shows what an unknown link shows.
 */
export async function deleteMyData(db: Db, input: { token: string; now: Date }): Promise<void> {
  const booking = await getBookingByToken(db, input.token);
  const tokenHash = hashToken(input.token);
  const occupies = booking.startsAt > input.now && occupiesClerk(booking, input.now);
  const erase = async (tx: Tx) => {
    const erased = await eraseBookings(tx, { id: booking.id, manageTokenHash: tokenHash }, input.now, occupies);
    // Erased meanwhile, or the link was replaced by a reminder or a staff move.
    if (erased.length === 0) throw new AppError("BOOKING_NOT_FOUND");
  };
  if (!occupies) {
    await db.$transaction(erase);
    return;
  }
  const dates = appointmentDates(booking.startsAt, booking.endsAt, booking.office.timeZone);
  await bookingTransaction(db, booking.officeId, dates, erase);
}
