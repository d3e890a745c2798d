"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonPrimary } from "@/components/ui/styles";
import { DAY_PARTS } from "@/lib/domain/waitlist";
import type { ActionState } from "@/lib/schemas/form-errors";
import { useFormProblems } from "./form-state";
import { exampleSlug, fieldRenderer, formLegend, formSection, SelectField, TextField, YesNoField } from "./text-field";

const GERMAN_FIELDS = [
  "name",
  "slug",
  "description",
  "documents",
  "durationMinutes",
  "extraPersonMinutes",
  "maxPersons",
  "releaseMode",
  "asksPermitExpiry",
  "walkInDayParts",
] as const;
const TRANSLATED = ["name", "description", "documents"] as const;

/** A language the service's texts can be given in, named in German by the page (Intl.DisplayNames). */
export interface TranslationLanguage {
  locale: string;
  name: string;
  /** Arabic and Persian are typed right to left. */
  dir: "ltr" | "rtl";
}

/**
 * Creating or editing a service: German texts, duration and persons, and a translation for every further language
 * the site offers (an empty one shows the German text). Posted as a plain form to a server action.
 */
export function ServiceForm({
  action,
  initial,
  hidden,
  languages,
  officeUrl,
  limits,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  /** officeId (new service) or serviceId (edit). */
  hidden: Record<string, string>;
  languages: TranslationLanguage[];
  officeUrl: string;
  limits: Record<string, readonly [number, number]>;
}) {
  const t = useTranslations("admin.service");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const translatedFields = languages.flatMap((l) => TRANSLATED.map((f) => `${l.locale}-${f}`));
  const { errorOf, items } = useFormProblems(state, [...GERMAN_FIELDS, ...translatedFields], "name");
  const { field, number } = fieldRenderer({ t, errorOf, values: v, limits });
  const walkInParts = new Set((v.walkInDayParts ?? "").split(","));
  const walkInError = errorOf("walkInDayParts");

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={items} attempt={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("german")}</legend>
        {field("name", { required: true })}
        {field("slug", {
          required: true,
          hint: t("fields.slugHint", { example: `${officeUrl}/${exampleSlug(v.slug, "personalausweis")}` }),
        })}
        {field("description", { multiline: true })}
        {field("documents", { multiline: true })}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("booking")}</legend>
        <div className="grid items-end gap-x-4 sm:grid-cols-3">
          {number("durationMinutes", 5)}
          {number("maxPersons")}
          {number("extraPersonMinutes")}
        </div>
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          <SelectField
            name="releaseMode"
            label={t("fields.releaseMode")}
            hint={t("fields.releaseModeHint")}
            error={errorOf("releaseMode")}
            value={v.releaseMode ?? "FIRST_COME"}
            options={(["FIRST_COME", "ROUNDS"] as const).map((m) => ({ value: m, label: t(`fields.release${m}`) }))}
          />
          <YesNoField name="asksPermitExpiry" t={t} errorOf={errorOf} value={v.asksPermitExpiry ?? "false"} />
        </div>
      </fieldset>

      <fieldset
        className={`${formSection} ${walkInError ? "border-s-4 border-s-error" : ""}`}
        aria-describedby={`walkInDayParts-hint${walkInError ? " walkInDayParts-error" : ""}`}
      >
        <legend className={formLegend}>{t("walkIns")}</legend>
        <p id="walkInDayParts-hint" className="text-muted">
          {t("fields.walkInDayPartsHint")}
        </p>
        {walkInError && (
          <p id="walkInDayParts-error" className="font-semibold text-error">
            {walkInError}
          </p>
        )}
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {DAY_PARTS.map((part, i) => (
            <li key={part} className="flex min-h-11 items-center gap-3">
              <input
                // The first box carries the group's id, so the error summary's link lands on the group.
                id={i === 0 ? "walkInDayParts" : `walkInDayParts-${part}`}
                type="checkbox"
                name="walkInDayParts"
                value={part}
                defaultChecked={walkInParts.has(part)}
                aria-invalid={walkInError ? true : undefined}
                className="h-6 w-6 shrink-0 accent-brand"
              />
              <label htmlFor={i === 0 ? "walkInDayParts" : `walkInDayParts-${part}`} className="text-lg">
                {t(`fields.walkIn${part}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <section aria-labelledby="translations-title" className={formSection}>
        <h2 id="translations-title" className={formLegend}>
          {t("translations")}
        </h2>
        {languages.length === 0 ? (
          <p>{t("translationsNone")}</p>
        ) : (
          <>
            <p className="mb-4">{t("translationsIntro")}</p>
            {languages.map((l) => {
              const filled = TRANSLATED.some((f) => (v[`${l.locale}-${f}`] ?? "").trim() !== "");
              const failed = TRANSLATED.some((f) => errorOf(`${l.locale}-${f}`));
              return (
                <details key={l.locale} open={filled || failed} className="group mb-3 rounded border border-line">
                  <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-3 font-semibold">
                    <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
                      ▶
                    </span>
                    {t("translationOf", { language: l.name, locale: l.locale })}
                    <span className="font-normal text-muted">
                      – {filled ? t("translationFilled") : t("translationEmpty")}
                    </span>
                  </summary>
                  <div className="px-3 pt-2">
                    {TRANSLATED.map((f) => {
                      const name = `${l.locale}-${f}`;
                      const key =
                        f === "name"
                          ? "translationName"
                          : f === "description"
                            ? "translationDescription"
                            : "translationDocuments";
                      return (
                        <TextField
                          key={name}
                          name={name}
                          label={t(key, { language: l.name })}
                          error={errorOf(name)}
                          value={v[name] ?? ""}
                          multiline={f !== "name"}
                          lang={l.locale}
                          dir={l.dir}
                        />
                      );
                    })}
                  </div>
                </details>
              );
            })}
          </>
        )}
      </section>

      <button type="submit" className={buttonPrimary} disabled={pending}>
        {hidden.serviceId ? t("submitSave") : t("submitCreate")}
      </button>
    </form>
  );
}
