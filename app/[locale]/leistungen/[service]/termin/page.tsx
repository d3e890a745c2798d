import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AnyLocationPicker } from "@/components/booking/any-location-picker";
import { BackLink } from "@/components/booking/back-link";
import { errorKey } from "@/components/booking/error-key";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { localizeService } from "@/lib/domain/service-texts";
import { anyLocationFurtherSchema, anyLocationKindSchema, anyLocationPersonsSchema } from "@/lib/schemas/any-location";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { anyLocationWeek, type CatalogueOffers, combinationOffers, loadCatalogueOffers, offersFor } from "@/lib/server/services/any-location";
import { chooseAnyLocationSlot } from "./actions";

type Params = Promise<{ locale: string; service: string }>;
type Search = Promise<{ personen?: string; weitere?: string | string[]; art?: string; woche?: string; tag?: string; fehler?: string }>;

/** The catalogue entry and its offers, or null for an unknown slug or one no office offers; once per request. */
const findOffers = cache(async (slug: string) => {
  try {
    return await loadCatalogueOffers(getDb(), slug);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
});

/**
 * The combination asked for in the query: further entries no location offers are dropped (a stale or edited link),
 * so what remains is either offered somewhere or explained on the page.
 */
function combinationAsked(found: CatalogueOffers, q: Awaited<Search>) {
  const known = new Set(found.offers.flatMap((o) => o.officeServices.map((s) => s.catalogueSlug)));
  const further = anyLocationFurtherSchema.parse(q.weitere).filter((slug) => known.has(slug) && slug !== found.entry.slug);
  return combinationOffers(found, { further, kind: anyLocationKindSchema.parse(q.art) });
}

export async function generateMetadata({ params }: { params: Params }) {
  const p = await params;
  const t = await getTranslations("anyLocation");
  const found = await findOffers(p.service);
  return { title: [t("title"), found && localizeService(found.entry, p.locale).name].filter(Boolean).join(" – ") };
}

export default async function AnyLocationPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const found = await findOffers(p.service);
  if (!found) notFound();
  const t = await getTranslations("anyLocation");
  const te = await getTranslations("errors");
  const tb = await getTranslations("booking");
  const service = localizeService(found.entry, p.locale);
  const combination = combinationAsked(found, q);
  const combined = combination.further.length > 0 || combination.kind !== "IN_PERSON";
  const maxPersons = Math.max(1, ...combination.offers.map((o) => o.maxPersons));
  const persons = Math.min(anyLocationPersonsSchema.parse(q.personen), maxPersons);
  const offers = offersFor(combination.offers, persons);
  const kind = combination.kind;
  const calendar = kind && offers.length > 0 ? await anyLocationWeek(getDb(), offers, { persons, now: new Date(), week: q.woche, day: q.tag }) : null;
  const error = errorKey(q.fehler);
  const basePath = `/leistungen/${found.entry.slug}/termin`;
  const query = new URLSearchParams([
    ...(persons > 1 ? [["personen", String(persons)]] : []),
    ...combination.further.map((slug) => ["weitere", slug]),
    ...(kind && kind !== "IN_PERSON" ? [["art", kind]] : []),
  ]).toString();
  const choices = combination.choices.map((s) => localizeService(s, p.locale));
  const asksKind = combination.kinds.length > 1 || (combination.kinds.length === 1 && combination.kinds[0] !== "IN_PERSON");
  return (
    <div>
      <BackLink href={`/leistungen/${found.entry.slug}`} />
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-xl font-semibold">
        <TextInLanguage locale={service.textLocales.name} pageLocale={p.locale}>
          {service.name}
        </TextInLanguage>
      </p>
      <p className="mb-6">{combined ? t("combinationIntro", { count: offers.length }) : t("intro", { count: offers.length })}</p>
      {error && <Alert kind="error">{te(error)}</Alert>}
      {(maxPersons > 1 || choices.length > 0 || asksKind) && (
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
            <fieldset className="min-w-0" aria-describedby="weitere-hint">
              <legend className="font-semibold">{t("furtherQuestion")}</legend>
              <p id="weitere-hint" className="mb-2 text-muted">
                {t("furtherHint")}
              </p>
              <div className="space-y-2">
                {choices.map((s) => (
                  <div key={s.catalogueSlug} className="flex items-start gap-3 rounded border border-line bg-white p-3">
                    <input
                      type="checkbox"
                      id={`weitere-${s.catalogueSlug}`}
                      name="weitere"
                      value={s.catalogueSlug}
                      defaultChecked={combination.further.includes(s.catalogueSlug)}
                      className="mt-1 h-7 w-7 shrink-0 accent-brand"
                    />
                    <label htmlFor={`weitere-${s.catalogueSlug}`} className="text-lg">
                      <TextInLanguage locale={s.textLocales.name} pageLocale={p.locale}>
                        {s.name}
                      </TextInLanguage>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          {asksKind && (
            <fieldset className="min-w-0" aria-describedby="art-hint">
              <legend className="font-semibold">{t("kindQuestion")}</legend>
              <p id="art-hint" className="mb-2 text-muted">
                {t("kindHint")}
              </p>
              <div className="grid gap-2 sm:grid-cols-3">
                {combination.kinds.map((k) => (
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
            </fieldset>
          )}
          <button type="submit" className={buttonSecondary}>
            {t("showTimes")}
          </button>
        </form>
      )}
      {combination.problem && (
        <Alert kind="error">
          <span data-testid="combination-problem">{t(combination.problem)}</span>
        </Alert>
      )}
      {calendar && kind && (
        <AnyLocationPicker
          basePath={basePath}
          query={query}
          action={chooseAnyLocationSlot.bind(null, found.entry.slug)}
          persons={persons}
          further={combination.further}
          kind={kind}
          {...calendar}
        />
      )}
      <p className="mt-8 text-muted">{t("continueHint")}</p>
    </div>
  );
}
