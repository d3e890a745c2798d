import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChartSection } from "@/components/evaluation/chart-section";
import { evaluationFormat } from "@/components/evaluation/format";
import { DataTable } from "@/components/evaluation/data-table";
import { KeyFigures } from "@/components/evaluation/key-figures";
import { QueueFigures } from "@/components/evaluation/queue-figures";
import { WaitlistFigures } from "@/components/evaluation/waitlist-figures";
import { ComparisonForm, PeriodForm } from "@/components/evaluation/period-form";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary, link } from "@/components/ui/styles";
import { localDateOf } from "@/lib/domain";
import {
  CHANNELS,
  periodLength,
  previousPeriod,
  QUICK_PERIODS,
  quickPeriod,
  type PeriodSummary,
  type QueueSeriesPoint,
  type QueueSummary,
  type SeriesPoint,
  type WaitlistSummary,
} from "@/lib/domain/statistics";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { pageStaff } from "@/lib/server/page-guards";
import { evaluationSearch, parseEvaluationQuery, type EvaluationQuery } from "@/lib/server/services/evaluation/query";
import { readEvaluation, type Evaluation } from "@/lib/server/services/evaluation/read-evaluation";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluation");
  return { title: t("title") };
}

const PATH = "/staff/auswertung";

/** Reads the evaluation; a service of another office (left over after switching the office) is dropped. */
type Loaded = { ok: true; evaluation: Evaluation; droppedService: boolean } | { ok: false; code: string };

async function load(staff: Awaited<ReturnType<typeof pageStaff>>, query: EvaluationQuery, now: Date): Promise<Loaded> {
  try {
    return { ok: true, evaluation: await readEvaluation(getDb(), staff, query, now), droppedService: false };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "SERVICE_NOT_FOUND" && query.service) {
      const retry = await load(staff, { ...query, service: undefined }, now);
      return retry.ok ? { ...retry, droppedService: true } : retry;
    }
    if (e.code === "OFFICE_NOT_FOUND") notFound();
    if (e.code === "FORBIDDEN") forbidden();
    return { ok: false, code: e.code };
  }
}

export default async function EvaluationPage({ searchParams }: { searchParams: Search }) {
  const staff = await pageStaff();
  const now = new Date();
  const query = parseEvaluationQuery(await searchParams, localDateOf(now, "Europe/Berlin"));
  const result = await load(staff, query, now);
  if (!result.ok) return <PageProblem code={result.code} />;
  const e = result.evaluation;
  const t = await getTranslations("evaluation");
  const tw = await getTranslations("staffWaitlist.evaluation");
  const tq = await getTranslations("evaluation.queue");
  const f = evaluationFormat(await getFormatter());
  const { scope } = e;
  const state = {
    office: scope.office?.slug,
    service: scope.service?.slug,
    period: query.period,
    comparison: query.comparison,
  };
  const href = (changes: Partial<typeof state>) => `${PATH}?${evaluationSearch({ ...state, ...changes })}`;
  const periodText = (p: { from: string; to: string }) => t("period", { from: f.date(p.from), to: f.date(p.to) });
  const cur = e.current.summary;
  const prev = e.comparison?.summary ?? null;
  const serviceName = new Map(
    scope.services.map((s) => [
      s.id,
      scope.office ? s.name : `${s.name} (${scope.offices.find((o) => o.id === s.officeId)?.name ?? ""})`,
    ]),
  );
  const points = e.current.series;
  const time = { unit: e.unit, starts: points.map((p) => p.start) };
  const perPoint = <T,>(label: string, value: (p: SeriesPoint) => T) => ({ label, data: points.map(value) });
  /** The counts of the period and, when comparing, of the comparison period. */
  const counts = (values: (s: PeriodSummary) => number[]) => ({ current: values(cur), previous: prev && values(prev) });
  const serviceIds = [...new Set([...cur.byService.map((s) => s.serviceId), ...(prev?.byService.map((s) => s.serviceId) ?? [])])];
  const servicesOf = (s: PeriodSummary) => serviceIds.map((id) => s.byService.find((b) => b.serviceId === id)?.booked ?? 0);
  const wl = e.current.waitlist;
  const wlPrev = e.comparison?.waitlist ?? null;
  /** The waiting list's counts of the period and, when comparing, of the comparison period. */
  const waitlistCounts = (values: (s: WaitlistSummary) => number[]) => ({ current: values(wl), previous: wlPrev && values(wlPrev) });
  const queue = e.current.queue;
  const queuePrev = e.comparison?.queue ?? null;
  const queuePoints = e.current.queueSeries;
  const perQueuePoint = <T,>(label: string, value: (p: QueueSeriesPoint) => T) => ({ label, data: queuePoints.map(value) });
  const queueCounts = (values: (s: QueueSummary) => number[]) => ({ current: values(queue), previous: queuePrev && values(queuePrev) });
  const walkInServices = queue.byService.filter((s) => s.walkIns > 0).map((s) => s.serviceId);
  const queueServices = [...new Set([...queue.byService, ...(queuePrev?.byService ?? [])].map((s) => s.serviceId))];
  const serveMedians = (q: QueueSummary) => queueServices.map((id) => q.byService.find((s) => s.serviceId === id)?.serve.median ?? 0).map(Math.round);
  const minutes = (v: number | null) => (v === null ? "–" : t("units.minutes", { value: f.number(v) }));
  const OUTCOMES = ["ACCEPTED", "DECLINED", "EXPIRED", "OPEN"] as const;
  const outcomeCount = (s: WaitlistSummary) => OUTCOMES.map((o) => s.offers[o.toLowerCase() as "accepted" | "declined" | "expired" | "open"]);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg text-muted">
          {scope.office ? scope.office.name : t("scopeAll")}
          {scope.service ? ` · ${scope.service.name}` : ""} · {periodText(query.period)} ({t("periodDays", { days: periodLength(query.period) })})
        </p>
        <p className="mt-2 max-w-3xl">{t("intro")}</p>
      </div>

      {query.invalid.map((kind) => (
        <Alert key={kind} kind="error">
          {t(`invalid.${kind}`)}
        </Alert>
      ))}
      {result.droppedService && <Alert kind="info">{t("filter.serviceHint")}</Alert>}

      <PeriodForm
        action={PATH}
        offices={scope.offices}
        allOffices={staff.role === "ADMIN"}
        office={scope.office?.slug}
        services={scope.office ? scope.services : []}
        service={scope.service?.slug}
        period={query.period}
        comparison={query.comparison}
        quick={QUICK_PERIODS.map((choice) => {
          const period = quickPeriod(choice, e.today);
          return { label: t(`filter.${choice}`), href: href({ period }), current: period.from === query.period.from && period.to === query.period.to };
        })}
      />

      <section aria-labelledby="compare-title" className="space-y-3">
        <h2 id="compare-title" className="text-xl font-bold">
          {t("compare.title")}
        </h2>
        {e.comparison ? (
          <div className="flex flex-wrap items-center gap-3">
            <p>{t("compare.active", { period: periodText(e.comparison.period) })}</p>
            <Link href={href({ comparison: { kind: "none" } })} className={buttonSecondary}>
              {t("compare.end")}
            </Link>
          </div>
        ) : (
          <Link href={href({ comparison: { kind: "previous" } })} className={buttonSecondary}>
            {t("compare.previous", { days: periodLength(query.period) })}
          </Link>
        )}
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand underline">{t("compare.custom")}</summary>
          <ComparisonForm action={PATH} state={state} initial={e.comparison?.period ?? previousPeriod(query.period)} />
        </details>
      </section>

      {query.period.to >= e.today && <Alert kind="info">{t("provisional", { today: f.date(e.today) })}</Alert>}

      <KeyFigures summary={cur} figures={e.figures} format={f} serviceFiltered={scope.service !== null} />

      <section aria-labelledby="charts-title" className="space-y-4">
        <h2 id="charts-title" className="text-xl font-bold">
          {t("charts.title")}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartSection
            id="chart-bookings"
            title={t("charts.bookings", { unit: e.unit })}
            description={t("charts.bookingsDesc")}
            kind="bar"
            {...time}
            series={[
              perPoint(t("charts.booked"), (p) => p.booked),
              perPoint(t("charts.cancelled"), (p) => p.cancelled),
              perPoint(t("charts.noShow"), (p) => p.noShow),
            ]}
          />
          <ChartSection
            id="chart-utilisation"
            title={t("charts.utilisation", { unit: e.unit })}
            description={t("charts.utilisationDesc")}
            kind="line"
            percent
            {...time}
            series={[perPoint(t("charts.utilisationShort"), (p) => p.utilisation)]}
            columns={[
              perPoint(t("charts.bookedMinutes"), (p) => p.bookedMinutes),
              perPoint(t("charts.offeredMinutes"), (p) => p.offeredMinutes),
              perPoint(t("charts.utilisationShort"), (p) => f.percent(p.utilisation)),
            ]}
            empty={scope.service ? t("charts.servicesNoCapacity") : undefined}
          />
          <ChartSection
            id="chart-next-free"
            title={t("charts.nextFree")}
            description={t("charts.nextFreeDesc")}
            kind="line"
            {...time}
            series={[perPoint(t("charts.days"), (p) => p.nextFreeSlotDays)]}
            columns={[perPoint(t("charts.days"), (p) => (p.nextFreeSlotDays === null ? t("charts.noSample") : f.number(p.nextFreeSlotDays)))]}
            empty={cur.nextFreeSlot.samples === 0 ? t("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-channels"
            title={t("charts.channels")}
            description={t("charts.channelsDesc")}
            categories={CHANNELS.map((c) => t(`channels.${c}`))}
            heading={t("charts.channel")}
            counted={t("charts.booked")}
            {...counts((s) => CHANNELS.map((c) => s.byChannel[c]))}
            empty={cur.booked === 0 && !prev?.booked ? t("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-services"
            title={t("charts.services")}
            description={t("charts.servicesDesc")}
            categories={serviceIds.map((id) => serviceName.get(id) ?? id)}
            heading={t("charts.service")}
            counted={t("charts.booked")}
            {...counts(servicesOf)}
            empty={serviceIds.length === 0 ? t("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-cancel-lead"
            title={t("charts.cancelLead")}
            description={t("definitions.cancellationRate")}
            categories={t.raw("cancelLead") as string[]}
            heading={t("charts.when")}
            counted={t("charts.cancelled")}
            {...counts((s) => s.cancelLead)}
            empty={cur.cancelled === 0 && !prev?.cancelled ? t("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-punctuality"
            title={t("charts.punctuality")}
            description={t("definitions.punctualityMedian")}
            categories={t.raw("punctuality") as string[]}
            heading={t("charts.arrival")}
            counted={t("charts.arrival")}
            {...counts((s) => s.punctuality.buckets)}
            empty={cur.punctuality.count === 0 && !prev?.punctuality.count ? t("charts.empty") : undefined}
          />
        </div>
      </section>

      <section aria-labelledby="waitlist-title" className="space-y-4">
        <h2 id="waitlist-title" className="text-xl font-bold">
          {tw("title")}
        </h2>
        <p className="max-w-3xl">{tw("intro")}</p>
        <WaitlistFigures current={wl} previous={wlPrev} format={f} />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartSection
            id="chart-offers"
            title={tw("charts.offers")}
            description={tw("charts.offersDesc")}
            categories={OUTCOMES.map((o) => tw(`outcomes.${o}`))}
            heading={tw("charts.outcome")}
            counted={tw("charts.offersCounted")}
            {...waitlistCounts(outcomeCount)}
            empty={wl.offers.made === 0 && !wlPrev?.offers.made ? tw("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-wish-wait"
            title={tw("charts.wait")}
            description={tw("charts.waitDesc")}
            categories={tw.raw("waitBuckets") as string[]}
            heading={tw("charts.waitBucket")}
            counted={tw("charts.waitCounted")}
            {...waitlistCounts((s) => s.wait.buckets)}
            empty={wl.wait.count === 0 && !wlPrev?.wait.count ? tw("charts.empty") : undefined}
          />
        </div>
      </section>

      <section aria-labelledby="queue-title" className="space-y-4">
        <h2 id="queue-title" className="text-xl font-bold">
          {tq("title")}
        </h2>
        <p className="max-w-3xl">{tq("intro")}</p>
        <QueueFigures current={queue} previous={queuePrev} format={f} />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartSection
            id="chart-walk-ins"
            title={tq("charts.walkIns", { unit: e.unit })}
            description={tq("charts.walkInsDesc")}
            kind="bar"
            {...time}
            series={walkInServices.map((id) => perQueuePoint(serviceName.get(id) ?? id, (p) => p.walkInsByService[id] ?? 0))}
            empty={queue.walkIns === 0 ? tq("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-queue-wait"
            title={tq("charts.wait", { unit: e.unit })}
            description={tq("charts.waitDesc")}
            kind="line"
            {...time}
            series={[perQueuePoint(tq("charts.waitMedian"), (p) => p.waitMedian), perQueuePoint(tq("charts.waitP90"), (p) => p.waitP90)]}
            columns={[
              perQueuePoint(tq("charts.waitMedian"), (p) => minutes(p.waitMedian)),
              perQueuePoint(tq("charts.waitP90"), (p) => minutes(p.waitP90)),
            ]}
            empty={queue.wait.count === 0 ? tq("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-queue-wait-buckets"
            title={tq("charts.waitBuckets")}
            description={tq("charts.waitBucketsDesc")}
            categories={tq.raw("waitBuckets") as string[]}
            heading={tq("charts.waitBucket")}
            counted={tq("charts.called")}
            {...queueCounts((s) => s.wait.buckets)}
            empty={queue.wait.count === 0 && !queuePrev?.wait.count ? tq("charts.empty") : undefined}
          />
          <ChartSection
            id="chart-queue-serve"
            title={tq("charts.serve")}
            description={tq("charts.serveDesc")}
            categories={queueServices.map((id) => serviceName.get(id) ?? id)}
            heading={tq("charts.service")}
            counted={tq("charts.serveCounted")}
            {...queueCounts(serveMedians)}
            empty={queue.serve.count === 0 && !queuePrev?.serve.count ? tq("charts.empty") : undefined}
          />
        </div>
        <section aria-labelledby="queue-services-title" className="min-w-0 rounded border border-line bg-white p-4">
          <h3 id="queue-services-title" className="text-lg font-bold">
            {tq("charts.services")}
          </h3>
          <p className="text-sm text-muted">{tq("charts.servicesDesc")}</p>
          {queue.byService.length === 0 ? (
            <p className="mt-3">{tq("charts.empty")}</p>
          ) : (
            <div className="mt-3">
              <DataTable
                caption={tq("charts.services")}
                summary={t("charts.numbers")}
                columns={[
                  tq("charts.service"),
                  tq("charts.walkInsColumn"),
                  tq("charts.appointmentsColumn"),
                  tq("charts.waitMedianColumn"),
                  tq("charts.waitP90Column"),
                  tq("charts.serveMedianColumn"),
                  tq("charts.serveMeanColumn"),
                ]}
                rows={queue.byService.map((s) => [
                  serviceName.get(s.serviceId) ?? s.serviceId,
                  s.walkIns,
                  s.appointments,
                  minutes(s.wait.median),
                  minutes(s.wait.p90),
                  minutes(s.serve.median),
                  minutes(s.serve.mean),
                ])}
              />
            </div>
          )}
        </section>
      </section>

      <section aria-labelledby="export-title" className="space-y-2">
        <h2 id="export-title" className="text-xl font-bold">
          {t("export.title")}
        </h2>
        <p className="max-w-3xl">{t("export.intro")}</p>
        <ul className="flex flex-wrap gap-x-6">
          {[
            ["days", { format: "csv", teil: "tage" }],
            ["totals", { format: "csv", teil: "kennzahlen" }],
            ["queue", { format: "csv", teil: "warteschlange" }],
            ["json", { format: "json" }],
          ].map(([key, extra]) => (
            <li key={key as string}>
              <a className={`inline-flex min-h-11 items-center ${link}`} href={`${PATH}/export?${evaluationSearch(state, extra as Record<string, string>)}`} download>
                {t(`export.${key as string}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="definitions-title" className="space-y-3">
        <h2 id="definitions-title" className="text-xl font-bold">
          {t("definitions.title")}
        </h2>
        <dl className="max-w-3xl space-y-3">
          {(["booked", "cancellationRate", "noShowRate", "utilisation", "leadDaysMedian", "nextFreeSlotMean", "punctualityMedian", "durationMedian"] as const).map((k) => (
            <div key={k}>
              <dt className="font-bold">{t(`figures.${k}`)}</dt>
              <dd>{t(`definitions.${k}`)}</dd>
            </div>
          ))}
          {(["walkIns", "waitMedian", "serveMedian", "onTimeShare"] as const).map((k) => (
            <div key={k}>
              <dt className="font-bold">{tq(`figures.${k}`)}</dt>
              <dd>{tq(`definitions.${k}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="max-w-3xl text-sm text-muted">{t("definitions.privacy")}</p>
        <p className="max-w-3xl text-sm text-muted">{tq("definitions.privacy")}</p>
        <p className="max-w-3xl text-sm text-muted">{tw("definition")}</p>
      </section>
    </div>
  );
}
