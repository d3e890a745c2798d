import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { serviceWithTranslations } from "../office-catalog";
import { withServiceTexts } from "../service-texts";

// An offer is reached by the link of the offer e-mail (the held booking's manage token) or from the wish's manage
// page (the wish's token). Both lead to the same WishOffer; a wrong token looks like an unknown one.

/** The offer's booking token, or the token of the wish whose current (or just accepted) offer is meant. */
export type OfferRef = { bookingToken: string } | { wishToken: string };

export type OfferInput = { now: Date } & OfferRef;

const offerInclude = {
  booking: { include: { office: true, service: serviceWithTranslations } },
  wish: true,
} as const;

/**
 * The offer a token leads to. BOOKING_NOT_FOUND for an unknown or erased booking token (as on the manage page),
 * OFFER_NOT_FOUND for a booking that is no offer, or an unknown or erased wish token, or a wish without an offer.
 */
export async function findOffer(db: Db, ref: OfferRef) {
  if ("bookingToken" in ref) {
    const booking = await db.booking.findUnique({
      where: { manageTokenHash: hashToken(ref.bookingToken) },
      select: { id: true, erasedAt: true },
    });
    if (!booking || booking.erasedAt) throw new AppError("BOOKING_NOT_FOUND");
    const offer = await db.wishOffer.findUnique({ where: { bookingId: booking.id }, include: offerInclude });
    if (!offer) throw new AppError("OFFER_NOT_FOUND");
    return withBookingTexts(offer);
  }
  const wish = await db.wish.findUnique({ where: { manageTokenHash: hashToken(ref.wishToken) } });
  if (!wish || wish.erasedAt) throw new AppError("OFFER_NOT_FOUND");
  // The open offer, or the one the wish was booked by (answering twice is harmless).
  const offer = await db.wishOffer.findFirst({
    where: {
      wishId: wish.id,
      OR: [...(wish.openOfferId ? [{ id: wish.openOfferId }] : []), ...(wish.bookingId ? [{ bookingId: wish.bookingId }] : [])],
    },
    include: offerInclude,
  });
  if (!offer) throw new AppError("OFFER_NOT_FOUND");
  return withBookingTexts(offer);
}

function withBookingTexts<O extends { booking: Parameters<typeof withServiceTexts>[0] }>(offer: O) {
  return { ...offer, booking: withServiceTexts(offer.booking) };
}

export type FoundOffer = Awaited<ReturnType<typeof findOffer>>;
