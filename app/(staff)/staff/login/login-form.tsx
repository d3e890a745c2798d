"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { signInProblem, type SignInProblem } from "@/lib/schemas/sign-in";
import { buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";

/** A problem to show: one of the sign-in problems, or a message of the page ("expired", "ssoFailed"). */
export type LoginProblem = SignInProblem | { key: "expired" | "ssoFailed"; values?: undefined };

export function LoginForm({ callbackUrl, initialError, sso }: { callbackUrl: string; initialError?: LoginProblem; sso: boolean }) {
  const t = useTranslations("staff.login");
  const router = useRouter();
  const [error, setError] = useState<LoginProblem | undefined>(initialError);
  const [pending, setPending] = useState(false);

  // A submit handler rather than a form action: React resets a form after its action, which would clear the
  // e-mail address after a mistyped password.
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    // An explicit callbackUrl: next-auth otherwise echoes this page's address, whose ?error= it reads as a failure.
    const result = await signIn("credentials", {
      redirect: false,
      callbackUrl,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(callbackUrl);
      router.refresh();
      return;
    }
    setError(signInProblem(result?.error));
  }

  return (
    <div className="space-y-6">
      {error && <Alert kind="error">{t(error.key, error.values)}</Alert>}
      <form onSubmit={submit} className="space-y-4">
        <div>
          <label htmlFor="email" className="block text-lg font-semibold">
            {t("email")}
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className={input} />
        </div>
        <div>
          <label htmlFor="password" className="block text-lg font-semibold">
            {t("password")}
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={input} />
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t("submit")}
        </button>
      </form>
      {sso && (
        <button type="button" className={buttonSecondary} onClick={() => signIn("oidc", { callbackUrl })}>
          {t("sso")}
        </button>
      )}
    </div>
  );
}
