import { getFormatter, getTranslations } from "next-intl/server";
import { plainDate } from "@/components/booking/format";
import { DataTable } from "@/components/evaluation/data-table";
import type { WaitlistCounts } from "@/lib/domain/waitlist-overview";

// The waiting list in numbers: waiting, urgent and unconfirmed wishes, then two narrow tables (by service, by week
// of the earliest date) that fit a phone's width without scrolling.

export async function WaitlistOverview({
  counts,
  unconfirmed,
  urgentWithinDays,
  serviceNames,
}: {
  counts: WaitlistCounts;
  unconfirmed: number;
  urgentWithinDays: number;
  serviceNames: Record<string, string>;
}) {
  const t = await getTranslations("staffWaitlist");
  const format = await getFormatter();
  const columns = (first: string) => [first, t("counts.total"), t("counts.urgent")];
  return (
    <section aria-labelledby="overview-title" className="space-y-4">
      <h2 id="overview-title" className="text-xl font-bold">
        {t("summary.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {[
          ["waiting", counts.total],
          ["urgent", counts.urgent],
          ["unconfirmed", unconfirmed],
        ].map(([key, value]) => (
          <div key={key} className="rounded border border-line bg-white p-3">
            <dt className="text-sm text-muted">{t(`summary.${key}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted">{t("summary.urgentRule", { days: urgentWithinDays })}</p>
      {counts.total === 0 ? (
        <p>{t("counts.none")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="min-w-0 rounded border border-line bg-white p-3">
            <h3 className="text-lg font-bold">{t("counts.byService")}</h3>
            <DataTable
              caption={t("counts.byService")}
              columns={columns(t("counts.service"))}
              rows={counts.byService.map((s) => [serviceNames[s.serviceId] ?? s.serviceId, s.total, s.urgent])}
              summary={t("counts.byService")}
            />
          </div>
          <div className="min-w-0 rounded border border-line bg-white p-3">
            <h3 className="text-lg font-bold">{t("counts.byWeek")}</h3>
            <p className="text-sm text-muted">{t("counts.weekHint")}</p>
            <DataTable
              caption={t("counts.byWeek")}
              columns={columns(t("counts.week"))}
              rows={counts.byWeek.map((w) => [plainDate(format, w.week), w.total, w.urgent])}
              summary={t("counts.byWeek")}
            />
          </div>
        </div>
      )}
    </section>
  );
}
