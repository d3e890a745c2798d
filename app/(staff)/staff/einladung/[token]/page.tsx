import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AcceptInviteForm } from "@/components/admin/staff-users/accept-invite-form";
import { StaffUsersMessages } from "@/components/admin/staff-users/messages";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isAppError } from "@/lib/server/errors";
import { findInvite } from "@/lib/server/services/staff-users";
import { acceptInviteAction } from "./actions";
import { inviteClient } from "./invite-client";

export const dynamic = "force-dynamic";

type Params = Promise<{ token: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffUsers.accept");
  // The token stays out of the referrer of anything the page loads.
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * The one-time link from the invitation e-mail, reached without a session. Only posting the form uses the link up,
 * so mail scanners that open it do no harm.
 */
export default async function AcceptInvitePage({ params }: { params: Params }) {
  const { token } = await params;
  const t = await getTranslations("staffUsers.accept");
  const now = new Date();
  let invite: { name: string; email: string } | null = null;
  let problem: "invalid" | "throttled" = "invalid";
  try {
    invite = await findInvite(getDb(), token, await inviteClient(now), now);
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "RATE_LIMITED") problem = "throttled";
  }
  const sso = Boolean(env().OIDC_ISSUER && env().OIDC_CLIENT_ID && env().OIDC_CLIENT_SECRET);
  return (
    <main id="inhalt" tabIndex={-1} className="mx-auto max-w-md px-4 py-10 outline-none">
      {invite ? (
        <>
          <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
          <StaffUsersMessages>
            <AcceptInviteForm action={acceptInviteAction} token={token} name={invite.name} email={invite.email} />
          </StaffUsersMessages>
          {sso && <p className="mt-8 text-muted">{t("sso")}</p>}
        </>
      ) : (
        <>
          <h1 className="mb-6 text-3xl font-bold">{t("invalidTitle")}</h1>
          <Alert kind="error">{t(problem)}</Alert>
          <Link href="/staff/login" className={buttonPrimary}>
            {t("toLogin")}
          </Link>
        </>
      )}
    </main>
  );
}
