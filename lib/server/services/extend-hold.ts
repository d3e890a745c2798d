import { canExtendHold, extendedHoldDeadline, isLiveHold } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { getBookingByToken } from "./get-booking-by-token";

// The citizen asks for more time to confirm a held booking (WCAG 2.2.1); how much they get is the domain's hold rule.

/**
 * Extends a live hold and returns the new deadline. An expired, confirmed or fully extended hold gets
 * HOLD_NOT_EXTENDABLE, a cancelled one ALREADY_CANCELLED, an unknown or erased one BOOKING_NOT_FOUND.
 */
export async function extendHoldByToken(db: Db, input: { token: string; now: Date }): Promise<Date> {
  const booking = await getBookingByToken(db, input.token);
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  // An offer's deadline is the office's offer time, the same for every wish: it is not extended.
  if (booking.offer) throw new AppError("HOLD_NOT_EXTENDABLE");
  const deadline = extendedHoldDeadline(booking, booking.office.holdMinutes, input.now);
  if (!deadline) {
    // Clicked twice within the same moment: the first click already gave all there is to give now.
    if (canExtendHold(booking, booking.office.holdMinutes, input.now)) return booking.holdExpiresAt!;
    throw new AppError("HOLD_NOT_EXTENDABLE");
  }
  // No capacity re-check and no day lock: a live hold already occupies its time, so keeping it longer takes nothing
  // from anyone. The conditions make one update do it: a hold that expired, was confirmed or erased meanwhile stays
  // as it is, and a concurrent extension never moves the deadline backwards.
  const { count } = await db.booking.updateMany({
    where: {
      id: booking.id,
      status: "HELD",
      erasedAt: null,
      holdExpiresAt: { gt: input.now, lt: deadline },
    },
    data: { holdExpiresAt: deadline },
  });
  if (count === 0) {
    const now = await db.booking.findUnique({ where: { id: booking.id } });
    if (now && !now.erasedAt && now.holdExpiresAt && isLiveHold(now, input.now)) return now.holdExpiresAt;
    throw new AppError("HOLD_NOT_EXTENDABLE");
  }
  return deadline;
}
