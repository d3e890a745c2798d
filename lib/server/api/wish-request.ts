import "server-only";
import { z } from "zod";
import { localDateOf } from "@/lib/domain";
import { DAY_PARTS, WEEKDAYS } from "@/lib/domain/waitlist";
import { defaultLocale, type Locale } from "@/lib/i18n/routing";
import { WISH_MESSAGES, type WishPreferences, wishPreferencesSchema } from "@/lib/schemas/wish";
import type { Db } from "@/lib/server/db";
import type { CreateWishInput, WishPreferencesValue } from "@/lib/server/services/waitlist/create-wish";
import { applicantOf, bodyFieldErrors, parseServiceRequest, personRequestSchema } from "./booking-request";
import { ApiError } from "./errors";

// POST /api/v1/wishes and PATCH /api/v1/wishes/{token}: the wish form's schema decides what is valid; JSON only
// has to send real types (weekdays as numbers, parts of the day as their names, always as arrays).

const typeError = (m: { required: string; invalid: string }) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? m.required : m.invalid;

/** The preferences as JSON carries them, then through the form's own schema (its bounds and the order of the dates). */
export function wishPreferencesRequestSchema(opts: { today: string; bookingHorizonDays: number }) {
  const form = wishPreferencesSchema(opts);
  const m = WISH_MESSAGES;
  const json = z.object({
    earliestDate: form.shape.earliestDate.meta({
      format: "date",
      description: "First acceptable local date; today or later.",
    }),
    latestDate: form.shape.latestDate.meta({
      format: "date",
      description:
        "Last acceptable local date; on or after `earliestDate`, at most half a year beyond the booking horizon.",
    }),
    weekdays: z
      .array(z.int({ error: m.weekdays.invalid }).min(1, m.weekdays.invalid).max(7, m.weekdays.invalid), {
        error: typeError(m.weekdays),
      })
      .min(1, m.weekdays.required)
      .max(WEEKDAYS.length * 2, m.weekdays.invalid)
      .meta({
        description: "ISO weekdays that suit (1 Monday to 7 Sunday); at least one.",
      }),
    dayParts: z
      .array(z.enum(DAY_PARTS, { error: m.dayParts.invalid }), {
        error: typeError(m.dayParts),
      })
      .min(1, m.dayParts.required)
      .max(DAY_PARTS.length * 2, m.dayParts.invalid)
      .meta({
        description: "Parts of the day that suit: MORNING (a start before 12:00 local time), AFTERNOON (from 12:00).",
      }),
  });
  // The form's schema takes any input (checkbox values); what passed the JSON types is one of them.
  return json.pipe(form as unknown as z.ZodType<WishPreferences, z.output<typeof json>>);
}

/** The request body of a new wish for a service that takes at most `maxPersons`. */
export function wishRequestSchema(limits: { maxPersons: number; today: string; bookingHorizonDays: number }) {
  return personRequestSchema(limits).extend({ preferences: wishPreferencesRequestSchema(limits) });
}

/** The validated input for createWish, or an ApiError (422 field errors, 404 unknown office or service). */
export async function parseWishRequest(
  db: Db,
  body: Record<string, unknown>,
  now: Date,
  requestLocale: Locale = defaultLocale,
): Promise<Omit<CreateWishInput, "source">> {
  const { loaded, data } = await parseServiceRequest(db, body, [], ({ office, service }) =>
    wishRequestSchema({
      maxPersons: service.maxPersons,
      today: localDateOf(now, office.timeZone),
      bookingHorizonDays: office.bookingHorizonDays,
    }),
  );
  return {
    officeId: loaded.office.id,
    serviceId: loaded.service.id,
    ...applicantOf(data, loaded.service, requestLocale),
    preferences: data.preferences,
    now,
  };
}

/** The body of PATCH /wishes/{token}: new preferences, checked against the office's today and horizon. */
export function parseWishPreferences(
  body: Record<string, unknown>,
  office: { timeZone: string; bookingHorizonDays: number },
  now: Date,
): WishPreferencesValue {
  const schema = wishPreferencesRequestSchema({
    today: localDateOf(now, office.timeZone),
    bookingHorizonDays: office.bookingHorizonDays,
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("INVALID_INPUT", bodyFieldErrors(parsed.error));
  return parsed.data;
}
