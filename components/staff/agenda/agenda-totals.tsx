import { getTranslations } from "next-intl/server";
import type { AgendaTotals as Totals } from "@/lib/server/services/staff/list-agenda";

export async function AgendaTotals({ totals }: { totals: Totals }) {
  const t = await getTranslations("agenda.totals");
  const items: Array<[string, number, string]> = [
    [t("booked"), totals.booked, "border-brand"],
    [t("arrived"), totals.arrived, "border-[#8a5a00]"],
    [t("served"), totals.served, "border-success"],
    [t("noShow"), totals.noShow, "border-error"],
    [t("cancelled"), totals.cancelled, "border-line"],
  ];
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title" className="sr-only">
        {t("label")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5 print:flex print:flex-wrap print:gap-x-6">
        {items.map(([label, value, border]) => (
          <div key={label} className={`rounded border-s-8 bg-white p-3 ${border} print:whitespace-nowrap print:border-0 print:p-0`}>
            <dt className="text-sm text-muted print:inline print:text-ink">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums print:ms-1 print:inline print:text-base">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
