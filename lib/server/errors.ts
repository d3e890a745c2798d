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
  | "MESSAGE_NOT_RESENDABLE";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
