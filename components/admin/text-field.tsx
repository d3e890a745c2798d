import { Field } from "@/components/ui/field";
import { input } from "@/components/ui/styles";

/** The typed slug for an example address under the field, or `fallback` while it is not a valid one. */
export function exampleSlug(value: string | undefined, fallback: string): string {
  return value && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? value : fallback;
}

/** A group of fields; min-w-0 because a fieldset is otherwise never narrower than its longest word (an example URL). */
export const formSection = "min-w-0 space-y-1 rounded border border-line bg-white p-4 [overflow-wrap:anywhere]";
export const formLegend = "text-xl font-bold";

/** One labelled input of an administration form, with its hint and error. */
export function TextField({
  name,
  label,
  hint,
  error,
  value,
  type = "text",
  min,
  max,
  step,
  autoComplete = "off",
  multiline,
  required,
  readOnly,
  list,
  lang,
  dir,
  className = "",
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  type?: "text" | "number" | "email" | "url" | "tel";
  min?: number;
  max?: number;
  step?: number;
  autoComplete?: string;
  multiline?: boolean;
  required?: boolean;
  readOnly?: boolean;
  list?: string;
  /** Language of the entered text, when it is not German (translations). */
  lang?: string;
  dir?: "ltr" | "rtl";
  className?: string;
}) {
  return (
    <div className={className}>
      <Field id={name} label={label} hint={hint} error={error}>
        {(aria) =>
          multiline ? (
            <textarea {...aria} name={name} rows={4} defaultValue={value} lang={lang} dir={dir} className={input} />
          ) : (
            <input
              {...aria}
              name={name}
              type={type}
              inputMode={type === "number" ? "numeric" : undefined}
              min={min}
              max={max}
              step={step}
              defaultValue={value}
              autoComplete={autoComplete}
              spellCheck={type === "text" ? undefined : false}
              required={required}
              readOnly={readOnly}
              list={list}
              lang={lang}
              dir={dir}
              className={readOnly ? `${input} bg-[#f3f2f1]` : input}
            />
          )
        }
      </Field>
    </div>
  );
}

/** A labelled select of an administration form. */
export function SelectField({
  name,
  label,
  hint,
  error,
  value,
  options,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      {(aria) => (
        <select {...aria} name={name} defaultValue={value} className={input}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A yes/no setting as a choice of two (posted "true" or "false"), labelled and hinted like `fieldRenderer`'s. */
export function YesNoField({
  name,
  t,
  errorOf,
  value,
}: {
  name: string;
  t: Translate;
  errorOf: (field: string) => string | undefined;
  value: string;
}) {
  return (
    <SelectField
      name={name}
      label={t(`fields.${name}`)}
      hint={t.has(`fields.${name}Hint`) ? t(`fields.${name}Hint`) : undefined}
      error={errorOf(name)}
      value={value}
      options={[
        { value: "true", label: t(`fields.${name}Yes`) },
        { value: "false", label: t(`fields.${name}No`) },
      ]}
    />
  );
}

/**
 * Renders a form's fields from their names: label `fields.<name>`, hint `fields.<name>Hint` when the namespace has
 * one, the field's error and its current value; numbers get the limits the schema checks.
 */
export function fieldRenderer(opts: {
  t: Translate;
  errorOf: (field: string) => string | undefined;
  values: Record<string, string>;
  limits: Record<string, readonly [number, number]>;
}) {
  const field = (name: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      name={name}
      label={opts.t(`fields.${name}`)}
      hint={"hint" in extra ? extra.hint : opts.t.has(`fields.${name}Hint`) ? opts.t(`fields.${name}Hint`) : undefined}
      error={opts.errorOf(name)}
      value={opts.values[name] ?? ""}
      {...extra}
    />
  );
  const number = (name: string, step = 1) => {
    const [min, max] = opts.limits[name] ?? [];
    return field(name, { type: "number", min, max, step });
  };
  return { field, number };
}
