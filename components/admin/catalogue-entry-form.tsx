"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonPrimary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { useFormProblems } from "./form-state";
import { EntryTextFields, TranslationFields, type TranslationLanguage, translationFormFields } from "./service-fields";
import { exampleSlug, fieldRenderer, formLegend, formSection } from "./text-field";

/**
 * Creating or editing an entry of the city's catalogue: its city-wide address, LeiKa key, German texts and their
 * translations, shared by every office offering it.
 */
export function CatalogueEntryForm({
  action,
  initial,
  hidden,
  languages,
  directoryUrl,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  /** catalogueServiceId when editing. */
  hidden: Record<string, string>;
  languages: TranslationLanguage[];
  /** The public directory's address; an entry's page continues it. */
  directoryUrl: string;
}) {
  const t = useTranslations("admin.service");
  const tc = useTranslations("admin.catalogue");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const fields = ["name", "slug", "leikaKey", "description", "documents", ...translationFormFields(languages)];
  const { errorOf, items } = useFormProblems(state, fields, "name");
  const { field } = fieldRenderer({ t: tc, errorOf, values: v, limits: {} });

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={items} attempt={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className={formSection}>
        <legend className={formLegend}>{t("german")}</legend>
        <EntryTextFields t={t} errorOf={errorOf} values={v}>
          {field("slug", {
            required: true,
            hint: tc("fields.slugHint", { example: `${directoryUrl}/${exampleSlug(v.slug, "personalausweis-beantragen")}` }),
          })}
          {field("leikaKey", { autoComplete: "off" })}
        </EntryTextFields>
      </fieldset>
      <TranslationFields t={t} errorOf={errorOf} values={v} languages={languages} />
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {hidden.catalogueServiceId ? tc("submitSave") : tc("submitCreate")}
      </button>
    </form>
  );
}
