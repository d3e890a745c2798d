import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { officeValues } from "@/components/admin/form-values";
import { OfficeForm } from "@/components/admin/office-form";
import { EmbedSnippet } from "@/components/admin/embed-snippet";
import { OfficeLinks } from "@/components/admin/office-links";
import { Outcome } from "@/components/admin/outcome";
import { ReadinessChecklist } from "@/components/admin/readiness-checklist";
import { ServiceList } from "@/components/admin/service-list";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { buttonDanger, buttonPrimary } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { embedSnippet } from "@/lib/server/embed/embed-script";
import { env } from "@/lib/server/env";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { officeUrl } from "@/lib/server/services/booking-urls";
import { getOfficeForAdmin } from "@/lib/server/services/offices";
import { getOfficeReadiness } from "@/lib/server/services/office-readiness";
import { officeFormOptions } from "@/lib/server/services/offices/form-options";
import { moveServiceAction, setOfficeActiveAction, setServiceActiveAction, updateOfficeAction } from "../actions";
import { StaffBackLink } from "@/components/admin/back-link";

type Props = {
  params: Promise<{ officeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.office");
  return { title: t("settings") };
}

/** One office: whether it takes bookings and what it still needs for that, its links, its services and its settings. */
export default async function OfficePage({ params, searchParams }: Props) {
  const { officeId } = await params;
  const query = await searchParams;
  const staff = await pageStaff();
  const db = getDb();
  const result = await attempt(() => getOfficeForAdmin(db, staff, officeId));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, services, can } = result.data;
  const readiness = await getOfficeReadiness(db, staff, office.id, new Date());
  const t = await getTranslations("admin.office");
  const url = officeUrl(office.slug);
  // The sites that may frame the booking besides this one (FRAME_ANCESTORS).
  const embeddingSites = env().FRAME_ANCESTORS.filter((source) => !source.startsWith("'"));

  return (
    <div className="max-w-4xl space-y-8">
      <StaffBackLink href="/staff/verwaltung/behoerden">{t("back")}</StaffBackLink>
      <div>
        <h1 className="text-3xl font-bold">{office.name}</h1>
        <p className="text-lg text-muted">{[office.department, office.authority].filter(Boolean).join(" · ")}</p>
      </div>
      <Outcome query={query} />

      <section aria-labelledby="status-title" className="space-y-3 rounded border border-line bg-white p-4">
        <h2 id="status-title" className="text-2xl font-bold">
          {t("status.title")}
        </h2>
        <p className="text-lg">
          {!office.active ? t("status.inactive") : readiness.bookable ? t("status.active") : t("status.activeNotReady")}
        </p>
        {office.active && (
          <>
            <p>{t("linksIntro")}</p>
            <p className="break-all font-mono text-lg">{url}</p>
          </>
        )}
        <OfficeLinks office={office} officeUrl={url} />
        {can.manageOffice ? (
          <form action={setOfficeActiveAction} className="space-y-3 border-t border-line pt-3">
            <input type="hidden" name="officeId" value={office.id} />
            <input type="hidden" name="active" value={office.active ? "false" : "true"} />
            {office.active && <p id="deactivate-note">{t("status.deactivateNote")}</p>}
            <button
              type="submit"
              className={office.active ? buttonDanger : buttonPrimary}
              aria-describedby={office.active ? "deactivate-note" : undefined}
            >
              {office.active ? t("status.deactivate") : t("status.reactivate")}
            </button>
          </form>
        ) : (
          <p className="text-muted">{t("status.onlyAdmin")}</p>
        )}
      </section>

      {office.active && (
        <section aria-labelledby="embed-title" className="space-y-3 rounded border border-line bg-white p-4">
          <h2 id="embed-title" className="text-2xl font-bold">
            {t("embed.title")}
          </h2>
          <p>{t("embed.intro")}</p>
          <EmbedSnippet
            snippets={[
              { key: "", label: t("embed.allServices"), code: embedSnippet(env().APP_URL, office.slug) },
              ...services
                .filter((s) => s.active)
                .map((s) => ({ key: s.slug, label: s.name, code: embedSnippet(env().APP_URL, office.slug, { service: s.slug }) })),
            ]}
          />
          {embeddingSites.length > 0 ? (
            <p>{t("embed.allowed", { sites: embeddingSites.join(", ") })}</p>
          ) : (
            <p className="border-s-8 border-error ps-3">{t("embed.notAllowed")}</p>
          )}
        </section>
      )}

      <ReadinessChecklist office={office} readiness={readiness} />

      <ServiceList
        office={office}
        officeUrl={url}
        services={services}
        canManage={can.manageServices}
        query={query}
        moveService={moveServiceAction}
        setServiceActive={setServiceActiveAction}
      />

      <section aria-labelledby="settings-title" className="space-y-3">
        <h2 id="settings-title" className="text-2xl font-bold">
          {t("settings")}
        </h2>
        <OfficeForm
          action={updateOfficeAction}
          initial={officeValues(office)}
          officeId={office.id}
          slugEditable={can.manageOffice}
          feedNamesEditable={can.manageOffice}
          options={await officeFormOptions(db, office)}
        />
      </section>
    </div>
  );
}
