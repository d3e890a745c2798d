import "./zod-config";
import { z } from "zod";
import { addDays } from "@/lib/domain/time";
import type { LocalDate, Weekday } from "@/lib/domain/types";
import { DAY_PARTS, type DayPart, WEEKDAYS } from "@/lib/domain/waitlist";

// The citizen's wish on the waiting list: which dates, weekdays and parts of the day suit. Shared by the wish form
// (react-hook-form), its server actions and the JSON API. Messages are keys of the "waitlist.validation" messages,
// each naming its field, so that the error summary needs no other label.

/**
 * How far beyond the booking horizon a wish may reach: an office releases days as its horizon moves on, and the
 * waiting list offers them first, so a wish may wait for days not yet bookable, but not for ever (half a year
 * beyond the horizon; a wish expires after its latest date anyway).
 */
export const WISH_DAYS_BEYOND_HORIZON = 183;

export const WISH_MESSAGES = {
  earliestDate: { required: "earliestDateRequired", invalid: "earliestDateInvalid", past: "earliestDatePast" },
  latestDate: {
    required: "latestDateRequired",
    invalid: "latestDateInvalid",
    beforeEarliest: "latestBeforeEarliest",
    tooFar: "latestTooFar",
  },
  weekdays: { required: "weekdaysRequired", invalid: "weekdaysInvalid" },
  dayParts: { required: "dayPartsRequired", invalid: "dayPartsInvalid" },
} as const;

type Messages = typeof WISH_MESSAGES;
export type WishMessage = { [F in keyof Messages]: Messages[F][keyof Messages[F]] }[keyof Messages];

/** The dates a wish may name, from the office's local `today`: today up to half a year beyond the horizon. */
export function wishDateBounds(today: LocalDate, bookingHorizonDays: number): { first: LocalDate; last: LocalDate } {
  return { first: today, last: addDays(today, bookingHorizonDays + WISH_DAYS_BEYOND_HORIZON) };
}

function dateField(m: { required: string; invalid: string }) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? m.required : m.invalid) })
    .trim()
    .min(1, { error: m.required, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: m.invalid, abort: true })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, { error: m.invalid, abort: true });
}

/** A set of choices from checkboxes: one value or many, each once; none is "required", an unknown one "invalid". */
function choices<T extends string | number>(allowed: readonly T[], parse: (raw: string) => T | undefined, m: { required: string; invalid: string }) {
  return z
    .preprocess(
      // A checkbox group with none ticked reaches the schema as nothing, "" or false (react-hook-form).
      (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.unknown(), { error: m.invalid }),
    )
    .transform((values, ctx) => {
      const out = new Set<T>();
      for (const raw of values) {
        const value = typeof raw === "string" || typeof raw === "number" ? parse(String(raw).trim()) : undefined;
        if (value === undefined) {
          ctx.addIssue({ code: "custom", message: m.invalid });
          return z.NEVER;
        }
        out.add(value);
      }
      return allowed.filter((a) => out.has(a));
    })
    .refine((values) => values.length > 0, m.required);
}

export const weekdaysSchema = choices<Weekday>(
  WEEKDAYS,
  (raw) => (/^[1-7]$/.test(raw) ? (Number(raw) as Weekday) : undefined),
  WISH_MESSAGES.weekdays,
);

export const dayPartsSchema = choices<DayPart>(
  DAY_PARTS,
  (raw) => (DAY_PARTS as readonly string[]).includes(raw) ? (raw as DayPart) : undefined,
  WISH_MESSAGES.dayParts,
);

/**
 * The preferences of a wish. `today` is the office's local date, `bookingHorizonDays` its horizon: the earliest
 * date is today or later, the latest on or after the earliest and at most WISH_DAYS_BEYOND_HORIZON days beyond the
 * horizon.
 */
export function wishPreferencesSchema(opts: { today: LocalDate; bookingHorizonDays: number }) {
  const m = WISH_MESSAGES;
  const bounds = wishDateBounds(opts.today, opts.bookingHorizonDays);
  return z
    .object({
      earliestDate: dateField(m.earliestDate).refine((d) => d >= bounds.first, m.earliestDate.past),
      latestDate: dateField(m.latestDate).refine((d) => d <= bounds.last, m.latestDate.tooFar),
      weekdays: weekdaysSchema,
      dayParts: dayPartsSchema,
    })
    .superRefine((wish, ctx) => {
      if (wish.latestDate < wish.earliestDate) {
        ctx.addIssue({ code: "custom", path: ["latestDate"], message: m.latestDate.beforeEarliest });
      }
    });
}

export type WishPreferences = z.output<ReturnType<typeof wishPreferencesSchema>>;
/** What the form sends (strings from date inputs and checkboxes). */
export type WishPreferencesInput = z.input<ReturnType<typeof wishPreferencesSchema>>;

/** Reads the wish form as posted (with or without JavaScript) into the schema's input shape. */
export function wishPreferencesFromForm(form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const all = (key: string) => form.getAll(key).filter((v): v is string => typeof v === "string");
  return {
    earliestDate: text("earliestDate"),
    latestDate: text("latestDate"),
    weekdays: all("weekdays"),
    dayParts: all("dayParts"),
  };
}
