import { localDateOf } from "./time";
import type { AccessKind, LocalDate } from "./types";
import { isUrgent } from "./urgency";

// Which access kind a citizen's request has: urgent only where the service asks for the permit's expiry and the
// stated date makes the case urgent (`isUrgent`, judged on the office's local today); everyone else is public.

export function citizenAccess(
  office: { timeZone: string; urgentWithinDays: number },
  service: { asksPermitExpiry: boolean },
  permitExpiresOn: LocalDate | null | undefined,
  now: Date,
): AccessKind {
  if (!service.asksPermitExpiry) return "public";
  return isUrgent(permitExpiresOn, office.urgentWithinDays, localDateOf(now, office.timeZone)) ? "urgent" : "public";
}

/** A booking keeps the access it was made with when the citizen moves it: an urgent one may use kept places. */
export function bookingAccess(booking: { urgent: boolean }): AccessKind {
  return booking.urgent ? "urgent" : "public";
}
