import "./zod-config";
import Holidays from "date-holidays";
import { z } from "zod";
import { MAX_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import { type AppointmentKind, formatAppointmentKinds, isAppointmentKind, isVideoMeetingTemplate } from "@/lib/domain/demand";
import { type DayPart, formatDayParts, isDayPart } from "@/lib/domain/waitlist";
import { defaultLocale, locales } from "@/lib/i18n/routing";
import type { ActionState, FieldErrors } from "./form-errors";

// Offices and their services as administrators edit them. Shared by the server actions, the services and the
// server-rendered pages; the forms post plain FormData (read with textFields / serviceFromForm) and show the keys
// these schemas answer, so client components import only types from here (date-holidays stays on the server).
// Messages are translation keys of "admin.validation", falling back to the shared "validation" namespace.

/** Top-level paths of the public site: an office slug must not shadow them (locales are two letters). */
export const RESERVED_OFFICE_SLUGS = new Set([
  "api",
  "staff",
  "termin",
  "datenschutz",
  "impressum",
  "barrierefreiheit",
  "leichte-sprache",
  "dev",
  "admin",
  "verwaltung",
  "auswertung",
  "login",
  "aufruf",
  "kiosk",
  "geraet",
  "einchecken",
  "warteliste",
  "runde",
  "leistungen",
  "quittung",
  "einladung",
  "_next",
]);

export const SLOT_STEPS = [5, 10, 15, 20, 30, 45, 60] as const;

/** Ranges of the numeric office settings: wide enough for any office, narrow enough to catch typos. */
export const OFFICE_LIMITS = {
  bookingHorizonDays: [1, 730],
  minNoticeMinutes: [0, 20160],
  retentionDays: [1, 730],
  reminderHours: [0, 168],
  maxActiveBookingsPerEmail: [1, 50],
  holdMinutes: [5, 1440],
  rebookDelayMinutes: [0, 10080],
  // 0: statuses only on the appointment's day; the upper bound keeps corrections within the statistics' reach.
  statusCorrectionDays: [0, MAX_STATUS_CORRECTION_DAYS],
  // The waiting list's offer deadline; urgency and the release of kept places (issue 13).
  offerHours: [1, 72],
  urgentWithinDays: [0, 365],
  urgentReleaseHours: [0, 720],
  // The day at the office (issue 14): the check-in window around an appointment, how far walk-ins may push an
  // appointment past its time, and how many walk-ins may wait at once (0: no limit).
  checkInEarlyMinutes: [0, 240],
  checkInLateMinutes: [0, 120],
  callToleranceMinutes: [0, 120],
  walkInQueueLimit: [0, 999],
  // Services one appointment may combine (identity card + passport); 1: one service only.
  maxServicesPerBooking: [1, 10],
} as const;

export const SERVICE_LIMITS = {
  durationMinutes: [5, 480],
  extraPersonMinutes: [0, 240],
  maxPersons: [1, 20],
} as const;

// An empty form field means "not given".
const blankToUndefined = (v: unknown) => ((typeof v === "string" && v.trim() === "") || v === null ? undefined : v);

// Text without control or bidirectional-override characters: it ends up in e-mails, QR pages and the audit view.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const line = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .refine((v) => !CONTROL.test(v), "invalidText");

const optionalLine = (max: number) => z.preprocess(blankToUndefined, line(max).optional()).transform((v) => v ?? null);

const multiline = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), "invalidText")
    .transform((v) => v.replace(/\r\n?/g, "\n"));

const optionalMultiline = (max: number) =>
  z.preprocess(blankToUndefined, multiline(max).optional()).transform((v) => v || null);

/** A yes/no choice posted as "true" or "false". */
const yesNo = z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true");

/** Documents to bring: one per line, empty lines dropped. */
const documents = z
  .preprocess((v) => (v === undefined || v === null ? "" : v), multiline(2000))
  .transform((v) =>
    v
      .split("\n")
      .map((d) => d.trim())
      .filter(Boolean)
      .join("\n"),
  );

// An emptied number field is refused, not read as 0 (which would, e.g., silently turn reminders off).
const whole = (key: string, [min, max]: readonly [number, number]) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: key })
      .refine((n) => Number.isInteger(n), key)
      .refine((n) => n >= min && n <= max, key),
  );

const email = z
  .preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(254, "tooLong")
      .pipe(z.email({ error: "invalidEmail" }))
      .optional(),
  )
  .transform((v) => v ?? null);

const website = z
  .preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(500, "tooLong")
      .refine((v) => {
        try {
          const url = new URL(v);
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      }, "invalidUrl")
      .optional(),
  )
  .transform((v) => v ?? null);

const phone = z
  .preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(40, "tooLong")
      .regex(/^\+?[0-9 ()/-]{5,}$/, "invalidPhone")
      .optional(),
  )
  .transform((v) => v ?? null);

/** An IANA time zone the runtime knows (Intl), e.g. Europe/Berlin. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("de", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const holidayCatalogue = new Holidays();

/** An ISO 3166 country or 3166-2 region for which date-holidays knows the public holidays, e.g. DE-RP. */
export function isHolidayRegion(value: string): boolean {
  const m = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(value);
  if (!m) return false;
  if (!(m[1] in holidayCatalogue.getCountries())) return false;
  return !m[2] || m[2] in (holidayCatalogue.getStates(m[1]) ?? {});
}

/** The German states (ISO 3166-2) with their names, for the region choice. */
export function germanHolidayRegions(): Array<{ code: string; name: string }> {
  return Object.entries(holidayCatalogue.getStates("DE", "de") ?? {})
    .map(([state, name]) => ({ code: `DE-${state}`, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
}

/** Lower-case letters, digits and single hyphens: the part of the deep link after the site's address. */
const slug = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(60, "tooLong")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "invalidSlug");

export const officeSlugSchema = slug
  .min(3, "slugTooShort")
  .refine((s) => !RESERVED_OFFICE_SLUGS.has(s), "slugReserved");

/** Database ids (cuid): letters and digits only, so a forged value cannot carry anything else. */
export const recordIdSchema = z.string({ error: "invalid" }).regex(/^[A-Za-z0-9_-]{1,40}$/, "invalid");

export const officeSettingsSchema = z.object({
  name: line(120),
  department: optionalLine(120),
  authority: line(120),
  street: line(120),
  postalCode: z
    .string({ error: "required" })
    .trim()
    .regex(/^\d{5}$/, "invalidPostalCode"),
  locality: line(80),
  room: optionalLine(120),
  phone,
  email,
  website,
  directions: optionalMultiline(1000),
  timeZone: z.string({ error: "required" }).trim().refine(isTimeZone, "invalidTimeZone"),
  holidayRegion: z.string({ error: "required" }).trim().refine(isHolidayRegion, "invalidHolidayRegion"),
  bookingHorizonDays: whole("invalidHorizon", OFFICE_LIMITS.bookingHorizonDays),
  minNoticeMinutes: whole("invalidNotice", OFFICE_LIMITS.minNoticeMinutes),
  slotStepMinutes: z.coerce
    .number({ error: "invalidSlotStep" })
    .refine((n) => (SLOT_STEPS as readonly number[]).includes(n), "invalidSlotStep"),
  retentionDays: whole("invalidRetention", OFFICE_LIMITS.retentionDays),
  reminderHours: whole("invalidReminder", OFFICE_LIMITS.reminderHours),
  maxActiveBookingsPerEmail: whole("invalidMaxBookings", OFFICE_LIMITS.maxActiveBookingsPerEmail),
  verificationMode: z.enum(["NONE", "EMAIL"], { error: "invalid" }),
  holdMinutes: whole("invalidHold", OFFICE_LIMITS.holdMinutes),
  rebookDelayMinutes: whole("invalidRebookDelay", OFFICE_LIMITS.rebookDelayMinutes),
  // Both absent (a form of an older version) leave the office's setting as it is.
  maxServicesPerBooking: whole("invalidMaxServices", OFFICE_LIMITS.maxServicesPerBooking).optional(),
  /** The office's own video meetings (https, with {reference}); empty: no video appointments. */
  videoMeetingUrlTemplate: z
    .string({ error: "invalidVideoTemplate" })
    .trim()
    .max(500, "invalidVideoTemplate")
    .refine((v) => v === "" || isVideoMeetingTemplate(v), "invalidVideoTemplate")
    .transform((v) => v || null)
    .optional(),
  statusCorrectionDays: whole("invalidStatusCorrection", OFFICE_LIMITS.statusCorrectionDays),
  senderName: optionalLine(80),
  replyTo: email,
  waitlistEnabled: yesNo,
  offerHours: whole("invalidOfferHours", OFFICE_LIMITS.offerHours),
  urgentWithinDays: whole("invalidUrgentWithinDays", OFFICE_LIMITS.urgentWithinDays),
  urgentReleaseHours: whole("invalidUrgentReleaseHours", OFFICE_LIMITS.urgentReleaseHours),
  extensionRequestsEnabled: yesNo,
  extensionReceiptNote: optionalMultiline(1000),
  checkInEarlyMinutes: whole("invalidCheckInEarly", OFFICE_LIMITS.checkInEarlyMinutes),
  checkInLateMinutes: whole("invalidCheckInLate", OFFICE_LIMITS.checkInLateMinutes),
  callToleranceMinutes: whole("invalidCallTolerance", OFFICE_LIMITS.callToleranceMinutes),
  walkInQueueLimit: whole("invalidWalkInQueueLimit", OFFICE_LIMITS.walkInQueueLimit),
  announceCalls: yesNo,
  waitingArea: optionalLine(120),
  /** Names in the staff's calendar feed: administrators only; absent (an office head's form) leaves it as it is. */
  feedIncludesNames: yesNo.optional(),
});

export const createOfficeSchema = officeSettingsSchema.extend({ slug: officeSlugSchema });
export const updateOfficeSchema = createOfficeSchema.extend({ officeId: recordIdSchema });
export const setOfficeActiveSchema = z.object({
  officeId: recordIdSchema,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type OfficeSettings = z.output<typeof officeSettingsSchema>;
export type CreateOfficeInput = z.output<typeof createOfficeSchema>;
export type UpdateOfficeInput = z.output<typeof updateOfficeSchema>;

/** The office fields a form posts, as strings (what the schemas read), in the order the form shows them. */
export const OFFICE_FIELDS = [
  "name",
  "slug",
  "department",
  "authority",
  "street",
  "postalCode",
  "locality",
  "room",
  "directions",
  "phone",
  "email",
  "website",
  "timeZone",
  "holidayRegion",
  "bookingHorizonDays",
  "minNoticeMinutes",
  "slotStepMinutes",
  "maxActiveBookingsPerEmail",
  "verificationMode",
  "holdMinutes",
  "rebookDelayMinutes",
  "maxServicesPerBooking",
  "videoMeetingUrlTemplate",
  "statusCorrectionDays",
  "senderName",
  "replyTo",
  "reminderHours",
  "retentionDays",
  "waitlistEnabled",
  "offerHours",
  "urgentWithinDays",
  "urgentReleaseHours",
  "extensionRequestsEnabled",
  "extensionReceiptNote",
  "checkInEarlyMinutes",
  "checkInLateMinutes",
  "waitingArea",
  "callToleranceMinutes",
  "walkInQueueLimit",
  "announceCalls",
  "feedIncludesNames",
] as const;

export type OfficeField = (typeof OFFICE_FIELDS)[number];

/** The text fields of a posted form (anything else, e.g. a file, is left out and then reads as missing). */
export function textFields(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = form.get(name);
    if (typeof v === "string") out[name] = v;
  }
  return out;
}

// ---- Services ----

/** The languages besides German in which a service's texts can be given; the form grows with `locales`. */
export const TRANSLATED_LOCALES: readonly string[] = locales.filter((l) => l !== defaultLocale);

const translation = z
  .object({
    name: z.preprocess(
      (v) => v ?? "",
      z
        .string()
        .trim()
        .max(120, "tooLong")
        .refine((v) => !CONTROL.test(v), "invalidText"),
    ),
    description: z.preprocess((v) => v ?? "", multiline(2000)),
    documents,
  })
  // Empty means "use the German text"; a description or documents without a name would show half a translation.
  .refine((t) => t.name !== "" || (t.description === "" && t.documents === ""), {
    message: "translationNameRequired",
    path: ["name"],
  });

export type ServiceTranslationInput = z.output<typeof translation>;

/**
 * The parts of the day in which a service takes walk-ins, ticked as checkboxes (repeated fields); stored as
 * "MORNING,AFTERNOON" (lib/domain/waitlist.ts), none ticked: appointments only.
 */
const walkInDayParts = z
  .preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string({ error: "invalid" }), { error: "invalid" }),
  )
  .refine((parts) => parts.every(isDayPart), "invalid")
  .transform((parts) => formatDayParts(parts as DayPart[]));

/**
 * The kinds of appointment a service is offered in, ticked as checkboxes (repeated fields); stored as
 * "IN_PERSON,PHONE" (lib/domain/demand.ts). At least one; a caller that does not name kinds at all (not the form,
 * which always sends its boxes) means in person, as every service was before kinds existed.
 */
const appointmentKinds = z
  .preprocess(
    (v) => (v === undefined ? ["IN_PERSON"] : v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string({ error: "invalid" }), { error: "invalid" }),
  )
  .refine((kinds) => kinds.every(isAppointmentKind), "invalid")
  .refine((kinds) => kinds.length > 0, "appointmentKindRequired")
  .transform((kinds) => formatAppointmentKinds(kinds as AppointmentKind[]));

/** The texts of a catalogue entry: German, and a translation for each of `locales` (empty: German is shown). */
function entryTexts(locales: readonly string[]) {
  return {
    name: line(120),
    description: optionalMultiline(2000),
    documents,
    translations: z.object(Object.fromEntries(locales.map((l) => [l, translation]))).strict(),
  };
}

/** What an office decides about a service it offers: its address, length, persons, release and walk-ins. */
const offerFields = {
  slug,
  durationMinutes: whole("invalidDuration", SERVICE_LIMITS.durationMinutes).refine((n) => n % 5 === 0, "invalidDuration"),
  extraPersonMinutes: whole("invalidExtraPerson", SERVICE_LIMITS.extraPersonMinutes),
  maxPersons: whole("invalidMaxPersons", SERVICE_LIMITS.maxPersons),
  releaseMode: z.enum(["FIRST_COME", "ROUNDS"], { error: "invalid" }),
  asksPermitExpiry: yesNo,
  walkInDayParts,
  appointmentKinds,
};

const extraPersonsNeedPersons: [
  (s: { maxPersons: number; extraPersonMinutes: number }) => boolean,
  { message: string; path: string[] },
] = [
  (s) => s.maxPersons > 1 || s.extraPersonMinutes === 0,
  { message: "extraPersonWithoutPersons", path: ["extraPersonMinutes"] },
];

/**
 * Service form for the offered languages other than German (`locales`): the office's offer and the texts of its
 * catalogue entry in one.
 */
export function serviceSchema(locales: readonly string[]) {
  return z.object({ ...offerFields, ...entryTexts(locales) }).refine(...extraPersonsNeedPersons);
}

export function createServiceSchema(locales: readonly string[]) {
  return serviceSchema(locales).safeExtend({ officeId: recordIdSchema });
}

export function updateServiceSchema(locales: readonly string[]) {
  return serviceSchema(locales).safeExtend({ serviceId: recordIdSchema });
}

/** The entry chosen in a list of the catalogue ("" while none is chosen). */
const chosenEntry = z.string({ error: "chooseCatalogueEntry" }).min(1, "chooseCatalogueEntry").pipe(recordIdSchema);

/** An office starts offering an entry of the city's catalogue, with its own settings. */
export const offerServiceSchema = z
  .object({ ...offerFields, officeId: recordIdSchema, catalogueServiceId: chosenEntry })
  .refine(...extraPersonsNeedPersons);

/** Key of the federal service catalogue (LeiKa / FIM Leistungsschlüssel): 14 digits, typed with or without spaces. */
const leikaKey = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s+/g, "") : v),
  z
    .string()
    .regex(/^(\d{14})?$/, "invalidLeikaKey")
    .optional()
    .transform((v) => v || null),
);

/** An entry of the city's service catalogue: its city-wide address, its texts and its LeiKa key. */
export function catalogueEntrySchema(locales: readonly string[]) {
  return z.object({ slug, leikaKey, ...entryTexts(locales) });
}

export function updateCatalogueEntrySchema(locales: readonly string[]) {
  return catalogueEntrySchema(locales).safeExtend({ catalogueServiceId: recordIdSchema });
}

/** Merging: an office's offer is linked to another entry of the catalogue. */
export const relinkServiceSchema = z.object({ serviceId: recordIdSchema, catalogueServiceId: chosenEntry });

export const moveServiceSchema = z.object({
  serviceId: recordIdSchema,
  direction: z.enum(["up", "down"], { error: "invalid" }),
});
export const setServiceActiveSchema = z.object({
  serviceId: recordIdSchema,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type ServiceInput = z.output<ReturnType<typeof serviceSchema>>;
export type OfferServiceInput = z.output<typeof offerServiceSchema>;
export type CatalogueEntryInput = z.output<ReturnType<typeof catalogueEntrySchema>>;
export type UpdateCatalogueEntryInput = z.output<ReturnType<typeof updateCatalogueEntrySchema>>;
export type RelinkServiceInput = z.output<typeof relinkServiceSchema>;
export type CreateServiceInput = z.output<ReturnType<typeof createServiceSchema>>;
export type UpdateServiceInput = z.output<ReturnType<typeof updateServiceSchema>>;

/** The office's own fields of a service form, posted as text. */
export const OFFER_FIELDS = [
  "slug",
  "durationMinutes",
  "extraPersonMinutes",
  "maxPersons",
  "releaseMode",
  "asksPermitExpiry",
] as const;
/** The German texts of a catalogue entry. */
export const ENTRY_TEXT_FIELDS = ["name", "description", "documents"] as const;
export const SERVICE_FIELDS = [...OFFER_FIELDS, ...ENTRY_TEXT_FIELDS] as const;
export const CATALOGUE_ENTRY_FIELDS = ["slug", "leikaKey", ...ENTRY_TEXT_FIELDS] as const;
/** The service form's checkbox groups (repeated fields, read with getAll). */
export const WALK_IN_DAY_PARTS_FIELD = "walkInDayParts";
export const APPOINTMENT_KINDS_FIELD = "appointmentKinds";
export const TRANSLATION_FIELDS = ["name", "description", "documents"] as const;

/** Form field name of a translated text, e.g. "en-name"; ids and names stay free of dots. */
export function translationField(locale: string, field: (typeof TRANSLATION_FIELDS)[number]): string {
  return `${locale}-${field}`;
}

/** Every translated text's form field for `locales`. */
export function translationFieldNames(locales: readonly string[]): string[] {
  return locales.flatMap((l) => TRANSLATION_FIELDS.map((f) => translationField(l, f)));
}

function translationsFromForm(form: FormData, locales: readonly string[]) {
  const translations: Record<string, Record<string, string>> = {};
  for (const locale of locales) {
    translations[locale] = {};
    for (const field of TRANSLATION_FIELDS) {
      const v = form.get(translationField(locale, field));
      translations[locale][field] = typeof v === "string" ? v : "";
    }
  }
  return translations;
}

/** The ticked boxes of the offer's checkbox groups; none ticked is an empty list. */
function offerCheckboxes(form: FormData) {
  const ticked = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return { walkInDayParts: ticked(WALK_IN_DAY_PARTS_FIELD), appointmentKinds: ticked(APPOINTMENT_KINDS_FIELD) };
}

/** Reads the service form into the schema's input shape. */
export function serviceFromForm(form: FormData, locales: readonly string[]): Record<string, unknown> {
  return { ...textFields(form, SERVICE_FIELDS), ...offerCheckboxes(form), translations: translationsFromForm(form, locales) };
}

/** Reads the form that offers a catalogue entry at an office. */
export function offerFromForm(form: FormData): Record<string, unknown> {
  return { ...textFields(form, [...OFFER_FIELDS, "officeId", "catalogueServiceId"]), ...offerCheckboxes(form) };
}

/** Reads the catalogue entry form. */
export function catalogueEntryFromForm(form: FormData, locales: readonly string[]): Record<string, unknown> {
  return {
    ...textFields(form, [...CATALOGUE_ENTRY_FIELDS, "catalogueServiceId"]),
    translations: translationsFromForm(form, locales),
  };
}

/** Error paths as the form names its fields: "translations.en.name" is the field "en-name". */
export function formFieldOf(path: string): string {
  const m = /^translations\.([a-z]{2,3})\.(name|description|documents)$/.exec(path);
  return m ? translationField(m[1], m[2] as (typeof TRANSLATION_FIELDS)[number]) : path;
}

/** A refusal as an administration form shows it, with the error paths named as the form names its fields. */
export function refusedForm(
  answer: { fieldErrors?: FieldErrors; formError?: string },
  values: Record<string, string>,
): ActionState {
  const fieldErrors =
    answer.fieldErrors && Object.fromEntries(Object.entries(answer.fieldErrors).map(([k, v]) => [formFieldOf(k), v]));
  return { fieldErrors, formError: answer.formError, values };
}
