import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NEW_OFFICE_VALUES } from "@/components/admin/form-values";
import { OfficeForm } from "@/components/admin/office-form";
import { canGlobally } from "@/lib/server/auth/permissions";
import { getDb } from "@/lib/server/db";
import { pageStaff } from "@/lib/server/page-guards";
import { officeFormOptions } from "@/lib/server/services/offices/form-options";
import { createOfficeAction } from "../actions";
import { StaffBackLink } from "@/components/admin/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.office");
  return { title: t("newTitle") };
}

export default async function NewOfficePage() {
  const staff = await pageStaff();
  // The action refuses anyone else as well; this only spares them a form they cannot send.
  if (!canGlobally(staff, "offices:manage")) forbidden();
  const t = await getTranslations("admin.office");
  return (
    <div className="max-w-3xl space-y-6">
      <StaffBackLink href="/staff/verwaltung/behoerden">{t("back")}</StaffBackLink>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <p className="text-lg">{t("newIntro")}</p>
      <OfficeForm
        action={createOfficeAction}
        initial={NEW_OFFICE_VALUES}
        slugEditable
        feedNamesEditable
        options={await officeFormOptions(getDb())}
      />
    </div>
  );
}
