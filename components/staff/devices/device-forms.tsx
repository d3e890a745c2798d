"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import { RenewButton } from "@/components/staff/renew-button";
import { useRefreshWhen } from "@/components/staff/use-refresh-when";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import { DEVICE_KINDS, DEVICE_NAME_MAX } from "@/lib/schemas/devices";
import type { ActionState } from "@/lib/schemas/form-errors";

/** What the devices page's forms answer: a pairing code to show once, or what was wrong. */
export interface PairingCodeState extends ActionState {
  code?: string;
  until?: string;
  deviceName?: string;
}

type CodeAction = (prev: PairingCodeState, form: FormData) => Promise<PairingCodeState>;

/** The code, large and in a live region, with where to type it. */
function PairingCode({ state, pairingUrl }: { state: PairingCodeState; pairingUrl: string }) {
  const t = useTranslations("devices.code");
  // The list above shows the new device or the open code; the code itself stays here, in this form's state.
  useRefreshWhen(state.code);
  if (!state.code) return null;
  return (
    <div role="status" className="mt-3 border-s-8 border-success bg-white p-4" data-testid="pairing-code-box">
      <p className="font-bold">{t("title", { name: state.deviceName ?? "" })}</p>
      <p data-testid="pairing-code" className="my-2 font-mono text-4xl font-black tracking-widest">
        {state.code}
      </p>
      <p>{t("text", { url: pairingUrl, time: state.until ?? "" })}</p>
    </div>
  );
}

/** "Gerät hinzufügen": kind, name and, for displays, the counters shown. */
export function CreateDeviceForm({
  action,
  counters,
  pairingUrl,
}: {
  action: CodeAction;
  counters: { id: string; name: string }[];
  pairingUrl: string;
}) {
  const t = useTranslations("devices");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const errorOf = (field: string) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const items = ["kind", "name", "counterIds"].flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field: field === "kind" ? "kind-KIOSK" : field, message }] : [];
  });
  if (state.formError) items.unshift({ field: "name", message: errorText(t, te, state.formError) });
  return (
    <div>
      <form key={state.code ?? JSON.stringify(state.values ?? {})} action={formAction} noValidate className="space-y-1">
        <ErrorSummary title={t("create.errorTitle")} items={items} attempt={state} />
        <fieldset className={`mb-6 min-w-0 ${errorOf("kind") ? "border-s-4 border-error ps-3" : ""}`}>
          <legend className="text-lg font-semibold">{t("create.kind")}</legend>
          {errorOf("kind") && <p className="font-semibold text-error">{errorOf("kind")}</p>}
          <div className="mt-1 flex flex-wrap gap-x-6">
            {DEVICE_KINDS.map((kind) => (
              <label key={kind} className="inline-flex min-h-11 items-center gap-2 text-lg">
                <input
                  id={`kind-${kind}`}
                  type="radio"
                  name="kind"
                  value={kind}
                  defaultChecked={(state.values?.kind ?? "DISPLAY") === kind}
                  className="size-6"
                />
                {t(`kinds.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="name" label={t("create.name")} hint={t("create.nameHint")} error={errorOf("name")}>
          {(aria) => <input {...aria} name="name" type="text" maxLength={DEVICE_NAME_MAX} defaultValue={state.values?.name ?? ""} required className={`${input} max-w-md`} />}
        </Field>
        <fieldset className="mb-6 min-w-0" aria-describedby="counters-hint">
          <legend className="text-lg font-semibold">{t("create.counters")}</legend>
          <p id="counters-hint" className="text-muted">
            {counters.length > 0 ? t("create.countersHint") : t("create.noCounters")}
          </p>
          <div className="mt-1 flex flex-wrap gap-x-6">
            {counters.map((c) => (
              <label key={c.id} className="inline-flex min-h-11 items-center gap-2 text-lg">
                <input type="checkbox" name="counterIds" value={c.id} className="size-6" />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t("create.submit")}
        </button>
      </form>
      <PairingCode state={state} pairingUrl={pairingUrl} />
    </div>
  );
}

/** "Neuen Kopplungscode erzeugen" for one device; the code appears below the button. */
export function RenewCodeForm({ action, deviceName, pairingUrl }: { action: CodeAction; deviceName: string; pairingUrl: string }) {
  const t = useTranslations("devices");
  return (
    <RenewButton action={action} label={t("code.renew")} ariaLabel={t("code.renewLabel", { name: deviceName })} namespace="devices">
      {(state) => <PairingCode state={state} pairingUrl={pairingUrl} />}
    </RenewButton>
  );
}
