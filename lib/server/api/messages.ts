import "server-only";
import { preferredLocale } from "@/lib/i18n/negotiate";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import arErrors from "@/lib/i18n/messages/ar/errors.json";
import arValidation from "@/lib/i18n/messages/ar/validation.json";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import faErrors from "@/lib/i18n/messages/fa/errors.json";
import faValidation from "@/lib/i18n/messages/fa/validation.json";
import frErrors from "@/lib/i18n/messages/fr/errors.json";
import frValidation from "@/lib/i18n/messages/fr/validation.json";
import ruErrors from "@/lib/i18n/messages/ru/errors.json";
import ruValidation from "@/lib/i18n/messages/ru/validation.json";
import trErrors from "@/lib/i18n/messages/tr/errors.json";
import trValidation from "@/lib/i18n/messages/tr/validation.json";
import ukErrors from "@/lib/i18n/messages/uk/errors.json";
import ukValidation from "@/lib/i18n/messages/uk/validation.json";

// API error texts come from the same message files as the wizard. Typed per locale, so adding a locale to the
// routing fails to compile here until its files are wired in.

interface ApiMessages {
  errors: Record<string, string>;
  validation: Record<string, string>;
}

const MESSAGES: Record<Locale, ApiMessages> = {
  de: { errors: deErrors, validation: deValidation },
  en: { errors: enErrors, validation: enValidation },
  tr: { errors: trErrors, validation: trValidation },
  uk: { errors: ukErrors, validation: ukValidation },
  ru: { errors: ruErrors, validation: ruValidation },
  ar: { errors: arErrors, validation: arValidation },
  fa: { errors: faErrors, validation: faValidation },
  fr: { errors: frErrors, validation: frValidation },
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
