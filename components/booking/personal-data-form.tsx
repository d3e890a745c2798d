"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useMemo, useRef } from "react";
import { type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { AppointmentKind } from "@/lib/domain/demand";
import { Link } from "@/lib/i18n/navigation";
import type { personalDataSchema } from "@/lib/schemas/booking";
import { dateFromParts } from "@/lib/schemas/date-parts";
import type { ActionState } from "@/lib/schemas/form-errors";

type Schema = ReturnType<typeof personalDataSchema>;
// The dates (birth, permit expiry) are typed as day, month and year; the schema sees the composed "YYYY-MM-DD".
type DateParts = { dobDay: string; dobMonth: string; dobYear: string; permitDay: string; permitMonth: string; permitYear: string };
type Values = Omit<z.input<Schema>, "dateOfBirth" | "permitExpiresOn"> & DateParts;

const FIELDS = [
  "kind",
  "givenName",
  "familyName",
  "email",
  "phone",
  "dateOfBirth",
  "permitExpiresOn",
  "persons",
  "remark",
  "privacyConsent",
] as const;

type DatePart = "day" | "month" | "year";
/** The input of each part of the date of birth; the day's carries the field's id, so "#dateOfBirth" focuses it. */
const DATE_PART_IDS: Record<DatePart, string> = { day: "dateOfBirth", month: "dobMonth", year: "dobYear" };
/** The same for the permit's expiry date. */
const PERMIT_PART_IDS: Record<DatePart, string> = { day: "permitExpiresOn", month: "permitMonth", year: "permitYear" };

/** The parts a date-of-birth message is about (GOV.UK marks only those); the summary links to the first. */
function datePartsOf(key: string): DatePart[] {
  if (/^dateOfBirth(Missing)?Day$/.test(key)) return ["day"];
  if (/^dateOfBirth(Missing)?Month$/.test(key)) return ["month"];
  if (/^dateOfBirth(MissingYear|Year|TooOld)$/.test(key)) return ["year"];
  return ["day", "month", "year"];
}

export function PersonalDataForm({
  action,
  maxPersons,
  today,
  defaults,
  asksPermitExpiry = false,
  submitLabel,
  kinds = [],
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  maxPersons: number;
  today: string;
  defaults?: Partial<z.output<Schema>>;
  /** The service asks (optionally) for the residence permit's expiry date. */
  asksPermitExpiry?: boolean;
  /** The submit button's text where the next step is not the calendar (a time is already chosen). */
  submitLabel?: string;
  /** How the appointment can take place; with several the citizen chooses here. */
  kinds?: readonly AppointmentKind[];
}) {
  const t = useTranslations("booking");
  const tu = useTranslations("urgent");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  // The form's schema (the one the server action uses) and zod load when the citizen first focuses a field, not
  // with the page: on a slow phone evaluating them delayed the page's first interaction noticeably.
  const validation = useMemo(() => {
    let loaded: Promise<Resolver<Omit<Values, keyof DateParts>, unknown, z.output<Schema>>> | undefined;
    return () =>
      (loaded ??= Promise.all([import("@hookform/resolvers/zod"), import("@/lib/schemas/booking")]).then(
        ([{ zodResolver }, schemas]) => zodResolver(schemas.personalDataSchema({ maxPersons, today, kinds })) as never,
      ));
  }, [maxPersons, today, kinds]);
  const resolver = useMemo<Resolver<Values, unknown, z.output<Schema>>>(
    () => async (values, context, options) => {
      const { dobDay, dobMonth, dobYear, permitDay, permitMonth, permitYear, ...rest } = values;
      const composed = {
        ...rest,
        dateOfBirth: dateFromParts(dobDay, dobMonth, dobYear) ?? "",
        permitExpiresOn: dateFromParts(permitDay, permitMonth, permitYear) ?? "",
      };
      // Field-level criteria do not depend on the renamed fields, so the options pass through unchanged.
      return (await validation())(composed as never, context, { ...options, names: undefined, fields: {} }) as never;
    },
    [validation],
  );
  const [state, formAction, pending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, submitCount },
  } = useForm<Values, unknown, z.output<Schema>>({
    resolver,
    shouldFocusError: false,
    // Errors change only when the form is sent, so nothing jumps while the citizen types or taps "Weiter".
    reValidateMode: "onSubmit",
    defaultValues: {
      givenName: defaults?.givenName ?? "",
      familyName: defaults?.familyName ?? "",
      email: defaults?.email ?? "",
      phone: defaults?.phone ?? "",
      dobDay: defaults?.dateOfBirth?.slice(8, 10) ?? "",
      dobMonth: defaults?.dateOfBirth?.slice(5, 7) ?? "",
      dobYear: defaults?.dateOfBirth?.slice(0, 4) ?? "",
      permitDay: defaults?.permitExpiresOn?.slice(8, 10) ?? "",
      permitMonth: defaults?.permitExpiresOn?.slice(5, 7) ?? "",
      permitYear: defaults?.permitExpiresOn?.slice(0, 4) ?? "",
      persons: Math.min(defaults?.persons ?? 1, maxPersons),
      remark: defaults?.remark ?? "",
      privacyConsent: (defaults?.privacyConsent ?? false) as true,
      kind: defaults?.kind && kinds.includes(defaults.kind) ? defaults.kind : undefined,
    },
  });
  // The office calls at a phone appointment: then the number is asked for, not optional.
  const chosenKind = kinds.length === 1 ? kinds[0] : watch("kind");
  const calls = chosenKind === "PHONE";

  const errorKeyOf = (field: (typeof FIELDS)[number]): string | undefined =>
    (errors as Record<string, { message?: string } | undefined>)[field]?.message ?? state.fieldErrors?.[field]?.[0];
  const errorOf = (field: (typeof FIELDS)[number]): string | undefined => {
    const key = errorKeyOf(field);
    return key ? tv(key) : undefined;
  };
  const dateKey = errorKeyOf("dateOfBirth");
  const wrongDateParts = dateKey ? datePartsOf(dateKey) : [];
  const summary = FIELDS.flatMap((field) => {
    const message = errorOf(field);
    const target = field === "dateOfBirth" ? DATE_PART_IDS[wrongDateParts[0]] : field === "kind" ? `kind-${kinds[0]}` : field;
    return message ? [{ field: target, message }] : [];
  });
  if (state.formError) summary.push({ field: "givenName", message: te(state.formError) });

  const onSubmit = handleSubmit(() => {
    const form = formRef.current;
    if (form) startTransition(() => formAction(new FormData(form)));
  });

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onFocus={() => void validation()} noValidate>
      <ErrorSummary title={t("errorSummaryTitle")} items={summary} attempt={`${submitCount}:${pending}`} />
      {kinds.length > 1 && (
        <fieldset
          className={`mb-6 min-w-0 ${errorOf("kind") ? "border-s-4 border-error ps-3" : ""}`}
          aria-describedby={errorOf("kind") ? "kind-error" : undefined}
        >
          <legend className="mb-2 text-lg font-semibold">{t("personal.kind")}</legend>
          {errorOf("kind") && (
            <p id="kind-error" className="font-semibold text-error">
              {errorOf("kind")}
            </p>
          )}
          <div className="space-y-2">
            {kinds.map((kind) => (
              <div key={kind} className="flex items-start gap-3 rounded border border-line bg-white p-3">
                <input
                  type="radio"
                  id={`kind-${kind}`}
                  value={kind}
                  {...register("kind")}
                  // Checked in the server's HTML too, so a slow phone shows the kind chosen before the script runs.
                  defaultChecked={defaults?.kind === kind}
                  aria-describedby={`kind-${kind}-hint`}
                  className="mt-1 h-7 w-7 shrink-0 accent-brand"
                />
                <div>
                  <label htmlFor={`kind-${kind}`} className="text-lg font-semibold">
                    {t(`kind.${kind}`)}
                  </label>
                  <p id={`kind-${kind}-hint`} className="text-muted">
                    {t(`kind.hint.${kind}`)}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {kinds.length === 1 && kinds[0] !== "IN_PERSON" && (
        <p className="mb-6 rounded border-s-8 border-brand bg-white p-4">
          <strong>{t(`kind.${kinds[0]}`)}:</strong> {t(`kind.hint.${kinds[0]}`)}
        </p>
      )}
      <Field id="givenName" label={t("personal.givenName")} hint={t("personal.givenNameHint")} error={errorOf("givenName")}>
        {(aria) => <input {...aria} {...register("givenName")} autoComplete="given-name" className={input} />}
      </Field>
      <Field id="familyName" label={t("personal.familyName")} error={errorOf("familyName")}>
        {(aria) => <input {...aria} {...register("familyName")} autoComplete="family-name" className={input} />}
      </Field>
      <Field id="email" label={t("personal.email")} hint={t("personal.emailHint")} error={errorOf("email")}>
        {(aria) => (
          <input
            {...aria}
            {...register("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            className={input}
          />
        )}
      </Field>
      <Field
        id="phone"
        label={calls ? t("personal.phoneForCall") : t("personal.phone")}
        hint={calls ? t("personal.phoneHintCall") : t("personal.phoneHint")}
        error={errorOf("phone")}
      >
        {(aria) => <input {...aria} {...register("phone")} type="tel" autoComplete="tel" className={input} />}
      </Field>
      <DateOfBirthFields
        legend={t("personal.dateOfBirth")}
        hint={t("personal.dateOfBirthHint")}
        labels={{ day: t("personal.day"), month: t("personal.month"), year: t("personal.year") }}
        error={errorOf("dateOfBirth")}
        wrongParts={wrongDateParts}
        register={register}
      />
      {asksPermitExpiry && (
        <DateOfBirthFields
          legend={tu("permit.label")}
          hint={tu("permit.hint")}
          labels={{ day: t("personal.day"), month: t("personal.month"), year: t("personal.year") }}
          error={errorOf("permitExpiresOn")}
          wrongParts={["day", "month", "year"]}
          register={register}
          field="permitExpiresOn"
        />
      )}
      {maxPersons > 1 ? (
        <Field
          id="persons"
          label={t("personal.persons")}
          hint={t("personal.personsHint", { max: maxPersons })}
          error={errorOf("persons")}
        >
          {(aria) => (
            <input
              {...aria}
              {...register("persons")}
              type="number"
              min={1}
              max={maxPersons}
              inputMode="numeric"
              className={`${input} max-w-24`}
            />
          )}
        </Field>
      ) : (
        <input type="hidden" {...register("persons")} />
      )}
      <Field id="remark" label={t("personal.remark")} hint={t("personal.remarkHint")} error={errorOf("remark")}>
        {(aria) => <textarea {...aria} {...register("remark")} rows={3} className={input} />}
      </Field>
      <div className={`mb-6 ${errorOf("privacyConsent") ? "border-s-4 border-error ps-3" : ""}`}>
        {errorOf("privacyConsent") && (
          <p id="privacyConsent-error" className="font-semibold text-error">
            {errorOf("privacyConsent")}
          </p>
        )}
        <div className="flex items-start gap-3">
          <input
            id="privacyConsent"
            type="checkbox"
            {...register("privacyConsent")}
            aria-invalid={errorOf("privacyConsent") ? true : undefined}
            aria-describedby={errorOf("privacyConsent") ? "privacyConsent-error" : undefined}
            className="mt-1 h-7 w-7 shrink-0 accent-brand"
          />
          <label htmlFor="privacyConsent" className="text-lg">
            {t.rich("personal.consent", {
              link: (chunks) => (
                <Link href="/datenschutz" target="_blank" className="text-brand underline">
                  {chunks}
                </Link>
              ),
            })}
          </label>
        </div>
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {submitLabel ?? t("personal.submit")}
      </button>
    </form>
  );
}

function DateOfBirthFields({
  legend,
  hint,
  labels,
  error,
  wrongParts,
  register,
  field = "dateOfBirth",
}: {
  legend: string;
  hint: string;
  labels: Record<DatePart, string>;
  error?: string;
  wrongParts: DatePart[];
  register: ReturnType<typeof useForm<Values, unknown, z.output<Schema>>>["register"];
  /** Which date: the date of birth (with its autocomplete hints) or the permit's expiry. */
  field?: "dateOfBirth" | "permitExpiresOn";
}) {
  const dob = field === "dateOfBirth";
  const ids = dob ? DATE_PART_IDS : PERMIT_PART_IDS;
  const parts = [
    { part: "day" as const, name: dob ? ("dobDay" as const) : ("permitDay" as const), width: "w-16", autoComplete: "bday-day", max: 2 },
    { part: "month" as const, name: dob ? ("dobMonth" as const) : ("permitMonth" as const), width: "w-16", autoComplete: "bday-month", max: 2 },
    { part: "year" as const, name: dob ? ("dobYear" as const) : ("permitYear" as const), width: "w-24", autoComplete: "bday-year", max: 4 },
  ];
  return (
    <fieldset
      className={`mb-6 ${error ? "border-s-4 border-error ps-3" : ""}`}
      aria-describedby={`${field}-hint${error ? ` ${field}-error` : ""}`}
    >
      <legend className="text-lg font-semibold">{legend}</legend>
      <p id={`${field}-hint`} className="text-muted">
        {hint}
      </p>
      {error && (
        <p id={`${field}-error`} className="font-semibold text-error">
          {error}
        </p>
      )}
      <div className="mt-1 flex gap-4">
        {parts.map((p) => (
          <div key={p.name}>
            <label htmlFor={ids[p.part]} className="block">
              {labels[p.part]}
            </label>
            <input
              id={ids[p.part]}
              {...register(p.name)}
              inputMode="numeric"
              autoComplete={dob ? p.autoComplete : "off"}
              maxLength={p.max}
              aria-invalid={error && wrongParts.includes(p.part) ? true : undefined}
              className={`${input} ${p.width}`}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
