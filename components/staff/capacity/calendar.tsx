"use client";

import FullCalendar from "@fullcalendar/react";
import interactionPlugin from "@fullcalendar/react/interaction";
import deLocale from "@fullcalendar/react/locales/de";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import type { EventInput } from "@fullcalendar/react";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useFullCalendarTexts } from "@/components/staff/full-calendar-texts";
import { type CalendarEntry, calendarEntries, type EntryKind } from "./events";
import type { CapacityPlan } from "./plan";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";

// The drag-and-drop week view. Loaded in the browser only (see capacity-view.tsx). The calendar runs in UTC and
// is fed "floating" wall-clock times, so it shows the office's times whatever zone the browser is in.

/** Colours per kind, each with a text label inside the entry so that colour is never the only cue. */
export const KIND_COLOURS: Record<EntryKind, { color: string; contrast: string }> = {
  weekly: { color: "#0b4f8a", contrast: "#ffffff" },
  override: { color: "#5b2a86", contrast: "#ffffff" },
  closure: { color: "#b3261e", contrast: "#ffffff" },
  holiday: { color: "#6e1a14", contrast: "#ffffff" },
  openHoliday: { color: "#fdf2e0", contrast: "#1a1a1a" },
};

/** A weekly block on a day the office is closed: still movable, but visibly not in force that day. */
const CLOSED_DAY_COLOURS = { color: "#d9d9d9", contrast: "#1a1a1a" };

export interface TimeRange {
  date: string;
  weekday: number;
  start: number;
  end: number;
}

export interface CapacityCalendarProps {
  plan: CapacityPlan;
  onSelectTime: (range: TimeRange) => void;
  onSelectDay: (date: string) => void;
  onOpen: (entry: CalendarEntry) => void;
  onMoveBlock: (blockId: string, range: TimeRange, revert: () => void) => void;
  onRefused: (message: string) => void;
}

/** Wall-clock date and minute of a calendar date that the UTC calendar produced. */
function wallClock(d: Date): { date: string; minute: number } {
  return { date: d.toISOString().slice(0, 10), minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

function rangeOf(start: Date, end: Date): TimeRange | null {
  const s = wallClock(start);
  const e = wallClock(end);
  let endMinute = e.minute;
  if (e.date !== s.date) {
    // Ending exactly at midnight is the end of the day; anything later crosses into the next day.
    const nextDay = new Date(Date.parse(`${s.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (e.date !== nextDay || e.minute !== 0) return null;
    endMinute = 1440;
  }
  const weekday = ((start.getUTCDay() + 6) % 7) + 1;
  return { date: s.date, weekday, start: s.minute, end: endMinute };
}

export default function CapacityCalendar({ plan, onSelectTime, onSelectDay, onOpen, onMoveBlock, onRefused }: CapacityCalendarProps) {
  const t = useTranslations("capacity");
  const texts = useFullCalendarTexts();
  // Seven columns do not fit a phone: one day at a time there, with the same data.
  const [narrow] = useState(() => typeof window !== "undefined" && window.matchMedia("(max-width: 640px)").matches);
  const serviceNames = new Map(plan.services.map((s) => [s.id, s.name]));

  const titleOf = useCallback(
    (entry: CalendarEntry): string => {
      if (entry.kind === "weekly" || entry.kind === "override") {
        const clerks = t("clerks", { count: entry.clerks ?? 0 });
        const names = (entry.serviceIds ?? []).map((id) => serviceNames.get(id) ?? id);
        const kinds = (entry.appointmentKinds ?? []).map((k) => t(`kinds.${k}`));
        const services = names.length > 0 ? `${clerks}, ${t("onlyServices", { services: names.join(", ") })}` : clerks;
        return kinds.length > 0 ? `${services}, ${t("onlyKinds", { kinds: kinds.join(", ") })}` : services;
      }
      return entry.text ?? "";
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plan, t],
  );

  const events = useCallback(
    (info: { startStr: string; endStr: string }, success: (events: EventInput[]) => void) => {
      const entries = calendarEntries(plan, info.startStr.slice(0, 10), info.endStr.slice(0, 10));
      success(
        entries.map((entry) => ({
          id: entry.id,
          start: entry.start,
          end: entry.end,
          allDay: entry.allDay,
          title: titleOf(entry),
          editable: entry.kind === "weekly",
          startEditable: entry.kind === "weekly",
          durationEditable: entry.kind === "weekly",
          color: (entry.closedThatDay ? CLOSED_DAY_COLOURS : KIND_COLOURS[entry.kind]).color,
          contrastColor: (entry.closedThatDay ? CLOSED_DAY_COLOURS : KIND_COLOURS[entry.kind]).contrast,
          extendedProps: { entry },
        })),
      );
    },
    [plan, titleOf],
  );

  return (
    <div className="capacity-calendar rounded border border-line bg-white p-2">
      <FullCalendar
        plugins={[classicTheme, timeGridPlugin, interactionPlugin]}
        locale={deLocale}
        {...texts}
        // The entries are the office's plan, not appointments.
        noEventsText={t("calendar.noEntries")}
        eventsHint={t("calendar.entries")}
        moreLinkHint={(count: number) => t("calendar.moreEntries", { count })}
        timeZone="UTC"
        initialView={narrow ? "timeGridDay" : "timeGridWeek"}
        initialDate={plan.today}
        firstDay={1}
        headerToolbar={{ start: "prev,next today", center: "title", end: "" }}
        slotMinTime="06:00"
        slotMaxTime="20:00"
        slotDuration="00:30"
        snapDuration="00:15"
        height="auto"
        allDaySlot
        selectable
        selectMirror
        editable
        eventDurationEditable
        eventStartEditable
        events={events}
        eventContent={(info) => {
          const entry = info.event.extendedProps.entry as CalendarEntry | undefined;
          return (
            <div className="overflow-hidden px-0.5 text-xs leading-tight">
              {/* The range being selected is drawn as an entry without data. */}
              {entry && <span className="block font-bold uppercase tracking-wide">{t(`calendar.kind.${entry.kind}`)}</span>}
              {entry?.closedThatDay && <span className="block font-semibold">{t("calendar.closedThatDay")}</span>}
              {info.timeText && <span className="block">{info.timeText}</span>}
              <span className="block">{info.event.title}</span>
            </div>
          );
        }}
        select={(info) => {
          info.view.calendar.unselect();
          if (info.allDay) {
            onSelectDay(info.startStr.slice(0, 10));
            return;
          }
          const range = rangeOf(info.start, info.end);
          if (range) onSelectTime(range);
          else onRefused(t("calendar.crossesMidnight"));
        }}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          onOpen(info.event.extendedProps.entry as CalendarEntry);
        }}
        eventDrop={(info) => {
          const entry = info.event.extendedProps.entry as CalendarEntry;
          const range = info.event.start && info.event.end && !info.event.allDay ? rangeOf(info.event.start, info.event.end) : null;
          if (entry.kind !== "weekly" || !entry.recordId || !range) {
            info.revert();
            const why = entry.kind !== "weekly" ? "notDraggable" : info.event.allDay ? "needsTimes" : "crossesMidnight";
            onRefused(t(`calendar.${why}`));
            return;
          }
          onMoveBlock(entry.recordId, range, info.revert);
        }}
        eventResize={(info) => {
          const entry = info.event.extendedProps.entry as CalendarEntry;
          const range = info.event.start && info.event.end ? rangeOf(info.event.start, info.event.end) : null;
          if (entry.kind !== "weekly" || !entry.recordId || !range) {
            info.revert();
            onRefused(t("calendar.crossesMidnight"));
            return;
          }
          onMoveBlock(entry.recordId, range, info.revert);
        }}
      />
    </div>
  );
}
