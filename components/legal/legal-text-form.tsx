"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import type { ActionState } from "@/lib/schemas/form-errors";

type State = ActionState & { preview?: React.ReactNode; previewEmpty?: boolean };

/** Edits one legal text: "Vorschau" shows it as the public page will, "Speichern" stores it. Works without JS. */
export function LegalTextForm({
  action,
  target,
  body,
  maxLength,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  target: { scope: string; kind: string; locale: string };
  body: string;
  maxLength: number;
}) {
  const t = useTranslations("legal.staff");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const previewRef = useRef<HTMLElement>(null);
  const hasPreview = Boolean(state.preview || state.previewEmpty);
  // A fresh preview takes the focus, so that keyboard and screen-reader users land on what they asked for.
  useEffect(() => {
    if (hasPreview) previewRef.current?.focus();
  }, [hasPreview, state]);
  const bodyKey = state.fieldErrors?.body?.[0];
  const bodyError =
    bodyKey === "legalTooLong" ? t("validation.legalTooLong", { max: maxLength }) : validationText(t, tv, bodyKey);
  // Scope, kind or language refused: a forged or outdated form; the service's answer explains it.
  const problem = bodyError ?? (state.formError ? errorText(t, te, state.formError) : state.fieldErrors ? errorText(t, te, "INVALID_INPUT") : undefined);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary title={t("errorTitle")} items={problem ? [{ field: "body", message: problem }] : []} attempt={state} />
      <input type="hidden" name="scope" value={target.scope} />
      <input type="hidden" name="kind" value={target.kind} />
      <input type="hidden" name="locale" value={target.locale} />
      <Field id="body" label={t("body")} hint={t("bodyHint", { max: maxLength })} error={bodyError}>
        {(aria) => (
          <textarea
            {...aria}
            name="body"
            rows={24}
            maxLength={maxLength}
            defaultValue={state.values?.body ?? body}
            className={`${input} font-mono text-base`}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-4">
        <button type="submit" name="intent" value="preview" className={buttonSecondary} disabled={pending}>
          {t("preview")}
        </button>
        <button type="submit" name="intent" value="save" className={buttonPrimary} disabled={pending}>
          {t("save")}
        </button>
      </div>
      {hasPreview && (
        <section
          ref={previewRef}
          tabIndex={-1}
          aria-labelledby="vorschau"
          className="rounded border-2 border-dashed border-brand bg-white p-4 outline-offset-4"
        >
          <h2 id="vorschau" className="mb-4 text-xl font-bold">
            {t("previewTitle")}
          </h2>
          {state.previewEmpty ? <p>{t("previewEmpty")}</p> : state.preview}
        </section>
      )}
    </form>
  );
}
