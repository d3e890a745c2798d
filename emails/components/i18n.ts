import { createTranslator } from "next-intl";
import type de from "@/lib/i18n/messages/de/email.json";

// E-mails are rendered outside any request (by the outbox worker), so they use next-intl's plain translator with
// messages passed in, not the request-scoped helpers.

export type EmailMessages = typeof de;
export type EmailTranslator = ReturnType<typeof createTranslator<EmailMessages>>;

export interface EmailContext {
  /** The language the texts are in; dates and times are formatted for it too, so that a mail never mixes two. */
  locale: string;
  dir: "ltr" | "rtl";
  t: EmailTranslator;
}

const RTL_LANGUAGES = new Set(["ar", "ckb", "dv", "fa", "he", "ps", "ur", "yi"]);

export function textDirection(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(locale.split("-")[0].toLowerCase()) ? "rtl" : "ltr";
}

export function createEmailContext(locale: string, messages: EmailMessages): EmailContext {
  const t = createTranslator({
    locale,
    messages,
    // A missing or broken text must not stop an e-mail about an appointment: show the key and carry on.
    onError: () => undefined,
  });
  return { locale, dir: textDirection(locale), t };
}
