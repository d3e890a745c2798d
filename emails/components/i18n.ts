import { createTranslator } from "next-intl";
import type de from "@/lib/i18n/messages/de/email.json";
import { directionOf } from "@/lib/i18n/routing";
import type { MailBranding } from "../payloads";

// E-mails are rendered outside any request (by the outbox worker), so they use next-intl's plain translator with
// messages passed in, not the request-scoped helpers.

export type EmailMessages = typeof de;
export type EmailTranslator = ReturnType<typeof createTranslator<EmailMessages>>;

export interface EmailContext {
  /** The language the texts are in; dates and times are formatted for it too, so that a mail never mixes two. */
  locale: string;
  dir: "ltr" | "rtl";
  t: EmailTranslator;
  /** The city's look from the payload; absent: the neutral default. */
  branding?: MailBranding;
}

export function createEmailContext(locale: string, messages: EmailMessages): EmailContext {
  const t = createTranslator({
    locale,
    messages,
    // A missing or broken text must not stop an e-mail about an appointment: show the key and carry on.
    onError: () => undefined,
  });
  return { locale, dir: directionOf(locale), t };
}
