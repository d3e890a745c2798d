import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { serviceValues, translationLanguages } from "@/components/admin/form-values";
import { RelinkServiceForm } from "@/components/admin/relink-service-form";
import { ServiceForm } from "@/components/admin/service-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { SERVICE_LIMITS } from "@/lib/schemas/office";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { officeUrl } from "@/lib/server/services/booking-urls";
import { catalogueChoicesFor, getServiceForAdmin } from "@/lib/server/services/offices";
import { relinkServiceAction, updateServiceAction } from "../../../actions";
import { StaffBackLink } from "@/components/admin/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.services");
  return { title: t("edit") };
}

type Props = { params: Promise<{ officeId: string; serviceId: string }> };

export default async function EditServicePage({ params }: Props) {
  const { officeId, serviceId } = await params;
  const staff = await pageStaff();
  const db = getDb();
  const result = await attempt(() => getServiceForAdmin(db, staff, serviceId));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { service, office, entry } = result.data;
  // The service's own office decides; a URL naming another office is not an address of this service.
  if (office.id !== officeId) notFound();
  const t = await getTranslations("admin.service");
  const tc = await getTranslations("admin.catalogue");
  const shared = entry.sharedWith.length > 0;
  const sharedNote = shared
    ? tc(entry.canEditTexts ? "sharedNote" : "sharedNoteLocked", { offices: entry.sharedWith.join(", ") })
    : tc("ownNote");
  const choices = entry.canRelink ? (await catalogueChoicesFor(db, staff, office.id)).entries : [];
  return (
    <div className="max-w-3xl space-y-6">
      <StaffBackLink href={`/staff/verwaltung/behoerden/${office.id}#leistung-${service.id}`}>{t("back", { office: office.name })}</StaffBackLink>
      <h1 className="text-3xl font-bold">{t("editTitle", { name: service.name })}</h1>
      <ServiceForm
        action={updateServiceAction}
        initial={serviceValues(service)}
        hidden={{ serviceId: service.id }}
        languages={translationLanguages()}
        officeUrl={officeUrl(office.slug)}
        limits={SERVICE_LIMITS}
        sharedNote={sharedNote}
        textsLocked={!entry.canEditTexts}
      />
      {entry.canRelink && (
        <RelinkServiceForm
          action={relinkServiceAction}
          serviceId={service.id}
          current={{ name: service.name, slug: entry.slug, alone: !shared }}
          entries={choices}
        />
      )}
    </div>
  );
}
