"use server";

import { localDateOf } from "@/lib/domain";
import { manageTokenSchema } from "@/lib/schemas/booking";
import type { ActionState } from "@/lib/schemas/form-errors";
import { wishPreferencesFromForm, wishPreferencesSchema } from "@/lib/schemas/wish";
import { formStep, go, redirectingStep } from "@/lib/server/actions/citizen-step";
import { tokenAction } from "@/lib/server/actions/token-action";
import { getDb } from "@/lib/server/db";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { acceptOffer } from "@/lib/server/services/waitlist/accept-offer";
import { declineOffer } from "@/lib/server/services/waitlist/decline-offer";
import { confirmWishByToken } from "@/lib/server/services/waitlist/confirm-wish";
import { findWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";
import { updateWishByToken } from "@/lib/server/services/waitlist/update-wish";
import { withdrawWishByToken } from "@/lib/server/services/waitlist/withdraw-wish";

// Actions behind the link in the wish e-mail. The token is the only credential; a malformed one leads to the page
// for unusable links before anything is read. Withdrawing is final, so it happens only from its confirmation page.

/** "Wunsch bestätigen" (a POST: the e-mail's link itself only opens the page, since mail scanners prefetch it). */
export async function confirmWish(token: string): Promise<void> {
  return tokenAction(token, {
    base: "/warteliste",
    run: async ({ db, now }) => {
      await confirmWishByToken(db, { token, now });
      return "?bestaetigt=1";
    },
  });
}

/** The changed preferences, checked with the form's own schema; refusals go back to the form. */
export async function changeWish(token: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  if (!manageTokenSchema.safeParse(token).success) return go("/warteliste/ungueltig");
  const wish = await findWishByToken(getDb(), token);
  if (!wish) return go(`/warteliste/${token}`);
  const now = new Date();
  const schema = wishPreferencesSchema({
    today: localDateOf(now, wish.office.timeZone),
    bookingHorizonDays: wish.office.bookingHorizonDays,
  });
  return formStep("waitlist link", schema, wishPreferencesFromForm(form), async (preferences) => {
    await updateWishByToken(getDb(), { token, preferences, now });
    return `/warteliste/${token}?geaendert=1`;
  });
}

export async function withdrawWish(token: string, form?: FormData): Promise<void> {
  return tokenAction(token, {
    base: "/warteliste",
    confirmation: { form, page: "/zurueckziehen" },
    run: async ({ db, now }) => {
      await withdrawWishByToken(db, { token, now });
      return "?zurueckgezogen=1";
    },
  });
}

/**
 * "Termin annehmen" for the wish's open offer: the held booking becomes the citizen's appointment, with the usual
 * confirmation e-mail. Accepting made the booking a new link (only hashes are stored): its page opens right away.
 */
export async function acceptWishOffer(token: string): Promise<void> {
  if (!manageTokenSchema.safeParse(token).success) return go("/warteliste/ungueltig");
  return redirectingStep("waitlist link", `/warteliste/${token}`, async () => {
    const accepted = await acceptOffer(getDb(), { wishToken: token, now: new Date() });
    kickOutbox();
    return accepted.manageToken ? `/termin/${accepted.manageToken}?angenommen=1` : `/warteliste/${token}`;
  });
}

/** Declining asks first (its confirmation page); the time then goes to the next matching wish. */
export async function declineWishOffer(token: string, form?: FormData): Promise<void> {
  return tokenAction(token, {
    base: "/warteliste",
    confirmation: { form, page: "/ablehnen" },
    mails: true,
    run: async ({ db, now }) => {
      await declineOffer(db, { wishToken: token, now });
      return "?abgelehnt=1";
    },
  });
}
