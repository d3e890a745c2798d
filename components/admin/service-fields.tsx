import type { ReactNode } from "react";
import { APPOINTMENT_KINDS } from "@/lib/domain/demand";
import { DAY_PARTS } from "@/lib/domain/waitlist";
import { exampleSlug, fieldRenderer, formLegend, formSection, SelectField, TextField, type Translate, YesNoField } from "./text-field";

// The parts the service forms share (namespace "admin.service"): an office's offer of a service (its address,
// length, persons, rules, kinds of appointment and walk-ins), the texts of a catalogue entry, and their translations.

/** A language the service's texts can be given in, named in German by the page (Intl.DisplayNames). */
export interface TranslationLanguage {
  locale: string;
  name: string;
  /** Arabic and Persian are typed right to left. */
  dir: "ltr" | "rtl";
}

interface FieldProps {
  t: Translate;
  errorOf: (field: string) => string | undefined;
  values: Record<string, string>;
}

/** The offer's fields in form order, for the error summary. */
export const OFFER_FORM_FIELDS = [
  "slug",
  "durationMinutes",
  "maxPersons",
  "extraPersonMinutes",
  "releaseMode",
  "asksPermitExpiry",
  "appointmentKinds",
  "walkInDayParts",
] as const;
export const TEXT_FORM_FIELDS = ["name", "description", "documents"] as const;
const TRANSLATED = ["name", "description", "documents"] as const;

export function translationFormFields(languages: readonly TranslationLanguage[]): string[] {
  return languages.flatMap((l) => TRANSLATED.map((f) => `${l.locale}-${f}`));
}

/** A group of checkboxes posted as repeated fields; the first box carries the group's id for the error summary. */
function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  hint: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: ReadonlySet<string>;
  error?: string;
}) {
  return (
    <fieldset
      className={`${formSection} ${error ? "border-s-4 border-s-error" : ""}`}
      aria-describedby={`${name}-hint${error ? ` ${name}-error` : ""}`}
    >
      <legend className={formLegend}>{legend}</legend>
      <p id={`${name}-hint`} className="text-muted">
        {hint}
      </p>
      {error && (
        <p id={`${name}-error`} className="font-semibold text-error">
          {error}
        </p>
      )}
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <li key={o.value} className="flex min-h-11 items-center gap-3">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.has(o.value)}
                aria-invalid={error ? true : undefined}
                className="h-6 w-6 shrink-0 accent-brand"
              />
              <label htmlFor={id} className="text-lg">
                {o.label}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

const ticked = (value: string | undefined) => new Set((value ?? "").split(","));

/** What an office decides about a service it offers. */
export function OfferFields({
  t,
  errorOf,
  values,
  limits,
  officeUrl,
}: FieldProps & { limits: Record<string, readonly [number, number]>; officeUrl: string }) {
  const { field, number } = fieldRenderer({ t, errorOf, values, limits });
  return (
    <>
      <fieldset className={formSection}>
        <legend className={formLegend}>{t("booking")}</legend>
        {field("slug", {
          required: true,
          hint: t("fields.slugHint", { example: `${officeUrl}/${exampleSlug(values.slug, "personalausweis")}` }),
        })}
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
            value={values.releaseMode ?? "FIRST_COME"}
            options={(["FIRST_COME", "ROUNDS"] as const).map((m) => ({ value: m, label: t(`fields.release${m}`) }))}
          />
          <YesNoField name="asksPermitExpiry" t={t} errorOf={errorOf} value={values.asksPermitExpiry ?? "false"} />
        </div>
      </fieldset>
      <CheckboxGroup
        name="appointmentKinds"
        legend={t("kinds")}
        hint={t("fields.appointmentKindsHint")}
        options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: t(`fields.kind${k}`) }))}
        checked={ticked(values.appointmentKinds ?? "IN_PERSON")}
        error={errorOf("appointmentKinds")}
      />
      <CheckboxGroup
        name="walkInDayParts"
        legend={t("walkIns")}
        hint={t("fields.walkInDayPartsHint")}
        options={DAY_PARTS.map((part) => ({ value: part, label: t(`fields.walkIn${part}`) }))}
        checked={ticked(values.walkInDayParts)}
        error={errorOf("walkInDayParts")}
      />
    </>
  );
}

/** The German texts of a catalogue entry: name, description, documents (and what `children` adds between). */
export function EntryTextFields({ t, errorOf, values, children }: FieldProps & { children?: ReactNode }) {
  const { field } = fieldRenderer({ t, errorOf, values, limits: {} });
  return (
    <>
      {field("name", { required: true })}
      {children}
      {field("description", { multiline: true })}
      {field("documents", { multiline: true })}
    </>
  );
}

/** A translation of the texts for every further language; an empty one shows the German text. */
export function TranslationFields({ t, errorOf, values, languages }: FieldProps & { languages: TranslationLanguage[] }) {
  return (
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
            const filled = TRANSLATED.some((f) => (values[`${l.locale}-${f}`] ?? "").trim() !== "");
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
                      f === "name" ? "translationName" : f === "description" ? "translationDescription" : "translationDocuments";
                    return (
                      <TextField
                        key={name}
                        name={name}
                        label={t(key, { language: l.name })}
                        error={errorOf(name)}
                        value={values[name] ?? ""}
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
  );
}

/**
 * Texts the person may not change (a catalogue entry other offices share): shown, and posted unchanged so that the
 * form stays one form.
 */
export function LockedTexts({
  t,
  values,
  languages,
  note,
}: Omit<FieldProps, "errorOf"> & { languages: TranslationLanguage[]; note: string }) {
  const names = [...TEXT_FORM_FIELDS, ...translationFormFields(languages)];
  const documents = (values.documents ?? "").split("\n").filter(Boolean);
  return (
    <div className="space-y-2">
      <p className="rounded border-s-4 border-brand bg-[#e8f0f8] p-3">{note}</p>
      <dl className="space-y-2">
        <div>
          <dt className="font-semibold">{t("fields.name")}</dt>
          <dd>{values.name}</dd>
        </div>
        {values.description && (
          <div>
            <dt className="font-semibold">{t("fields.description")}</dt>
            <dd className="whitespace-pre-line">{values.description}</dd>
          </div>
        )}
        {documents.length > 0 && (
          <div>
            <dt className="font-semibold">{t("fields.documents")}</dt>
            <dd>
              <ul className="list-disc ps-6">
                {documents.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      {names.map((name) => (
        <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
      ))}
    </div>
  );
}
