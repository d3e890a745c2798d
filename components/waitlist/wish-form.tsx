"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useMemo, useRef, useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { type AntibotHandle, type AntibotState, AntibotField } from "@/components/booking/antibot-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import { DAY_PARTS, type DayPart, WEEKDAYS } from "@/lib/domain/waitlist";
import type { Weekday } from "@/lib/domain/types";
import type { ActionState } from "@/lib/schemas/form-errors";
import type { WishPreferences, wishPreferencesSchema } from "@/lib/schemas/wish";

// The wish's preferences, for the wizard's waiting-list step and for changing a wish on its manage page: checked in
// the browser with the schema the server action uses (loaded when the citizen first touches the form), answered
// with the same error summary and field messages as the wizard's other forms. Works without JavaScript too.

type Schema = ReturnType<typeof wishPreferencesSchema>;
interface Values {
  earliestDate: string;
  latestDate: string;
  weekdays: string[];
  dayParts: string[];
}

const FIELDS = ["earliestDate", "latestDate", "weekdays", "dayParts"] as const;
/** The control each field's summary link focuses: a fieldset's first checkbox. */
const TARGET: Record<(typeof FIELDS)[number], string> = {
  earliestDate: "earliestDate",
  latestDate: "latestDate",
  weekdays: "weekday-1",
  dayParts: "dayPart-MORNING",
};

export function WishForm({
  action,
  today,
  bookingHorizonDays,
  lastDate,
  defaults,
  weekdayNames,
  submitLabel,
  antibot = false,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The office's local date and horizon: the schema's bounds. */
  today: string;
  bookingHorizonDays: number;
  /** The last date a wish may name (for the date fields' max). */
  lastDate: string;
  defaults: WishPreferences;
  /** Weekday names in the page's language, Monday first. */
  weekdayNames: Record<Weekday, string>;
  submitLabel: string;
  /** Whether sending needs the proof of work (the wizard; not the manage page, whose link is the credential). */
  antibot?: boolean;
}) {
  const t = useTranslations("waitlist");
  const tb = useTranslations("booking");
  const te = useTranslations("errors");
  const validation = useMemo(() => {
    let loaded: Promise<Resolver<Values, unknown, WishPreferences>> | undefined;
    return () =>
      (loaded ??= Promise.all([import("@hookform/resolvers/zod"), import("@/lib/schemas/wish")]).then(
        ([{ zodResolver }, schemas]) => zodResolver(schemas.wishPreferencesSchema({ today, bookingHorizonDays }) as Schema) as never,
      ));
  }, [today, bookingHorizonDays]);
  const resolver = useMemo<Resolver<Values, unknown, WishPreferences>>(
    () => async (values, context, options) => (await validation())(values, context, options),
    [validation],
  );
  const [state, formAction, pending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const antibotCheck = useRef<AntibotHandle>(null);
  const checkState = useRef<AntibotState>("unverified");
  const waiting = useRef(false);
  const [checking, setChecking] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<Values, unknown, WishPreferences>({
    resolver,
    shouldFocusError: false,
    reValidateMode: "onSubmit",
    defaultValues: {
      earliestDate: defaults.earliestDate,
      latestDate: defaults.latestDate,
      weekdays: defaults.weekdays.map(String),
      dayParts: [...defaults.dayParts],
    },
  });

  const errorOf = (field: (typeof FIELDS)[number]): string | undefined => {
    const key = (errors as Record<string, { message?: string } | undefined>)[field]?.message ?? state.fieldErrors?.[field]?.[0];
    return key ? t(`validation.${key}` as never) : undefined;
  };
  const summary = FIELDS.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field: TARGET[field], message }] : [];
  });
  if (state.formError) summary.push({ field: "earliestDate", message: te(state.formError) });

  const send = () => {
    const form = formRef.current;
    if (form) startTransition(() => formAction(new FormData(form)));
  };
  // The proof of work runs in the background; a wish sent before it is done waits for it and then goes out.
  const onCheckChange = (next: AntibotState) => {
    checkState.current = next;
    if (!waiting.current) return;
    if (next === "verified") {
      waiting.current = false;
      setChecking(false);
      setTimeout(send, 0);
    } else if (next === "error" || next === "expired") {
      waiting.current = false;
      setChecking(false);
    }
  };
  const onValid = () => {
    if (antibot && checkState.current !== "verified") {
      waiting.current = true;
      setChecking(true);
      antibotCheck.current?.start();
      return;
    }
    send();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => void handleSubmit(onValid)(event);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onFocus={() => void validation()} noValidate>
      <ErrorSummary title={tb("errorSummaryTitle")} items={summary} attempt={`${submitCount}:${pending}`} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <Field id="earliestDate" label={t("form.earliestDate")} hint={t("form.earliestDateHint")} error={errorOf("earliestDate")}>
          {(aria) => <input {...aria} {...register("earliestDate")} type="date" min={today} max={lastDate} className={input} />}
        </Field>
        <Field id="latestDate" label={t("form.latestDate")} hint={t("form.latestDateHint")} error={errorOf("latestDate")}>
          {(aria) => <input {...aria} {...register("latestDate")} type="date" min={today} max={lastDate} className={input} />}
        </Field>
      </div>
      <Choices
        name="weekdays"
        legend={t("form.weekdays")}
        hint={t("form.weekdaysHint")}
        error={errorOf("weekdays")}
        options={WEEKDAYS.map((d) => ({ id: `weekday-${d}`, value: String(d), label: weekdayNames[d] }))}
        register={register}
      />
      <Choices
        name="dayParts"
        legend={t("form.dayParts")}
        hint={t("form.dayPartsHint")}
        error={errorOf("dayParts")}
        options={DAY_PARTS.map((p: DayPart) => ({ id: `dayPart-${p}`, value: p, label: t(`dayPart.${p}`) }))}
        register={register}
      />
      {antibot && <AntibotField ref={antibotCheck} onStateChange={onCheckChange} />}
      <button type="submit" className={buttonPrimary} disabled={pending || checking}>
        {submitLabel}
      </button>
      <p role="status" className="mt-2 min-h-6 text-muted">
        {checking ? t("form.checking") : pending ? t("form.sending") : ""}
      </p>
    </form>
  );
}

/** Checkboxes of one question in a fieldset, with its hint and error (GOV.UK's checkboxes). */
function Choices({
  name,
  legend,
  hint,
  error,
  options,
  register,
}: {
  name: "weekdays" | "dayParts";
  legend: string;
  hint: string;
  error?: string;
  options: { id: string; value: string; label: string }[];
  register: ReturnType<typeof useForm<Values, unknown, WishPreferences>>["register"];
}) {
  return (
    <fieldset
      className={`mb-6 ${error ? "border-s-4 border-error ps-3" : ""}`}
      aria-describedby={`${name}-hint${error ? ` ${name}-error` : ""}`}
    >
      <legend className="text-lg font-semibold">{legend}</legend>
      <p id={`${name}-hint`} className="text-muted">
        {hint}
      </p>
      {error && (
        <p id={`${name}-error`} className="font-semibold text-error">
          {error}
        </p>
      )}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <div key={o.id} className="flex min-h-11 items-center gap-3">
            <input
              id={o.id}
              type="checkbox"
              value={o.value}
              {...register(name)}
              aria-invalid={error ? true : undefined}
              className="h-7 w-7 shrink-0 accent-brand"
            />
            <label htmlFor={o.id} className="text-lg">
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
