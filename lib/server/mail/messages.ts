import de from "@/lib/i18n/messages/de/email.json";
import type { EmailMessages } from "@/emails/components/i18n";
import { withGermanFallback } from "@/lib/i18n/messages";

// E-mail texts per language live in lib/i18n/messages/<locale>/email.json. German is complete and the fallback:
// for a language without a file, and key by key for a file that lacks newer texts.

export const EMAIL_FALLBACK_LOCALE = "de";

async function importLocaleFile(language: string): Promise<unknown | undefined> {
  // The pattern keeps the import inside the messages folder; bundlers include every email.json found there.
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) return undefined;
  try {
    const module = (await import(`../../i18n/messages/${language}/email.json`)) as { default?: unknown };
    return module.default ?? module;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Promise<{ locale: string; messages: EmailMessages }>>();

/**
 * The e-mail texts for `locale` ("pt-BR" tries "pt-BR", then "pt"), completed from German. `locale` in the result
 * is the language the texts are really in, so that dates are formatted in the same language.
 */
export function loadEmailMessages(locale: string): Promise<{ locale: string; messages: EmailMessages }> {
  let entry = cache.get(locale);
  if (!entry) {
    entry = (async () => {
      const candidates = [locale, locale.split("-")[0]].filter((c, i, all) => all.indexOf(c) === i);
      for (const candidate of candidates) {
        if (candidate === EMAIL_FALLBACK_LOCALE) break;
        const file = await importLocaleFile(candidate);
        if (file !== undefined) return { locale: candidate, messages: withGermanFallback(de, file) as EmailMessages };
      }
      return { locale: EMAIL_FALLBACK_LOCALE, messages: de };
    })();
    cache.set(locale, entry);
  }
  return entry;
}
