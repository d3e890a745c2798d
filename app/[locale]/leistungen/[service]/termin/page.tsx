import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AnyLocationPicker } from "@/components/booking/any-location-picker";
import { AnyLocationRequestForm } from "@/components/booking/any-location-request-form";
import { BackLink } from "@/components/booking/back-link";
import { errorKey } from "@/components/booking/error-key";
import { Alert } from "@/components/ui/alert";
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
      <AnyLocationRequestForm
        maxPersons={maxPersons}
        persons={persons}
        choices={choices}
        further={combination.further}
        kinds={combination.kinds}
        kind={kind}
        locale={p.locale}
      />
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
