"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";

export interface CounterFormTexts {
  name: string;
  nameHint: string;
  services: string;
  servicesHint: string;
  submit: string;
  /** Field error keys to their texts; anything else shows `invalid`. */
  errors: Record<string, string>;
  /** Refusal codes of the form to their texts; UNEXPECTED for any other. */
  formErrors: Record<string, string>;
}

/** Add or edit a counter: its name on the display and the services it calls (none: all). */
export function CounterForm({
  action,
  officeSlug,
  officeId,
  counter,
  services,
  texts,
  idPrefix,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  officeSlug: string;
  officeId?: string;
  counter?: { id: string; name: string; serviceIds: string[] };
  services: { id: string; label: string }[];
  texts: CounterFormTexts;
  idPrefix: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errorOf = (field: string) => {
    const key = state.fieldErrors?.[field]?.[0];
    return key ? (texts.errors[key] ?? texts.errors.invalid) : undefined;
  };
  const formErrorText = state.formError ? (texts.formErrors[state.formError] ?? texts.formErrors.UNEXPECTED) : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="officeSlug" value={officeSlug} />
      {officeId && <input type="hidden" name="officeId" value={officeId} />}
      {counter && <input type="hidden" name="counterId" value={counter.id} />}
      {formErrorText && (
        <p role="alert" className="font-semibold text-error">
          {formErrorText}
        </p>
      )}
      <Field id={`${idPrefix}-name`} label={texts.name} hint={texts.nameHint} error={errorOf("name")}>
        {(aria) => <input {...aria} name="name" className={`${input} max-w-sm`} defaultValue={state.values?.name ?? counter?.name ?? ""} maxLength={40} required />}
      </Field>
      <fieldset aria-describedby={`${idPrefix}-services-hint`}>
        <legend className="text-lg font-semibold">{texts.services}</legend>
        <p id={`${idPrefix}-services-hint`} className="text-muted">
          {texts.servicesHint}
        </p>
        {errorOf("serviceIds") && <p className="font-semibold text-error">{errorOf("serviceIds")}</p>}
        <ul className="mt-1 grid gap-1 sm:grid-cols-2">
          {services.map((s) => (
            <li key={s.id}>
              <label className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" name="serviceId" value={s.id} defaultChecked={counter?.serviceIds.includes(s.id)} className="h-6 w-6" />
                {s.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {texts.submit}
      </button>
    </form>
  );
}
