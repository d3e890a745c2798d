"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonSecondary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { errorText, validationText } from "./texts";

/**
 * The further services of an appointment, as checkboxes; its first service stays. Works without JavaScript: the
 * action answers a refusal into this form or redirects.
 */
export function ServicesForm({
  action,
  bookingId,
  first,
  services,
  chosen,
  maxFurther,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  bookingId: string;
  first: string;
  /** The office's other active services. */
  services: Array<{ id: string; name: string }>;
  chosen: readonly string[];
  maxFurther: number;
}) {
  const t = useTranslations("agenda");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const fieldKey = state.fieldErrors?.furtherServices?.[0] ?? state.fieldErrors?.kind?.[0] ?? state.fieldErrors?.furtherServiceIds?.[0];
  const problem = validationText(t, tv, fieldKey) ?? (state.formError ? errorText(t, te, state.formError) : undefined);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("services.errorTitle")} items={problem ? [{ field: "services-group", message: problem }] : []} attempt={state} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <p className="mb-2">{t("services.intro")}</p>
      <p className="mb-2 font-semibold">{t("services.first", { name: first })}</p>
      <fieldset id="services-group" tabIndex={-1} className={`mb-4 ${problem ? "border-s-4 border-error ps-3" : ""}`}>
        <legend className="font-semibold">{t("services.further", { count: maxFurther })}</legend>
        {problem && <p className="font-semibold text-error">{problem}</p>}
        {services.map((s) => (
          <label key={s.id} className="mt-1 flex min-h-11 items-center gap-3">
            <input type="checkbox" name="furtherServiceIds" value={s.id} defaultChecked={chosen.includes(s.id)} className="size-6 shrink-0" />
            <span>{s.name}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className={buttonSecondary} disabled={pending}>
        {t("services.submit")}
      </button>
    </form>
  );
}
