import type { getFormatter } from "next-intl/server";

// Number and date formatting of the evaluation, shared by figures, tables and chart labels.

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export function evaluationFormat(format: Formatter) {
  const day = (date: string) => new Date(`${date}T12:00:00Z`);
  return {
    /** "24.11.2026" */
    date: (date: string) => format.dateTime(day(date), { dateStyle: "medium", timeZone: "UTC" }),
    /** "24.11." for chart axes */
    shortDate: (date: string) => format.dateTime(day(date), { day: "2-digit", month: "2-digit", timeZone: "UTC" }),
    number: (v: number | null, digits = 1) => (v === null ? "–" : format.number(v, { maximumFractionDigits: digits })),
    percent: (v: number | null) => (v === null ? "–" : format.number(v, { style: "percent", maximumFractionDigits: 1 })),
    /** "+3", "−0,5": a difference with its sign. */
    signed: (v: number, digits = 1) => format.number(v, { maximumFractionDigits: digits, signDisplay: "exceptZero" }),
  };
}

export type EvaluationFormat = ReturnType<typeof evaluationFormat>;
