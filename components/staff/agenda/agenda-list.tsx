import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime } from "@/components/booking/format";
import type { StatusAction } from "@/lib/schemas/staff-booking";
import type { AgendaRow } from "@/lib/server/services/staff/list-agenda";
import { StatusBadge } from "./status-badge";
import { ScrollToCard } from "./scroll-to-card";
import { StatusForms } from "./status-forms";
import { STATUS_ACTION_KEYS } from "./texts";

/**
 * The day's appointments: a table on wide screens and on paper, a list of cards on phones. Both are rendered;
 * CSS shows one (display:none also hides the other from screen readers). Cancelled appointments stay on screen,
 * muted, and are left off the printed list.
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
      <div className="hidden overflow-x-auto md:block print:block print:overflow-visible">
      <table className="w-full border-collapse bg-white text-left print:text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="p-2">{t("table.time")}</th>
            <th scope="col" className="p-2">{t("table.name")}</th>
            <th scope="col" className="p-2">{t("table.service")}</th>
            <th scope="col" className="p-2">{t("table.statusAndChannel")}</th>
            <th scope="col" className="p-2 print:hidden">{t("table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {view.map((r) => (
            <tr
              key={r.id}
              id={`termin-${r.id}`}
              className={`scroll-mt-4 border-b border-line align-top ${r.muted ? "text-muted print:hidden" : ""} ${
                r.highlighted ? "bg-[#fff8e1]" : ""
              } break-inside-avoid`}
            >
              <td className="whitespace-nowrap p-2 tabular-nums">
                <span className="font-semibold">
                  {r.start}–{r.end}
                </span>
                <span className="block text-sm text-muted print:text-ink">{t("table.minutes", { count: r.durationMinutes })}</span>
              </td>
              <td className="min-w-[9rem] p-2">
                <Link href={r.href} className="font-semibold text-brand underline underline-offset-2">
                  {r.displayName}
                </Link>
                <span className="block whitespace-nowrap font-mono text-sm">{r.referenceCode}</span>
              </td>
              <td className="min-w-[9rem] p-2">
                {r.service.name}
                <span className="block text-sm text-muted print:text-ink">
                  {t("table.meta", { persons: r.persons, channel: t(`channel.${r.channel}`) })}
                </span>
              </td>
              <td className="p-2">
                <StatusBadge status={r.status} label={t(`status.${r.status}`)} />
              </td>
              <td className="p-2 print:hidden">
                {statusForms(r, "compact")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>

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
            <p>{r.service.name}</p>
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
