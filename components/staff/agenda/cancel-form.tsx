"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonDanger, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { errorText, validationText } from "./texts";

/** Cancel with a reason. Works without JavaScript: the action answers errors into this form or redirects. */
export function CancelForm({
  action,
  bookingId,
  hasEmail,
  maxLength,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  bookingId: string;
  hasEmail: boolean;
  /** The schema's limit, passed in so that the schema and its domain rules stay out of the browser's bundle. */
  maxLength: number;
}) {
  const t = useTranslations("agenda");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const reasonError = validationText(t, tv, state.fieldErrors?.reason?.[0]);
  // One message at a time: a field error, else what the service answered (a forged id reads as "not found").
  const problem =
    reasonError ??
    (state.formError ? errorText(t, te, state.formError) : undefined) ??
    (state.fieldErrors ? errorText(t, te, "BOOKING_NOT_FOUND") : undefined);
  const items = problem ? [{ field: "reason", message: problem }] : [];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("cancel.errorTitle")} items={items} attempt={state} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <Field
        id="reason"
        label={t("cancel.reason")}
        hint={hasEmail ? t("cancel.reasonHint") : t("cancel.reasonHintNoEmail")}
        error={reasonError}
      >
        {(aria) => (
          <textarea
            {...aria}
            name="reason"
            rows={3}
            maxLength={maxLength}
            required
            defaultValue={state.values?.reason ?? ""}
            className={input}
          />
        )}
      </Field>
      <button type="submit" className={buttonDanger} disabled={pending}>
        {t("cancel.submit")}
      </button>
    </form>
  );
}
