import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NEW_SERVICE_VALUES, translationLanguages } from "@/components/admin/form-values";
import { ServiceForm } from "@/components/admin/service-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { link } from "@/components/ui/styles";
import { SERVICE_LIMITS } from "@/lib/schemas/office";
import { canOnOffice } from "@/lib/server/auth/permissions";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { officeUrl } from "@/lib/server/services/booking-urls";
import { getOfficeForAdmin } from "@/lib/server/services/offices";
import { createServiceAction } from "../../../actions";
import { StaffBackLink } from "@/components/admin/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.services");
  return { title: t("create") };
}


export default async function NewServicePage({ params }: { params: Promise<{ officeId: string }> }) {
  const { officeId } = await params;
  const staff = await pageStaff();
  const result = await attempt(() => getOfficeForAdmin(getDb(), staff, officeId));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office } = result.data;
  if (!canOnOffice(staff, "services:manage", office.id)) forbidden();
  const t = await getTranslations("admin.service");
  const tc = await getTranslations("admin.catalogue");
  return (
    <div className="max-w-3xl space-y-6">
      <StaffBackLink href={`/staff/verwaltung/behoerden/${office.id}#leistungen`}>{t("back", { office: office.name })}</StaffBackLink>
      <h1 className="text-3xl font-bold">{t("newTitle", { office: office.name })}</h1>
      <p>
        {tc("newServiceOfferInstead")}{" "}
        <Link href={`/staff/verwaltung/behoerden/${office.id}/leistungen/anbieten`} className={link}>
          {tc("offer.link")}
        </Link>
      </p>
      <ServiceForm
        action={createServiceAction}
        initial={NEW_SERVICE_VALUES}
        hidden={{ officeId: office.id }}
        languages={translationLanguages()}
        officeUrl={officeUrl(office.slug)}
        limits={SERVICE_LIMITS}
        sharedNote={tc("newServiceNote")}
      />
    </div>
  );
}
