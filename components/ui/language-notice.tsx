import { cookies, headers } from "next/headers";
import { createTranslator } from "next-intl";
import { keepLanguage } from "@/lib/i18n/actions";
import { loadMessages } from "@/lib/i18n/messages";
import { preferredLocale } from "@/lib/i18n/negotiate";
import { directionOf, LANGUAGE_CHOSEN_COOKIE, type Locale } from "@/lib/i18n/routing";
import type deCommon from "@/lib/i18n/messages/de/common.json";
import { LocalizedPageLink } from "./localized-page-link";

/**
 * Suggests, never forces, the browser's preferred language: when it differs from the page's and the visitor has not
 * chosen a language yet, one line in THAT language links to this page in it. Printed links and QR codes therefore
 * always open in the language they were printed in.
 */
export async function LanguageNotice({ locale }: { locale: Locale }) {
  if ((await cookies()).has(LANGUAGE_CHOSEN_COOKIE)) return null;
  const suggested = preferredLocale((await headers()).get("accept-language"));
  if (!suggested || suggested === locale) return null;
  const t = createTranslator({
    locale: suggested,
    messages: (await loadMessages(suggested)) as { common: typeof deCommon },
    namespace: "common.language",
  });
  return (
    <div lang={suggested} dir={directionOf(suggested)} className="border-b border-line bg-[#e8f0f8] text-ink no-print">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <p className="me-auto">
          {t("notice")}{" "}
          <LocalizedPageLink locale={suggested} className="inline-flex min-h-11 items-center font-semibold text-brand underline">
            {t("noticeLink")}
          </LocalizedPageLink>
        </p>
        <form action={keepLanguage}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="min-h-11 px-2 text-brand underline">
            {t("noticeDismiss")}
          </button>
        </form>
      </div>
    </div>
  );
}
