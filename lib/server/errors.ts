// Errors the UI and API translate; never carries personal data or internals.
export type AppErrorCode =
  | "OFFICE_NOT_FOUND"
  | "SERVICE_NOT_FOUND"
  | "BOOKING_NOT_FOUND"
  | "SLOT_TAKEN"
  | "SLOT_NOT_OFFERED"
  | "SLOT_TOO_SOON"
  | "SLOT_BEYOND_HORIZON"
  | "TOO_MANY_BOOKINGS"
  | "TOO_MANY_WISHES"
  | "WISH_CLOSED"
  | "ROUND_NOT_OPEN"
  | "WAITLIST_DISABLED"
  | "ALREADY_CANCELLED"
  | "APPOINTMENT_PAST"
  | "INVALID_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CAPACITY_CONFLICT"
  | "STATUS_NOT_ALLOWED"
  | "NO_SHOW_TOO_EARLY"
  | "NOT_APPOINTMENT_DAY"
  | "CORRECTION_EXPIRED"
  | "DAY_NOT_OVER"
  | "STATUS_CHANGED"
  | "SAME_TIME"
  | "ANTIBOT_FAILED"
  | "RATE_LIMITED"
  | "HOLD_EXPIRED"
  | "HOLD_NOT_EXTENDABLE"
  | "MESSAGE_NOT_RESENDABLE"
  | "WISH_NOT_FOUND"
  | "OFFER_NOT_FOUND"
  | "OFFER_EXPIRED"
  | "OFFER_DECIDED"
  // Check-in at the office (lib/domain/check-in.ts) and the devices it runs on.
  | "CHECKIN_NOT_FOUND"
  | "CHECKIN_ALREADY_DONE"
  | "CHECKIN_NOT_POSSIBLE"
  | "CHECKIN_NOT_TODAY"
  | "CHECKIN_TOO_EARLY"
  | "CHECKIN_TOO_LATE"
  | "CHECKIN_NOT_AT_OFFICE"
  | "DEVICE_NOT_PAIRED"
  // Walk-in tickets (lib/domain/queue-wait.ts).
  | "WALK_IN_NOT_OFFERED"
  | "WALK_IN_NOT_NOW"
  | "OFFICE_CLOSED_NOW"
  | "WALK_IN_QUEUE_FULL"
  // The counter screen (lib/server/services/queue).
  | "COUNTER_NOT_FOUND"
  | "COUNTER_INACTIVE"
  | "COUNTER_BUSY"
  | "TICKET_NOT_FOUND"
  | "NOT_SERVED_HERE";

export class AppError extends Error {
  /** Set for a refusal of one form field: the field's name and a key of the form's validation messages. */
  readonly field?: string;
  readonly reason?: string;

  constructor(
    readonly code: AppErrorCode,
    detail?: string | { field: string; reason: string },
  ) {
    super(typeof detail === "object" ? `${detail.field}: ${detail.reason}` : (detail ?? code));
    this.name = "AppError";
    if (typeof detail === "object") {
      this.field = detail.field;
      this.reason = detail.reason;
    }
  }
}

/**
 * Input only the database can judge (a slug already in use, an unknown office, the last administrator): refused
 * for one form field, with a key of that form's validation messages.
 */
export function fieldError(field: string, reason: string): AppError {
  return new AppError("INVALID_INPUT", { field, reason });
}

export function isFieldError(e: unknown): e is AppError & { field: string; reason: string } {
  return e instanceof AppError && e.field !== undefined && e.reason !== undefined;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
