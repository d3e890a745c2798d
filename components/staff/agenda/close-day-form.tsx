"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonDanger } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { errorText } from "./texts";

/**
 * The one confirmation for recording a finished day's open appointments as no-shows: the list it acts on is posted
 * with it, so that the server changes exactly what the clerk saw. Works without JavaScript.
 */
export function CloseDayForm({
  action,
  officeSlug,
  date,
  bookingIds,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  officeSlug: string;
  date: string;
  bookingIds: string[];
}) {
  const t = useTranslations("agenda");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  // The form has no fields to correct: a refusal (or a forged post) is one message at its button.
  const problem = state.formError ? errorText(t, te, state.formError) : state.fieldErrors ? errorText(t, te, "INVALID_INPUT") : null;
  return (
    <form action={formAction}>
      <ErrorSummary title={t("closeDay.errorTitle")} items={problem ? [{ field: "close-day-submit", message: problem }] : []} attempt={state} />
      <input type="hidden" name="officeSlug" value={officeSlug} />
      <input type="hidden" name="date" value={date} />
      {bookingIds.map((id) => (
        <input key={id} type="hidden" name="bookingId" value={id} />
      ))}
      <button id="close-day-submit" type="submit" className={buttonDanger} disabled={pending}>
        {t("closeDay.submit", { count: bookingIds.length })}
      </button>
    </form>
  );
}
