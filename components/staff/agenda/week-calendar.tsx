"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { HalfHour } from "./week-calendar-view";

function Loading() {
  const t = useTranslations("agenda.week");
  return <p className="p-4 text-muted">{t("loading")}</p>;
}

// FullCalendar is ESM-only and formats times differently on server and browser: it renders in the browser only.
const WeekCalendarView = dynamic(() => import("./week-calendar-view"), { ssr: false, loading: () => <Loading /> });

export function WeekCalendar(props: {
  halfHours: HalfHour[];
  week: string;
  timeZone: string;
  slotMinTime: string;
  slotMaxTime: string;
  showWeekend: boolean;
}) {
  return <WeekCalendarView {...props} />;
}
