"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { ServiceCheck } from "./service-check";
import { buttonPrimary } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import type { ServiceTextLocales } from "@/lib/domain/service-texts";

export interface ServiceOption {
  slug: string;
  name: string;
  description: string | null;
  minutes: number;
  documents: string[];
  /** The language of each text: the page's, or German where the office has not translated it. */
  textLocales: ServiceTextLocales;
  /** Where other offices offer the service too: the link to its calendar across them, with its texts. */
  anyLocation?: { href: string; label: string; hint: string };
}

/**
 * Step 1: one service, and where the office combines services in one appointment (`maxFurther` > 0), further ones
 * as checkboxes after it (the first choice is not offered again there).
 */
export function ServiceChoiceForm({
  action,
  services,
  selected,
  maxFurther = 0,
  selectedFurther = [],
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  services: ServiceOption[];
  selected?: string;
  /** How many further services one appointment may take; 0: one service only. */
  maxFurther?: number;
  selectedFurther?: readonly string[];
}) {
  const t = useTranslations("booking");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, {});
  const [first, setFirst] = useState(selected);
  const error = state.fieldErrors?.service?.[0];
  const furtherError = state.fieldErrors?.furtherServices?.[0];
  const combines = maxFurther > 0 && services.length > 1;
  const further = services.filter((s) => s.slug !== first);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        attempt={state}
        title={t("errorSummaryTitle")}
        items={[
          ...(error ? [{ field: `service-${services[0]?.slug}`, message: tv(error) }] : []),
          ...(furtherError ? [{ field: "further-group", message: tv(furtherError) }] : []),
          ...(state.formError ? [{ field: "service-group", message: te(state.formError) }] : []),
        ]}
      />
      <fieldset id="service-group" className="min-w-0" aria-describedby={`service-hint${error ? " service-error" : ""}`}>
        <legend className="mb-2 text-2xl font-bold">{t("office.question")}</legend>
        <p id="service-hint" className="mb-4 text-muted">
          {combines ? t("office.hintCombined") : t("office.hint")}
        </p>
        {error && (
          <p id="service-error" className="mb-2 font-semibold text-error">
            {tv(error)}
          </p>
        )}
        <div className={`space-y-3 ${error ? "border-s-4 border-error ps-3" : ""}`}>
          {services.map((s) => (
            <div key={s.slug} className="rounded border border-line bg-white p-3">
              <div className="flex items-start gap-3">
                <input
                  type="radio"
                  id={`service-${s.slug}`}
                  name="service"
                  value={s.slug}
                  defaultChecked={selected === s.slug}
                  onChange={() => setFirst(s.slug)}
                  aria-describedby={`service-${s.slug}-details`}
                  className="mt-1 h-7 w-7 shrink-0 accent-brand"
                />
                <label htmlFor={`service-${s.slug}`} className="text-lg font-semibold">
                  <TextInLanguage locale={s.textLocales.name} pageLocale={locale}>
                    {s.name}
                  </TextInLanguage>
                </label>
              </div>
              <div id={`service-${s.slug}-details`} className="ms-10 mt-1 text-muted">
                {s.description && (
                  <p>
                    <TextInLanguage locale={s.textLocales.description} pageLocale={locale}>
                      {s.description}
                    </TextInLanguage>
                  </p>
                )}
                <p>{t("office.duration", { minutes: t("minutes", { count: s.minutes }) })}</p>
              </div>
              {s.documents.length > 0 && (
                <details className="ms-10 mt-2">
                  <summary className="cursor-pointer text-brand underline">{t("office.documents")}</summary>
                  <ul className="mt-1 list-disc break-words ps-6">
                    {s.documents.map((d) => (
                      <li key={d}>
                        <TextInLanguage locale={s.textLocales.documents} pageLocale={locale}>
                          {d}
                        </TextInLanguage>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {s.anyLocation && (
                <p className="ms-10 mt-2">
                  <Link href={s.anyLocation.href} className="inline-flex min-h-11 items-center font-semibold text-brand underline">
                    {s.anyLocation.label}
                  </Link>
                  <span className="block text-muted">{s.anyLocation.hint}</span>
                </p>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      {combines && (
        <fieldset
          id="further-group"
          tabIndex={-1}
          className={`mt-8 min-w-0 ${furtherError ? "border-s-4 border-error ps-3" : ""}`}
          aria-describedby={`further-hint${furtherError ? " further-error" : ""}`}
        >
          <legend className="mb-2 text-xl font-bold">{t("office.furtherQuestion")}</legend>
          <p id="further-hint" className="mb-4 text-muted">
            {t("office.furtherHint", { count: maxFurther })}
          </p>
          {furtherError && (
            <p id="further-error" className="mb-2 font-semibold text-error">
              {tv(furtherError)}
            </p>
          )}
          <div className="space-y-2">
            {further.map((s) => (
              <ServiceCheck
                key={s.slug}
                id={`further-${s.slug}`}
                name="furtherServices"
                value={s.slug}
                checked={selectedFurther.includes(s.slug)}
                label={s.name}
                labelLocale={s.textLocales.name}
                pageLocale={locale}
              >
                {" "}
                <span className="text-muted">({t("minutes", { count: s.minutes })})</span>
              </ServiceCheck>
            ))}
          </div>
        </fieldset>
      )}
      <button type="submit" className={`${buttonPrimary} mt-6`} disabled={pending}>
        {t("continue")}
      </button>
    </form>
  );
}
