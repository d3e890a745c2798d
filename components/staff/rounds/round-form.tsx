"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";

const FIELDS = ["serviceId", "opensAt", "closesAt", "periodFrom", "periodTo"] as const;

/** Announces a release round: which service, the window for requests and the period it releases. */
export function RoundForm({
  action,
  services,
  defaults,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  services: { id: string; name: string }[];
  defaults: Record<(typeof FIELDS)[number], string>;
}) {
  const t = useTranslations("roundsStaff");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const values = { ...defaults, ...state.values };
  const errorOf = (field: string) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const items = FIELDS.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field, message }] : [];
  });
  if (state.formError) items.unshift({ field: "serviceId", message: errorText(t, te, state.formError) });

  const dateField = (name: (typeof FIELDS)[number], type: "date" | "datetime-local") => (
    <Field id={name} label={t(`fields.${name}`)} hint={t(`fields.${name}Hint`)} error={errorOf(name)}>
      {(aria) => <input {...aria} name={name} type={type} defaultValue={values[name]} required className={`${input} max-w-xs`} />}
    </Field>
  );

  return (
    // Keyed by the values sent back: after a refusal the fields show what was entered (a form's reset would restore
    // the first render's defaults).
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="space-y-1">
      <ErrorSummary title={t("form.errorTitle")} items={items} attempt={state} />
      <Field id="serviceId" label={t("fields.serviceId")} hint={t("fields.serviceIdHint")} error={errorOf("serviceId")}>
        {(aria) => (
          <select {...aria} name="serviceId" defaultValue={values.serviceId} className={input}>
            <option value="">{t("form.allServices")}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="min-w-0">
        <legend className="mb-2 text-xl font-bold">{t("form.windowLegend")}</legend>
        {dateField("opensAt", "datetime-local")}
        {dateField("closesAt", "datetime-local")}
      </fieldset>
      <fieldset className="min-w-0">
        <legend className="mb-2 text-xl font-bold">{t("form.periodLegend")}</legend>
        {dateField("periodFrom", "date")}
        {dateField("periodTo", "date")}
      </fieldset>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {t("form.submit")}
      </button>
    </form>
  );
}
