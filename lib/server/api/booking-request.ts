import "server-only";
import { z } from "zod";
import { localDateOf } from "@/lib/domain";
import { defaultLocale, type Locale, locales } from "@/lib/i18n/routing";
import { personalDataSchema, slotChoiceSchema, slugSchema } from "@/lib/schemas/booking";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";
import type { Db } from "@/lib/server/db";
import type { CreateBookingInput } from "@/lib/server/services/create-booking";
import { getActiveOfficeAndService } from "@/lib/server/services/office-catalog";
import { ApiError } from "./errors";
import { unsafeTextFields } from "./body";

// POST /api/v1/bookings: the wizard's schemas decide what is valid; this only adds what JSON needs beyond a form
// (real types, no coercion of `true` to 1 person, null for "not given") and finds the office and service that the
// rules depend on.

const targetSchema = z.object({
  office: z.string({ error: "required" }).min(1, "required").max(80, "tooLong").meta({ description: "The office's slug." }),
  service: z.string({ error: "required" }).min(1, "required").max(80, "tooLong").meta({ description: "The service's slug." }),
});

/** JSON clients often send null for "not given"; for optional fields it means just that. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}

/** The request body for a service that takes at most `maxPersons` and an office whose local date is `today`. */
export function bookingRequestSchema(limits: { maxPersons: number; today: string }) {
  const person = personalDataSchema(limits).shape;
  return targetSchema.extend({
    start: slotChoiceSchema.shape.start.meta({ description: "A slot's start exactly as listed (UTC, ending in Z)." }),
    // JSON has real numbers: a string or `true` is no count, although a form field's text would be read as one.
    persons: optional(z.preprocess((v) => (typeof v === "number" ? v : NaN), person.persons)).meta({
      description: "Default 1; at most the service's maxPersons.",
    }),
    givenName: optional(person.givenName).meta({ description: "Optional: not everyone has one." }),
    familyName: person.familyName,
    email: person.email.meta({ format: "email" }),
    phone: optional(person.phone).meta({ description: "At least five digits." }),
    dateOfBirth: person.dateOfBirth.meta({ format: "date", description: "Not in the future, at most 130 years ago." }),
    remark: optional(person.remark),
    privacyConsent: person.privacyConsent.meta({ description: "The person has read the privacy notice." }),
    locale: optional(z.enum(locales, { error: "invalid" })).meta({
      description:
        "Language of the e-mails, the calendar entry and the manage link. Left out: the request's language (`lang`, else Accept-Language, else German).",
    }),
    altcha: z.string().optional().meta({
      description: "A solved ALTCHA challenge (base64 of JSON { challenge, solution }), as from the `X-Altcha` header; one per booking.",
    }),
  });
}

/** The validated input for createBooking, or an ApiError (422 field errors, 404 unknown office or service). */
export async function parseBookingRequest(
  db: Db,
  body: Record<string, unknown>,
  now: Date,
  /** The request's language, for a body without `locale`. */
  requestLocale: Locale = defaultLocale,
): Promise<Omit<CreateBookingInput, "channel">> {
  const fields: FieldErrors = {};
  for (const field of unsafeTextFields(body, ["remark"])) fields[field] = ["invalid"];

  // The office and service decide the other fields' rules: without them nothing else can be checked.
  const target = targetSchema.safeParse(body);
  if (!target.success) throw new ApiError("INVALID_INPUT", merge(fields, fieldErrorsOf(target.error)));
  const { office: officeSlug, service: serviceSlug } = target.data;
  if (!slugSchema.safeParse(officeSlug).success) throw new ApiError("OFFICE_NOT_FOUND");
  if (!slugSchema.safeParse(serviceSlug).success) throw new ApiError("SERVICE_NOT_FOUND");
  const { office, service } = await getActiveOfficeAndService(db, officeSlug, serviceSlug);

  const schema = bookingRequestSchema({ maxPersons: service.maxPersons, today: localDateOf(now, office.timeZone) });
  const parsed = schema.safeParse(body);
  if (!parsed.success) merge(fields, fieldErrorsOf(parsed.error));
  if (Object.keys(fields).length > 0 || !parsed.success) throw new ApiError("INVALID_INPUT", fields);
  const { start, persons, givenName, familyName, email, phone, dateOfBirth, remark, locale } = parsed.data;
  return {
    officeSlug,
    serviceSlug,
    loaded: { office, service },
    start: new Date(start),
    persons: persons ?? 1,
    person: {
      givenName: givenName ?? undefined,
      familyName,
      email,
      phone: phone ?? undefined,
      dateOfBirth,
      remark: remark ?? undefined,
    },
    locale: locale ?? requestLocale,
    now,
  };
}

function merge(target: FieldErrors, more: FieldErrors): FieldErrors {
  for (const [field, keys] of Object.entries(more)) (target[field] ??= []).push(...keys);
  return target;
}
