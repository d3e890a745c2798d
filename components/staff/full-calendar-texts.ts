"use client";

import { useTranslations } from "next-intl";

/**
 * Every text FullCalendar can show or read out, in German from the staff messages: its own German locale leaves
 * some out, which then appear in English ("Timed" for the time axis, read by screen readers).
 */
export function useFullCalendarTexts() {
  const t = useTranslations("agenda.fullCalendar");
  return {
    todayText: t("today"),
    prevText: t("prev"),
    nextText: t("next"),
    prevYearText: t("prevYear"),
    nextYearText: t("nextYear"),
    yearText: t("year"),
    monthText: t("month"),
    weekTextLong: t("week"),
    weekTextShort: t("weekShort"),
    dayText: t("day"),
    listText: t("list"),
    allDayText: t("allDay"),
    timedText: t("timed"),
    noEventsText: t("noEvents"),
    closeHint: t("close"),
    eventsHint: t("events"),
    viewChangeHint: t("viewChange"),
    moreLinkText: (count: number) => t("moreLink", { count }),
    moreLinkHint: (count: number) => t("moreLinkHint", { count }),
    navLinkHint: (date: string) => t("navLinkHint", { date }),
    prevHint: (unit: string) => t("prevHint", { unit }),
    nextHint: (unit: string) => t("nextHint", { unit }),
    todayHint: (unit: string, unitName: string) => (unitName === "day" ? t("today") : t("todayHint", { unit })),
    viewHint: (view: string) => t("viewHint", { view }),
  };
}
