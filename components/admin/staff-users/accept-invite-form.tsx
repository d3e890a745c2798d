"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { PASSWORD_MAX } from "@/lib/schemas/staff-user";

type State = ActionState & { done?: boolean };

/** The new password, twice. Passwords are never sent back: after an error both fields start empty. */
export function AcceptInviteForm({
  action,
  token,
  name,
  email,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  token: string;
  name: string;
  email: string;
}) {
  const t = useTranslations("staffUsers");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});

  if (state.done) {
    return (
      <div>
        <Alert kind="success">
          <h2 className="text-xl font-bold">{t("accept.doneTitle")}</h2>
          <p className="mt-2">{t("accept.done")}</p>
        </Alert>
        <Link href="/staff/login" className={buttonPrimary}>
          {t("accept.toLogin")}
        </Link>
      </div>
    );
  }

  const errorOf = (field: string) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const formProblem = errorOf("_form") ?? (state.formError ? errorText(t, te, state.formError) : undefined);
  const items = [
    { field: "password", message: formProblem },
    { field: "password", message: errorOf("password") },
    { field: "passwordConfirm", message: errorOf("passwordConfirm") },
  ].filter((i): i is { field: string; message: string } => Boolean(i.message));

  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("accept.errorTitle")} items={items} attempt={state} />
      <p className="mb-6 text-lg">{t("accept.intro", { name, email })}</p>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field id="password" label={t("accept.password")} hint={t("accept.passwordHint")} error={errorOf("password")}>
        {(aria) => (
          <input
            {...aria}
            name="password"
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            required
            className={input}
          />
        )}
      </Field>
      <Field id="passwordConfirm" label={t("accept.passwordConfirm")} error={errorOf("passwordConfirm")}>
        {(aria) => (
          <input
            {...aria}
            name="passwordConfirm"
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            required
            className={input}
          />
        )}
      </Field>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {t("accept.submit")}
      </button>
    </form>
  );
}
