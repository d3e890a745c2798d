import { getTranslations } from "next-intl/server";
import type { AgendaTotals as Totals } from "@/lib/domain/agenda";
import { statusSymbol } from "./status-badge";

/**
 * The day in four states that add up to its appointments; each with the symbol its rows carry, so a tile and the
 * badges below read alike. Cancelled appointments are counted apart.
 */
export async function AgendaTotals({ totals }: { totals: Totals }) {
  const t = await getTranslations("agenda.totals");
  const items = [
    ["expected", totals.expected, "CONFIRMED", "border-brand"],
    ["waiting", totals.waiting, "ARRIVED", "border-[#8a5a00]"],
    ["served", totals.served, "SERVED", "border-success"],
    ["noShow", totals.noShow, "NO_SHOW", "border-error"],
  ] as const;
  const all = totals.expected + totals.waiting + totals.served + totals.noShow;
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title" className="sr-only">
        {t("label")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 print:flex print:flex-wrap print:gap-x-6">
        {items.map(([key, value, status, border]) => (
          <div key={key} className={`rounded border-s-8 bg-white p-3 ${border} print:whitespace-nowrap print:border-0 print:p-0`}>
            <dt className="text-sm text-muted print:inline print:text-ink">
              <span aria-hidden="true" className="me-1">
                {statusSymbol(status)}
              </span>
              {t(key)}
            </dt>
            <dd className="text-2xl font-bold tabular-nums print:ms-1 print:inline print:text-base">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm text-muted print:text-ink">{t("summary", { all, cancelled: totals.cancelled })}</p>
    </section>
  );
}
