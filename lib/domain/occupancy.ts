import { isLiveHold } from "./holds";
import type { BookingStatusName } from "./booking-status";

// Which bookings take a clerk. Two sets, for two questions, plus the rule for holds:

/**
 * Statuses whose appointment occupies its clerk for its whole time, ahead or past. An appointment keeps its time
 * whatever happened at it (arrived, served early, missed): recording an outcome never frees a slot in the running
 * day, and undoing it never has to win the time back. Cancelled bookings free theirs (after the rebook delay);
 * holds occupy only while they are live (`isLiveHold`).
 */
export const OCCUPYING_STATUSES = ["CONFIRMED", "ARRIVED", "SERVED", "NO_SHOW"] as const satisfies readonly BookingStatusName[];

/**
 * Statuses of appointments a clerk still has to attend to: the ones a capacity change can displace (and move or
 * cancel). Served and missed appointments are over and need nobody any more; a hold is not yet an appointment and
 * either expires or is confirmed under the booking rule.
 */
export const STILL_TO_SERVE_STATUSES = ["CONFIRMED", "ARRIVED"] as const satisfies readonly BookingStatusName[];

/** Whether the booking takes its clerk at `now`: an occupying status, or a hold that has not expired. */
export function occupiesClerk(booking: { status: string; holdExpiresAt: Date | null }, now: Date): boolean {
  return (OCCUPYING_STATUSES as readonly string[]).includes(booking.status) || isLiveHold(booking, now);
}
