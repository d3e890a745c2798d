import "server-only";
import { preferredLocale } from "@/lib/i18n/negotiate";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import arErrors from "@/lib/i18n/messages/ar/errors.json";
import arValidation from "@/lib/i18n/messages/ar/validation.json";
import arWaitlist from "@/lib/i18n/messages/ar/waitlist.json";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import deWaitlist from "@/lib/i18n/messages/de/waitlist.json";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import enWaitlist from "@/lib/i18n/messages/en/waitlist.json";
import faErrors from "@/lib/i18n/messages/fa/errors.json";
import faValidation from "@/lib/i18n/messages/fa/validation.json";
import faWaitlist from "@/lib/i18n/messages/fa/waitlist.json";
import frErrors from "@/lib/i18n/messages/fr/errors.json";
import frValidation from "@/lib/i18n/messages/fr/validation.json";
import frWaitlist from "@/lib/i18n/messages/fr/waitlist.json";
import ruErrors from "@/lib/i18n/messages/ru/errors.json";
import ruValidation from "@/lib/i18n/messages/ru/validation.json";
import ruWaitlist from "@/lib/i18n/messages/ru/waitlist.json";
import trErrors from "@/lib/i18n/messages/tr/errors.json";
import trValidation from "@/lib/i18n/messages/tr/validation.json";
import trWaitlist from "@/lib/i18n/messages/tr/waitlist.json";
import ukErrors from "@/lib/i18n/messages/uk/errors.json";
import ukValidation from "@/lib/i18n/messages/uk/validation.json";
import ukWaitlist from "@/lib/i18n/messages/uk/waitlist.json";

// API error texts come from the same message files as the wizard, the wish form's field texts from its namespace.
// Typed per locale, so adding a locale to the routing fails to compile here until its files are wired in.

interface ApiMessages {
  errors: Record<string, string>;
  validation: Record<string, string>;
}

const MESSAGES: Record<Locale, ApiMessages> = {
  de: { errors: deErrors, validation: { ...deValidation, ...deWaitlist.validation } },
  en: { errors: enErrors, validation: { ...enValidation, ...enWaitlist.validation } },
  tr: { errors: trErrors, validation: { ...trValidation, ...trWaitlist.validation } },
  uk: { errors: ukErrors, validation: { ...ukValidation, ...ukWaitlist.validation } },
  ru: { errors: ruErrors, validation: { ...ruValidation, ...ruWaitlist.validation } },
  ar: { errors: arErrors, validation: { ...arValidation, ...arWaitlist.validation } },
  fa: { errors: faErrors, validation: { ...faValidation, ...faWaitlist.validation } },
  fr: { errors: frErrors, validation: { ...frValidation, ...frWaitlist.validation } },
};

/** The best locale with message files for an Accept-Language header ("en-GB,en;q=0.8,de;q=0.5"), else German. */
export function negotiateLocale(header: string | null | undefined): Locale {
  return preferredLocale(header) ?? defaultLocale;
}

/**
 * The language of an API request: the `lang` query parameter when it names a supported locale, else the
 * Accept-Language header, else German.
 */
export function requestLocale(request: Request): Locale {
  const lang = new URL(request.url).searchParams.get("lang");
  return lang && isLocale(lang) ? lang : negotiateLocale(request.headers.get("accept-language"));
}

/** The text of an error code (errors namespace), falling back to German; undefined when there is none. */
export function errorText(locale: Locale, code: string): string | undefined {
  return MESSAGES[locale].errors[code] ?? MESSAGES[defaultLocale].errors[code];
}

/** The text of a validation key (validation namespace); unknown keys read as "invalid". */
export function validationText(locale: Locale, key: string): string {
  const own = MESSAGES[locale].validation;
  const german = MESSAGES[defaultLocale].validation;
  return own[key] ?? german[key] ?? own.invalid ?? german.invalid;
}
