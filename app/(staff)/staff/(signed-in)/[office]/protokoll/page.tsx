import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate } from "@/components/booking/format";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { auditActionKey } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary, input } from "@/components/ui/styles";
import { queryPage, querySearch } from "@/lib/schemas/staff-booking";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { readAuditLog, type AuditEntry } from "@/lib/server/services/staff/read-audit-log";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agenda");
  return { title: t("audit.title") };
}

const ACTION = /^[a-z0-9._-]{1,60}$/;

export default async function AuditLogPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const action = typeof q.aktion === "string" && ACTION.test(q.aktion) ? q.aktion : undefined;
  const booking = querySearch(q.termin);
  const result = await attempt(() =>
    readAuditLog(getDb(), staff, { officeSlug, page: queryPage(q.seite), action, booking }),
  );
  if (!result.ok) return <PageProblem code={result.code} />;
  const log = result.data;
  const { office } = log;
  const tz = office.timeZone;
  const t = await getTranslations("agenda");
  const tWaitlist = await getTranslations("staffWaitlist");
  const format = await getFormatter();

  const actionLabel = (a: string) => (t.has(`audit.actions.${auditActionKey(a)}`) ? t(`audit.actions.${auditActionKey(a)}`) : a);
  const when = (iso: unknown) =>
    typeof iso === "string" && !Number.isNaN(Date.parse(iso))
      ? t("detail.dateTime", { date: longDate(format, new Date(iso), tz), time: clockTime(format, new Date(iso), tz) })
      : "";
  const statusLabel = (s: unknown) => (typeof s === "string" && t.has(`status.${s}`) ? t(`status.${s}`) : String(s ?? ""));
  const describe = (e: AuditEntry): string => {
    const d = e.details;
    const parts: string[] = [];
    if (e.action === "booking.move") parts.push(t("audit.detail.moved", { from: when(d.from), to: when(d.to) }));
    else if (e.action === "booking.create") {
      const channel = typeof d.channel === "string" && t.has(`channel.${d.channel}`) ? t(`channel.${d.channel}`) : "";
      parts.push(t("audit.detail.created", { channel, persons: Number(d.persons) || 1, when: when(d.startsAt) }));
    } else if (typeof d.from === "string" && typeof d.to === "string") {
      parts.push(t("audit.detail.statusChange", { from: statusLabel(d.from), to: statusLabel(d.to) }));
    }
    if (e.action === "wish.remove" && typeof d.wish === "string") {
      const reason = typeof d.reason === "string" && tWaitlist.has(`remove.reasons.${d.reason}`) ? tWaitlist(`remove.reasons.${d.reason}`) : "";
      parts.push(t("audit.detail.wishRemoved", { wish: d.wish, reason }));
      if (d.offerReleased === true) parts.push(t("audit.detail.offerWithdrawn"));
    }
    if (d.correction === true) parts.push(t("audit.detail.correction"));
    if (d.closeDay === true) parts.push(t("audit.detail.closeDay"));
    if (d.cause === "capacity-change") parts.push(t("audit.detail.capacityChange"));
    const mailed = typeof d.mailed === "boolean" ? d.mailed : d.notified;
    if (typeof mailed === "boolean") parts.push(mailed ? t("audit.detail.mailed") : t("audit.detail.notMailed"));
    return parts.join(" · ");
  };
  const stamp = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "medium", timeZone: tz });
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (action) params.set("aktion", action);
    if (booking) params.set("termin", booking);
    if (page > 1) params.set("seite", String(page));
    const s = params.toString();
    return `/staff/${office.slug}/protokoll${s ? `?${s}` : ""}`;
  };

  return (
    <div className="space-y-6">
      <Link href={`/staff/${office.slug}`} className="inline-flex min-h-11 items-center text-brand underline">
        <span aria-hidden="true" className="me-1">‹</span>
        {t("detail.back")}
      </Link>
      <div>
        <p className="text-lg text-muted">
          {office.authority} · {office.name}
        </p>
        <h1 className="text-3xl font-bold">
          {log.bookingFilter ? t("audit.forBooking", { reference: log.bookingFilter.referenceCode }) : t("audit.title")}
        </h1>
        <p className="mt-1 max-w-3xl">{t("audit.intro")}</p>
      </div>

      <form method="get" action={`/staff/${office.slug}/protokoll`} aria-labelledby="audit-filter" className="rounded border border-line bg-white p-3">
        <h2 id="audit-filter" className="sr-only">
          {t("audit.filterTitle")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div>
            <label htmlFor="aktion" className="block font-semibold">
              {t("audit.action")}
            </label>
            <select id="aktion" name="aktion" defaultValue={action ?? ""} className={input}>
              <option value="">{t("audit.allActions")}</option>
              {log.actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="termin" className="block font-semibold">
              {t("audit.booking")}
            </label>
            <input
              id="termin"
              name="termin"
              defaultValue={booking ?? ""}
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-describedby="termin-hint"
              className={input}
            />
            <p id="termin-hint" className="text-sm text-muted">
              {t("audit.bookingHint")}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2 sm:pb-6">
            <button type="submit" className={buttonSecondary}>
              {t("audit.submit")}
            </button>
            {(action || booking) && (
              <Link href={`/staff/${office.slug}/protokoll`} className="inline-flex min-h-11 items-center text-brand underline">
                {t("audit.reset")}
              </Link>
            )}
          </div>
        </div>
      </form>

      {log.unknownBooking && <Alert kind="info">{t("audit.unknownBooking")}</Alert>}

      <section aria-labelledby="entries-title" className="space-y-3">
        <h2 id="entries-title" className="text-xl font-bold">
          {t("audit.total", { count: log.total })}
        </h2>
        {log.entries.length === 0 ? (
          <p>{t("audit.empty")}</p>
        ) : (
          <>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full border-collapse bg-white text-left">
              <caption className="sr-only">{t("audit.title")}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="p-2">{t("audit.at")}</th>
                  <th scope="col" className="p-2">{t("audit.who")}</th>
                  <th scope="col" className="p-2">{t("audit.what")}</th>
                  <th scope="col" className="p-2">{t("audit.subject")}</th>
                  <th scope="col" className="p-2">{t("audit.details")}</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e) => (
                  <tr key={e.id} className="border-b border-line align-top">
                    <td className="whitespace-nowrap p-2 tabular-nums">
                      <time dateTime={e.at.toISOString()}>
                        {stamp(e.at)}
                      </time>
                    </td>
                    <td className="p-2">{e.actor ? e.actor.name : t("audit.nobody")}</td>
                    <td className="p-2 font-semibold">{actionLabel(e.action)}</td>
                    <td className="whitespace-nowrap p-2 font-mono text-sm">
                      {e.booking ? (
                        <Link href={`/staff/${office.slug}/termine/${e.booking.id}`} className="text-brand underline">
                          {e.booking.referenceCode}
                        </Link>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td className="p-2">{describe(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* Phones: one card per entry instead of a five-column table. */}
          <ol className="space-y-2 md:hidden" aria-label={t("audit.title")}>
            {log.entries.map((e) => (
              <li key={e.id} className="rounded border border-line bg-white p-3">
                <p className="font-semibold">{actionLabel(e.action)}</p>
                <p className="text-sm text-muted">
                  <time dateTime={e.at.toISOString()}>{stamp(e.at)}</time> · {e.actor ? e.actor.name : t("audit.nobody")}
                </p>
                {e.booking && (
                  <p className="font-mono text-sm">
                    <Link href={`/staff/${office.slug}/termine/${e.booking.id}`} className="text-brand underline">
                      {e.booking.referenceCode}
                    </Link>
                  </p>
                )}
                {describe(e) && <p>{describe(e)}</p>}
              </li>
            ))}
          </ol>
          </>
        )}
        {log.pages > 1 && (
          <nav aria-label={t("audit.pagesLabel")} className="flex flex-wrap items-center gap-3">
            {log.page > 1 && (
              <Link href={pageHref(log.page - 1)} className={buttonSecondary}>
                <span aria-hidden="true" className="me-1">‹</span>
                {t("audit.newer")}
              </Link>
            )}
            <span aria-current="page">{t("audit.page", { page: log.page, pages: log.pages })}</span>
            {log.page < log.pages && (
              <Link href={pageHref(log.page + 1)} className={buttonSecondary}>
                {t("audit.older")}
                <span aria-hidden="true" className="ms-1">›</span>
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
