import { appointmentDates } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { createManageToken } from "@/lib/server/security/tokens";
import { enqueueConfirmation } from "../confirmation-mail";
import { findOffer, type OfferInput } from "./find-offer";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

export interface AcceptedOffer {
  bookingId: string;
  referenceCode: string;
  startsAt: Date;
  endsAt: Date;
  /**
   * The booking's manage token when this call knows it: the one given (by booking token), or a fresh one (by wish
   * token: only hashes are stored, so the confirmation's link needs a new token). Null when accepted before.
   */
  manageToken: string | null;
}

/**
 * The citizen accepts an offer, under the day lock: an OPEN offer whose deadline lies ahead becomes a CONFIRMED
 * booking with the usual confirmation e-mail and calendar file; the wish is BOOKED. Accepting twice is harmless.
 * Too late: OFFER_EXPIRED; declined before: OFFER_DECIDED.
 */
export async function acceptOffer(db: Db, input: OfferInput): Promise<AcceptedOffer> {
  const offer = await findOffer(db, input);
  const { booking } = offer;
  const result = (manageToken: string | null): AcceptedOffer => ({
    bookingId: booking.id,
    referenceCode: booking.referenceCode,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    manageToken,
  });
  if (offer.outcome === "ACCEPTED") return result("bookingToken" in input ? input.bookingToken : null);
  assertOpen(offer, input.now);

  const token = "bookingToken" in input ? { token: input.bookingToken } : createManageToken();
  await bookingTransaction(db, booking.officeId, appointmentDates(booking.startsAt, booking.endsAt, booking.office.timeZone), async (tx) => {
    // Conditional: an offer that expired, was declined or answered meanwhile is not accepted (again).
    const { count } = await tx.wishOffer.updateMany({
      where: { id: offer.id, outcome: "OPEN", deadline: { gt: input.now } },
      data: { outcome: "ACCEPTED", decidedAt: input.now },
    });
    if (count === 0) throw await refusalNow(tx, offer.id, input.now);
    const confirmed = await tx.booking.updateMany({
      where: { id: booking.id, status: "HELD", erasedAt: null },
      data: { status: "CONFIRMED", holdExpiresAt: null, ...("hash" in token ? { manageTokenHash: token.hash } : {}) },
    });
    if (confirmed.count === 0) throw new AppError("OFFER_EXPIRED");
    await emitBookingEvent(tx, "booking.confirmed", booking, input.now);
    await tx.wish.updateMany({
      where: { id: offer.wishId, openOfferId: offer.id },
      data: { status: "BOOKED", bookingId: booking.id, openOfferId: null, closedAt: input.now },
    });
    await enqueueConfirmation(tx, booking, token.token);
  });
  return result(token.token);
}

/** Refuses an offer that can no longer be answered: too late, or answered the other way. */
export function assertOpen(offer: { outcome: string; deadline: Date }, now: Date): void {
  if (offer.outcome === "ACCEPTED" || offer.outcome === "DECLINED") throw new AppError("OFFER_DECIDED");
  if (offer.outcome === "EXPIRED" || offer.deadline <= now) throw new AppError("OFFER_EXPIRED");
}

/** Why a conditional answer found nothing to change: re-read the offer as it stands now. */
export async function refusalNow(db: Db | Tx, offerId: string, now: Date): Promise<AppError> {
  const current = await db.wishOffer.findUnique({ where: { id: offerId }, select: { outcome: true, deadline: true } });
  if (!current) return new AppError("OFFER_NOT_FOUND");
  try {
    assertOpen(current, now);
  } catch (e) {
    return e as AppError;
  }
  return new AppError("OFFER_DECIDED");
}
