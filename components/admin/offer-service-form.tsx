"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonPrimary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { useFormProblems } from "./form-state";
import { OFFER_FORM_FIELDS, OfferFields } from "./service-fields";
import { formLegend, formSection, SelectField } from "./text-field";

/** An entry of the catalogue the office can choose, with the offices already offering it. */
export interface CatalogueOption {
  id: string;
  name: string;
  offeredBy: string[];
}

/**
 * An office starts offering an entry of the city's catalogue: the entry (its texts come with it), then the office's
 * own settings.
 */
export function OfferServiceForm({
  action,
  initial,
  officeId,
  entries,
  officeUrl,
  limits,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  officeId: string;
  entries: CatalogueOption[];
  officeUrl: string;
  limits: Record<string, readonly [number, number]>;
}) {
  const t = useTranslations("admin.service");
  const tc = useTranslations("admin.catalogue");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const { errorOf, items } = useFormProblems(state, ["catalogueServiceId", ...OFFER_FORM_FIELDS], "catalogueServiceId");
  const label = (e: CatalogueOption) =>
    e.offeredBy.length > 0 ? tc("optionOffered", { name: e.name, offices: e.offeredBy.join(", ") }) : e.name;

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={items} attempt={state} />
      <input type="hidden" name="officeId" value={officeId} />
      <fieldset className={formSection}>
        <legend className={formLegend}>{tc("offer.entry")}</legend>
        <SelectField
          name="catalogueServiceId"
          label={tc("fields.catalogueServiceId")}
          hint={tc("fields.catalogueServiceIdHint")}
          error={errorOf("catalogueServiceId")}
          value={v.catalogueServiceId ?? ""}
          options={[{ value: "", label: tc("offer.choose") }, ...entries.map((e) => ({ value: e.id, label: label(e) }))]}
        />
      </fieldset>
      <OfferFields t={t} errorOf={errorOf} values={v} limits={limits} officeUrl={officeUrl} />
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {tc("offer.submit")}
      </button>
    </form>
  );
}
