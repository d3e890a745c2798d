"use client";

import FullCalendar from "@fullcalendar/react";
import deLocale from "@fullcalendar/react/locales/de";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import { useTranslations } from "next-intl";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { statusSymbol } from "./status-badge";

export interface WeekEvent {
  id: string;
  start: string;
  end: string;
  url: string;
  status: string;
  service: string;
  name: string;
  /** Start time as the office reads it, formatted on the server. */
  time: string;
}

// Colour by status, always together with the status word and symbol in the event's text.
const COLORS: Record<string, { color: string; contrastColor: string }> = {
  HELD: { color: "#ffffff", contrastColor: "#4a4a4a" },
  CONFIRMED: { color: "#0b4f8a", contrastColor: "#ffffff" },
  ARRIVED: { color: "#fff4d6", contrastColor: "#5c3c00" },
  SERVED: { color: "#e3f4ea", contrastColor: "#00703c" },
  NO_SHOW: { color: "#fbe9e7", contrastColor: "#b3261e" },
  CANCELLED: { color: "#f3f2f1", contrastColor: "#4a4a4a" },
};

/** Read-only week grid; each appointment is a link to its detail page. */
export default function WeekCalendarView({
  events,
  week,
  timeZone,
  slotMinTime,
  slotMaxTime,
  showWeekend,
}: {
  events: WeekEvent[];
  week: string;
  timeZone: string;
  slotMinTime: string;
  slotMaxTime: string;
  showWeekend: boolean;
}) {
  const t = useTranslations("agenda");
  return (
    // Seven day columns do not fit a phone: the grid keeps a readable width and scrolls sideways; the day lists
    // above it are the small-screen (and screen-reader) way through the week.
    <div className="overflow-x-auto bg-white" aria-label={t("week.calendarLabel")} role="region" tabIndex={0}>
      <div className="min-w-[56rem]">
      <FullCalendar
        plugins={[timeGridPlugin, classicTheme]}
        locale={deLocale}
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
        slotDuration="00:15:00"
        slotHeaderInterval="01:00"
        slotMinHeight={28}
        slotEventOverlap={false}
        height="auto"
        dayHeaderFormat={{ weekday: "short", day: "numeric", month: "numeric" }}
        slotHeaderFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        events={events.map((e) => ({
          id: e.id,
          start: e.start,
          end: e.end,
          url: e.url,
          title: `${e.service} – ${e.name}`,
          ...(COLORS[e.status] ?? COLORS.CONFIRMED),
          className: `agenda-event agenda-event-${e.status.toLowerCase()}`,
          extendedProps: { status: e.status, service: e.service, name: e.name, time: e.time },
        }))}
        eventContent={(arg) => {
          // The event is a link. Its accessible text names time, service, person and status; the visible text is
          // what fits the box (start, status symbol, name, then service), cut off rather than spilling over.
          const { status, service, name, time } = arg.event.extendedProps as Pick<WeekEvent, "status" | "service" | "name" | "time">;
          const full = t("week.eventLabel", { time, service, name, status: t(`status.${status}`) });
          return (
            <span title={full} className="block h-full overflow-hidden px-0.5 text-xs leading-tight">
              <span className="sr-only">{full}</span>
              <span aria-hidden="true" className={status === "CANCELLED" ? "line-through" : ""}>
                <span className="font-semibold tabular-nums">{time}</span> {statusSymbol(status)}{" "}
                <span className="font-semibold">{name}</span> <span>{service}</span>
              </span>
            </span>
          );
        }}
      />
      </div>
    </div>
  );
}
