import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { serviceValues, translationLanguages } from "@/components/admin/form-values";
import { ServiceForm } from "@/components/admin/service-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { link } from "@/components/ui/styles";
import { SERVICE_LIMITS } from "@/lib/schemas/office";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { officeUrl } from "@/lib/server/services/booking-urls";
import { getServiceForAdmin } from "@/lib/server/services/offices";
import { updateServiceAction } from "../../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.services");
  return { title: t("edit") };
}

type Props = { params: Promise<{ officeId: string; serviceId: string }> };

export default async function EditServicePage({ params }: Props) {
  const { officeId, serviceId } = await params;
  const staff = await pageStaff();
  const result = await attempt(() => getServiceForAdmin(getDb(), staff, serviceId));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { service, office } = result.data;
  // The service's own office decides; a URL naming another office is not an address of this service.
  if (office.id !== officeId) notFound();
  const t = await getTranslations("admin.service");
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link
          href={`/staff/verwaltung/behoerden/${office.id}#leistung-${service.id}`}
          className={`inline-flex min-h-11 items-center ${link}`}
        >
          {t("back", { office: office.name })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("editTitle", { name: service.name })}</h1>
      <ServiceForm
        action={updateServiceAction}
        initial={serviceValues(service)}
        hidden={{ serviceId: service.id }}
        languages={translationLanguages()}
        officeUrl={officeUrl(office.slug)}
        limits={SERVICE_LIMITS}
      />
    </div>
  );
}
