import "server-only";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import { defaultLocale, type Locale, locales } from "@/lib/i18n/routing";

// API error texts come from the same message files as the wizard. Typed per locale, so adding a locale to the
// routing fails to compile here until its files are wired in.

interface ApiMessages {
  errors: Record<string, string>;
  validation: Record<string, string>;
}

const MESSAGES: Record<Locale, ApiMessages> = {
  de: { errors: deErrors, validation: deValidation },
};

/**
 * The best locale with message files for an Accept-Language header ("en-GB,en;q=0.8,de;q=0.5"), else German.
 * Region variants fall back to their language ("de-AT" -> "de").
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranges = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const quality = q ? Number(q[1]) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const language = tag.split("-")[0];
    const match = locales.find((l) => l === tag || l === language);
    if (match) return match;
  }
  return defaultLocale;
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
