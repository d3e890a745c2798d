import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import type { AppErrorCode } from "@/lib/server/errors";
import { errorText, validationText } from "./messages";
import type { ErrorResource } from "./schemas";

// Every API route answers errors in one shape: { error: { code, message, fields? } }, with texts in the caller's
// language. Codes beyond the service layer's are about the request itself.

export type ApiErrorCode =
  | AppErrorCode
  | "MALFORMED_REQUEST"
  | "NOT_FOUND"
  | "ROUND_NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "BUSY"
  | "UNEXPECTED";

export const ERROR_STATUS: Record<ApiErrorCode, number> = {
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ANTIBOT_FAILED: 403,
  OFFICE_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  BOOKING_NOT_FOUND: 404,
  NOT_FOUND: 404,
  ROUND_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  SLOT_TAKEN: 409,
  SLOT_NOT_OFFERED: 409,
  SLOT_TOO_SOON: 409,
  SLOT_BEYOND_HORIZON: 409,
  TOO_MANY_BOOKINGS: 409,
  TOO_MANY_WISHES: 409,
  WISH_CLOSED: 409,
  ROUND_NOT_OPEN: 409,
  WAITLIST_DISABLED: 409,
  ALREADY_CANCELLED: 409,
  APPOINTMENT_PAST: 409,
  CAPACITY_CONFLICT: 409,
  STATUS_NOT_ALLOWED: 409,
  NO_SHOW_TOO_EARLY: 409,
  NOT_APPOINTMENT_DAY: 409,
  CORRECTION_EXPIRED: 409,
  DAY_NOT_OVER: 409,
  STATUS_CHANGED: 409,
  SAME_TIME: 409,
  HOLD_EXPIRED: 409,
  HOLD_NOT_EXTENDABLE: 409,
  MESSAGE_NOT_RESENDABLE: 409,
  WISH_NOT_FOUND: 404,
  OFFER_NOT_FOUND: 404,
  OFFER_EXPIRED: 409,
  OFFER_DECIDED: 409,
  CHECKIN_NOT_FOUND: 404,
  CHECKIN_ALREADY_DONE: 409,
  CHECKIN_NOT_POSSIBLE: 409,
  CHECKIN_NOT_TODAY: 409,
  CHECKIN_TOO_EARLY: 409,
  CHECKIN_TOO_LATE: 409,
  CHECKIN_NOT_AT_OFFICE: 403,
  DEVICE_NOT_PAIRED: 401,
  WALK_IN_NOT_OFFERED: 409,
  WALK_IN_NOT_NOW: 409,
  OFFICE_CLOSED_NOW: 409,
  WALK_IN_QUEUE_FULL: 409,
  COUNTER_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  COUNTER_INACTIVE: 409,
  COUNTER_BUSY: 409,
  NOT_SERVED_HERE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  TOO_MANY_REQUESTS: 429,
  UNEXPECTED: 500,
  BUSY: 503,
};

/** Codes only the staff area produces; the public API never answers them, so its document leaves them out. */
const STAFF_ONLY_CODES: ReadonlySet<ApiErrorCode> = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CAPACITY_CONFLICT",
  "STATUS_NOT_ALLOWED",
  "NO_SHOW_TOO_EARLY",
  "NOT_APPOINTMENT_DAY",
  "CORRECTION_EXPIRED",
  "DAY_NOT_OVER",
  "STATUS_CHANGED",
  "SAME_TIME",
  "MESSAGE_NOT_RESENDABLE",
  // Only the manage page and the wizard confirm and extend holds.
  "HOLD_EXPIRED",
  "HOLD_NOT_EXTENDABLE",
  // Only the kiosk and the phone check-in check in.
  "CHECKIN_NOT_FOUND",
  "CHECKIN_ALREADY_DONE",
  "CHECKIN_NOT_POSSIBLE",
  "CHECKIN_NOT_TODAY",
  "CHECKIN_TOO_EARLY",
  "CHECKIN_TOO_LATE",
  "CHECKIN_NOT_AT_OFFICE",
  "DEVICE_NOT_PAIRED",
  // Only the kiosk and the counter issue walk-in tickets.
  "WALK_IN_NOT_OFFERED",
  "WALK_IN_NOT_NOW",
  "OFFICE_CLOSED_NOW",
  "WALK_IN_QUEUE_FULL",
  // The counter screen's.
  "COUNTER_NOT_FOUND",
  "TICKET_NOT_FOUND",
  "COUNTER_INACTIVE",
  "COUNTER_BUSY",
  "NOT_SERVED_HERE",
]);

/** The codes the public API answers with. */
export const ERROR_CODES = (Object.keys(ERROR_STATUS) as ApiErrorCode[]).filter((c) => !STAFF_ONLY_CODES.has(c));

/**
 * An error the API answers as it is; `fields` holds validation keys (translated when the response is built), and
 * `retryAfterSeconds` of a refusal by a rate limit becomes the Retry-After header.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = ErrorResource;

function messageOf(code: ApiErrorCode, locale: Locale, fields: FieldErrors | undefined): string {
  // Only query parameters give a malformed request field errors; its own text is about the JSON body.
  if (code === "MALFORMED_REQUEST" && fields && Object.keys(fields).length > 0) return errorText(locale, "INVALID_INPUT") ?? code;
  const own = errorText(locale, code);
  if (own) return own;
  // Request-level codes without their own text yet read as the closest existing one.
  if (code === "PAYLOAD_TOO_LARGE") return validationText(locale, "tooLong");
  return errorText(locale, "INVALID_INPUT") ?? code;
}

export function errorBody(error: ApiError, locale: Locale): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: messageOf(error.code, locale, error.fields) } };
  if (error.fields && Object.keys(error.fields).length > 0) {
    body.error.fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, keys]) => [field, [...new Set(keys)].map((k) => validationText(locale, k))]),
    );
  }
  return body;
}

export const NO_STORE = "no-store";

export function jsonResponse(data: unknown, init: { status?: number; cacheControl?: string; headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", init.cacheControl ?? NO_STORE);
  headers.set("X-Content-Type-Options", "nosniff");
  return new Response(JSON.stringify(data), { status: init.status ?? 200, headers });
}

export function errorResponse(error: ApiError, locale: Locale, headers?: HeadersInit): Response {
  const all = new Headers(headers);
  if (error.retryAfterSeconds !== undefined) all.set("Retry-After", String(error.retryAfterSeconds));
  return jsonResponse(errorBody(error, locale), { status: error.status, headers: all });
}
