import { addDays, datesBetween, isValidLocalDate } from "../time";
import type { LocalDate } from "../types";
import { daysBetween } from "./aggregate";

// Evaluation periods: inclusive local date ranges, the previous period of equal length, and the quick choices.

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** Longest period the dashboard evaluates at once (two years and a leap day). */
export const MAX_PERIOD_DAYS = 731;

export function periodLength(p: Period): number {
  return daysBetween(p.from, p.to) + 1;
}

export function isValidPeriod(p: Partial<Period>): p is Period {
  return (
    isValidLocalDate(p.from) &&
    isValidLocalDate(p.to) &&
    p.from <= p.to &&
    periodLength(p as Period) <= MAX_PERIOD_DAYS
  );
}

/** The period of equal length that ends the day before `p` starts: the "before" of a before/after comparison. */
export function previousPeriod(p: Period): Period {
  const length = periodLength(p);
  return { from: addDays(p.from, -length), to: addDays(p.from, -1) };
}

export const QUICK_PERIODS = ["last4Weeks", "last12Weeks", "lastQuarter", "next4Weeks"] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

/** The quick choices relative to the office-local `today`; a past period ends yesterday, the last settled day. */
export function quickPeriod(choice: QuickPeriod, today: LocalDate): Period {
  const yesterday = addDays(today, -1);
  switch (choice) {
    case "last4Weeks":
      return { from: addDays(today, -28), to: yesterday };
    case "last12Weeks":
      return { from: addDays(today, -84), to: yesterday };
    case "lastQuarter": {
      const [year, month] = today.split("-").map(Number);
      const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
      const start = quarterStartMonth === 1 ? `${year - 1}-10-01` : `${year}-${String(quarterStartMonth - 3).padStart(2, "0")}-01`;
      const thisQuarter = `${year}-${String(quarterStartMonth).padStart(2, "0")}-01`;
      return { from: start, to: addDays(thisQuarter, -1) };
    }
    case "next4Weeks":
      return { from: today, to: addDays(today, 27) };
  }
}

/** Days of the period; weeks are the better unit for the charts once a period is longer than eight weeks. */
export function seriesUnit(p: Period): "day" | "week" {
  return periodLength(p) > 56 ? "week" : "day";
}

export function periodDates(p: Period): LocalDate[] {
  return datesBetween(p.from, p.to);
}
