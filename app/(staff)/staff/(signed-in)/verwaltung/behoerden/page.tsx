import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfficeLinks } from "@/components/admin/office-links";
import { buttonPrimary, link } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { pageStaff } from "@/lib/server/page-guards";
import { officeUrl } from "@/lib/server/services/booking-urls";
import {
  groupByDepartment,
  listAdministeredOffices,
} from "@/lib/server/services/offices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.offices");
  return { title: t("title") };
}

// The offices the signed-in person administers, grouped like the public directory.
export default async function OfficesPage() {
  const staff = await pageStaff();
  const t = await getTranslations("admin.offices");
  const { offices, canCreate } = await listAdministeredOffices(getDb(), staff);
  // Clerks administer no office: the shared 403 page.
  if (!canCreate && offices.length === 0) forbidden();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <>
        <p className="max-w-3xl text-lg">{t("intro")}</p>
        {canCreate && (
          <p>
            <Link
              href="/staff/verwaltung/behoerden/neu"
              className={buttonPrimary}
            >
              {t("create")}
            </Link>
          </p>
        )}
        {offices.length === 0 && <p>{t("none")}</p>}
        {groupByDepartment(offices).map(({ department, offices: list }, i) => (
          <section
            key={department ?? ""}
            aria-labelledby={`abteilung-${i}`}
            className="space-y-3"
          >
            <h2 id={`abteilung-${i}`} className="text-2xl font-bold">
              {department ?? t("noDepartment")}
            </h2>
            <ul className="grid gap-4 md:grid-cols-2">
              {list.map((office) => (
                <li
                  key={office.id}
                  className="rounded border border-line bg-white p-4"
                >
                  <h3 className="text-xl font-bold">
                    <Link
                      href={`/staff/verwaltung/behoerden/${office.id}`}
                      className={link}
                    >
                      {office.name}
                    </Link>
                  </h3>
                  <p className="text-muted">{office.authority}</p>
                  <p className="mt-1">
                    <span
                      className={`inline-block rounded px-2 py-0.5 text-sm font-semibold text-white ${office.active ? "bg-success" : "bg-error"}`}
                    >
                      {office.active ? t("active") : t("inactive")}
                    </span>{" "}
                    {t("services", { count: office.activeServices })}
                  </p>
                  <OfficeLinks
                    office={office}
                    officeUrl={officeUrl(office.slug)}
                    editLabel={t("editOf", { name: office.name })}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </>
    </div>
  );
}
