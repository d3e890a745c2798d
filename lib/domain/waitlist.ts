import type { Weekday } from "./types";

// The waiting list's stored preferences. A wish keeps its acceptable weekdays as "1,2,3" (ISO weekdays) and its
// parts of the day as "MORNING,AFTERNOON"; these helpers are the one way to read and write both, so that the form,
// the API, the matching and the staff views agree on the format.

export const DAY_PARTS = ["MORNING", "AFTERNOON"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** MORNING: an appointment starting before 12:00 local time; AFTERNOON: from 12:00 on. */
export const AFTERNOON_FROM_MINUTE = 12 * 60;

export function dayPartOf(localMinute: number): DayPart {
  return localMinute < AFTERNOON_FROM_MINUTE ? "MORNING" : "AFTERNOON";
}

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 7;
}

export function isDayPart(value: unknown): value is DayPart {
  return typeof value === "string" && (DAY_PARTS as readonly string[]).includes(value);
}

/**
 * The weekdays of a stored "1,2,3", in order and each once; anything that is no ISO weekday is left out, so that a
 * damaged value narrows a wish instead of widening it.
 */
export function parseWeekdays(stored: string): Weekday[] {
  const days = new Set(
    stored
      .split(",")
      .map((part) => part.trim())
      .filter((part) => /^[1-7]$/.test(part))
      .map(Number),
  );
  return WEEKDAYS.filter((d) => days.has(d));
}

/** "1,3,5": the weekdays in order, each once. */
export function formatWeekdays(days: readonly Weekday[]): string {
  const set = new Set(days);
  return WEEKDAYS.filter((d) => set.has(d)).join(",");
}

/** The parts of the day of a stored "MORNING,AFTERNOON", in order and each once; unknown parts are left out. */
export function parseDayParts(stored: string): DayPart[] {
  const parts = new Set(stored.split(",").map((part) => part.trim()));
  return DAY_PARTS.filter((p) => parts.has(p));
}

/** "MORNING,AFTERNOON": the parts in order, each once. */
export function formatDayParts(parts: readonly DayPart[]): string {
  const set = new Set(parts);
  return DAY_PARTS.filter((p) => set.has(p)).join(",");
}
