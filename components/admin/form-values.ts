import { DEFAULT_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import { OFFICE_FIELDS, TRANSLATED_LOCALES, translationField, TRANSLATION_FIELDS } from "@/lib/schemas/office";
import { directionOf } from "@/lib/i18n/routing";
import type { TranslationLanguage } from "./service-fields";

// What the administration pages hand their client forms: the stored record as the strings a form posts, the
// defaults of a new one, and the languages to translate into.

/** Defaults of a new office: those of the schema's columns, in the city's state. */
export const NEW_OFFICE_VALUES: Record<string, string> = {
  timeZone: "Europe/Berlin",
  holidayRegion: "DE-RP",
  bookingHorizonDays: "90",
  minNoticeMinutes: "120",
  slotStepMinutes: "15",
  retentionDays: "30",
  reminderHours: "24",
  maxActiveBookingsPerEmail: "3",
  verificationMode: "NONE",
  holdMinutes: "30",
  rebookDelayMinutes: "0",
  maxServicesPerBooking: "1",
  videoMeetingUrlTemplate: "",
  statusCorrectionDays: String(DEFAULT_STATUS_CORRECTION_DAYS),
  waitlistEnabled: "true",
  offerHours: "12",
  urgentWithinDays: "28",
  urgentReleaseHours: "48",
  extensionRequestsEnabled: "false",
  checkInEarlyMinutes: "30",
  checkInLateMinutes: "15",
  callToleranceMinutes: "10",
  walkInQueueLimit: "30",
  announceCalls: "false",
  feedIncludesNames: "false",
};

/** Defaults of a new service of an office (or a new offer of a catalogue entry). */
export const NEW_SERVICE_VALUES: Record<string, string> = {
  durationMinutes: "15",
  extraPersonMinutes: "0",
  maxPersons: "1",
  releaseMode: "FIRST_COME",
  asksPermitExpiry: "false",
  appointmentKinds: "IN_PERSON",
};

export function officeValues(
  office: Record<(typeof OFFICE_FIELDS)[number], string | number | boolean | null>,
): Record<string, string> {
  return Object.fromEntries(OFFICE_FIELDS.map((f) => [f, office[f] === null ? "" : String(office[f])]));
}

/** The languages besides German, named in German, with their writing direction. */
export function translationLanguages(): TranslationLanguage[] {
  const names = new Intl.DisplayNames(["de"], { type: "language" });
  return TRANSLATED_LOCALES.map((locale) => ({
    locale,
    name: names.of(locale) ?? locale,
    dir: directionOf(locale),
  }));
}

export function serviceValues(service: {
  slug: string;
  name: string;
  description?: string | null;
  documents: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  releaseMode: string;
  asksPermitExpiry: boolean;
  walkInDayParts: string;
  appointmentKinds: string;
  translations: Array<{ locale: string; name: string; description?: string | null; documents: string }>;
}): Record<string, string> {
  const values: Record<string, string> = {
    slug: service.slug,
    name: service.name,
    description: service.description ?? "",
    documents: service.documents,
    durationMinutes: String(service.durationMinutes),
    extraPersonMinutes: String(service.extraPersonMinutes),
    maxPersons: String(service.maxPersons),
    releaseMode: service.releaseMode,
    asksPermitExpiry: String(service.asksPermitExpiry),
    walkInDayParts: service.walkInDayParts,
    appointmentKinds: service.appointmentKinds,
  };
  return { ...values, ...translationValues(service.translations) };
}

/** A catalogue entry as its form posts it. */
export function catalogueEntryValues(entry: {
  slug: string;
  name: string;
  description: string | null;
  documents: string;
  leikaKey: string | null;
  translations: Array<{ locale: string; name: string; description: string | null; documents: string }>;
}): Record<string, string> {
  return {
    slug: entry.slug,
    name: entry.name,
    description: entry.description ?? "",
    documents: entry.documents,
    leikaKey: entry.leikaKey ?? "",
    ...translationValues(entry.translations),
  };
}

function translationValues(
  translations: Array<{ locale: string; name: string; description?: string | null; documents: string }>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const tr of translations) {
    for (const f of TRANSLATION_FIELDS) values[translationField(tr.locale, f)] = tr[f] ?? "";
  }
  return values;
}
