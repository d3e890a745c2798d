import { MINUTES_PER_DAY } from "./time";
import type { Closure, LocalDate, WeeklyBlock } from "./types";

// Which parts of an office's plan apply on a date: the weekly blocks in force and the minutes a closure takes out.
// Kept apart from capacity.ts, which also reads the public holidays, so the staff calendar can run the same rules in
// the browser without loading the holiday tables.

/** Whether a weekly block is part of the plan on a date (its weekday, within its validity). */
export function blockAppliesOn(
  block: Pick<WeeklyBlock, "validFrom" | "validUntil"> & { weekday: number },
  date: LocalDate,
  weekday: number,
): boolean {
  if (block.weekday !== weekday) return false;
  // "YYYY-MM-DD" strings order like the dates they name.
  if (block.validFrom && date < block.validFrom) return false;
  if (block.validUntil && date > block.validUntil) return false;
  return true;
}

/** The local minutes a closure takes out of its date: a missing bound is the start or the end of the day. */
export function closureMinutes(closure: Closure): { start: number; end: number } {
  return { start: closure.startMinute ?? 0, end: closure.endMinute ?? MINUTES_PER_DAY };
}

/** Whether a closure takes out its whole date (no bounds, or bounds at both ends of the day). */
export function closesWholeDay(closure: Closure): boolean {
  const { start, end } = closureMinutes(closure);
  return start <= 0 && end >= MINUTES_PER_DAY;
}
