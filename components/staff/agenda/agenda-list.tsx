import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime } from "@/components/booking/format";
import type { StatusAction } from "@/lib/schemas/staff-booking";
import type { AgendaRow } from "@/lib/domain/agenda";
import { StatusBadge, statusSymbol } from "./status-badge";
import { ScrollToCard } from "./scroll-to-card";
import { StatusForms } from "./status-forms";
import { STATUS_ACTION_KEYS } from "./texts";

/**
 * The day's appointments: a table on wide screens, a list of cards on phones, and a list of its own on paper. All
 * are rendered; CSS shows one (display:none also hides the others from screen readers). Cancelled appointments stay
 * on screen, muted, and are left off the printed list.
 */
export async function AgendaList({
  rows,
  officeSlug,
  timeZone,
  caption,
  back,
  action,
  highlight,
}: {
  rows: AgendaRow[];
  officeSlug: string;
  timeZone: string;
  caption: string;
  back: string;
  action: (form: FormData) => Promise<void>;
  highlight?: string;
}) {
  const t = await getTranslations("agenda");
  const format = await getFormatter();
  const labels = Object.fromEntries(
    (Object.keys(STATUS_ACTION_KEYS) as StatusAction[]).map((a) => [a, t(`actions.${STATUS_ACTION_KEYS[a]}`)]),
  ) as Record<StatusAction, string>;
  const view = rows.map((r) => {
    const start = clockTime(format, r.startsAt, timeZone);
    const end = clockTime(format, r.endsAt, timeZone);
    const name = r.name ?? t("table.erased");
    return {
      ...r,
      start,
      end,
      displayName: name,
      // A combined appointment names all its services; a phone or video appointment says so, the clerk calls.
      services: [r.service, ...r.furtherServices].map((s) => s.name).join(" + "),
      kindNote: r.kind === "IN_PERSON" ? null : t(`kind.${r.kind}`),
      context: t("actions.for", { time: start, name }),
      href: `/staff/${officeSlug}/termine/${r.id}`,
      muted: r.status === "CANCELLED",
      highlighted: r.id === highlight,
    };
  });

  const statusForms = (r: (typeof view)[number], size: "normal" | "compact") => (
    <StatusForms action={action} bookingId={r.id} actions={r.actions} back={back} labels={labels} context={r.context} size={size} />
  );

  return (
    <>
      <div className="hidden overflow-x-auto md:block print:hidden">
      <table className="w-full border-collapse bg-white text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="p-2">{t("table.time")}</th>
            <th scope="col" className="p-2">{t("table.name")}</th>
            <th scope="col" className="p-2">{t("table.service")}</th>
            <th scope="col" className="p-2">{t("table.statusAndChannel")}</th>
            <th scope="col" className="p-2">{t("table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {view.map((r) => (
            <tr
              key={r.id}
              id={`termin-${r.id}`}
              className={`scroll-mt-4 border-b border-line align-top ${r.muted ? "text-muted" : ""} ${r.highlighted ? "bg-[#fff8e1]" : ""}`}
            >
              <td className="whitespace-nowrap p-2 tabular-nums">
                <span className="font-semibold">
                  {r.start}–{r.end}
                </span>
                <span className="block text-sm text-muted">{t("table.minutes", { count: r.durationMinutes })}</span>
              </td>
              <td className="min-w-[9rem] p-2">
                <Link href={r.href} className="font-semibold text-brand underline underline-offset-2">
                  {r.displayName}
                </Link>
                <span className="block whitespace-nowrap font-mono text-sm">{r.referenceCode}</span>
              </td>
              <td className="min-w-[9rem] p-2">
                {r.services}
                {r.kindNote && <span className="block font-semibold">{r.kindNote}</span>}
                <span className="block text-sm text-muted">
                  {t("table.meta", { persons: r.persons, channel: t(`channel.${r.channel}`) })}
                </span>
              </td>
              <td className="p-2">
                <StatusBadge status={r.status} label={t(`status.${r.status}`)} />
              </td>
              <td className="p-2">
                {statusForms(r, "compact")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

      <PrintedList rows={view.filter((r) => !r.muted)} caption={caption} />

      {highlight && <ScrollToCard id={highlight} />}
      <ul className="space-y-3 md:hidden print:hidden" aria-label={caption}>
        {view.map((r) => (
          <li
            key={r.id}
            id={`karte-${r.id}`}
            className={`rounded border bg-white p-3 ${r.highlighted ? "border-4 border-focus" : "border-line"} ${
              r.muted ? "text-muted" : ""
            }`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="text-xl font-bold tabular-nums">
                {r.start}–{r.end}
              </p>
              <StatusBadge status={r.status} label={t(`status.${r.status}`)} />
            </div>
            <p className="text-lg font-semibold">
              <Link href={r.href} className="inline-flex min-h-11 items-center text-brand underline underline-offset-2">
                {r.displayName}
              </Link>
            </p>
            <p>{r.services}</p>
            {r.kindNote && <p className="font-semibold">{r.kindNote}</p>}
            <p className="text-sm text-muted">
              {t("card.meta", {
                persons: r.persons,
                minutes: r.durationMinutes,
                channel: t(`channel.${r.channel}`),
              })}
            </p>
            <p className="font-mono text-sm">{r.referenceCode}</p>
            <div className="mt-2">
              {statusForms(r, "normal")}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The day on paper, the fallback when the system is down: one line per appointment (long names and services are
 * cut short), a box to tick who came, and the phone number to call back where one was given (in full).
 */
async function PrintedList({
  rows,
  caption,
}: {
  rows: Array<AgendaRow & { start: string; displayName: string; services: string; kindNote: string | null }>;
  caption: string;
}) {
  const t = await getTranslations("agenda");
  const cell = "overflow-hidden text-ellipsis whitespace-nowrap border-b border-ink px-1 py-0.5";
  return (
    <table className="hidden w-full table-fixed border-collapse text-left text-[9.5pt] leading-tight print:table">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-[2.2em]" />
        <col className="w-[3.6em]" />
        <col />
        <col className="w-[9.5em]" />
        <col className="w-[3.2em]" />
        <col className="w-[11em]" />
        <col className="w-[8.2em]" />
        <col className="w-[4.4em]" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={cell}>{t("print.present")}</th>
          <th scope="col" className={cell}>{t("table.time")}</th>
          <th scope="col" className={cell}>{t("table.name")}</th>
          <th scope="col" className={cell}>{t("table.service")}</th>
          <th scope="col" className={`${cell} text-right`}>
            <abbr title={t("print.personsLong")} className="no-underline">{t("print.persons")}</abbr>
          </th>
          <th scope="col" className={cell}>{t("print.phone")}</th>
          <th scope="col" className={cell}>{t("print.reference")}</th>
          <th scope="col" className={cell}>{t("table.statusAndChannel")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="break-inside-avoid">
            <td className={`${cell} text-[13pt] leading-none`}>☐</td>
            <td className={`${cell} tabular-nums`}>{r.start}</td>
            <td className={`${cell} font-semibold`}>{r.displayName}</td>
            <td className={cell}>{r.kindNote ? `${r.services} (${r.kindNote})` : r.services}</td>
            <td className={`${cell} text-right tabular-nums`}>{r.persons}</td>
            {/* Never cut short: a number too long for its column wraps instead. */}
            <td className={`${cell} whitespace-normal tabular-nums`}>{r.phone ?? ""}</td>
            <td className={`${cell} font-mono`}>{r.referenceCode}</td>
            {/* The symbol only: the totals printed above the list say what each one means. */}
            <td className={`${cell} text-center`}>
              <abbr title={t(`status.${r.status}`)} className="no-underline">
                {statusSymbol(r.status)}
              </abbr>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
