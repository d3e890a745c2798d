import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { legalDate } from "@/components/legal/legal-text-page";
import { Alert } from "@/components/ui/alert";
import { link } from "@/components/ui/styles";
import { getPathname } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { pageStaff } from "@/lib/server/page-guards";
import { type EditableLegalText, listEditableLegalTexts } from "@/lib/server/services/legal/list-editable-legal-texts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.staff");
  return { title: t("title") };
}

const PUBLIC_PATH = { IMPRINT: "/impressum", PRIVACY: "/datenschutz", ACCESSIBILITY: "/barrierefreiheit" } as const;

async function TextRow({ text, name }: { text: EditableLegalText; name: string }) {
  const t = await getTranslations("legal.staff");
  const language = t.has(`languages.${text.locale}`) ? t(`languages.${text.locale}`) : text.locale;
  const query = new URLSearchParams({ scope: text.scope, kind: text.kind, locale: text.locale });
  return (
    <li className="flex flex-wrap items-center gap-x-6 gap-y-1 border-t border-line py-2 first:border-t-0">
      <span className="font-semibold">{t("language", { language })}</span>
      <span className="text-muted">
        {text.updatedAt ? t("lastChanged", { date: legalDate(text.updatedAt, "de") }) : t("notYet")}
      </span>
      <Link
        href={`/staff/verwaltung/rechtstexte/bearbeiten?${query}`}
        aria-label={t("editTitle", { text: `${name} (${language})` })}
        className={`${link} inline-flex min-h-11 items-center font-semibold`}
      >
        {t("edit")}
      </Link>
      <a href={getPathname({ href: PUBLIC_PATH[text.kind], locale: text.locale })} className={`${link} inline-flex min-h-11 items-center`}>
        {t("view")}
      </a>
    </li>
  );
}

function TextGroup({ title, name, texts }: { title: string; name: string; texts: EditableLegalText[] }) {
  return (
    <div className="rounded border border-line bg-white p-4">
      <h3 className="text-xl font-bold">{title}</h3>
      <ul>
        {texts.map((text) => (
          <TextRow key={text.locale} text={text} name={name} />
        ))}
      </ul>
    </div>
  );
}

/** The legal texts the signed-in person may edit: the site's for administrators, office additions for office admins. */
export default async function LegalTextsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await pageStaff();
  const q = await searchParams;
  const t = await getTranslations("legal.staff");
  const tp = await getTranslations("legal.pages");
  const { site, offices } = await listEditableLegalTexts(getDb(), staff);
  const kinds = [...new Set(site.map((s) => s.kind))];
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {q.gespeichert && <Alert kind="success">{t("saved")}</Alert>}
      {q.entfernt && <Alert kind="success">{t("removed")}</Alert>}
      <p>{t("intro")}</p>
      {site.length === 0 && offices.length === 0 && <Alert kind="info">{t("noAccess")}</Alert>}
      {site.length > 0 && (
        <section aria-labelledby="website" className="space-y-4">
          <h2 id="website" className="text-2xl font-bold">
            {t("siteTitle")}
          </h2>
          <p className="text-muted">{t("fallbackHint")}</p>
          {kinds.map((kind) => (
            <TextGroup key={kind} title={tp(kind)} name={tp(kind)} texts={site.filter((s) => s.kind === kind)} />
          ))}
        </section>
      )}
      {offices.length > 0 && (
        <section aria-labelledby="stellen" className="space-y-4">
          <h2 id="stellen" className="text-2xl font-bold">
            {t("officesTitle")}
          </h2>
          <p className="text-muted">{t("officesIntro")}</p>
          {offices.map((office) => (
            <TextGroup key={office.id} title={office.name} name={t("officeText", { office: office.name })} texts={office.texts} />
          ))}
        </section>
      )}
    </div>
  );
}
