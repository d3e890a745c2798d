import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { isLiveHold } from "./confirm-booking";
import { getBookingByToken } from "./manage-booking";

// WCAG 2.2.1 (timing adjustable): the citizen may ask for more time to confirm a held booking. Each extension sets
// the deadline to `now + holdMinutes`, but never beyond `createdAt + 3 × holdMinutes`, so nobody (nor a bot) can keep
// a slot forever without confirming it.

const MINUTE = 60_000;
/** A hold lasts at most this many times the office's hold time, counted from the booking. */
export const MAX_HOLD_FACTOR = 3;

type Hold = { status: string; holdExpiresAt: Date | null; createdAt: Date };

/** The latest a hold may last. */
export function holdLimit(booking: Pick<Hold, "createdAt">, holdMinutes: number): Date {
  return new Date(booking.createdAt.getTime() + MAX_HOLD_FACTOR * holdMinutes * MINUTE);
}

/** The deadline an extension at `now` would give, or null when it would not move the deadline (or there is none). */
export function extendedHoldDeadline(booking: Hold, holdMinutes: number, now: Date): Date | null {
  if (!isLiveHold(booking, now)) return null;
  const next = Math.min(now.getTime() + holdMinutes * MINUTE, holdLimit(booking, holdMinutes).getTime());
  return next > booking.holdExpiresAt!.getTime() ? new Date(next) : null;
}

/** Whether the hold may still be extended at all (its limit lies after the current deadline). */
export function canExtendHold(booking: Hold, holdMinutes: number, now: Date): boolean {
  return isLiveHold(booking, now) && holdLimit(booking, holdMinutes) > booking.holdExpiresAt!;
}

/**
 * Extends a live hold and returns the new deadline. An expired, confirmed or fully extended hold gets
 * HOLD_NOT_EXTENDABLE, a cancelled one ALREADY_CANCELLED, an unknown or erased one BOOKING_NOT_FOUND.
 */
export async function extendHoldByToken(db: Db, input: { token: string; now: Date }): Promise<Date> {
  const booking = await getBookingByToken(db, input.token);
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
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
