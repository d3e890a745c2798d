"use client";

import { useTranslations } from "next-intl";

/**
 * Every text FullCalendar can show or read out, in German from the staff messages: its own German locale leaves
 * some out, which then appear in English ("Timed" for the time axis, read by screen readers). Shared by the staff
 * calendars; the words for the entries ("Termine") suit the appointments and may be replaced by the caller.
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
    // Called with the unit's text ("Woche") and its name ("week"); German inflects by the unit, so the name decides.
    // The accessible name of "Heute" starts with its visible text (WCAG 2.5.3).
    prevHint: (_unitText: string, unit: string) => t("prevHint", { unit }),
    nextHint: (_unitText: string, unit: string) => t("nextHint", { unit }),
    todayHint: (_unitText: string, unit: string) => t("todayHint", { unit }),
    viewHint: (view: string) => t("viewHint", { view }),
  };
}
