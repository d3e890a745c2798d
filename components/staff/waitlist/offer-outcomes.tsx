import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, plainDate } from "@/components/booking/format";
import { buttonSecondary, input } from "@/components/ui/styles";
import { localDateOf } from "@/lib/domain";
import { OFFER_OUTCOMES, type OfferListEntry, type OfferOutcome, type OfferOutcomeCounts } from "@/lib/domain/waitlist-overview";

// The offers made from the waiting list in a chosen period: how they ended, and the list of them. Times only, no
// person: the list shows when an offer was made, for which appointment and what came of it.

export async function OfferOutcomes({
  action,
  period,
  invalidPeriod,
  counts,
  offers,
  serviceNames,
  timeZone,
}: {
  /** The page itself: the period form is a GET form. */
  action: string;
  period: { from: string; to: string };
  invalidPeriod: boolean;
  counts: OfferOutcomeCounts;
  offers: OfferListEntry[];
  serviceNames: Record<string, string>;
  timeZone: string;
}) {
  const t = await getTranslations("staffWaitlist");
  const format = await getFormatter();
  const when = (d: Date) => t("offers.dateTime", { date: plainDate(format, localDateOf(d, timeZone)), time: clockTime(format, d, timeZone) });
  const rate = counts.acceptanceRate === null ? "–" : format.number(counts.acceptanceRate, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="offers-title" className="space-y-4">
      <h2 id="offers-title" className="text-xl font-bold">
        {t("offers.title")}
      </h2>
      <p>{t("offers.intro")}</p>
      {invalidPeriod && <p className="font-semibold text-error">{t("offers.invalidPeriod")}</p>}
      <form method="get" action={`${action}#offers-title`} className="flex flex-wrap items-end gap-3 rounded border border-line bg-white p-3">
        <div>
          <label htmlFor="von" className="block font-semibold">
            {t("offers.from")}
          </label>
          <input id="von" name="von" type="date" defaultValue={period.from} required className={input} />
        </div>
        <div>
          <label htmlFor="bis" className="block font-semibold">
            {t("offers.to")}
          </label>
          <input id="bis" name="bis" type="date" defaultValue={period.to} required className={input} />
        </div>
        <button type="submit" className={buttonSecondary}>
          {t("offers.show")}
        </button>
      </form>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {[["made", counts.made] as const, ...OFFER_OUTCOMES.map((o) => [o, counts[outcomeKey(o)]] as const)].map(([key, value]) => (
          <div key={key} className="rounded border border-line bg-white p-3">
            <dt className="text-sm text-muted">{t(`offers.${key}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
        <div className="rounded border border-line bg-white p-3">
          <dt className="text-sm text-muted">{t("offers.acceptanceRate")}</dt>
          <dd className="text-2xl font-bold tabular-nums">{rate}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">{t("offers.acceptanceRateHint")}</p>
      <h3 className="text-lg font-bold">{t("offers.list")}</h3>
      {counts.made > offers.length && <p>{t("offers.limited", { shown: offers.length, total: counts.made })}</p>}
      {offers.length === 0 ? (
        <p>{t("offers.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {offers.map((o) => (
            <li key={o.id} className="rounded border border-line bg-white p-3">
              <p className="font-semibold">
                {t(`offers.${o.outcome}`)} · {serviceNames[o.serviceId] ?? o.serviceId}
              </p>
              <p>{t("offers.appointment", { when: when(o.startsAt) })}</p>
              <p className="text-sm text-muted">
                {t("offers.offeredAt", { when: when(o.offeredAt) })} · {t("offers.deadline", { when: when(o.deadline) })}
                {o.decidedAt && <> · {t("offers.decidedAt", { when: when(o.decidedAt) })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function outcomeKey(o: OfferOutcome): "open" | "accepted" | "declined" | "expired" {
  return o.toLowerCase() as "open" | "accepted" | "declined" | "expired";
}
