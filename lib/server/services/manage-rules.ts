import { isCancelledByOffice, isChangeable } from "@/lib/domain/booking-status";
import { AppError } from "@/lib/server/errors";
import type { ManagedBooking } from "./get-booking-by-token";

// What a citizen may do with their booking through the manage link. The pages ask these to decide which buttons to
// show, the services to refuse what the pages would not offer.

/**
 * Whether the move page is open: for an appointment still ahead, and for one the office cancelled while it still
 * offers the service (the citizen picks a new time without typing their data again).
 */
export function canPickNewTime(
  booking: { status: string; startsAt: Date; cancelReason: string | null; office: { active: boolean }; service: { active: boolean } },
  now: Date,
): boolean {
  return isChangeable(booking, now) || (isCancelledByOffice(booking) && booking.office.active && booking.service.active);
}

export function assertChangeable(booking: ManagedBooking, now: Date) {
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (!isChangeable(booking, now)) throw new AppError("APPOINTMENT_PAST");
}

export function assertMovable(booking: ManagedBooking, start: Date, now: Date) {
  // Booked again at any free time, its old one included.
  if (booking.status === "CANCELLED" && canPickNewTime(booking, now)) return;
  assertChangeable(booking, now);
  // "Moving" to the booked time would only send a confusing e-mail.
  if (booking.startsAt.getTime() === start.getTime()) throw new AppError("SAME_TIME");
}
