import type { Channel } from "./statistics/aggregate";
import { MS_PER_MINUTE } from "./time";

// Unconfirmed bookings (e-mail verification): a hold occupies its time until its deadline, so the citizen's place is
// kept while they confirm. WCAG 2.2.1 (timing adjustable): they may ask for more time. Each extension sets the
// deadline to `now + holdMinutes`, but never beyond `createdAt + MAX_HOLD_FACTOR × holdMinutes`, so nobody (nor a
// bot) can keep a time forever without confirming it.

/** A hold lasts at most this many times the office's hold time, counted from the booking. */
export const MAX_HOLD_FACTOR = 3;

export interface Hold {
  status: string;
  holdExpiresAt: Date | null;
  createdAt: Date;
}

/**
 * Whether a booking through `channel` is held until the citizen confirms it: online and API bookings of offices with
 * e-mail verification. Bookings staff take by phone or at the counter are confirmed at once.
 */
export function needsVerification(office: { verificationMode: string }, channel: Channel): boolean {
  return office.verificationMode === "EMAIL" && (channel === "ONLINE" || channel === "API");
}

/** The deadline of a hold made at `now`. */
export function holdDeadline(now: Date, holdMinutes: number): Date {
  return new Date(now.getTime() + holdMinutes * MS_PER_MINUTE);
}

/** Whether the booking still waits for its confirmation (held, not yet expired): such a hold occupies its time. */
export function isLiveHold(booking: Pick<Hold, "status" | "holdExpiresAt">, now: Date): boolean {
  return booking.status === "HELD" && booking.holdExpiresAt !== null && booking.holdExpiresAt > now;
}

/** The latest a hold may last. */
export function holdLimit(booking: Pick<Hold, "createdAt">, holdMinutes: number): Date {
  return new Date(booking.createdAt.getTime() + MAX_HOLD_FACTOR * holdMinutes * MS_PER_MINUTE);
}

/** The deadline an extension at `now` would give, or null when it would not move the deadline (or there is none). */
export function extendedHoldDeadline(booking: Hold, holdMinutes: number, now: Date): Date | null {
  if (!isLiveHold(booking, now)) return null;
  const next = Math.min(holdDeadline(now, holdMinutes).getTime(), holdLimit(booking, holdMinutes).getTime());
  return next > booking.holdExpiresAt!.getTime() ? new Date(next) : null;
}

/** Whether the hold may still be extended at all (its limit lies after the current deadline). */
export function canExtendHold(booking: Hold, holdMinutes: number, now: Date): boolean {
  return isLiveHold(booking, now) && holdLimit(booking, holdMinutes) > booking.holdExpiresAt!;
}

/** What the citizen is offered for a live hold: more time (until `limit` at the latest), or no more than `deadline`. */
export type HoldExtensionOffer =
  | { extendable: true; deadline: Date; limit: Date; minutes: number }
  | { extendable: false; deadline: Date };

/** The offer for the hold at `now`, or null when it is no live hold (nothing to offer). */
export function holdExtensionOffer(booking: Hold, holdMinutes: number, now: Date): HoldExtensionOffer | null {
  if (!isLiveHold(booking, now)) return null;
  const deadline = booking.holdExpiresAt!;
  if (!canExtendHold(booking, holdMinutes, now)) return { extendable: false, deadline };
  const limit = holdLimit(booking, holdMinutes);
  // The minutes one extension gives now: the hold time, fewer close to the limit, but never "0 minutes".
  const minutes = Math.max(1, Math.min(holdMinutes, Math.floor((limit.getTime() - now.getTime()) / MS_PER_MINUTE)));
  return { extendable: true, deadline, limit, minutes };
}
