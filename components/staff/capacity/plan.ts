import type { CapacityPlan } from "@/lib/server/services/capacity/list-capacity";

// The capacity page's data as the server sends it, and small date helpers for the browser. Local dates are
// "YYYY-MM-DD" of the office; the calendar shows wall-clock times of the office whatever the browser's zone.

export type { CapacityPlan };
export type PlanBlock = CapacityPlan["blocks"][number];
export type PlanOverride = CapacityPlan["overrides"][number];
export type PlanClosure = CapacityPlan["closures"][number];
export type PlanHoliday = CapacityPlan["holidays"][number];
export type PlanService = CapacityPlan["services"][number];

const MS_PER_DAY = 86_400_000;

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, n: number): string {
  return new Date(utcDate(date).getTime() + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((utcDate(date).getUTCDay() + 6) % 7) + 1;
}

export function blockAppliesOn(block: PlanBlock, date: string): boolean {
  if (block.weekday !== weekdayOf(date)) return false;
  if (block.validFrom && date < block.validFrom) return false;
  if (block.validUntil && date > block.validUntil) return false;
  return true;
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
