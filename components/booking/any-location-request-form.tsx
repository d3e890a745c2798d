import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { AppointmentKind } from "@/lib/domain";
import type { ServiceTextLocales } from "@/lib/domain/service-texts";
import { buttonSecondary } from "@/components/ui/styles";
import { ServiceCheck } from "./service-check";

// The question above the calendar across locations: how many persons, which further services, which kind of
// appointment. A plain GET form, so that each answer is a link of its own and the page works without JavaScript.

export async function AnyLocationRequestForm({
  maxPersons,
  persons,
  choices,
  further,
  kinds,
  kind,
  locale,
}: {
  maxPersons: number;
  persons: number;
  /** Further catalogue entries some location combines with this one, in the page's language. */
  choices: ReadonlyArray<{ catalogueSlug: string; name: string; textLocales: Pick<ServiceTextLocales, "name"> }>;
  /** The further entries asked for. */
  further: readonly string[];
  kinds: readonly AppointmentKind[];
  kind: AppointmentKind | null;
  locale: string;
}) {
  const t = await getTranslations("anyLocation");
  const tb = await getTranslations("booking");
  const asksKind = kinds.length > 1 || (kinds.length === 1 && kinds[0] !== "IN_PERSON");
  if (maxPersons <= 1 && choices.length === 0 && !asksKind) return null;
  return (
    <form method="get" className="mb-6 space-y-6">
      {maxPersons > 1 && (
        <div>
          <label htmlFor="personen" className="block font-semibold">
            {t("persons")}
          </label>
          <p id="personen-hint" className="text-muted">
            {t("personsHint", { max: maxPersons })}
          </p>
          <select
            id="personen"
            name="personen"
            defaultValue={persons}
            aria-describedby="personen-hint"
            className="mt-1 min-h-11 rounded border-2 border-ink bg-white px-3"
          >
            {Array.from({ length: maxPersons }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      {choices.length > 0 && (
        <Question id="weitere" legend={t("furtherQuestion")} hint={t("furtherHint")}>
          <div className="space-y-2">
            {choices.map((s) => (
              <ServiceCheck
                key={s.catalogueSlug}
                id={`weitere-${s.catalogueSlug}`}
                name="weitere"
                value={s.catalogueSlug}
                checked={further.includes(s.catalogueSlug)}
                label={s.name}
                labelLocale={s.textLocales.name}
                pageLocale={locale}
              />
            ))}
          </div>
        </Question>
      )}
      {asksKind && (
        <Question id="art" legend={t("kindQuestion")} hint={t("kindHint")}>
          <div className="grid gap-2 sm:grid-cols-3">
            {kinds.map((k) => (
              <div key={k} className="flex items-center gap-3 rounded border border-line bg-white p-3">
                <input
                  type="radio"
                  id={`art-${k}`}
                  name="art"
                  value={k}
                  defaultChecked={k === kind}
                  className="h-7 w-7 shrink-0 accent-brand"
                />
                <label htmlFor={`art-${k}`} className="text-lg">
                  {tb(`kind.${k}`)}
                </label>
              </div>
            ))}
          </div>
        </Question>
      )}
      <button type="submit" className={buttonSecondary}>
        {t("showTimes")}
      </button>
    </form>
  );
}

/** One question of the form: a group of choices under its legend, described by its hint. */
function Question({ id, legend, hint, children }: { id: string; legend: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0" aria-describedby={`${id}-hint`}>
      <legend className="font-semibold">{legend}</legend>
      <p id={`${id}-hint`} className="mb-2 text-muted">
        {hint}
      </p>
      {children}
    </fieldset>
  );
}
