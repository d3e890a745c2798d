import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonSecondary, link } from "@/components/ui/styles";

/** A catalogue entry as the list shows it. */
export interface CatalogueRow {
  id: string;
  slug: string;
  name: string;
  leikaKey: string | null;
  translations: Array<{ locale: string }>;
  offers: Array<{ id: string; active: boolean; office: { id: string; name: string; active: boolean } }>;
}

/** The city's service catalogue: each entry with its address, LeiKa key, languages and the offices offering it. */
export async function CatalogueList({ entries }: { entries: CatalogueRow[] }) {
  const t = await getTranslations("admin.catalogue");
  if (entries.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} id={`eintrag-${entry.id}`} className="rounded border border-line bg-white p-4">
          <h2 className="text-xl font-bold">{entry.name}</h2>
          <dl className="mt-1 grid gap-x-4 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("address")}</dt>
            <dd className="break-all font-mono">{t("addressValue", { slug: entry.slug })}</dd>
            <dt className="font-semibold">{t("leikaKey")}</dt>
            <dd className={entry.leikaKey ? "font-mono" : "text-muted"}>{entry.leikaKey ?? t("noLeikaKey")}</dd>
            <dt className="font-semibold">{t("languages")}</dt>
            <dd>
              {entry.translations.length === 0
                ? t("germanOnly")
                : ["de", ...entry.translations.map((tr) => tr.locale)].join(", ")}
            </dd>
            <dt className="font-semibold">{t("offeredBy")}</dt>
            <dd>
              {entry.offers.length === 0 ? (
                <span className="text-muted">{t("offeredByNone")}</span>
              ) : (
                <ul>
                  {entry.offers.map((offer) => (
                    <li key={offer.id}>
                      <OfferLink offer={offer} />
                      {(!offer.active || !offer.office.active) && <span className="text-muted"> ({t("notOnline")})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          <p className="mt-2">
            <Link
              href={`/staff/verwaltung/leistungen/${entry.id}`}
              className={buttonSecondary}
              aria-label={t("editLabel", { name: entry.name })}
            >
              {t("edit")}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** An office offering an entry, linked to its settings of the service. */
export function OfferLink({ offer }: { offer: { id: string; office: { id: string; name: string } } }) {
  return (
    <Link
      href={`/staff/verwaltung/behoerden/${offer.office.id}/leistungen/${offer.id}`}
      className={`inline-flex min-h-11 items-center ${link}`}
    >
      {offer.office.name}
    </Link>
  );
}
