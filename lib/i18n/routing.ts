import { defineRouting } from "next-intl/routing";

export const locales = ["de"] as const;
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
