import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountActionForm } from "@/components/admin/staff-users/account-action-form";
import { StaffUsersMessages } from "@/components/admin/staff-users/messages";
import { StaffForm } from "@/components/admin/staff-users/staff-form";
import { StaffStatus } from "@/components/admin/staff-users/staff-list";
import { StaffUsersProblem } from "@/components/admin/staff-users/problem";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { assignableOffices, getStaff } from "@/lib/server/services/staff-users";
import { resendInviteAction, setStaffActiveAction, updateStaffAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffUsers");
  return { title: t("title") };
}

/** One account: name, role and offices; a new invitation or reset link; lock and unlock. */
export default async function StaffUserPage({ params }: { params: Params }) {
  const { id } = await params;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(async () => {
    const db = getDb();
    return { person: await getStaff(db, staff, id, now), offices: await assignableOffices(db, staff) };
  });
  if (!result.ok) return <StaffUsersProblem code={result.code} />;
  const { person, offices } = result.data;
  if (!person) notFound();
  const t = await getTranslations("staffUsers");
  const self = person.id === staff.id;
  return (
    <div className="max-w-2xl space-y-8">
      <Link href="/staff/verwaltung/personal" className="inline-flex min-h-11 items-center text-brand underline">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-3xl font-bold">{person.name}</h1>
        <p className="mt-1 break-all text-lg">{person.email}</p>
        <div className="mt-2">
          <StaffStatus person={person} />
        </div>
      </div>
      <StaffUsersMessages>
        <section aria-labelledby="account-title" className="space-y-4">
          <h2 id="account-title" className="text-2xl font-bold">
            {t("detail.accountTitle")}
          </h2>
          <StaffForm
            action={updateStaffAction}
            offices={offices}
            person={{ id: person.id, name: person.name, email: person.email, role: person.role, officeIds: person.offices.map((o) => o.id) }}
          />
        </section>

        <section aria-labelledby="invite-title" className="space-y-4">
          <h2 id="invite-title" className="text-2xl font-bold">
            {t("detail.inviteTitle")}
          </h2>
          {person.active ? (
            <>
              <p>{person.hasPassword ? t("detail.inviteHasPassword") : t("detail.inviteNoPassword")}</p>
              <AccountActionForm
                action={resendInviteAction}
                userId={person.id}
                label={person.hasPassword ? t("detail.resendReset") : t("detail.resend")}
              />
            </>
          ) : (
            <p>{t("detail.inactiveNoInvite")}</p>
          )}
        </section>

        <section aria-labelledby="active-title" className="space-y-4">
          <h2 id="active-title" className="text-2xl font-bold">
            {person.active ? t("detail.activeTitle") : t("detail.reactivateTitle")}
          </h2>
          <p>{person.active ? t("detail.activeHint") : t("detail.reactivateHint")}</p>
          {person.active && self && <p className="font-semibold">{t("detail.selfHint")}</p>}
          <AccountActionForm
            action={setStaffActiveAction}
            userId={person.id}
            fields={{ active: person.active ? "false" : "true" }}
            label={person.active ? t("detail.deactivate") : t("detail.reactivate")}
            danger={person.active}
          />
        </section>
      </StaffUsersMessages>
    </div>
  );
}
