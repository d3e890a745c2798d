import "server-only";
import { DEFAULT_STATUS_CORRECTION_DAYS } from "@/lib/domain/booking-status";
import {
  germanHolidayRegions,
  OFFICE_FIELDS,
  OFFICE_LIMITS,
  SLOT_STEPS,
  TRANSLATED_LOCALES,
  translationField,
  TRANSLATION_FIELDS,
} from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { directionOf } from "@/lib/i18n/routing";
import { env } from "@/lib/server/env";
import { departmentNames } from "@/lib/server/services/offices";
import type { OfficeFormOptions } from "./office-form";
import type { TranslationLanguage } from "./service-form";

// What the administration pages hand their client forms: choices computed on the server and the stored record as
// the strings a form posts.

export async function officeFormOptions(
  db: Db,
  current?: { holidayRegion: string; timeZone: string },
): Promise<OfficeFormOptions> {
  const regions = germanHolidayRegions();
  const timeZones = Intl.supportedValuesOf("timeZone");
  // A stored value outside the lists (a region abroad, an alias such as UTC) stays selectable rather than the
  // select silently showing, and saving, its first option.
  if (current && !regions.some((r) => r.code === current.holidayRegion)) {
    regions.unshift({ code: current.holidayRegion, name: current.holidayRegion });
  }
  if (current && !timeZones.includes(current.timeZone)) timeZones.unshift(current.timeZone);
  return {
    timeZones,
    holidayRegions: regions,
    slotSteps: SLOT_STEPS,
    departments: await departmentNames(db),
    limits: OFFICE_LIMITS,
    siteUrl: env().APP_URL,
    fields: OFFICE_FIELDS,
  };
}

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
  statusCorrectionDays: String(DEFAULT_STATUS_CORRECTION_DAYS),
};

export function officeValues(
  office: Record<(typeof OFFICE_FIELDS)[number], string | number | null>,
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
  description: string | null;
  documents: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  translations: Array<{ locale: string; name: string; description: string | null; documents: string }>;
}): Record<string, string> {
  const values: Record<string, string> = {
    slug: service.slug,
    name: service.name,
    description: service.description ?? "",
    documents: service.documents,
    durationMinutes: String(service.durationMinutes),
    extraPersonMinutes: String(service.extraPersonMinutes),
    maxPersons: String(service.maxPersons),
  };
  for (const tr of service.translations) {
    for (const f of TRANSLATION_FIELDS) values[translationField(tr.locale, f)] = tr[f] ?? "";
  }
  return values;
}
