import { APPOINTMENT_KINDS } from "@/lib/domain/demand";
import "./zod-config";
import { z } from "zod";
import { STATUS_ACTIONS } from "@/lib/domain/booking-status";
import { dateOfBirthSchema, localDateSchema, personalDataSchema, slugSchema } from "./booking";

export { STATUS_ACTIONS, type StatusAction } from "@/lib/domain/booking-status";

// Forms and query strings of the clerks' day work (agenda, appointment detail, booking on behalf). Messages are
// translation keys: first looked up in "agenda.validation", then in the shared "validation" namespace.

/** Booking ids are cuids; anything else cannot name a booking and is refused before the database is asked. */
export const bookingIdSchema = z
  .string({ error: "invalid" })
  .min(1, "invalid")
  .max(64, "invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");

export const statusChangeSchema = z.object({
  bookingId: bookingIdSchema,
  action: z.enum(STATUS_ACTIONS, { error: "invalid" }),
});

/** More than any office's day: a longer list is not one the agenda showed. */
export const CLOSE_DAY_MAX = 500;

/** "Als nicht erschienen erfassen" for the open appointments of a finished day, as the clerk saw and confirmed them. */
export const closeDaySchema = z.object({
  officeSlug: slugSchema,
  date: localDateSchema,
  bookingIds: z.array(bookingIdSchema, { error: "invalid" }).min(1, "invalid").max(CLOSE_DAY_MAX, "invalid"),
});

export const CANCEL_REASON_MIN = 3;
export const CANCEL_REASON_MAX = 500;

/** Shown to the citizen in the cancellation e-mail. Line breaks are fine, other control characters are not. */
export const cancelReasonSchema = z
  .string({ error: "reasonRequired" })
  .trim()
  .min(1, { error: "reasonRequired", abort: true })
  .min(CANCEL_REASON_MIN, "reasonTooShort")
  .max(CANCEL_REASON_MAX, "tooLong")
  .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, "invalid");

export const cancelSchema = z.object({ bookingId: bookingIdSchema, reason: cancelReasonSchema });

/** The further services an appointment is to have (its first service stays), as the detail page's checkboxes post them. */
export const changeServicesSchema = z.object({
  bookingId: bookingIdSchema,
  furtherServiceIds: z.array(bookingIdSchema, { error: "invalid" }).max(20, "tooManyServices"),
});

export const moveSchema = z.object({
  bookingId: bookingIdSchema,
  start: z.iso.datetime({ error: "invalidSlot" }),
});

export const STAFF_CHANNELS = ["PHONE", "COUNTER"] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * Booking on behalf of a caller or a walk-in: name required; e-mail, phone and date of birth optional (the person
 * may have none or not want to give them). Names, phone and remark follow the citizens' rules.
 */
export function onBehalfSchema(opts: { maxPersons: number; today: string }) {
  const personal = personalDataSchema(opts).shape;
  return z.object({
    service: z
      .string({ error: "invalidService" })
      .max(80, "invalidService")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "invalidService"),
    persons: personal.persons,
    /** Further services of the same appointment (slugs) and how it takes place, chosen in step 1. */
    furtherServices: z.array(z.string().max(80, "serviceNotOffered"), { error: "invalid" }).max(20, "tooManyServices").optional(),
    kind: z.enum(APPOINTMENT_KINDS, { error: "kindNotOffered" }).optional(),
    start: z.iso.datetime({ error: "invalidSlot" }),
    channel: z.enum(STAFF_CHANNELS, { error: "invalidChannel" }),
    givenName: personal.givenName,
    familyName: personal.familyName,
    email: z.preprocess(emptyToUndefined, personal.email.optional()),
    phone: personal.phone,
    dateOfBirth: z.preprocess(emptyToUndefined, dateOfBirthSchema(opts.today).optional()),
    remark: personal.remark,
  });
}

export type OnBehalfData = z.output<ReturnType<typeof onBehalfSchema>>;

/** Reads the on-behalf form as posted (with or without JavaScript). */
export function onBehalfFromForm(form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  return {
    service: text("service") ?? "",
    persons: text("persons") ?? "1",
    furtherServices: form.getAll("furtherServices").filter((v) => typeof v === "string"),
    kind: text("kind") || undefined,
    start: text("start"),
    channel: text("channel"),
    givenName: text("givenName"),
    familyName: text("familyName"),
    email: text("email"),
    phone: text("phone"),
    dateOfBirth: text("dateOfBirth"),
    remark: text("remark"),
  };
}

/** A local date from a query string, or undefined when missing or malformed (the page then shows today). */
export function queryDate(value: unknown): string | undefined {
  const parsed = localDateSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A service slug from a query string, or undefined. */
export function querySlug(value: unknown): string | undefined {
  const parsed = slugSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const SEARCH_MAX = 100;

/** Free-text search from a query string: trimmed, without control characters, at most SEARCH_MAX characters. */
export function querySearch(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const cleaned = value.replace(/\p{Cc}/gu, " ").trim().slice(0, SEARCH_MAX);
  return cleaned === "" ? undefined : cleaned;
}

/** A page number from a query string (1 when missing or malformed). */
export function queryPage(value: unknown): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return n >= 1 ? n : 1;
}

/** A positive whole number of persons from a query string, or undefined. */
export function queryPersons(value: unknown): number | undefined {
  const n = typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

// Where a staff form returns to: a page of the staff area, nothing else (no open redirect, no other scheme or host).
const STAFF_PATH = /^\/staff\/[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[A-Za-z0-9_-]+)*(?:\?[A-Za-z0-9_.~%&=+-]*)?$/;

/** The posted return path if it is a staff page, else the staff overview. */
export function staffBackPath(value: unknown): string {
  return typeof value === "string" && value.length <= 500 && STAFF_PATH.test(value) ? value : "/staff";
}

const OUTCOME_KEYS = ["erfolg", "fehler", "termin", "anzahl"] as const;

/** `path` with the result of an action in its query (replacing an earlier one) and an optional fragment. */
export function withOutcome(
  path: string,
  outcome: Partial<Record<(typeof OUTCOME_KEYS)[number], string>>,
  hash?: string,
): string {
  const url = new URL(path, "http://staff.invalid");
  for (const key of OUTCOME_KEYS) url.searchParams.delete(key);
  for (const [key, value] of Object.entries(outcome)) if (value) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ""}`;
}
