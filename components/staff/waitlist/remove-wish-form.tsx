"use client";

import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonDanger, buttonSecondary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";

// The confirm step of removing a wish: the reason as a fixed choice (it goes to the audit log, so no free text that
// could hold personal data). Works without JavaScript: the action answers errors into this form or redirects.

export function RemoveWishForm({
  action,
  wishId,
  reasons,
  cancelHref,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  wishId: string;
  reasons: readonly string[];
  cancelHref: string;
}) {
  const t = useTranslations("staffWaitlist");
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState(action, {});
  const reasonKey = state.fieldErrors?.reason?.[0];
  const reasonError = reasonKey ? (t.has(`validation.${reasonKey}`) ? t(`validation.${reasonKey}`) : tv("invalid")) : undefined;
  const code = state.formError ?? (state.fieldErrors?.wishId ? "WISH_NOT_FOUND" : undefined);
  const formError = code ? (t.has(`errors.${code}`) ? t(`errors.${code}`) : tv("invalid")) : undefined;
  const firstReason = "reason-" + reasons[0];
  const items = [
    ...(reasonError ? [{ field: firstReason, message: reasonError }] : []),
    ...(formError ? [{ field: firstReason, message: formError }] : []),
  ];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("remove.errorTitle")} items={items} attempt={state} />
      <input type="hidden" name="wishId" value={wishId} />
      <fieldset aria-describedby={`reason-hint${reasonError ? " reason-error" : ""}`} className={reasonError ? "border-s-4 border-error ps-3" : ""}>
        <legend className="text-lg font-semibold">{t("remove.reason")}</legend>
        <p id="reason-hint" className="text-muted">
          {t("remove.reasonHint")}
        </p>
        {reasonError && (
          <p id="reason-error" className="font-semibold text-error">
            {reasonError}
          </p>
        )}
        <div className="mt-2 space-y-1">
          {reasons.map((r) => (
            <div key={r} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                id={`reason-${r}`}
                name="reason"
                value={r}
                defaultChecked={state.values?.reason === r}
                className="h-6 w-6 shrink-0 accent-brand"
              />
              <label htmlFor={`reason-${r}`}>{t(`remove.reasons.${r}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonDanger} disabled={pending}>
          {t("remove.submit")}
        </button>
        <Link href={cancelHref} className={buttonSecondary}>
          {t("remove.cancel")}
        </Link>
      </div>
    </form>
  );
}
