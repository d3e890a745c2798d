import "./zod-config";
import Holidays from "date-holidays";
import { z } from "zod";
import { MAX_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import { type DayPart, formatDayParts, isDayPart } from "@/lib/domain/waitlist";
import { defaultLocale, locales } from "@/lib/i18n/routing";

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

/** Service form for the offered languages other than German (`locales`). */
export function serviceSchema(locales: readonly string[]) {
  return z
    .object({
      slug,
      name: line(120),
      description: optionalMultiline(2000),
      documents,
      durationMinutes: whole("invalidDuration", SERVICE_LIMITS.durationMinutes).refine(
        (n) => n % 5 === 0,
        "invalidDuration",
      ),
      extraPersonMinutes: whole("invalidExtraPerson", SERVICE_LIMITS.extraPersonMinutes),
      maxPersons: whole("invalidMaxPersons", SERVICE_LIMITS.maxPersons),
      releaseMode: z.enum(["FIRST_COME", "ROUNDS"], { error: "invalid" }),
      asksPermitExpiry: yesNo,
      walkInDayParts,
      translations: z.object(Object.fromEntries(locales.map((l) => [l, translation]))).strict(),
    })
    .refine((s) => s.maxPersons > 1 || s.extraPersonMinutes === 0, {
      message: "extraPersonWithoutPersons",
      path: ["extraPersonMinutes"],
    });
}

export function createServiceSchema(locales: readonly string[]) {
  return serviceSchema(locales).safeExtend({ officeId: recordIdSchema });
}

export function updateServiceSchema(locales: readonly string[]) {
  return serviceSchema(locales).safeExtend({ serviceId: recordIdSchema });
}

export const moveServiceSchema = z.object({
  serviceId: recordIdSchema,
  direction: z.enum(["up", "down"], { error: "invalid" }),
});
export const setServiceActiveSchema = z.object({
  serviceId: recordIdSchema,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type ServiceInput = z.output<ReturnType<typeof serviceSchema>>;
export type CreateServiceInput = z.output<ReturnType<typeof createServiceSchema>>;
export type UpdateServiceInput = z.output<ReturnType<typeof updateServiceSchema>>;

export const SERVICE_FIELDS = [
  "slug",
  "name",
  "description",
  "documents",
  "durationMinutes",
  "extraPersonMinutes",
  "maxPersons",
  "releaseMode",
  "asksPermitExpiry",
] as const;
/** The service form's checkbox group (repeated fields, read with getAll). */
export const WALK_IN_DAY_PARTS_FIELD = "walkInDayParts";
export const TRANSLATION_FIELDS = ["name", "description", "documents"] as const;

/** Form field name of a translated text, e.g. "en-name"; ids and names stay free of dots. */
export function translationField(locale: string, field: (typeof TRANSLATION_FIELDS)[number]): string {
  return `${locale}-${field}`;
}

/** Reads the service form into the schema's input shape. */
export function serviceFromForm(form: FormData, locales: readonly string[]): Record<string, unknown> {
  const translations: Record<string, Record<string, string>> = {};
  for (const locale of locales) {
    translations[locale] = {};
    for (const field of TRANSLATION_FIELDS) {
      const v = form.get(translationField(locale, field));
      translations[locale][field] = typeof v === "string" ? v : "";
    }
  }
  const walkInDayParts = form.getAll(WALK_IN_DAY_PARTS_FIELD).filter((v): v is string => typeof v === "string");
  return { ...textFields(form, SERVICE_FIELDS), walkInDayParts, translations };
}

/** Error paths as the form names its fields: "translations.en.name" is the field "en-name". */
export function formFieldOf(path: string): string {
  const m = /^translations\.([a-z]{2,3})\.(name|description|documents)$/.exec(path);
  return m ? translationField(m[1], m[2] as (typeof TRANSLATION_FIELDS)[number]) : path;
}
