import { z } from "zod";

// What each e-mail template needs, captured when the e-mail is written. Payloads are stored as JSON text in
// OutboxMessage.payload and read back by the worker (possibly another version of the app), so they are validated
// on the way in and on the way out. Plain zod, no server code: the templates take their props types from here.

export const MAIL_TEMPLATES = [
  "booking-confirmation",
  "booking-cancelled",
  "booking-rescheduled",
  "booking-reminder",
  "staff-invite",
  "booking-verification",
  "wish-confirmation",
  "round-not-drawn",
  "wish-offer",
  "booking-changed",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export function isMailTemplate(value: string): value is MailTemplate {
  return (MAIL_TEMPLATES as readonly string[]).includes(value);
}

// Known answers: building a DateTimeFormat per check cost a noticeable share of a booking's CPU under a rush.
const timeZones = new Map<string, boolean>();

function isTimeZone(value: string): boolean {
  let known = timeZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    // Only a handful of zones are ever valid; a flood of invalid ones is not kept.
    if (known) timeZones.set(value, known);
  }
  return known;
}

const instant = z.iso.datetime({ offset: false, message: "an ISO instant in UTC (…Z)" });
const localeTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
// Offices may store empty strings for unset contact fields: treat them as absent.
const optionalText = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((v) => v || undefined);

export const officeMailSchema = z.object({
  name: z.string().min(1).max(200),
  authority: z.string().min(1).max(200),
  street: z.string().min(1).max(200),
  postalCode: z.string().min(1).max(20),
  locality: z.string().min(1).max(200),
  room: optionalText,
  phone: optionalText,
  email: optionalText,
  website: optionalText,
  timeZone: z.string().refine(isTimeZone, "an IANA time zone"),
  /** The language of the office's own texts (German), so that the e-mail can mark them in another language. */
  textLocale: localeTag.optional(),
});

/**
 * The city's look (administrators' branding) as the e-mail shows it: name and logo in a band of the primary colour,
 * which also colours buttons and links. Absent: the neutral default. The logo is an absolute PNG address (e-mail
 * clients show no SVG).
 */
export const mailBrandingSchema = z
  .object({
    cityName: z.string().trim().min(1).max(80).optional(),
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
    logo: z.object({ url: z.url({ protocol: /^https?$/ }), alt: z.string().max(150) }).optional(),
  })
  .optional();
export type MailBranding = z.output<typeof mailBrandingSchema>;

const endsAfterStart = (i: { startsAt: string; endsAt: string }) => Date.parse(i.endsAt) > Date.parse(i.startsAt);
const interval = z.object({ startsAt: instant, endsAt: instant }).refine(endsAfterStart, "endsAt must be after startsAt");

const mailServiceSchema = z.object({
  name: z.string().min(1).max(200),
  documents: z.array(z.string().min(1).max(500)).max(50),
  /** The language each text is in: the citizen's, or German where the office has not translated it. */
  textLocales: z.object({ name: localeTag, documents: localeTag }).optional(),
});

export const bookingMailPayloadSchema = z.object({
  /** BCP 47 tag of the citizen's language; a language without e-mail texts falls back to German. */
  locale: localeTag,
  branding: mailBrandingSchema,
  office: officeMailSchema,
  service: mailServiceSchema,
  /** Further services taken care of in the same appointment, in order (e-mails of older versions lack them). */
  furtherServices: z.array(mailServiceSchema).max(20).optional(),
  /** How the appointment takes place; absent: in person. */
  kind: z.enum(["IN_PERSON", "PHONE", "VIDEO"]).optional(),
  /** A video appointment's meeting link: the office's own address with the reference code. */
  videoUrl: z.url({ protocol: /^https$/ }).optional(),
  booking: z
    .object({
      /** Names the booking for its check-in QR code (signed when the e-mail is rendered); older e-mails lack it. */
      id: z.string().min(1).max(40).optional(),
      referenceCode: z.string().min(1).max(40),
      startsAt: instant,
      endsAt: instant,
      persons: z.number().int().min(1).max(50),
      givenName: z.string().max(200),
      familyName: z.string().max(200),
    })
    .refine(endsAfterStart, "endsAt must be after startsAt"),
  manageUrl: z.url({ protocol: /^https?$/ }),
  bookAgainUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** For an appointment the office cancelled: the page where the citizen picks a new time, their data kept. */
  newTimeUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Why the office cancelled or moved the appointment, shown to the citizen. */
  reason: z.string().trim().min(1).max(1000).optional(),
  /** The old time of a moved appointment, or the old length of one whose services changed. */
  previous: interval.optional(),
  /** The services of an appointment before the office changed them, in the citizen's language. */
  previousServices: z.array(z.string().min(1).max(200)).min(1).max(21).optional(),
  /** Until when an unconfirmed booking is held for the citizen (e-mail verification). */
  holdExpiresAt: instant.optional(),
});

/** What callers write; optional fields may be left out (or be empty strings, which count as absent). */
export type BookingMailPayload = z.input<typeof bookingMailPayloadSchema>;

/** The invitation to a staff account, also sent as a new link to reset a forgotten password ("reset"). */
export const staffInvitePayloadSchema = z.object({
  locale: localeTag,
  branding: mailBrandingSchema,
  /** The city or authority named as the sender. */
  authority: z.string().min(1).max(200),
  /** Where the link's expiry is shown in local time. */
  timeZone: z.string().refine(isTimeZone, "an IANA time zone"),
  name: z.string().min(1).max(200),
  role: z.enum(["CLERK", "OFFICE_ADMIN", "ADMIN"]),
  offices: z.array(z.string().min(1).max(200)).max(200),
  inviteUrl: z.url({ protocol: /^https?$/ }),
  expiresAt: instant,
  kind: z.enum(["invite", "reset"]),
});
export type StaffInviteMailPayload = z.input<typeof staffInvitePayloadSchema>;

/** A wish on the waiting list: what it asks for, and the manage link where the citizen confirms it. */
export const wishMailPayloadSchema = z.object({
  locale: localeTag,
  branding: mailBrandingSchema,
  office: officeMailSchema,
  service: z.object({
    name: z.string().min(1).max(200),
    textLocales: z.object({ name: localeTag }).optional(),
  }),
  wish: z.object({
    referenceCode: z.string().min(1).max(40),
    persons: z.number().int().min(1).max(50),
    givenName: z.string().max(200),
    familyName: z.string().max(200),
    earliestDate: z.iso.date(),
    latestDate: z.iso.date(),
    /** ISO weekdays, 1 = Monday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    dayParts: z.array(z.enum(["MORNING", "AFTERNOON"])).min(1).max(2),
  }),
  manageUrl: z.url({ protocol: /^https?$/ }),
});
export type WishMailPayload = z.input<typeof wishMailPayloadSchema>;

/** A release round's request that got no time in the draw: it stays on the waiting list. */
export const roundNotDrawnPayloadSchema = z.object({
  locale: localeTag,
  branding: mailBrandingSchema,
  office: officeMailSchema,
  serviceName: z.string().min(1).max(200),
  name: z.string().max(400).optional(),
  referenceCode: z.string().min(1).max(40),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  roundUrl: z.url({ protocol: /^https?$/ }),
});
export type RoundNotDrawnMailPayload = z.input<typeof roundNotDrawnPayloadSchema>;

export const mailPayloadSchemas = {
  "booking-confirmation": bookingMailPayloadSchema,
  "booking-cancelled": bookingMailPayloadSchema,
  "booking-rescheduled": bookingMailPayloadSchema.refine((p) => p.previous !== undefined, {
    message: "a moved appointment needs its previous time",
    path: ["previous"],
  }),
  // The manage link is a fresh one: the token was rotated when the reminder was written.
  "booking-reminder": bookingMailPayloadSchema,
  "staff-invite": staffInvitePayloadSchema,
  "booking-verification": bookingMailPayloadSchema.refine((p) => p.holdExpiresAt !== undefined, {
    message: "a held booking needs the end of its hold",
    path: ["holdExpiresAt"],
  }),
  "wish-confirmation": wishMailPayloadSchema,
  "round-not-drawn": roundNotDrawnPayloadSchema,
  // An offer from the waiting list is held until the citizen accepts, declines or lets the deadline pass.
  "wish-offer": bookingMailPayloadSchema.refine((p) => p.holdExpiresAt !== undefined, {
    message: "an offer needs its deadline",
    path: ["holdExpiresAt"],
  }),
  // The office changed the services (and so the length) of an appointment: what it had before.
  "booking-changed": bookingMailPayloadSchema.refine((p) => p.previous !== undefined && p.previousServices !== undefined, {
    message: "a changed appointment needs its previous services and length",
    path: ["previousServices"],
  }),
} satisfies Record<MailTemplate, z.ZodType>;

export type MailPayloads = { [T in MailTemplate]: z.input<(typeof mailPayloadSchemas)[T]> };

/** Validates a payload for `template` (an object, or the JSON text stored in the outbox). Throws a ZodError. */
export function parseMailPayload<T extends MailTemplate>(template: T, payload: unknown): MailPayloads[T] {
  const value = typeof payload === "string" ? (JSON.parse(payload) as unknown) : payload;
  return mailPayloadSchemas[template].parse(value) as MailPayloads[T];
}
