import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CatalogueEntryForm } from "@/components/admin/catalogue-entry-form";
import { OfferLink } from "@/components/admin/catalogue-list";
import { catalogueEntryValues, translationLanguages } from "@/components/admin/form-values";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { directoryUrl } from "@/lib/server/services/booking-urls";
import { getCatalogueEntryForAdmin } from "@/lib/server/services/catalogue";
import { updateCatalogueEntryAction } from "../actions";
import { StaffBackLink } from "@/components/admin/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.catalogue");
  return { title: t("editTitle") };
}

type Props = { params: Promise<{ catalogueServiceId: string }> };

/** One catalogue entry: its texts for every office offering it, and those offices. Administrators. */
export default async function CatalogueEntryPage({ params }: Props) {
  const { catalogueServiceId } = await params;
  const staff = await pageStaff();
  const result = await attempt(() => getCatalogueEntryForAdmin(getDb(), staff, catalogueServiceId));
  if (!result.ok) return <PageProblem code={result.code} />;
  const entry = result.data;
  const t = await getTranslations("admin.catalogue");
  return (
    <div className="max-w-3xl space-y-6">
      <StaffBackLink href={`/staff/verwaltung/leistungen#eintrag-${entry.id}`}>{t("back")}</StaffBackLink>
      <h1 className="text-3xl font-bold">{t("editHeading", { name: entry.name })}</h1>
      <section aria-labelledby="offers-title" className="space-y-2">
        <h2 id="offers-title" className="text-2xl font-bold">
          {t("offeredBy")}
        </h2>
        {entry.offers.length === 0 ? (
          <p>{t("offeredByNone")}</p>
        ) : (
          <>
            <p>{t("sharedIntro", { count: entry.offers.length })}</p>
            <ul className="list-disc ps-6">
              {entry.offers.map((offer) => (
                <li key={offer.id}>
                  <OfferLink offer={offer} />{" "}
                  ({t("offerDetails", { minutes: offer.durationMinutes, slug: offer.slug })})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <CatalogueEntryForm
        action={updateCatalogueEntryAction}
        initial={catalogueEntryValues(entry)}
        hidden={{ catalogueServiceId: entry.id }}
        languages={translationLanguages()}
        directoryUrl={directoryUrl()}
      />
    </div>
  );
}
