"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import { useRefreshWhen } from "@/components/staff/use-refresh-when";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import { FEED_LABEL_MAX } from "@/lib/schemas/feeds";
import type { ActionState } from "@/lib/schemas/form-errors";

/** What "Link anlegen" answers: the feed's address to show once, or what was wrong. */
export interface FeedFormState extends ActionState {
  url?: string;
  label?: string;
}

/** "Neuen Kalender-Link anlegen": a label; the address appears below, once, ready to copy. */
export function CreateFeedForm({ action }: { action: (prev: FeedFormState, form: FormData) => Promise<FeedFormState> }) {
  const t = useTranslations("feeds");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  useRefreshWhen(state.url);
  const labelError = validationText(t, tv, state.fieldErrors?.label?.[0]);
  const items = labelError ? [{ field: "feed-label", message: labelError }] : [];
  if (state.formError) items.unshift({ field: "feed-label", message: errorText(t, te, state.formError) });
  return (
    <div>
      <form key={state.url ?? JSON.stringify(state.values ?? {})} action={formAction} noValidate>
        <ErrorSummary title={t("create.errorTitle")} items={items} attempt={state} />
        <Field id="feed-label" label={t("create.label")} hint={t("create.labelHint")} error={labelError}>
          {(aria) => (
            <input {...aria} name="label" type="text" maxLength={FEED_LABEL_MAX} defaultValue={state.values?.label ?? ""} required className={`${input} max-w-md`} />
          )}
        </Field>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t("create.submit")}
        </button>
      </form>
      {state.url && (
        <div role="status" className="mt-3 border-s-8 border-success bg-white p-4" data-testid="feed-url-box">
          <p className="font-bold">{t("created.title", { label: state.label ?? "" })}</p>
          <label htmlFor="feed-url" className="mt-2 block font-semibold">
            {t("created.urlLabel")}
          </label>
          <input
            id="feed-url"
            data-testid="feed-url"
            type="text"
            readOnly
            value={state.url}
            onFocus={(e) => e.currentTarget.select()}
            className={`${input} font-mono`}
          />
          <p className="mt-2">{t("created.text")}</p>
        </div>
      )}
    </div>
  );
}
