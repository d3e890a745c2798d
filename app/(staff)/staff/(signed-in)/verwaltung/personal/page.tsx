import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { StaffList } from "@/components/admin/staff-users/staff-list";
import { StaffUsersProblem } from "@/components/admin/staff-users/problem";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listStaff } from "@/lib/server/services/staff-users";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffUsers");
  return { title: t("title") };
}

const SUCCESS = new Set(["invited", "updated", "deactivated", "reactivated", "invite-sent", "reset-sent"]);

/** The administrators' list of staff accounts. */
export default async function StaffUsersPage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => listStaff(getDb(), staff, now));
  if (!result.ok) return <StaffUsersProblem code={result.code} />;
  const t = await getTranslations("staffUsers");
  const success = typeof q.erfolg === "string" && SUCCESS.has(q.erfolg) ? q.erfolg : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {success && <Alert kind="success">{t(`success.${success}`)}</Alert>}
      <p className="text-lg">{t("intro")}</p>
      <Link href="/staff/verwaltung/personal/neu" className={buttonPrimary}>
        {t("inviteLink")}
      </Link>
      {result.data.length === 0 ? <p>{t("empty")}</p> : <StaffList people={result.data} selfId={staff.id} />}
    </div>
  );
}
