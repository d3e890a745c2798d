"use server";

import { cookies } from "next/headers";
import { isConfirmed } from "@/lib/schemas/booking";
import { postedSlot } from "@/lib/server/actions/citizen-step";
import { tokenAction } from "@/lib/server/actions/token-action";
import { AppError } from "@/lib/server/errors";
import { deleteMyData } from "@/lib/server/services/privacy/delete-my-data";
import { confirmBookingByToken } from "@/lib/server/services/confirm-booking";
import { extendHoldByToken } from "@/lib/server/services/extend-hold";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { findMoveProblem } from "@/lib/server/services/find-move-problem";
import { rescheduleBookingByToken } from "@/lib/server/services/reschedule-booking-by-token";
import { POSTER_VISIT_COOKIE } from "@/lib/server/security/check-in-tokens";
import { checkInByPhone } from "@/lib/server/services/checkin/phone-check-in";
import { acceptOffer } from "@/lib/server/services/waitlist/accept-offer";
import { declineOffer } from "@/lib/server/services/waitlist/decline-offer";

// Actions behind the link in the confirmation e-mail (tokenAction checks the token and answers by redirecting).
// Cancelling, moving and erasing are final, so each happens only from its confirmation page, whose form says so;
// any other post (a first step, a stale page) leads to that page and changes nothing.

export async function cancelBooking(token: string, form?: FormData): Promise<void> {
  return tokenAction(token, {
    confirmation: { form, page: "/absagen" },
    mails: true,
    run: async ({ db, now }) => {
      await cancelBookingByToken(db, { token, now });
      return "?abgesagt=1";
    },
  });
}

/** The "Termin bestätigen" button of a held booking (a POST: the e-mail's link itself only opens the page). */
export async function confirmHeldBooking(token: string): Promise<void> {
  return tokenAction(token, {
    mails: true,
    run: async ({ db, now }) => {
      await confirmBookingByToken(db, { token, now });
      return "?bestaetigt=1";
    },
  });
}

/** "Termin annehmen" of an offer from the waiting list (a POST: the offer e-mail's link only opens the page). */
export async function acceptHeldOffer(token: string): Promise<void> {
  return tokenAction(token, {
    mails: true,
    run: async ({ db, now }) => {
      await acceptOffer(db, { bookingToken: token, now });
      return "?angenommen=1";
    },
  });
}

/** "Angebot ablehnen": final, so only from its question page; the time goes to the next wish at once. */
export async function declineHeldOffer(token: string, form?: FormData): Promise<void> {
  return tokenAction(token, {
    confirmation: { form, page: "/ablehnen" },
    mails: true,
    run: async ({ db, now }) => {
      await declineOffer(db, { bookingToken: token, now });
      return "?abgelehnt=1";
    },
  });
}

/** "Mehr Zeit" for a held booking: the deadline to confirm moves on (WCAG 2.2.1). */
export async function extendHeldBooking(token: string): Promise<void> {
  return tokenAction(token, {
    run: async ({ db, now }) => {
      await extendHoldByToken(db, { token, now });
      return "?verlaengert=1";
    },
  });
}

/** A time tapped on the move page: checked, then shown for confirmation ("bisher ... → neu ..."); moved only then. */
export async function rescheduleBooking(token: string, form: FormData): Promise<void> {
  const confirmed = isConfirmed(form);
  return tokenAction(token, {
    errorPage: "/verschieben",
    mails: confirmed,
    run: async ({ db, now }) => {
      const start = new Date(postedSlot(form));
      if (confirmed) {
        await rescheduleBookingByToken(db, { token, start, now });
        return "?verschoben=1";
      }
      const booking = await findBookingByToken(db, token);
      const problem = booking ? await findMoveProblem(db, { booking, start, now }) : "BOOKING_NOT_FOUND";
      if (problem) throw new AppError(problem);
      return `/verschieben/bestaetigen?neu=${encodeURIComponent(start.toISOString())}`;
    },
  });
}

export async function deletePersonalData(token: string, form?: FormData): Promise<void> {
  return tokenAction(token, {
    confirmation: { form, page: "/loeschen" },
    run: async ({ db, now }) => {
      await deleteMyData(db, { token, now });
      return "?geloescht=1";
    },
  });
}

/** "Jetzt einchecken" at the office, on the citizen's phone: only after the office's door poster was opened. */
export async function checkInOnPhone(token: string): Promise<void> {
  return tokenAction(token, {
    run: async ({ db, now }) => {
      const posterVisit = (await cookies()).get(POSTER_VISIT_COOKIE)?.value;
      await checkInByPhone(db, { manageToken: token, posterVisit }, now);
      return "?eingecheckt=1";
    },
  });
}
