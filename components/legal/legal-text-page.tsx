import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { LegalKind, ShownLegalText } from "@/lib/schemas/legal";
import { languageAttributes } from "@/components/ui/text-in-language";
import { LegalMarkdown } from "./legal-markdown";

/** "24. November 2026" in the page's language, on the Berlin calendar. */
export function legalDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Berlin" }).format(date);
}

/**
 * One stored legal text as shown to citizens: a German stand-in on a page in another language carries lang="de"
 * (screen readers switch voice), dir="ltr" on a right-to-left page, and says so; a missing text says who to ask instead of leaving the page empty.
 */
export async function LegalTextBody({
  text,
  locale,
  topLevel,
}: {
  text: ShownLegalText | null;
  locale: string;
  topLevel?: number;
}) {
  const t = await getTranslations("legal");
  if (!text) return <p>{t("missing")}</p>;
  const fallback = text.locale !== locale;
  return (
    <>
      {fallback && <p className="text-muted">{t("fallbackNote")}</p>}
      <LegalMarkdown source={text.body} {...languageAttributes(text.locale, locale)} topLevel={topLevel} />
    </>
  );
}

/** The frame of the legal pages: heading, the text, its date, and whatever the page adds below. */
export async function LegalTextPage({
  kind,
  text,
  locale,
  children,
}: {
  kind: LegalKind;
  text: ShownLegalText | null;
  locale: string;
  children?: ReactNode;
}) {
  const t = await getTranslations("legal");
  return (
    <article className="space-y-4">
      <h1 className="text-3xl font-bold">{t(`pages.${kind}`)}</h1>
      <LegalTextBody text={text} locale={locale} />
      {children}
      {text && <p className="text-muted">{t("updated", { date: legalDate(text.updatedAt, locale) })}</p>}
    </article>
  );
}
