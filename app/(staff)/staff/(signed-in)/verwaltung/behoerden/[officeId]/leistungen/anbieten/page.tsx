import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { NEW_SERVICE_VALUES } from "@/components/admin/form-values";
import { OfferServiceForm } from "@/components/admin/offer-service-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { buttonSecondary } from "@/components/ui/styles";
import { SERVICE_LIMITS } from "@/lib/schemas/office";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { officeUrl } from "@/lib/server/services/booking-urls";
import { catalogueChoicesFor } from "@/lib/server/services/offices";
import { offerServiceAction } from "../../../actions";
import { StaffBackLink } from "@/components/admin/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.catalogue");
  return { title: t("offer.title") };
}


/** An office starts offering a service of the city's catalogue. */
export default async function OfferServicePage({ params }: { params: Promise<{ officeId: string }> }) {
  const { officeId } = await params;
  const staff = await pageStaff();
  const result = await attempt(() => catalogueChoicesFor(getDb(), staff, officeId));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, entries } = result.data;
  const t = await getTranslations("admin.catalogue");
  const ts = await getTranslations("admin.service");
  return (
    <div className="max-w-3xl space-y-6">
      <StaffBackLink href={`/staff/verwaltung/behoerden/${office.id}#leistungen`}>{ts("back", { office: office.name })}</StaffBackLink>
      <h1 className="text-3xl font-bold">{t("offer.heading", { office: office.name })}</h1>
      <p>{t("offer.intro")}</p>
      {entries.length === 0 ? (
        <>
          <p>{t("offer.none")}</p>
          <p>
            <Link href={`/staff/verwaltung/behoerden/${office.id}/leistungen/neu`} className={buttonSecondary}>
              {t("offer.createInstead")}
            </Link>
          </p>
        </>
      ) : (
        <OfferServiceForm
          action={offerServiceAction}
          initial={NEW_SERVICE_VALUES}
          officeId={office.id}
          entries={entries}
          officeUrl={officeUrl(office.slug)}
          limits={SERVICE_LIMITS}
        />
      )}
    </div>
  );
}
