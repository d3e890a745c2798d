import { defineRouting } from "next-intl/routing";

// German first (the default, without prefix), then the languages citizens of the pilot offices ask for most.
export const locales = ["de", "en", "tr", "uk", "ru", "ar", "fa", "fr"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

export const routing = defineRouting({
  locales,
  defaultLocale,
  // German pages keep plain URLs (/auslaenderbehoerde) that the city can print on posters.
  localePrefix: "as-needed",
  // The URL alone decides the language; a cookie or browser header must not redirect a printed link.
  localeDetection: false,
});

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

const RTL_LOCALES: ReadonlySet<string> = new Set(["ar", "fa"]);

/** The writing direction of a language of the site (pages, e-mails, the translation forms); "ar-EG" as "ar". */
export function directionOf(locale: string): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale.split("-")[0]) ? "rtl" : "ltr";
}

/** Set by the language switch: the visitor has chosen a language, so the browser-language notice stays away. */
export const LANGUAGE_CHOSEN_COOKIE = "sprache";
