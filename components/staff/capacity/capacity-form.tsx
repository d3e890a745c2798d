"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";
import { useErrorTexts } from "./form-errors";
import type { CapacityAction, MutationHandlers } from "./use-capacity-mutation";

// What the block and closure dialogs have in common: their values and errors, the check with the action's own schema
// before sending, the refusal shown at its field, and the parts of the form that look the same in both.

export type Perform = (action: CapacityAction, input: Record<string, unknown>, handlers?: MutationHandlers) => void;

type FormValues = Record<string, string | string[]>;

interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof fieldErrorsOf>[0] };
}

export function useCapacityForm<V extends FormValues>({
  initialValues,
  fields,
  perform,
  onDone,
}: {
  initialValues: () => V;
  /** The fields the form shows, so that an error elsewhere goes to the top of the form. */
  fields: readonly string[];
  perform: Perform;
  onDone: () => void;
}) {
  const errorTexts = useErrorTexts();
  const formId = useId().replace(/:/g, "");
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { byField, summary } = errorTexts(errors, formId, fields);

  /** Closes the dialog once the change is applied; a refusal comes back to its field. */
  const handlers: MutationHandlers = {
    onApplied: onDone,
    onRefused: (refusal) => {
      setAttempt((n) => n + 1);
      setErrors(refusal.fieldErrors);
      setFormError(refusal.formError ?? null);
    },
  };

  return {
    values,
    setValues,
    set: (name: keyof V) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    id: (field: string) => `${formId}-${field}`,
    byField,
    summary,
    attempt,
    formError,
    handlers,
    /** Checks the input with the action's own schema first, so that mistakes show without a round trip. */
    send(schema: Schema, action: CapacityAction, raw: Record<string, unknown>) {
      setAttempt((n) => n + 1);
      setFormError(null);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        setErrors(fieldErrorsOf(parsed.error));
        return;
      }
      setErrors(undefined);
      perform(action, raw, handlers);
    },
  };
}

export type CapacityFormState = ReturnType<typeof useCapacityForm<FormValues>>;

/** The form with its error summary and form-wide error on top, and its buttons at the bottom. */
export function CapacityForm({
  form,
  onSubmit,
  submitLabel,
  pending,
  onCancel,
  children,
  more,
}: {
  form: Pick<CapacityFormState, "id" | "summary" | "attempt" | "formError">;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  children: React.ReactNode;
  /** Further buttons after "cancel". */
  more?: React.ReactNode;
}) {
  const t = useTranslations("capacity");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <div id={form.id("top")} tabIndex={-1}>
        <ErrorSummary title={t("errorSummary")} items={form.summary} attempt={form.attempt} />
        {form.formError && (
          <p role="alert" className="mb-4 border-s-8 border-error bg-white p-3 font-semibold">
            {t.has(`errors.${form.formError}`) ? t(`errors.${form.formError}`) : t("errors.UNEXPECTED")}
          </p>
        )}
      </div>
      {children}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className={buttonSecondary} onClick={onCancel}>
          {t("blockDialog.cancel")}
        </button>
        {more}
      </div>
    </form>
  );
}

/** Start and end as "HH:MM" side by side. */
export function TimeFields({
  form,
  labels,
}: {
  form: Pick<CapacityFormState, "id" | "byField"> & {
    values: { start: string; end: string };
    set: (name: "start" | "end") => (e: React.ChangeEvent<HTMLInputElement>) => void;
  };
  labels: { start: string; end: string };
}) {
  const t = useTranslations("capacity");
  return (
    <div className="flex flex-wrap gap-x-6">
      {(["start", "end"] as const).map((field) => (
        <Field key={field} id={form.id(field)} label={labels[field]} hint={t("blockDialog.timeHint")} error={form.byField[field]}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={5}
              value={form.values[field]}
              onChange={form.set(field)}
              className={`${input} max-w-32`}
            />
          )}
        </Field>
      ))}
    </div>
  );
}
