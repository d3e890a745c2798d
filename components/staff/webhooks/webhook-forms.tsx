"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { auditActionKey, errorText, validationText } from "@/components/staff/agenda/texts";
import { RenewButton } from "@/components/staff/renew-button";
import { useRefreshWhen } from "@/components/staff/use-refresh-when";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { BOOKING_EVENTS, WEBHOOK_LABEL_MAX, WEBHOOK_URL_MAX } from "@/lib/schemas/webhooks";

/** What the webhook forms answer: a secret to show once, that changes were saved, or what was wrong. */
export interface WebhookFormState extends ActionState {
  secret?: string;
  label?: string;
  saved?: boolean;
}

type FormAction = (prev: WebhookFormState, form: FormData) => Promise<WebhookFormState>;

export interface EndpointValues {
  label: string;
  url: string;
  events: readonly string[];
  includePersonalData: boolean;
  active: boolean;
}

const NEW_ENDPOINT: EndpointValues = { label: "", url: "", events: BOOKING_EVENTS, includePersonalData: false, active: true };

/** The secret, once, in a live region, with what to do with it. Refreshes the list above (new endpoint). */
function SecretBox({ state }: { state: WebhookFormState }) {
  const t = useTranslations("webhooks.secret");
  useRefreshWhen(state.secret);
  if (!state.secret) return null;
  return (
    <div role="status" className="mt-3 border-s-8 border-success bg-white p-4" data-testid="webhook-secret-box">
      <p className="font-bold">{t("title", { label: state.label ?? "" })}</p>
      <p className="my-2">
        <span className="sr-only">{t("label")}: </span>
        <code data-testid="webhook-secret" className="block break-all bg-[#f3f2f1] p-2 font-mono text-lg">
          {state.secret}
        </code>
      </p>
      <p>{t("text")}</p>
    </div>
  );
}

/** Values as the form last sent them (after a refusal), else the endpoint's own. */
function shownValues(state: WebhookFormState, initial: EndpointValues): EndpointValues {
  const v = state.values;
  if (!v) return initial;
  return {
    label: v.label ?? "",
    url: v.url ?? "",
    events: (v.events ?? "").split(",").filter(Boolean),
    includePersonalData: v.includePersonalData === "on",
    active: v.active === "on",
  };
}

/** A checkbox with its label beside it and a hint below. */
function Checkbox({ id, name, checked, label, hint }: { id: string; name: string; checked: boolean; label: string; hint: string }) {
  return (
    <div className="mb-6">
      <label htmlFor={id} className="inline-flex min-h-11 items-start gap-2 text-lg">
        <input id={id} type="checkbox" name={name} defaultChecked={checked} className="mt-1 size-6 shrink-0" aria-describedby={`${id}-hint`} />
        <span className="font-semibold">{label}</span>
      </label>
      <p id={`${id}-hint`} className="text-muted">
        {hint}
      </p>
    </div>
  );
}

/** Create ("Empfänger anlegen") or edit one endpoint: label, address, events, personal data, active. */
export function EndpointForm({ action, initial, idPrefix }: { action: FormAction; initial?: EndpointValues; idPrefix: string }) {
  const t = useTranslations("webhooks");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const editing = initial !== undefined;
  const v = shownValues(state, initial ?? NEW_ENDPOINT);
  const id = (field: string) => `${idPrefix}-${field}`;
  const errorOf = (field: string) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const items = ["label", "url", "events"].flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field: field === "events" ? id(`event-${BOOKING_EVENTS[0]}`) : id(field), message }] : [];
  });
  if (state.formError) items.unshift({ field: id("label"), message: errorText(t, te, state.formError) });
  return (
    <div>
      <form key={state.secret ?? JSON.stringify(state.values ?? {})} action={formAction} noValidate className="space-y-1">
        <ErrorSummary title={t(editing ? "form.saveErrorTitle" : "form.createErrorTitle")} items={items} attempt={state} />
        <Field id={id("label")} label={t("form.label")} hint={t("form.labelHint")} error={errorOf("label")}>
          {(aria) => <input {...aria} name="label" type="text" maxLength={WEBHOOK_LABEL_MAX} defaultValue={v.label} required className={`${input} max-w-md`} />}
        </Field>
        <Field id={id("url")} label={t("form.url")} hint={t("form.urlHint")} error={errorOf("url")}>
          {(aria) => (
            <input {...aria} name="url" type="url" inputMode="url" maxLength={WEBHOOK_URL_MAX} defaultValue={v.url} required spellCheck={false} className={input} />
          )}
        </Field>
        <fieldset className={`mb-6 min-w-0 ${errorOf("events") ? "border-s-4 border-error ps-3" : ""}`} aria-describedby={id("events-hint")}>
          <legend className="text-lg font-semibold">{t("form.events")}</legend>
          <p id={id("events-hint")} className="text-muted">
            {t("form.eventsHint")}
          </p>
          {errorOf("events") && <p className="font-semibold text-error">{errorOf("events")}</p>}
          <div className="mt-1 grid gap-x-6 sm:grid-cols-2">
            {BOOKING_EVENTS.map((event) => (
              <label key={event} className="inline-flex min-h-11 items-center gap-2 text-lg">
                <input id={id(`event-${event}`)} type="checkbox" name="events" value={event} defaultChecked={v.events.includes(event)} className="size-6" />
                {t(`events.${auditActionKey(event)}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Checkbox id={id("includePersonalData")} name="includePersonalData" checked={v.includePersonalData} label={t("form.personalData")} hint={t("form.personalDataHint")} />
        <Checkbox id={id("active")} name="active" checked={v.active} label={t("form.active")} hint={t("form.activeHint")} />
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t(editing ? "form.save" : "form.create")}
        </button>
        {state.saved && (
          <p role="status" className="mt-2 font-semibold">
            {t("form.saved")}
          </p>
        )}
      </form>
      <SecretBox state={state} />
    </div>
  );
}

/** "Neuen Schlüssel erzeugen" for one endpoint; the new secret appears below the button, once. */
export function RotateSecretForm({ action, label }: { action: (prev: WebhookFormState) => Promise<WebhookFormState>; label: string }) {
  const t = useTranslations("webhooks");
  return (
    <RenewButton action={action} label={t("secret.rotate")} ariaLabel={t("secret.rotateLabel", { label })} namespace="webhooks">
      {(state) => <SecretBox state={state} />}
    </RenewButton>
  );
}
