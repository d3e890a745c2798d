import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@/lib/server/auth/callback-url";
import { env } from "@/lib/server/env";
import { signInProblem } from "@/lib/schemas/sign-in";
import { type LoginProblem, LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

type Search = Promise<{ callbackUrl?: string; error?: string }>;

export async function generateMetadata() {
  const t = await getTranslations("staff.login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const t = await getTranslations("staff.login");
  const sso = Boolean(env().OIDC_ISSUER && env().OIDC_CLIENT_ID && env().OIDC_CLIENT_SECRET);
  const initialError: LoginProblem | undefined = !q.error
    ? undefined
    : q.error === "SessionExpired"
      ? { key: "expired" }
      : ["AccessDenied", "OAuthSignin", "OAuthCallback", "Callback", "OAuthAccountNotLinked"].includes(q.error)
        ? { key: "ssoFailed" }
        : signInProblem(q.error);
  return (
    <main id="inhalt" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <LoginForm callbackUrl={safeCallbackPath(q.callbackUrl, env().APP_URL)} initialError={initialError} sso={sso} />
    </main>
  );
}
