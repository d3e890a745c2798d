import { getTranslations, setRequestLocale } from "next-intl/server";
import { LegalTextPage } from "@/components/legal/legal-text-page";
import { getDb } from "@/lib/server/db";
import { siteLegalText } from "@/lib/server/services/legal/read-legal-texts";

export async function generateMetadata() {
  const t = await getTranslations("legal.pages");
  return { title: t("ACCESSIBILITY") };
}

/** The accessibility statement: the site text as the administrators keep it. */
export default async function AccessibilityPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <LegalTextPage kind="ACCESSIBILITY" locale={locale} text={await siteLegalText(getDb(), "ACCESSIBILITY", locale)} />;
}
