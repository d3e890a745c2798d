import { localDateOf } from "@/lib/domain";
import type { StatusAction } from "@/lib/schemas/staff-booking";

// The clerks' status rules in one pure function, used by the services that change a status and by the pages that
// decide which buttons to show, so a button is offered exactly when the service would accept it.
//
//   CONFIRMED --arrive--> ARRIVED --serve--> SERVED
//   CONFIRMED --no-show (once the appointment has started)--> NO_SHOW --arrive (came late)--> ARRIVED
//   undo, on the appointment's day only: ARRIVED -> CONFIRMED, SERVED -> ARRIVED, NO_SHOW -> CONFIRMED

export type BookingStatusName = "HELD" | "CONFIRMED" | "ARRIVED" | "SERVED" | "NO_SHOW" | "CANCELLED";

export type TransitionRefusal =
  | "ALREADY_CANCELLED"
  | "STATUS_NOT_ALLOWED"
  | "NO_SHOW_TOO_EARLY"
  | "NOT_APPOINTMENT_DAY"
  | "UNDO_EXPIRED";

export interface TransitionPlan {
  ok: true;
  from: BookingStatusName;
  to: BookingStatusName;
  /** Timestamps to write: a Date sets the field, null clears it, undefined leaves it. */
  arrivedAt?: Date | null;
  servedAt?: Date | null;
}

export type TransitionResult = TransitionPlan | { ok: false; reason: TransitionRefusal };

interface StatusSubject {
  status: string;
  startsAt: Date;
}

export function planTransition(booking: StatusSubject, action: StatusAction, now: Date, timeZone: string): TransitionResult {
  const from = booking.status as BookingStatusName;
  if (from === "CANCELLED") return { ok: false, reason: "ALREADY_CANCELLED" };
  const onAppointmentDay = localDateOf(now, timeZone) === localDateOf(booking.startsAt, timeZone);
  const refuse = (reason: TransitionRefusal): TransitionResult => ({ ok: false, reason });

  switch (action) {
    case "arrive":
      if (from !== "CONFIRMED" && from !== "NO_SHOW") return refuse("STATUS_NOT_ALLOWED");
      // Arrivals are recorded at the counter on the day itself, not ahead of it or days later.
      if (!onAppointmentDay) return refuse("NOT_APPOINTMENT_DAY");
      return { ok: true, from, to: "ARRIVED", arrivedAt: now };
    case "serve":
      if (from !== "ARRIVED") return refuse("STATUS_NOT_ALLOWED");
      return { ok: true, from, to: "SERVED", servedAt: now };
    case "no-show":
      if (from !== "CONFIRMED") return refuse("STATUS_NOT_ALLOWED");
      if (now < booking.startsAt) return refuse("NO_SHOW_TOO_EARLY");
      return { ok: true, from, to: "NO_SHOW" };
    case "undo":
      if (from !== "ARRIVED" && from !== "SERVED" && from !== "NO_SHOW") return refuse("STATUS_NOT_ALLOWED");
      // Statistics are built from these statuses: after the day they are settled.
      if (!onAppointmentDay) return refuse("UNDO_EXPIRED");
      if (from === "SERVED") return { ok: true, from, to: "ARRIVED", servedAt: null };
      return { ok: true, from, to: "CONFIRMED", arrivedAt: null };
  }
}

/** The status actions a clerk can take on the booking right now, in the order the buttons appear. */
export function allowedStatusActions(booking: StatusSubject, now: Date, timeZone: string): StatusAction[] {
  return (["arrive", "serve", "no-show", "undo"] as const).filter((a) => planTransition(booking, a, now, timeZone).ok);
}

/** Cancelling and moving are for appointments that are still ahead and not yet attended to. */
export function isChangeableByStaff(booking: StatusSubject, now: Date): boolean {
  return booking.status === "CONFIRMED" && booking.startsAt > now;
}
