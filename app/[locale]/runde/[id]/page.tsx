import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { dateAndTime, longDate } from "@/components/booking/format";
import { RoundExplanation } from "@/components/booking/round-explanation";
import { SummaryList } from "@/components/booking/summary-list";
import { buttonSecondary } from "@/components/ui/styles";
import { OfficeText } from "@/components/booking/office-address";
import { getDb } from "@/lib/server/db";
import { getPublicRound } from "@/lib/server/services/rounds/round-info";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("rounds.round");
  return { title: t("title") };
}

/** The public page of a release round: the seed hash from the announcement on; the seed and the record after the draw. */
export default async function RoundPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const round = await getPublicRound(getDb(), p.id, new Date());
  if (!round) notFound();
  const t = await getTranslations("rounds");
  const format = await getFormatter();
  const tz = round.office.timeZone;
  const day = (date: string) => longDate(format, new Date(`${date}T12:00:00Z`), "UTC");
  const drawn = round.phase === "drawn";
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">{t("round.title")}</h1>
      <p className="mb-6 text-lg">
        <OfficeText pageLocale={p.locale}>
          {round.serviceName ?? t("round.allServices")} · {round.office.name}
        </OfficeText>
      </p>
      <p className="mb-4 rounded border-s-8 border-brand bg-white p-4 text-lg font-semibold" data-testid="round-phase">
        {t(`round.phase.${round.phase}`)}
      </p>
      <SummaryList
        rows={[
          { label: t("round.window"), value: t("round.range", { from: dateAndTime(format, round.opensAt, tz), to: dateAndTime(format, round.closesAt, tz) }) },
          { label: t("round.period"), value: t("round.range", { from: day(round.periodFrom), to: day(round.periodTo) }) },
          { label: t("round.requests"), value: String(round.requestCount) },
          ...(drawn ? [{ label: t("round.assigned"), value: t("round.assignedOf", { assigned: round.assignedCount, places: round.placeCount }) }] : []),
        ]}
      />
      <h2 className="mt-8 mb-2 text-xl font-bold">{t("round.seedHashTitle")}</h2>
      <p className="break-all rounded border border-line bg-white p-3 font-mono" data-testid="seed-hash" translate="no">
        {round.seedHash}
      </p>
      <h2 className="mt-6 mb-2 text-xl font-bold">{t("round.seedTitle")}</h2>
      {round.seed ? (
        <p className="break-all rounded border border-line bg-white p-3 font-mono" data-testid="seed" translate="no">
          {round.seed}
        </p>
      ) : (
        <p data-testid="seed-secret">{t("round.seedSecret")}</p>
      )}
      {drawn && round.drawRecord && (
        <p className="mt-6">
          <a href={`/api/v1/rounds/${round.id}`} download={`ziehung-${round.id}.json`} className={buttonSecondary} data-testid="record-download">
            {t("round.download")}
          </a>
        </p>
      )}
      <RoundExplanation />
    </div>
  );
}
