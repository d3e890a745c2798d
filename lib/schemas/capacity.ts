import "./zod-config";
import { z } from "zod";
import { APPOINTMENT_KINDS, type AppointmentKind } from "@/lib/domain/demand";

// Shared by the capacity forms, the calendar and the server actions. Messages are translation keys of the
// "capacity.validation" namespace. Times are local wall-clock "HH:MM" (the office's time zone) and come out as
// minutes after midnight; 24:00 is the end of the day.

export const MAX_CLERKS = 50;
/** Capacity times are whole multiples of this many minutes. */
export const TIME_STEP_MINUTES = 5;
export const MINUTES_PER_DAY = 1440;
/** Most bookings one confirmation may cancel; a larger conflict has to be resolved in steps. */
export const MAX_CANCELLATIONS = 500;

/** Parses "HH:MM" (00:00 to 24:00) into minutes after midnight, or null. */
export function parseTime(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** Minutes after midnight as "HH:MM"; 1440 is "24:00". */
export function formatTime(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

const time = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .refine((v) => parseTime(v) !== null, "invalidTime")
  .transform((v) => parseTime(v) as number)
  .refine((m) => m % TIME_STEP_MINUTES === 0, "timeStep");

// An empty form field means "not given".
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const optionalTime = z.preprocess(blankToUndefined, time.optional()).transform((v) => v ?? null);

const localDate = z
  .string({ error: "invalidDate" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "invalidDate");

const optionalDate = z.preprocess(blankToUndefined, localDate.optional()).transform((v) => v ?? null);

/** Database ids (cuid): letters and digits only, so a forged value cannot carry anything else. */
const id = z.string({ error: "invalid" }).regex(/^[A-Za-z0-9_-]{1,40}$/, "invalid");

const clerks = z.coerce
  .number({ error: "invalidClerks" })
  .refine((n) => Number.isInteger(n), "invalidClerks")
  .refine((n) => n >= 1, "clerksMin")
  .refine((n) => n <= MAX_CLERKS, "clerksMax");

/** Of the clerks, places kept for urgent cases; an absent or empty field keeps none. */
const urgentClerks = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? 0 : v),
  z.coerce
    .number({ error: "invalidUrgentClerks" })
    .refine((n) => Number.isInteger(n) && n >= 0, "invalidUrgentClerks"),
);

/** Never more places kept than the block has clerks. */
function urgentWithinClerks(v: { clerks: number; urgentClerks: number }, ctx: IssueSink) {
  if (v.urgentClerks > v.clerks) ctx.addIssue({ code: "custom", path: ["urgentClerks"], message: "urgentClerksMax" });
}

const weekday = z.coerce
  .number({ error: "invalidWeekday" })
  .refine((n) => Number.isInteger(n) && n >= 1 && n <= 7, "invalidWeekday");

/** A new block may be laid on several weekdays at once (Mon–Fri in one step); it is stored once per weekday. */
const weekdays = z
  .array(weekday, { error: "weekdaysRequired" })
  .min(1, "weekdaysRequired")
  .max(7, "invalid")
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

const serviceIds = z
  .array(id, { error: "invalid" })
  .max(100, "invalid")
  .optional()
  .transform((ids) => [...new Set(ids ?? [])].sort());

/**
 * The kinds of appointment the clerks take (a back room doing only phone and video); none or all of them: every
 * kind, stored as none.
 */
const appointmentKinds = z
  .array(z.enum(APPOINTMENT_KINDS, { error: "invalid" }), { error: "invalid" })
  .max(APPOINTMENT_KINDS.length * 2, "invalid")
  .optional()
  .transform((kinds): AppointmentKind[] => {
    const listed = APPOINTMENT_KINDS.filter((k) => kinds?.includes(k));
    return listed.length === APPOINTMENT_KINDS.length ? [] : listed;
  });

// One line of text: no control characters or line breaks (they would end up in e-mails and the audit view).
const line = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .max(max, "tooLong")
    .refine((v) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(v), "invalidText");

/** What happens to the bookings a change leaves without a clerk: moved to the next free time, or cancelled. */
export const CONFLICT_RESOLUTIONS = ["move", "cancel"] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

/**
 * Present on every change that may displace bookings: the bookings the staff member saw and agreed to give up at
 * their times, what happens to them (cancelled when not said), and the message the citizens read.
 */
const confirmation = {
  cancelBookingIds: z.array(id, { error: "invalid" }).max(MAX_CANCELLATIONS, "invalid").optional(),
  cancelReason: line(500).pipe(z.string().min(1, "required")).optional(),
  resolution: z.enum(CONFLICT_RESOLUTIONS, { error: "invalid" }).optional(),
};

interface IssueSink {
  addIssue(issue: { code: "custom"; path: string[]; message: string }): void;
}

function endAfterStart(v: { start: number; end: number }, ctx: IssueSink) {
  if (v.end <= v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "endBeforeStart" });
}

function validityInOrder(v: { validFrom: string | null; validUntil: string | null }, ctx: IssueSink) {
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: "validUntilBeforeFrom" });
  }
}

/** Cancelling needs the words the citizens will read. */
function reasonWithCancellation(v: { cancelBookingIds?: string[]; cancelReason?: string }, ctx: IssueSink) {
  if (v.cancelBookingIds && v.cancelReason === undefined) ctx.addIssue({ code: "custom", path: ["cancelReason"], message: "required" });
}

const blockTimes = {
  start: time,
  end: time,
  clerks,
  urgentClerks,
  serviceIds,
  appointmentKinds,
  validFrom: optionalDate,
  validUntil: optionalDate,
};

const blockFields = { weekday, ...blockTimes };

/**
 * A new weekly capacity block on one or more weekdays. The office id is only the target: the service checks the
 * actor may edit it.
 */
export const createBlockSchema = z
  .object({ officeId: id, weekdays, ...blockTimes })
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    validityInOrder(v, ctx);
    urgentWithinClerks(v, ctx);
  });

export const updateBlockSchema = z
  .object({ blockId: id, ...blockFields, ...confirmation })
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    validityInOrder(v, ctx);
    urgentWithinClerks(v, ctx);
    reasonWithCancellation(v, ctx);
  });

export const deleteBlockSchema = z
  .object({ blockId: id, ...confirmation })
  .superRefine((v, ctx) => reasonWithCancellation(v, ctx));

export const createClosureSchema = z
  .object({
    officeId: id,
    date: localDate,
    start: optionalTime,
    end: optionalTime,
    reason: line(200).pipe(z.string().min(1, "required")),
    ...confirmation,
  })
  .superRefine((v, ctx) => {
    // Whole day when both are empty; hours need both ends.
    if (v.start === null && v.end !== null) ctx.addIssue({ code: "custom", path: ["start"], message: "required" });
    else if (v.start !== null && v.end === null) ctx.addIssue({ code: "custom", path: ["end"], message: "required" });
    else if (v.start !== null && v.end !== null) endAfterStart({ start: v.start, end: v.end }, ctx);
    reasonWithCancellation(v, ctx);
  });

export const deleteClosureSchema = z.object({ closureId: id });

const overrideFields = {
  date: localDate,
  start: time,
  end: time,
  clerks,
  urgentClerks,
  serviceIds,
  appointmentKinds,
  note: line(200)
    .optional()
    .transform((v) => v || null),
};

export const createOverrideSchema = z
  .object({ officeId: id, ...overrideFields, ...confirmation })
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    urgentWithinClerks(v, ctx);
    reasonWithCancellation(v, ctx);
  });

export const updateOverrideSchema = z
  .object({ overrideId: id, ...overrideFields, ...confirmation })
  .superRefine((v, ctx) => {
    endAfterStart(v, ctx);
    urgentWithinClerks(v, ctx);
    reasonWithCancellation(v, ctx);
  });

export const deleteOverrideSchema = z
  .object({ overrideId: id, ...confirmation })
  .superRefine((v, ctx) => reasonWithCancellation(v, ctx));

/** Opens the office on one public holiday of its region (an exception; holidays close by default). */
export const openHolidaySchema = z.object({ officeId: id, date: localDate });

/** Takes the exception back; bookings made for that day meanwhile are a conflict. */
export const closeHolidaySchema = z
  .object({ officeId: id, date: localDate, ...confirmation })
  .superRefine((v, ctx) => reasonWithCancellation(v, ctx));

export type CreateBlockInput = z.output<typeof createBlockSchema>;
export type UpdateBlockInput = z.output<typeof updateBlockSchema>;
export type DeleteBlockInput = z.output<typeof deleteBlockSchema>;
export type CreateClosureInput = z.output<typeof createClosureSchema>;
export type DeleteClosureInput = z.output<typeof deleteClosureSchema>;
export type CreateOverrideInput = z.output<typeof createOverrideSchema>;
export type UpdateOverrideInput = z.output<typeof updateOverrideSchema>;
export type DeleteOverrideInput = z.output<typeof deleteOverrideSchema>;
export type OpenHolidayInput = z.output<typeof openHolidaySchema>;
export type CloseHolidayInput = z.output<typeof closeHolidaySchema>;

/** What forms and the calendar send (times as "HH:MM", numbers possibly as strings). */
export type BlockFormValues = z.input<typeof updateBlockSchema>;

/** What the capacity page shows for one office, as the server passes it to the calendar in the browser. */
export interface CapacityPlan {
  office: { id: string; slug: string; name: string; timeZone: string };
  /** Local dates of the office: today and the last bookable day. */
  today: string;
  horizonEnd: string;
  services: { id: string; name: string; active: boolean }[];
  blocks: {
    id: string;
    weekday: number;
    startMinute: number;
    endMinute: number;
    clerks: number;
    /** Of the clerks, places kept for urgent cases; absent: none. */
    urgentClerks?: number;
    serviceIds: string[];
    /** Kinds of appointment its clerks take; empty or absent: every kind. */
    appointmentKinds?: AppointmentKind[];
    validFrom: string | null;
    validUntil: string | null;
  }[];
  closures: { id: string; date: string; startMinute: number | null; endMinute: number | null; reason: string }[];
  overrides: {
    id: string;
    date: string;
    startMinute: number;
    endMinute: number;
    clerks: number;
    /** Of the clerks, places kept for urgent cases; absent: none. */
    urgentClerks?: number;
    serviceIds: string[];
    appointmentKinds?: AppointmentKind[];
    note: string | null;
  }[];
  holidayRegionName: string;
  /** The region's public holidays; closed unless the office opened one. */
  holidays: { date: string; name: string; open: boolean }[];
  can: { manageHolidays: boolean };
}
