import { getTranslations, setRequestLocale } from "next-intl/server";
import { OfficeListText } from "@/components/directory/office-list-text";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { localizeService } from "@/lib/domain/service-texts";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { listDirectory } from "@/lib/server/services/catalogue-directory";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations({ locale: (await params).locale, namespace: "directory" });
  return { title: t("title") };
}

/** The city's services from A to Z, each with the offices that take bookings for it, read per request. */
export default async function DirectoryPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("directory");
  const collator = new Intl.Collator(locale);
  const entries = (await listDirectory(getDb(), new Date()))
    .map((entry) => ({ entry, shown: localizeService(entry, locale) }))
    .sort((a, b) => collator.compare(a.shown.name, b.shown.name));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      {entries.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {entries.map(({ entry, shown }) => (
            <li key={entry.slug} className="rounded border border-line bg-white">
              <Link href={`/leistungen/${entry.slug}`} className="block p-4 hover:bg-[#e8f0f8]">
                <TextInLanguage
                  locale={shown.textLocales.name}
                  pageLocale={locale}
                  className="block text-xl font-bold text-brand underline"
                >
                  {shown.name}
                </TextInLanguage>
                <span className="block">
                  {t("offeredBy")} <OfficeListText names={entry.offices.map((o) => o.name)} pageLocale={locale} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
