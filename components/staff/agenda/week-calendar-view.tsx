"use client";

import FullCalendar from "@fullcalendar/react";
import deLocale from "@fullcalendar/react/locales/de";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useFullCalendarTexts } from "@/components/staff/full-calendar-texts";
import { StatusBadge, statusSymbol } from "./status-badge";

export interface WeekAppointment {
  id: string;
  url: string;
  status: string;
  service: string;
  name: string;
  /** Start time as the office reads it, formatted on the server. */
  time: string;
}

/** The appointments starting in one half hour of one day. */
export interface HalfHour {
  key: string;
  start: string;
  end: string;
  /** "Montag, 7. Dezember, 09:00–09:30 Uhr", formatted on the server in the office's time zone. */
  when: string;
  appointments: WeekAppointment[];
}

// In the order of the day's work, each with the symbol and colour of its status badge.
const LEGEND = [
  ["CONFIRMED", "totals.expected", "text-brand"],
  ["ARRIVED", "totals.waiting", "text-[#5c3c00]"],
  ["SERVED", "totals.served", "text-success"],
  ["NO_SHOW", "totals.noShow", "text-error"],
  ["HELD", "status.HELD", "text-muted"],
] as const;

/**
 * The week as counts per half hour: a box says how many appointments start then, with their states as symbols;
 * choosing it lists them below with links to their details. Counts stay readable however many appointments overlap,
 * and seven days fit a phone.
 */
export default function WeekCalendarView({
  halfHours,
  week,
  timeZone,
  slotMinTime,
  slotMaxTime,
  showWeekend,
}: {
  halfHours: HalfHour[];
  week: string;
  timeZone: string;
  slotMinTime: string;
  slotMaxTime: string;
  showWeekend: boolean;
}) {
  const t = useTranslations("agenda");
  const texts = useFullCalendarTexts();
  const [chosen, setChosen] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const selected = halfHours.find((h) => h.key === chosen);

  const countsOf = (h: HalfHour) =>
    LEGEND.map(([status, label, colour]) => ({
      status,
      label: t(label),
      colour,
      count: h.appointments.filter((a) => a.status === status).length,
    })).filter((c) => c.count > 0);

  return (
    <div className="space-y-4">
      <section aria-labelledby="legend-title" className="rounded border border-line bg-white p-3">
        <h2 id="legend-title" className="font-bold">
          {t("week.legend")}
        </h2>
        <p className="text-sm">{t("week.legendIntro")}</p>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
          {LEGEND.map(([status, label, colour]) => (
            <li key={status} className="whitespace-nowrap">
              <span aria-hidden="true" className={`me-1 font-bold ${colour}`}>
                {statusSymbol(status)}
              </span>
              {t(label)}
            </li>
          ))}
        </ul>
      </section>

      <div className="bg-white" role="region" aria-label={t("week.calendarLabel")}>
        <FullCalendar
          plugins={[timeGridPlugin, classicTheme]}
          locale={deLocale}
          {...texts}
          timeZone={timeZone}
          initialView="timeGridWeek"
          initialDate={week}
          headerToolbar={false}
          allDaySlot={false}
          editable={false}
          selectable={false}
          nowIndicator
          weekends={showWeekend}
          slotMinTime={slotMinTime}
          slotMaxTime={slotMaxTime}
          slotDuration="00:30:00"
          slotHeaderInterval="01:00"
          slotMinHeight={44}
          slotEventOverlap={false}
          height="auto"
          dayHeaderFormat={{ weekday: "short", day: "numeric", month: "numeric" }}
          dayHeaderContent={(arg) => <span className="whitespace-normal text-sm">{arg.text}</span>}
          slotHeaderFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
          events={halfHours.map((h) => ({
            id: h.key,
            start: h.start,
            end: h.end,
            // Light brand boxes on the white grid; the chosen one in full brand colour.
            color: h.key === chosen ? "#0b4f8a" : "#e8f0f8",
            contrastColor: h.key === chosen ? "#ffffff" : "#0b0c0c",
            className: "agenda-half-hour",
          }))}
          eventClick={(arg) => {
            setChosen(arg.event.id);
            // The list below is the answer to the click: bring it into view and to the screen reader.
            requestAnimationFrame(() => listHeading.current?.focus());
          }}
          eventContent={(arg) => {
            const h = halfHours.find((x) => x.key === arg.event.id);
            if (!h) return null;
            const counts = countsOf(h);
            const label = t("week.countLabel", {
              when: h.when,
              count: h.appointments.length,
              states: counts.map((c) => `${c.count} ${c.label}`).join(", "),
            });
            return (
              <span title={label} className="@container block h-full overflow-hidden px-0.5 leading-tight">
                <span className="sr-only">{label}</span>
                <span aria-hidden="true" className="flex flex-wrap items-baseline gap-x-1">
                  <span className="text-base font-bold tabular-nums">{h.appointments.length}</span>
                  {counts.map((c) => (
                    <span key={c.status} className={`hidden whitespace-nowrap text-xs @[4rem]:inline ${h.key === chosen ? "" : c.colour}`}>
                      {c.count}
                      {statusSymbol(c.status)}
                    </span>
                  ))}
                </span>
              </span>
            );
          }}
        />
      </div>

      <section aria-labelledby="half-hour-title" className="rounded border border-line bg-white p-3">
        <h2 id="half-hour-title" ref={listHeading} tabIndex={-1} className="text-lg font-bold outline-none focus-visible:outline-2">
          {selected ? t("week.listTitle", { when: selected.when, count: selected.appointments.length }) : t("week.listEmptyTitle")}
        </h2>
        {selected ? (
          <ul className="mt-2 divide-y divide-line">
            {selected.appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="font-semibold tabular-nums">{a.time}</span>
                <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
                <Link href={a.url} className="inline-flex min-h-11 items-center font-semibold text-brand underline underline-offset-2">
                  {a.name}
                </Link>
                <span className="text-muted">{a.service}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">{t("week.listHint")}</p>
        )}
      </section>
    </div>
  );
}
