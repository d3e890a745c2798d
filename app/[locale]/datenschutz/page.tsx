import { getTranslations, setRequestLocale } from "next-intl/server";
import { OfficePrivacy } from "@/components/legal/office-privacy";
import { LegalTextPage } from "@/components/legal/legal-text-page";
import { getDb } from "@/lib/server/db";
import { officePrivacySections, siteLegalText } from "@/lib/server/services/legal/read-legal-texts";

export async function generateMetadata() {
  const t = await getTranslations("legal.pages");
  return { title: t("PRIVACY") };
}

/** The site's privacy statement (editable), the optional language cookie, then per office what the system stores and for how long. */
export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const db = getDb();
  const [text, sections] = await Promise.all([siteLegalText(db, "PRIVACY", locale), officePrivacySections(db, locale)]);
  const t = await getTranslations("legal.privacy");
  return (
    <LegalTextPage kind="PRIVACY" locale={locale} text={text}>
      {/* Fixed, translated text: the cookie is set by the code (lib/i18n/actions.ts, the language links). */}
      <section aria-labelledby="sprach-cookie" className="space-y-4 pt-4">
        <h2 id="sprach-cookie" className="text-2xl font-bold">
          {t("languageCookieTitle")}
        </h2>
        <p>{t("languageCookie")}</p>
      </section>
      <section aria-labelledby="stellen" className="space-y-4 pt-4">
        <h2 id="stellen" className="text-2xl font-bold">
          {t("officesTitle")}
        </h2>
        <p>{t("officesIntro")}</p>
        {sections.length === 0 && <p>{t("none")}</p>}
        {sections.map((section) => (
          <OfficePrivacy key={section.office.id} section={section} locale={locale} />
        ))}
      </section>
    </LegalTextPage>
  );
}
