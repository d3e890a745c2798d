import { closesWholeDay, closureMinutes } from "@/lib/domain/schedule";
import type { CapacityPlan } from "@/lib/schemas/capacity";

// The capacity page's data as the server sends it, and small helpers for the browser. Local dates are
// "YYYY-MM-DD" of the office; the calendar shows wall-clock times of the office whatever the browser's zone. Which
// block or closure applies when is the domain's rule (lib/domain/schedule.ts), as for booking.

export type { CapacityPlan };
export type PlanBlock = CapacityPlan["blocks"][number];
export type PlanOverride = CapacityPlan["overrides"][number];
export type PlanClosure = CapacityPlan["closures"][number];
export type PlanHoliday = CapacityPlan["holidays"][number];
export type PlanService = CapacityPlan["services"][number];

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The hours a closure takes out of its date as the slot engine reads them; null when it closes the whole day. */
export function closureHours(closure: PlanClosure): { start: number; end: number } | null {
  return closesWholeDay(closure) ? null : closureMinutes(closure);
}

/** "Mo., 08.03.2027" */
export function formatDate(date: string, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat("de-DE", {
    timeZone: "UTC",
    weekday: style === "long" ? "long" : "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(utcDate(date));
}

/** An instant as the office's wall-clock date and time, "Mo., 08.03.2027, 09:00". */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("de-DE", {
    timeZone,
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}
