import "server-only";
import { z } from "zod";
import { APPOINTMENT_KINDS, localDateOf } from "@/lib/domain";
import { defaultLocale, type Locale, locales } from "@/lib/i18n/routing";
import { type PersonalData, personalDataSchema, slotChoiceSchema, slugSchema } from "@/lib/schemas/booking";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";
import type { Db } from "@/lib/server/db";
import type { CreateBookingInput } from "@/lib/server/services/create-booking";
import { getActiveOfficeAndService } from "@/lib/server/services/office-catalog";
import { ApiError } from "./errors";
import { unsafeTextFields } from "./body";

// POST /api/v1/bookings (and POST /api/v1/wishes, which asks for the same person): the wizard's schemas decide what
// is valid; this only adds what JSON needs beyond a form (real types, no coercion of `true` to 1 person, null for
// "not given") and finds the office and service that the rules depend on.

const targetSchema = z.object({
  office: z.string({ error: "required" }).min(1, "required").max(80, "tooLong").meta({ description: "The office's slug." }),
  service: z.string({ error: "required" }).min(1, "required").max(80, "tooLong").meta({ description: "The service's slug." }),
});

/** JSON clients often send null for "not given"; for optional fields it means just that. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}

/** The office and service a body names, and the person's fields as the wizard's personal-data step checks them. */
export function personRequestSchema(limits: { maxPersons: number; today: string }) {
  const person = personalDataSchema(limits).shape;
  return targetSchema.extend({
    // JSON has real numbers: a string or `true` is no count, although a form field's text would be read as one.
    persons: optional(z.preprocess((v) => (typeof v === "number" ? v : NaN), person.persons)).meta({
      description: "Default 1; at most the service's maxPersons.",
    }),
    givenName: optional(person.givenName).meta({ description: "Optional: not everyone has one." }),
    familyName: person.familyName,
    email: person.email.meta({ format: "email" }),
    phone: optional(person.phone).meta({ description: "At least five digits." }),
    dateOfBirth: person.dateOfBirth.meta({ format: "date", description: "Not in the future, at most 130 years ago." }),
    privacyConsent: person.privacyConsent.meta({ description: "The person has read the privacy notice." }),
    permitExpiresOn: optional(person.permitExpiresOn).meta({
      format: "date",
      description:
        "Expiry date of the current residence permit, if the person wants to give it (within ten years from today). " +
        "Used only by services that ask for it: close to the expiry, urgent places are open to the person and a wish is urgent.",
    }),
    locale: optional(z.enum(locales, { error: "invalid" })).meta({
      description:
        "Language of the e-mails (with any calendar entry) and the manage link. Left out: the request's language (`lang`, else Accept-Language, else German).",
    }),
    altcha: z.string().optional().meta({
      description: "A solved ALTCHA challenge (base64 of JSON { challenge, solution }), as from the `X-Altcha` header; one per request.",
    }),
  });
}

/** The request body for a service that takes at most `maxPersons` and an office whose local date is `today`. */
export function bookingRequestSchema(limits: { maxPersons: number; today: string }) {
  return personRequestSchema(limits).extend({
    start: slotChoiceSchema.shape.start.meta({ description: "A slot's start exactly as listed (UTC, ending in Z)." }),
    remark: optional(personalDataSchema(limits).shape.remark),
    ...appointmentRequestFields,
  });
}

/** Further services and the kind of one appointment, as a JSON body names them. */
const appointmentRequestFields = {
  furtherServices: optional(z.array(z.string().max(80, "serviceNotOffered"), { error: "invalid" }).max(20, "tooManyServices")).meta({
    description:
      "Slugs of further services of the same office taken care of in the same appointment (up to the office's " +
      "`maxServicesPerBooking` in all, each once). The appointment then takes all their durations, and only clerks " +
      "serving every one of them count for it: list the slots with the same `furtherServices`.",
  }),
  kind: optional(z.enum(APPOINTMENT_KINDS, { error: "kindNotOffered" })).meta({
    description:
      "How the appointment takes place: one of the services' `appointmentKinds`. Left out: the only kind offered, " +
      "else IN_PERSON. PHONE requires `phone` (the office calls); VIDEO gets a meeting link in the confirmation.",
  }),
};

type Loaded = Awaited<ReturnType<typeof getActiveOfficeAndService>>;
type PersonRequest = z.output<ReturnType<typeof personRequestSchema>>;

/**
 * A body that names an office and a service, checked by the schema those two call for: 422 with every field's
 * problems (unsafe characters included), 404 for an unknown office or service. `multiline` names the string fields
 * that may hold line breaks.
 */
export async function parseServiceRequest<S extends z.ZodType<PersonRequest>>(
  db: Db,
  body: Record<string, unknown>,
  multiline: readonly string[],
  schemaFor: (loaded: Loaded) => S,
): Promise<{ loaded: Loaded; data: z.output<S> }> {
  const fields: FieldErrors = {};
  for (const field of unsafeTextFields(body, multiline)) fields[field] = ["invalid"];

  // The office and service decide the other fields' rules: without them nothing else can be checked.
  const target = targetSchema.safeParse(body);
  if (!target.success) throw new ApiError("INVALID_INPUT", mergeFieldErrors(fields, fieldErrorsOf(target.error)));
  const { office: officeSlug, service: serviceSlug } = target.data;
  if (!slugSchema.safeParse(officeSlug).success) throw new ApiError("OFFICE_NOT_FOUND");
  if (!slugSchema.safeParse(serviceSlug).success) throw new ApiError("SERVICE_NOT_FOUND");
  const loaded = await getActiveOfficeAndService(db, officeSlug, serviceSlug);

  const parsed = schemaFor(loaded).safeParse(body);
  if (!parsed.success) mergeFieldErrors(fields, bodyFieldErrors(parsed.error));
  if (Object.keys(fields).length > 0 || !parsed.success) throw new ApiError("INVALID_INPUT", fields);
  return { loaded, data: parsed.data };
}

/**
 * Who asks, as the services take it: the persons, the person (null and left out alike mean "not given") and the
 * language of the e-mails, the body's `locale` else the request's.
 */
export function applicantOf(
  data: PersonRequest,
  service: { asksPermitExpiry: boolean },
  requestLocale: Locale,
  remark?: string | null,
): { persons: number; person: PersonalData; locale: Locale } {
  return {
    persons: data.persons ?? 1,
    person: {
      givenName: data.givenName ?? undefined,
      familyName: data.familyName,
      email: data.email,
      phone: data.phone ?? undefined,
      dateOfBirth: data.dateOfBirth,
      remark: remark ?? undefined,
      // Only a service that asks for the permit's expiry keeps it (urgent places and wishes depend on it).
      permitExpiresOn: service.asksPermitExpiry ? (data.permitExpiresOn ?? undefined) : undefined,
    },
    locale: data.locale ?? requestLocale,
  };
}

/** The validated input for createBooking, or an ApiError (422 field errors, 404 unknown office or service). */
export async function parseBookingRequest(
  db: Db,
  body: Record<string, unknown>,
  now: Date,
  /** The request's language, for a body without `locale`. */
  requestLocale: Locale = defaultLocale,
): Promise<Omit<CreateBookingInput, "channel">> {
  const { loaded, data } = await parseServiceRequest(db, body, ["remark"], ({ office, service }) =>
    bookingRequestSchema({ maxPersons: service.maxPersons, today: localDateOf(now, office.timeZone) }),
  );
  return {
    officeSlug: loaded.office.slug,
    serviceSlug: loaded.service.slug,
    loaded,
    start: new Date(data.start),
    furtherServices: data.furtherServices ?? undefined,
    kind: data.kind ?? undefined,
    ...applicantOf(data, loaded.service, requestLocale, data.remark),
    now,
  };
}

/** Field errors of a JSON body; a problem with an array's item is reported for the array (`weekdays`, not `weekdays.0`). */
export function bodyFieldErrors(error: z.ZodError): FieldErrors {
  const issues = error.issues.map((issue) => ({ ...issue, path: issue.path.filter((key) => typeof key !== "number") }));
  return fieldErrorsOf({ issues } as z.ZodError);
}

export function mergeFieldErrors(target: FieldErrors, more: FieldErrors): FieldErrors {
  for (const [field, keys] of Object.entries(more)) (target[field] ??= []).push(...keys);
  return target;
}
