"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { errorText, validationText } from "./texts";

const FIELDS = ["start", "channel", "givenName", "familyName", "email", "phone", "dateOfBirth", "remark"] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Step 2 of booking on behalf: the time (radio buttons of the free slots shown by the page) and the person.
 * A plain form posted to a server action: it works without JavaScript, keeps what was typed when the action
 * answers errors, and the action re-checks the slot atomically.
 */
export function OnBehalfForm({
  action,
  service,
  furtherServices = [],
  kind = "IN_PERSON",
  persons,
  slots,
  today,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  service: string;
  /** Further services and kind chosen in step 1. */
  furtherServices?: readonly string[];
  kind?: string;
  persons: number;
  slots: Array<{ value: string; time: string; label: string }>;
  today: string;
}) {
  const t = useTranslations("agenda");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const errorOf = (field: FieldName) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const items: Array<{ field: string; message: string }> = FIELDS.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field: field === "start" ? "slot-0" : field === "channel" ? "channel-PHONE" : field, message }] : [];
  });
  // Service and persons come from step 1; an error there (or from the service) is shown at the top.
  const other =
    state.fieldErrors?.service?.[0] ??
    state.fieldErrors?.persons?.[0] ??
    state.fieldErrors?.furtherServices?.[0] ??
    state.fieldErrors?.kind?.[0];
  if (other) items.unshift({ field: "slot-0", message: validationText(t, tv, other)! });
  if (state.formError) items.unshift({ field: "slot-0", message: errorText(t, te, state.formError) });
  const channel = v.channel === "COUNTER" ? "COUNTER" : "PHONE";

  return (
    <form action={formAction} noValidate className="space-y-2">
      <ErrorSummary title={t("new.errorTitle")} items={items} attempt={state} />
      <input type="hidden" name="service" value={service} />
      <input type="hidden" name="persons" value={persons} />
      {furtherServices.map((slug) => (
        <input key={slug} type="hidden" name="furtherServices" value={slug} />
      ))}
      <input type="hidden" name="kind" value={kind} />

      <fieldset
        className={`mb-6 ${errorOf("start") ? "border-s-4 border-error ps-3" : ""}`}
        aria-describedby={errorOf("start") ? "start-error" : undefined}
      >
        <legend className="text-lg font-semibold">{t("new.time")}</legend>
        {errorOf("start") && (
          <p id="start-error" className="font-semibold text-error">
            {errorOf("start")}
          </p>
        )}
        <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-6 lg:grid-cols-8" role="list">
          {slots.map((slot, i) => (
            <li key={slot.value}>
              <input
                id={`slot-${i}`}
                type="radio"
                name="start"
                value={slot.value}
                defaultChecked={v.start === slot.value}
                aria-label={slot.label}
                required
                className="peer sr-only"
              />
              <label
                htmlFor={`slot-${i}`}
                className="flex min-h-11 cursor-pointer items-center justify-center rounded border-2 border-brand bg-white px-2 font-semibold tabular-nums text-brand peer-checked:bg-brand peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-focus"
              >
                {slot.time}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className={`mb-6 ${errorOf("channel") ? "border-s-4 border-error ps-3" : ""}`}>
        <legend className="text-lg font-semibold">{t("new.channel")}</legend>
        {errorOf("channel") && <p className="font-semibold text-error">{errorOf("channel")}</p>}
        <div className="mt-2 flex flex-wrap gap-4">
          {(["PHONE", "COUNTER"] as const).map((c) => (
            <label key={c} htmlFor={`channel-${c}`} className="flex min-h-11 items-center gap-2 text-lg">
              <input
                id={`channel-${c}`}
                type="radio"
                name="channel"
                value={c}
                defaultChecked={channel === c}
                className="h-6 w-6 accent-brand"
              />
              {t(`new.channel${c}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field id="givenName" label={t("new.givenName")} error={errorOf("givenName")}>
          {(aria) => <input {...aria} name="givenName" defaultValue={v.givenName ?? ""} autoComplete="off" className={input} />}
        </Field>
        <Field id="familyName" label={t("new.familyName")} error={errorOf("familyName")}>
          {(aria) => <input {...aria} name="familyName" defaultValue={v.familyName ?? ""} autoComplete="off" className={input} />}
        </Field>
        <Field id="email" label={t("new.email")} hint={t("new.emailHint")} error={errorOf("email")}>
          {(aria) => (
            <input
              {...aria}
              name="email"
              type="email"
              inputMode="email"
              spellCheck={false}
              autoComplete="off"
              defaultValue={v.email ?? ""}
              className={input}
            />
          )}
        </Field>
        <Field id="phone" label={t("new.phone")} hint={t("new.phoneHint")} error={errorOf("phone")}>
          {(aria) => <input {...aria} name="phone" type="tel" autoComplete="off" defaultValue={v.phone ?? ""} className={input} />}
        </Field>
        <Field id="dateOfBirth" label={t("new.dateOfBirth")} error={errorOf("dateOfBirth")}>
          {(aria) => (
            <input {...aria} name="dateOfBirth" type="date" max={today} defaultValue={v.dateOfBirth ?? ""} className={input} />
          )}
        </Field>
      </div>
      <Field id="remark" label={t("new.remark")} error={errorOf("remark")}>
        {(aria) => <textarea {...aria} name="remark" rows={2} maxLength={500} defaultValue={v.remark ?? ""} className={input} />}
      </Field>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {t("new.submit")}
      </button>
    </form>
  );
}
