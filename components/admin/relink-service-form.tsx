"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonSecondary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { useFormProblems } from "./form-state";
import type { CatalogueOption } from "./offer-service-form";
import { formLegend, formSection, SelectField } from "./text-field";

/**
 * Merging duplicates: the administration links the office's service to another catalogue entry (one the office
 * does not offer yet); the office's settings and bookings stay, the texts become the other entry's.
 */
export function RelinkServiceForm({
  action,
  serviceId,
  current,
  entries,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  serviceId: string;
  /** The entry the service belongs to now. */
  current: { name: string; slug: string; alone: boolean };
  entries: CatalogueOption[];
}) {
  const tc = useTranslations("admin.catalogue");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const { errorOf, items } = useFormProblems(state, ["catalogueServiceId"], "catalogueServiceId");
  const label = (e: CatalogueOption) =>
    e.offeredBy.length > 0 ? tc("optionOffered", { name: e.name, offices: e.offeredBy.join(", ") }) : e.name;

  return (
    <form action={formAction} noValidate className={`${formSection} space-y-3`} aria-labelledby="relink-title">
      <h2 id="relink-title" className={formLegend}>
        {tc("relink.title")}
      </h2>
      <ErrorSummary title={tc("relink.errorTitle")} items={items} attempt={state} />
      <p>{tc("relink.intro", { name: current.name, slug: current.slug })}</p>
      <p>{current.alone ? tc("relink.removesEntry") : tc("relink.keepsEntry")}</p>
      <input type="hidden" name="serviceId" value={serviceId} />
      {entries.length === 0 ? (
        <p>{tc("relink.none")}</p>
      ) : (
        <>
          <SelectField
            name="catalogueServiceId"
            label={tc("relink.target")}
            error={errorOf("catalogueServiceId")}
            value={v.catalogueServiceId ?? ""}
            options={[{ value: "", label: tc("offer.choose") }, ...entries.map((e) => ({ value: e.id, label: label(e) }))]}
          />
          <button type="submit" className={buttonSecondary} disabled={pending}>
            {tc("relink.submit")}
          </button>
        </>
      )}
    </form>
  );
}
