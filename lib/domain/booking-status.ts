import { daysBetween, SETTLING_DAYS } from "./statistics/aggregate";
import { addDays, localDateOf } from "./time";
import type { LocalDate } from "./types";

// The clerks' status rules, used by the services that change a status and by the pages that decide which buttons
// to show, so a button is offered exactly when the service would accept it.
//
//   CONFIRMED --arrive--> ARRIVED --serve--> SERVED
//   CONFIRMED --no-show (once the appointment has started)--> NO_SHOW --arrive (came late)--> ARRIVED
//   undo: ARRIVED -> CONFIRMED, SERVED -> ARRIVED, NO_SHOW -> CONFIRMED
//
// On the appointment's day a clerk records what happens as it happens. What was forgotten can be made up for the
// office's `statusCorrectionDays` afterwards (a correction): otherwise a past appointment would stay "booked" for
// ever and be missing from the no-show rate. A correction records no arrival or service time, since the moment is not
// known and the time of the click would distort punctuality and duration in the evaluation. After the window the
// day is settled.

export const STATUS_ACTIONS = ["arrive", "serve", "no-show", "undo"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

export type BookingStatusName = "HELD" | "CONFIRMED" | "ARRIVED" | "SERVED" | "NO_SHOW" | "CANCELLED";

/** Days after an appointment's local date on which its status may still be corrected, unless the office sets it. */
export const DEFAULT_STATUS_CORRECTION_DAYS = 7;

/**
 * The longest correction window an office may set. Every statistics run recomputes the last SETTLING_DAYS days, so
 * a correction made late on the window's last day is still picked up by the runs after midnight; a longer window
 * would change days the evaluation no longer reads again.
 */
export const MAX_STATUS_CORRECTION_DAYS = SETTLING_DAYS - 1;

/** What the status rules read of the office: its day (time zone) and its correction window (0: the day only). */
export interface StatusRules {
  timeZone: string;
  statusCorrectionDays: number;
}

/** The office's window in days, held within 0..MAX_STATUS_CORRECTION_DAYS whatever the stored value. */
export function correctionDays(rules: StatusRules): number {
  const days = Math.trunc(rules.statusCorrectionDays);
  return Number.isFinite(days) ? Math.min(Math.max(days, 0), MAX_STATUS_CORRECTION_DAYS) : DEFAULT_STATUS_CORRECTION_DAYS;
}

/** The last local date on which the statuses of appointments on `date` may still be corrected. */
export function correctableUntil(date: LocalDate, rules: StatusRules): LocalDate {
  return addDays(date, correctionDays(rules));
}

export type TransitionRefusal =
  | "ALREADY_CANCELLED"
  | "STATUS_NOT_ALLOWED"
  | "NO_SHOW_TOO_EARLY"
  | "NOT_APPOINTMENT_DAY"
  | "CORRECTION_EXPIRED";

export interface TransitionPlan {
  ok: true;
  from: BookingStatusName;
  to: BookingStatusName;
  /** Timestamps to write: a Date sets the field, null clears it, undefined leaves it. */
  arrivedAt?: Date | null;
  servedAt?: Date | null;
  /** Recorded after the appointment's day, for the audit log. */
  correction: boolean;
}

export type TransitionResult = TransitionPlan | { ok: false; reason: TransitionRefusal };

export interface StatusSubject {
  status: string;
  startsAt: Date;
}

/** Whole office-local days from the appointment's date to now's: 0 on the day, negative before it. */
export function daysAfterAppointment(booking: StatusSubject, now: Date, timeZone: string): number {
  return daysBetween(localDateOf(booking.startsAt, timeZone), localDateOf(now, timeZone));
}

export function planTransition(booking: StatusSubject, action: StatusAction, now: Date, rules: StatusRules): TransitionResult {
  const from = booking.status as BookingStatusName;
  const refuse = (reason: TransitionRefusal): TransitionResult => ({ ok: false, reason });
  if (from === "CANCELLED") return refuse("ALREADY_CANCELLED");
  const allowedFrom: Record<StatusAction, BookingStatusName[]> = {
    arrive: ["CONFIRMED", "NO_SHOW"],
    serve: ["ARRIVED"],
    "no-show": ["CONFIRMED"],
    undo: ["ARRIVED", "SERVED", "NO_SHOW"],
  };
  if (!allowedFrom[action].includes(from)) return refuse("STATUS_NOT_ALLOWED");

  const days = daysAfterAppointment(booking, now, rules.timeZone);
  // Nothing is recorded ahead of the day: an arrival "tomorrow" is a mistake, not a plan.
  if (days < 0) return refuse(action === "no-show" ? "NO_SHOW_TOO_EARLY" : "NOT_APPOINTMENT_DAY");
  if (action === "no-show" && now < booking.startsAt) return refuse("NO_SHOW_TOO_EARLY");
  if (days > correctionDays(rules)) return refuse("CORRECTION_EXPIRED");

  const correction = days > 0;
  const moment = correction ? null : now;
  switch (action) {
    case "arrive":
      return { ok: true, from, to: "ARRIVED", arrivedAt: moment, correction };
    case "serve":
      return { ok: true, from, to: "SERVED", servedAt: moment, correction };
    case "no-show":
      return { ok: true, from, to: "NO_SHOW", correction };
    case "undo":
      if (from === "SERVED") return { ok: true, from, to: "ARRIVED", servedAt: null, correction };
      return { ok: true, from, to: "CONFIRMED", arrivedAt: null, correction };
  }
}

/** The status actions a clerk can take on the booking right now, in the order of their fixed places. */
export function allowedStatusActions(booking: StatusSubject, now: Date, rules: StatusRules): StatusAction[] {
  return STATUS_ACTIONS.filter((a) => planTransition(booking, a, now, rules).ok);
}

/**
 * Whether the appointment may still be cancelled or moved, by the citizen through the manage link or by staff: only
 * while it is confirmed and still ahead, not once it has begun or been attended to.
 */
export function isChangeable(booking: StatusSubject, now: Date): boolean {
  return booking.status === "CONFIRMED" && booking.startsAt > now;
}

/** What a citizen's own cancellation stores as its reason; every other reason was given by the office. */
export const CITIZEN_CANCEL_REASON = "citizen";

/**
 * Whether the office cancelled this appointment (a clerk, or a change of the opening hours): its citizen may then
 * pick a new time through their link, their data kept. A citizen's own cancellation is final.
 */
export function isCancelledByOffice(booking: { status: string; cancelReason: string | null }): boolean {
  return booking.status === "CANCELLED" && booking.cancelReason !== null && booking.cancelReason !== CITIZEN_CANCEL_REASON;
}

export interface DayBooking extends StatusSubject {
  id: string;
  endsAt: Date;
}

export type DayClosing<T> =
  | { ok: true; open: T[]; /** After the day itself: the no-shows are corrections. */ correction: boolean }
  | { ok: false; reason: "DAY_NOT_OVER" | "CORRECTION_EXPIRED" };

/**
 * Closing a day: the appointments of `date` still without an outcome ("4 Termine noch offen"), which may be recorded
 * as no-shows together. Only once the day's work is over (every appointment that is neither cancelled nor a hold
 * has ended, or the date is past) and within the correction window; each one is exactly what a single "no-show"
 * would accept. Bookings of other dates are ignored.
 */
export function closeDay<T extends DayBooking>(date: LocalDate, bookings: readonly T[], now: Date, rules: StatusRules): DayClosing<T> {
  const { timeZone } = rules;
  const days = daysBetween(date, localDateOf(now, timeZone));
  if (days < 0) return { ok: false, reason: "DAY_NOT_OVER" };
  if (days > correctionDays(rules)) return { ok: false, reason: "CORRECTION_EXPIRED" };
  const ofDay = bookings.filter((b) => localDateOf(b.startsAt, timeZone) === date);
  const running = ofDay.some((b) => b.status !== "CANCELLED" && b.status !== "HELD" && b.endsAt > now);
  if (days === 0 && running) return { ok: false, reason: "DAY_NOT_OVER" };
  const open = ofDay.filter((b) => planTransition(b, "no-show", now, rules).ok);
  return { ok: true, open, correction: days > 0 };
}
