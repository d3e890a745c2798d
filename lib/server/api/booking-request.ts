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
// (real types, no coercion of `true` to 1 person) and finds the office and service the schemas depend on.

const envelopeSchema = z.object({
  office: z.string({ error: "required" }).min(1, "required").max(80, "tooLong"),
  service: z.string({ error: "required" }).min(1, "required").max(80, "tooLong"),
  persons: z.number({ error: "invalidPersons" }).optional(),
  locale: z.enum(locales, { error: "invalid" }).optional(),
});

const OPTIONAL_FIELDS = new Set(["persons", "phone", "remark", "locale"]);

function merge(target: FieldErrors, more: FieldErrors) {
  for (const [field, keys] of Object.entries(more)) (target[field] ??= []).push(...keys);
}

/** The validated input for createBooking, or an ApiError (422 field errors, 404 unknown office or service). */
export async function parseBookingRequest(
  db: Db,
  json: Record<string, unknown>,
  now: Date,
  /** The request's language, for a body without `locale`. */
  requestLocale: Locale = defaultLocale,
): Promise<Omit<CreateBookingInput, "channel">> {
  // JSON clients often send null for "not given"; for optional fields it means just that.
  const body = Object.fromEntries(
    Object.entries(json).filter(([key, value]) => !(value === null && OPTIONAL_FIELDS.has(key))),
  );
  const fields: FieldErrors = {};
  for (const field of unsafeTextFields(body, ["remark"])) fields[field] = ["invalid"];

  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    merge(fields, fieldErrorsOf(envelope.error));
    if (fields.office || fields.service) throw new ApiError("INVALID_INPUT", fields);
  }
  const officeSlug = body.office as string;
  const serviceSlug = body.service as string;
  if (!slugSchema.safeParse(officeSlug).success) throw new ApiError("OFFICE_NOT_FOUND");
  if (!slugSchema.safeParse(serviceSlug).success) throw new ApiError("SERVICE_NOT_FOUND");
  const { office, service } = await getActiveOfficeAndService(db, officeSlug, serviceSlug);

  const schema = personalDataSchema({ maxPersons: service.maxPersons, today: localDateOf(now, office.timeZone) });
  const person = schema.safeParse({ ...body, persons: body.persons ?? 1 });
  if (!person.success) merge(fields, fieldErrorsOf(person.error));
  const slot = slotChoiceSchema.safeParse({ start: body.start });
  if (!slot.success) merge(fields, fieldErrorsOf(slot.error));

  if (Object.keys(fields).length > 0 || !person.success || !slot.success) throw new ApiError("INVALID_INPUT", fields);
  const { persons, givenName, familyName, email, phone, dateOfBirth, remark } = person.data;
  return {
    officeSlug,
    serviceSlug,
    start: new Date(slot.data.start),
    persons,
    person: { givenName, familyName, email, phone, dateOfBirth, remark },
    locale: (envelope.success && envelope.data.locale) || requestLocale,
    now,
  };
}
