"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonPrimary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { useFormProblems } from "./form-state";
import {
  EntryTextFields,
  LockedTexts,
  OFFER_FORM_FIELDS,
  OfferFields,
  TEXT_FORM_FIELDS,
  TranslationFields,
  type TranslationLanguage,
  translationFormFields,
} from "./service-fields";
import { formLegend, formSection } from "./text-field";

export type { TranslationLanguage } from "./service-fields";

/**
 * Creating or editing a service of an office: the texts of its catalogue entry (German and a translation for every
 * further language; an empty one shows the German text) and the office's own settings. Posted as a plain form to a
 * server action. `sharedNote` says which offices share the texts; `textsLocked` shows them without fields where
 * only the administration may change them.
 */
export function ServiceForm({
  action,
  initial,
  hidden,
  languages,
  officeUrl,
  limits,
  sharedNote,
  textsLocked = false,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  /** officeId (new service) or serviceId (edit). */
  hidden: Record<string, string>;
  languages: TranslationLanguage[];
  officeUrl: string;
  limits: Record<string, readonly [number, number]>;
  sharedNote?: string;
  textsLocked?: boolean;
}) {
  const t = useTranslations("admin.service");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const fields = [...TEXT_FORM_FIELDS, ...OFFER_FORM_FIELDS, ...translationFormFields(languages)];
  const { errorOf, items } = useFormProblems(state, fields, textsLocked ? "slug" : "name");

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={items} attempt={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("german")}</legend>
        {textsLocked ? (
          <LockedTexts t={t} values={v} languages={languages} note={sharedNote ?? ""} />
        ) : (
          <>
            {sharedNote && <p className="mb-4 rounded border-s-4 border-brand bg-[#e8f0f8] p-3">{sharedNote}</p>}
            <EntryTextFields t={t} errorOf={errorOf} values={v} />
          </>
        )}
      </fieldset>

      <OfferFields t={t} errorOf={errorOf} values={v} limits={limits} officeUrl={officeUrl} />

      {!textsLocked && <TranslationFields t={t} errorOf={errorOf} values={v} languages={languages} />}

      <button type="submit" className={buttonPrimary} disabled={pending}>
        {hidden.serviceId ? t("submitSave") : t("submitCreate")}
      </button>
    </form>
  );
}
