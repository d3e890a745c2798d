import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { OfficeText } from "@/components/booking/office-address";
import { Chevron } from "@/components/ui/chevron";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { documentsOf, localizeService } from "@/lib/domain/service-texts";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { getDirectoryEntry } from "@/lib/server/services/catalogue-directory";

type Params = Promise<{ locale: string; service: string }>;

/** The entry, or null for an unknown address or one no office takes bookings for; once per request. */
const findEntry = cache((slug: string) => getDirectoryEntry(getDb(), slug, new Date()));

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  const entry = await findEntry(p.service);
  return { title: entry ? localizeService(entry, p.locale).name : undefined };
}

/**
 * One service of the city's catalogue: its texts, documents and LeiKa key, each office that takes bookings for it
 * with a link into its booking, and, where several do, the earliest time at any of them.
 */
export default async function DirectoryEntryPage({ params }: { params: Params }) {
  const { locale, service: slug } = await params;
  setRequestLocale(locale);
  const entry = await findEntry(slug);
  if (!entry) notFound();
  const t = await getTranslations("directory");
  const ta = await getTranslations("anyLocation");
  const shown = localizeService(entry, locale);
  const documents = documentsOf(shown);
  return (
    <div className="space-y-6">
      <BackLink href="/leistungen" />
      <h1 className="text-3xl font-bold">
        <TextInLanguage locale={shown.textLocales.name} pageLocale={locale}>
          {shown.name}
        </TextInLanguage>
      </h1>
      {shown.description && (
        <p className="whitespace-pre-line text-lg">
          <TextInLanguage locale={shown.textLocales.description} pageLocale={locale}>
            {shown.description}
          </TextInLanguage>
        </p>
      )}
      {documents.length > 0 && (
        <section aria-labelledby="documents-title">
          <h2 id="documents-title" className="text-2xl font-bold">
            {t("documents")}
          </h2>
          <ul className="mt-2 list-disc ps-6 text-lg">
            {documents.map((d) => (
              <li key={d}>
                <TextInLanguage locale={shown.textLocales.documents} pageLocale={locale}>
                  {d}
                </TextInLanguage>
              </li>
            ))}
          </ul>
        </section>
      )}
      {entry.leikaKey && (
        <p className="text-muted">
          {t("leikaKey", { key: entry.leikaKey })}
        </p>
      )}
      <section aria-labelledby="where-title" className="space-y-3">
        <h2 id="where-title" className="text-2xl font-bold">
          {t("where")}
        </h2>
        <p>{t("whereIntro", { count: entry.offices.length })}</p>
        {entry.offices.length >= 2 && (
          <div className="rounded border-s-4 border-brand bg-[#e8f0f8] p-4">
            <Link href={`/leistungen/${entry.slug}/termin`} className={buttonPrimary}>
              {ta("choice")}
              <Chevron to="forward" />
            </Link>
            <p className="mt-2">{ta("choiceHint", { count: entry.offices.length })}</p>
          </div>
        )}
        <ul className="space-y-3">
          {entry.offices.map((office) => (
            <li key={office.slug} className="rounded border border-line bg-white p-4">
              <h3 className="text-xl font-bold">
                <OfficeText pageLocale={locale}>{office.name}</OfficeText>
              </h3>
              <p>
                <OfficeText pageLocale={locale}>
                  {office.authority}, {office.street}, {office.postalCode} {office.locality}
                </OfficeText>
              </p>
              <p className="mt-2">
                <Link href={`/${office.slug}/${office.serviceSlug}`} className={buttonSecondary}>
                  {t("bookAt")}
                  <span className="sr-only">
                    {" – "}
                    <OfficeText pageLocale={locale}>{office.name}</OfficeText>
                  </span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
