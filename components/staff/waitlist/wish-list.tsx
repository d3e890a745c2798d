import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { plainDate } from "@/components/booking/format";
import type { WaitlistEntry } from "@/lib/domain/waitlist-overview";

// The waiting wishes in the order offers go to them, one card each (readable at 360 px as on a desk). Nothing that
// names the person: the reference code identifies a wish when the citizen calls.

const badge = "inline-flex items-center gap-1 rounded border-2 px-2 py-0.5 text-sm font-semibold";

export async function WishList({
  entries,
  listed,
  serviceNames,
  removeHref,
}: {
  entries: WaitlistEntry[];
  /** All open wishes; more than `entries` when the list is cut. */
  listed: number;
  serviceNames: Record<string, string>;
  /** The page of the confirm step for removing a wish, with `{id}` to fill in. */
  removeHref: string;
}) {
  const t = await getTranslations("staffWaitlist");
  const format = await getFormatter();
  const date = (d: string) => plainDate(format, d);
  return (
    <section aria-labelledby="list-title" className="space-y-3">
      <h2 id="list-title" className="text-xl font-bold">
        {t("list.title")}
      </h2>
      <p className="text-sm text-muted">{t("list.hint")}</p>
      {listed > entries.length && <p>{t("list.limited", { shown: entries.length, total: listed })}</p>}
      {entries.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ol className="space-y-2">
          {entries.map((w) => (
            <li key={w.id} className={`rounded border bg-white p-3 ${w.urgent ? "border-s-8 border-error" : "border-line"}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-semibold">
                  <span className="sr-only">{t("list.reference")} </span>
                  {w.referenceCode}
                </span>
                {w.urgent && (
                  <span className={`${badge} border-error bg-[#fbe9e7] text-error`}>
                    <span aria-hidden="true">!</span>
                    {t("list.urgent")}
                  </span>
                )}
                {!w.confirmed && <span className={`${badge} border-line text-muted`}>{t("list.unconfirmed")}</span>}
                {w.offerOpen && <span className={`${badge} border-brand text-brand`}>{t("list.offerOpen")}</span>}
              </div>
              <p className="font-semibold">
                {serviceNames[w.serviceId] ?? w.serviceId} · {t("list.persons", { count: w.persons })}
              </p>
              <p>
                <span className="text-muted">{t("list.range")}: </span>
                {t("list.rangeValue", { from: date(w.earliestDate), to: date(w.latestDate) })}
              </p>
              {w.permitExpiresOn && <p>{t("list.permitExpires", { date: date(w.permitExpiresOn) })}</p>}
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm text-muted">
                  {t("list.source")}: {t(`sources.${w.source}`)}
                </p>
                <Link
                  href={removeHref.replace("{id}", encodeURIComponent(w.id))}
                  className="inline-flex min-h-11 items-center text-error underline"
                >
                  {t("list.remove")}
                  <span className="sr-only"> {w.referenceCode}</span>
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
