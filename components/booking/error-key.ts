const SHOWN = new Set([
  "SLOT_TAKEN",
  "SLOT_NOT_OFFERED",
  "SLOT_TOO_SOON",
  "SLOT_BEYOND_HORIZON",
  "TOO_MANY_BOOKINGS",
  "TOO_MANY_WISHES",
  "WISH_CLOSED",
  "ROUND_NOT_OPEN",
  "WAITLIST_DISABLED",
  "WISH_NOT_FOUND",
  "ALREADY_CANCELLED",
  "APPOINTMENT_PAST",
  "SAME_TIME",
  "INVALID_INPUT",
  "SESSION_EXPIRED",
  "UNEXPECTED",
  "ANTIBOT_FAILED",
  "RATE_LIMITED",
  "HOLD_EXPIRED",
  "HOLD_NOT_EXTENDABLE",
  "OFFER_NOT_FOUND",
  "OFFER_EXPIRED",
  "OFFER_DECIDED",
]);

/** Only known error codes from the query string are shown; anything else is ignored. */
export function errorKey(value: string | undefined): string | null {
  return value && SHOWN.has(value) ? value : null;
}
