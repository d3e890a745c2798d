import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CatalogueEntryForm } from "@/components/admin/catalogue-entry-form";
import { translationLanguages } from "@/components/admin/form-values";
import { canGlobally } from "@/lib/server/auth/permissions";
import { pageStaff } from "@/lib/server/page-guards";
import { directoryUrl } from "@/lib/server/services/booking-urls";
import { createCatalogueEntryAction } from "../actions";
import { StaffBackLink } from "@/components/admin/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.catalogue");
  return { title: t("newTitle") };
}

export default async function NewCatalogueEntryPage() {
  const staff = await pageStaff();
  if (!canGlobally(staff, "catalogue:manage")) forbidden();
  const t = await getTranslations("admin.catalogue");
  return (
    <div className="max-w-3xl space-y-6">
      <StaffBackLink href="/staff/verwaltung/leistungen">{t("back")}</StaffBackLink>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <p>{t("newIntro")}</p>
      <CatalogueEntryForm
        action={createCatalogueEntryAction}
        initial={{}}
        hidden={{}}
        languages={translationLanguages()}
        directoryUrl={directoryUrl()}
      />
    </div>
  );
}
