import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate } from "@/components/booking/format";
import { AgendaList } from "@/components/staff/agenda/agenda-list";
import { AgendaTotals } from "@/components/staff/agenda/agenda-totals";
import { AutoRefresh } from "@/components/staff/agenda/auto-refresh";
import { CloseDayForm } from "@/components/staff/agenda/close-day-form";
import { agendaHref, DayToolbar } from "@/components/staff/agenda/day-toolbar";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { PrintButton } from "@/components/staff/agenda/print-button";
import { errorText, STATUS_ACTION_KEYS } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { queryDate, querySearch, querySlug, STATUS_ACTIONS, type StatusAction } from "@/lib/schemas/staff-booking";
import { canOnOffice } from "@/lib/server/auth/permissions";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listAgenda } from "@/lib/server/services/staff/list-agenda";
import { changeStatus, closeDayAction } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agenda");
  return { title: t("title") };
}

/** Seconds between two refreshes of the day list (until live updates reach it). */
const REFRESH_SECONDS = 30;

// A date at noon UTC formats as that calendar date in every time zone.
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

export default async function AgendaPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() =>
    listAgenda(getDb(), staff, {
      officeSlug,
      from: queryDate(q.tag),
      serviceSlug: querySlug(q.leistung),
      search: querySearch(q.suche),
      now,
    }),
  );
  if (!result.ok) return <PageProblem code={result.code} />;
  const agenda = result.data;
  const { office } = agenda;
  // A complete booking code in the search opens its appointment, whichever day it is on.
  if (agenda.opened) redirect(`/staff/${office.slug}/termine/${agenda.opened.id}`);
  const t = await getTranslations("agenda");
  const te = await getTranslations("errors");
  const tOutbox = await getTranslations("outbox");
  const tRounds = await getTranslations("roundsStaff");
  const tHome = await getTranslations("staff.home");
  const tWaitlist = await getTranslations("staffWaitlist");
  const tDevices = await getTranslations("devices");
  const tFeeds = await getTranslations("feeds");
  const tWebhooks = await getTranslations("webhooks");
  const tCounter = await getTranslations("counter");
  const format = await getFormatter();
  const tz = office.timeZone;
  const date = agenda.from;
  const dateText = longDate(format, noon(date), "UTC");
  const back = agendaHref(office.slug, { tag: date, leistung: agenda.serviceFilter?.slug, suche: agenda.search });

  const done = typeof q.erfolg === "string" && (STATUS_ACTIONS as readonly string[]).includes(q.erfolg) ? (q.erfolg as StatusAction) : null;
  const closedCount = q.erfolg === "close-day" && typeof q.anzahl === "string" && /^\d{1,4}$/.test(q.anzahl) ? Number(q.anzahl) : null;
  const changed = done && typeof q.termin === "string" ? agenda.rows.find((r) => r.id === q.termin) : undefined;
  const failed = typeof q.fehler === "string" ? q.fehler : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-lg text-muted print:text-ink">
            {office.authority} · {office.name}
          </p>
          <h1 className="text-3xl font-bold print:text-2xl">{t("dayTitle", { date: dateText })}</h1>
          <p className="hidden text-sm print:block">
            {t("print.printedAt", { date: longDate(format, now, tz), time: clockTime(format, now, tz) })}
            {" · "}
            {t("print.withoutCancelled")}
            {agenda.serviceFilter && <> · {t("print.onlyService", { service: agenda.serviceFilter.name })}</>}
            {agenda.search && <> · {t("print.search", { search: agenda.search })}</>}
          </p>
        </div>
        <nav aria-label={t("nav.viewsLabel")} className="flex flex-wrap gap-2 print:hidden">
          <Link href={`/staff/${office.slug}/termine/neu?tag=${date}`} className={buttonPrimary}>
            {t("nav.newBooking")}
          </Link>
          <Link href={`/staff/${office.slug}/schalter`} className={buttonSecondary}>
            {tCounter("link")}
          </Link>
          <Link href={`/staff/${office.slug}/woche?woche=${date}`} className={buttonSecondary}>
            {t("nav.week")}
          </Link>
          <Link href={`/staff/${office.slug}/kalender`} className={buttonSecondary}>
            {tHome("calendar")}
          </Link>
          <Link href={`/staff/${office.slug}/warteliste`} className={buttonSecondary}>
            {tWaitlist("link")}
          </Link>
          {canOnOffice(staff, "audit:read", office.id) && (
            <Link href={`/staff/${office.slug}/protokoll`} className={buttonSecondary}>
              {t("nav.audit")}
            </Link>
          )}
          {canOnOffice(staff, "office:settings", office.id) && (
            <Link href={`/staff/${office.slug}/runden`} className={buttonSecondary}>
              {tRounds("link")}
            </Link>
          )}
          {canOnOffice(staff, "outbox:manage", office.id) && (
            <Link href={`/staff/${office.slug}/postausgang`} className={buttonSecondary}>
              {tOutbox("title")}
            </Link>
          )}
          {canOnOffice(staff, "devices:manage", office.id) && (
            <Link href={`/staff/${office.slug}/geraete`} className={buttonSecondary}>
              {tDevices("link")}
            </Link>
          )}
          <Link href={`/staff/${office.slug}/kalender-abo`} className={buttonSecondary}>
            {tFeeds("link")}
          </Link>
          {canOnOffice(staff, "webhooks:manage", office.id) && (
            <Link href={`/staff/${office.slug}/schnittstellen`} className={buttonSecondary}>
              {tWebhooks("link")}
            </Link>
          )}
          <PrintButton label={t("nav.print")} />
        </nav>
      </div>

      {done && (
        <Alert kind="success">
          {changed
            ? t(`done.${STATUS_ACTION_KEYS[done]}`, {
                who: t("actions.for", { time: clockTime(format, changed.startsAt, tz), name: changed.name ?? t("table.erased") }),
              })
            : t("done.saved")}
        </Alert>
      )}
      {closedCount !== null && <Alert kind="success">{t("done.closeDay", { count: closedCount })}</Alert>}
      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      <DayToolbar
        officeSlug={office.slug}
        date={date}
        today={agenda.today}
        services={agenda.services}
        serviceSlug={agenda.serviceFilter?.slug ?? null}
        search={agenda.search}
      />

      {date < agenda.today && (
        <p className="print:hidden">
          {agenda.today <= agenda.correctableUntil
            ? t("correction.open", { until: longDate(format, noon(agenda.correctableUntil), "UTC") })
            : t("correction.settled", { days: agenda.correctionDays })}
        </p>
      )}
      {agenda.open.length > 0 && (
        <section aria-labelledby="close-day-title" className="rounded border-s-8 border-error bg-white p-4 print:hidden">
          <h2 id="close-day-title" className="text-xl font-bold">
            {t("closeDay.title", { count: agenda.open.length })}
          </h2>
          <p className="mt-1">{t("closeDay.intro")}</p>
          <ul className="my-3 list-disc space-y-1 ps-6">
            {agenda.open.map((r) => (
              <li key={r.id}>
                {t("closeDay.item", { time: clockTime(format, r.startsAt, tz), name: r.name ?? t("table.erased"), reference: r.referenceCode })}
              </li>
            ))}
          </ul>
          <CloseDayForm action={closeDayAction} officeSlug={office.slug} date={date} bookingIds={agenda.open.map((r) => r.id)} />
        </section>
      )}

      <AgendaTotals totals={agenda.totals} />
      <div className="-mt-3 flex flex-wrap items-center gap-x-4 text-sm text-muted print:hidden">
        <p>{t("refresh.asOf", { time: clockTime(format, now, tz) })}</p>
        <AutoRefresh seconds={REFRESH_SECONDS} label={t("refresh.auto", { seconds: REFRESH_SECONDS })} />
      </div>

      {agenda.unknownCode && <Alert kind="info">{t("search.unknownCode", { reference: agenda.unknownCode })}</Alert>}

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-xl font-bold print:sr-only">
          {agenda.search || agenda.serviceFilter
            ? t("table.filteredTitle", { count: agenda.rows.length })
            : t("table.title", { count: agenda.rows.length })}
        </h2>
        {agenda.rows.length === 0 ? (
          <p>{agenda.search || agenda.serviceFilter ? t("table.emptyFiltered") : t("table.empty")}</p>
        ) : (
          <AgendaList
            rows={agenda.rows}
            officeSlug={office.slug}
            timeZone={tz}
            caption={t("table.caption", { date: dateText })}
            back={back}
            action={changeStatus}
            highlight={changed?.id}
          />
        )}
      </section>
    </div>
  );
}
