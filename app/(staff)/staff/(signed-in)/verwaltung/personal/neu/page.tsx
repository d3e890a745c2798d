import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { StaffUsersMessages } from "@/components/admin/staff-users/messages";
import { StaffForm } from "@/components/admin/staff-users/staff-form";
import { StaffUsersProblem } from "@/components/admin/staff-users/problem";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { assignableOffices } from "@/lib/server/services/staff-users";
import { inviteStaffAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffUsers");
  return { title: t("invite.title") };
}

export default async function InviteStaffPage() {
  const staff = await pageStaff();
  const result = await attempt(() => assignableOffices(getDb(), staff));
  if (!result.ok) return <StaffUsersProblem code={result.code} />;
  const t = await getTranslations("staffUsers");
  return (
    <div className="max-w-2xl space-y-6">
      <Link href="/staff/verwaltung/personal" className="inline-flex min-h-11 items-center text-brand underline">
        {t("back")}
      </Link>
      <h1 className="text-3xl font-bold">{t("invite.title")}</h1>
      <p className="text-lg">{t("invite.intro")}</p>
      <StaffUsersMessages>
        <StaffForm action={inviteStaffAction} offices={result.data} />
      </StaffUsersMessages>
    </div>
  );
}
