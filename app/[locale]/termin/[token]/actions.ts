"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { isConfirmed, manageTokenSchema, slotChoiceSchema } from "@/lib/schemas/booking";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { deleteMyData } from "@/lib/server/services/privacy/delete-my-data";
import { confirmBookingByToken } from "@/lib/server/services/confirm-booking";
import { extendHoldByToken } from "@/lib/server/services/extend-hold";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { findMoveProblem } from "@/lib/server/services/find-move-problem";
import { rescheduleBookingByToken } from "@/lib/server/services/reschedule-booking-by-token";

// Actions behind the link in the confirmation e-mail. The token is the only credential; a wrong one gets the same
// answer as an erased booking. Cancelling, moving and erasing are final, so each happens only from its confirmation
// page, whose form says so (isConfirmed); any other post (a first step, a stale page) leads to that page and
// changes nothing.

async function go(href: string): Promise<never> {
  return redirect({ href, locale: await getLocale() });
}

function errorCode(e: unknown): string {
  if (isAppError(e)) return e.code;
  console.error("booking change failed", e instanceof Error ? e.name : "unknown");
  return "UNEXPECTED";
}

export async function cancelBooking(token: string, form?: FormData): Promise<void> {
  if (!manageTokenSchema.safeParse(token).success) return go(`/termin/ungueltig`);
  if (!isConfirmed(form)) return go(`/termin/${token}/absagen`);
  try {
    await cancelBookingByToken(getDb(), { token, now: new Date() });
  } catch (e) {
    return go(`/termin/${token}?fehler=${errorCode(e)}`);
  }
  kickOutbox();
  return go(`/termin/${token}?abgesagt=1`);
}

/** The "Termin bestätigen" button of a held booking (a POST: the e-mail's link itself only opens the page). */
export async function confirmHeldBooking(token: string): Promise<void> {
  if (!manageTokenSchema.safeParse(token).success) return go(`/termin/ungueltig`);
  try {
    await confirmBookingByToken(getDb(), { token, now: new Date() });
  } catch (e) {
    return go(`/termin/${token}?fehler=${errorCode(e)}`);
  }
  kickOutbox();
  return go(`/termin/${token}?bestaetigt=1`);
}

/** "Mehr Zeit" for a held booking: the deadline to confirm moves on (WCAG 2.2.1). */
export async function extendHeldBooking(token: string): Promise<void> {
  if (!manageTokenSchema.safeParse(token).success) return go(`/termin/ungueltig`);
  try {
    await extendHoldByToken(getDb(), { token, now: new Date() });
  } catch (e) {
    return go(`/termin/${token}?fehler=${errorCode(e)}`);
  }
  return go(`/termin/${token}?verlaengert=1`);
}

/** A time tapped on the move page: checked, then shown for confirmation ("bisher ... → neu ..."); moved only then. */
export async function rescheduleBooking(token: string, form: FormData): Promise<void> {
  if (!manageTokenSchema.safeParse(token).success) return go(`/termin/ungueltig`);
  const parsed = slotChoiceSchema.safeParse({ start: form.get("start") });
  if (!parsed.success) return go(`/termin/${token}/verschieben?fehler=SLOT_NOT_OFFERED`);
  const start = new Date(parsed.data.start);
  if (!isConfirmed(form)) {
    const booking = await findBookingByToken(getDb(), token);
    const problem = booking ? await findMoveProblem(getDb(), { booking, start, now: new Date() }) : "BOOKING_NOT_FOUND";
    if (problem) return go(`/termin/${token}/verschieben?fehler=${problem}`);
    return go(`/termin/${token}/verschieben/bestaetigen?neu=${encodeURIComponent(start.toISOString())}`);
  }
  try {
    await rescheduleBookingByToken(getDb(), { token, start, now: new Date() });
  } catch (e) {
    return go(`/termin/${token}/verschieben?fehler=${errorCode(e)}`);
  }
  kickOutbox();
  return go(`/termin/${token}?verschoben=1`);
}

export async function deletePersonalData(token: string, form?: FormData): Promise<void> {
  if (!manageTokenSchema.safeParse(token).success) return go(`/termin/ungueltig`);
  if (!isConfirmed(form)) return go(`/termin/${token}/loeschen`);
  try {
    await deleteMyData(getDb(), { token, now: new Date() });
  } catch (e) {
    return go(`/termin/${token}?fehler=${errorCode(e)}`);
  }
  return go(`/termin/${token}?geloescht=1`);
}
