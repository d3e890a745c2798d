import { localDateOf, MS_PER_MINUTE } from "./time";
import type { LocalDate } from "./types";

// Check-in at the office: at the kiosk (the QR code or the typed reference code) or on the citizen's own phone. An
// appointment may be checked in from `checkInEarlyMinutes` before its start until `checkInLateMinutes` after it,
// both edges included, on its own day only. Before the window the citizen is told from when; after it the kiosk
// refuses and sends them to the counter, where a clerk decides (a late arrival is never silently queued).

export interface CheckInRules {
  timeZone: string;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
}

export interface CheckInSubject {
  status: string;
  startsAt: Date;
  /** How the appointment takes place; only visitors check in (absent: in person). */
  kind?: string;
}

export type CheckInRefusal =
  /** Checked in already: the booking has its ticket. */
  | "CHECKIN_ALREADY_DONE"
  /** Cancelled, held, recorded as a no-show or served, or a phone or video appointment: only the counter can help. */
  | "CHECKIN_NOT_POSSIBLE"
  /** The appointment is on another day. */
  | "CHECKIN_NOT_TODAY"
  | "CHECKIN_TOO_EARLY"
  /** After the window: please go to the counter. */
  | "CHECKIN_TOO_LATE";

export type CheckInCheck =
  | { ok: true; /** The local date of the visit: the ticket's date. */ date: LocalDate }
  | { ok: false; reason: "CHECKIN_TOO_EARLY"; opensAt: Date }
  | { ok: false; reason: Exclude<CheckInRefusal, "CHECKIN_TOO_EARLY"> };

/** From when to when (both included) the appointment may be checked in. Minutes are real minutes, across DST too. */
export function checkInWindow(startsAt: Date, rules: CheckInRules): { opensAt: Date; closesAt: Date } {
  const early = Math.max(0, Math.trunc(rules.checkInEarlyMinutes));
  const late = Math.max(0, Math.trunc(rules.checkInLateMinutes));
  return {
    opensAt: new Date(startsAt.getTime() - early * MS_PER_MINUTE),
    closesAt: new Date(startsAt.getTime() + late * MS_PER_MINUTE),
  };
}

/** Whether the appointment may be checked in at `now`, and if not, why (and from when, if it is too early). */
export function checkInCheck(booking: CheckInSubject, now: Date, rules: CheckInRules): CheckInCheck {
  if (booking.status === "ARRIVED") return { ok: false, reason: "CHECKIN_ALREADY_DONE" };
  if (booking.status !== "CONFIRMED" || (booking.kind ?? "IN_PERSON") !== "IN_PERSON") return { ok: false, reason: "CHECKIN_NOT_POSSIBLE" };
  const date = localDateOf(booking.startsAt, rules.timeZone);
  if (date !== localDateOf(now, rules.timeZone)) return { ok: false, reason: "CHECKIN_NOT_TODAY" };
  const { opensAt, closesAt } = checkInWindow(booking.startsAt, rules);
  if (now < opensAt) return { ok: false, reason: "CHECKIN_TOO_EARLY", opensAt };
  if (now > closesAt) return { ok: false, reason: "CHECKIN_TOO_LATE" };
  return { ok: true, date };
}

/** Whether the window is open now: the phone check-in button is shown exactly then. */
export function isCheckInOpen(booking: CheckInSubject, now: Date, rules: CheckInRules): boolean {
  return checkInCheck(booking, now, rules).ok;
}
