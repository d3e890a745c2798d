import { appointmentDates } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { refusalNow } from "./accept-offer";
import { findOffer, type OfferInput } from "./find-offer";
import { offerFreedTime, releaseOffer } from "./offer-freed-time";

/** For callers that decline on the citizen's behalf: an offer answered or expired meanwhile needs nothing more. */
export function ignoreAnswered(error: unknown): void {
  if (error instanceof AppError && ["OFFER_DECIDED", "OFFER_EXPIRED", "OFFER_NOT_FOUND"].includes(error.code)) return;
  throw error;
}

/**
 * The citizen declines an offer, under the day lock: its held booking is cancelled, the wish stays on the waiting
 * list without that start (it is never offered it again), and the time goes to the next matching wish in the same
 * transaction. An open offer may be declined even after its deadline, before the sweep expires it. Declining twice
 * is harmless; after accepting: OFFER_DECIDED (the booking is then cancelled like any other).
 */
export async function declineOffer(db: Db, input: OfferInput): Promise<void> {
  const offer = await findOffer(db, input);
  if (offer.outcome === "DECLINED") return;
  if (offer.outcome === "ACCEPTED") throw new AppError("OFFER_DECIDED");
  if (offer.outcome === "EXPIRED") throw new AppError("OFFER_EXPIRED");
  const { booking } = offer;
  const dates = appointmentDates(booking.startsAt, booking.endsAt, booking.office.timeZone);
  await bookingTransaction(db, booking.officeId, dates, async (tx) => {
    const { count } = await tx.wishOffer.updateMany({
      where: { id: offer.id, outcome: "OPEN" },
      data: { outcome: "DECLINED", decidedAt: input.now },
    });
    if (count === 0) {
      // Answered meanwhile: a second decline is harmless, anything else is refused.
      const current = await tx.wishOffer.findUnique({ where: { id: offer.id }, select: { outcome: true } });
      if (current?.outcome === "DECLINED") return;
      throw await refusalNow(tx, offer.id, input.now);
    }
    await releaseOffer(tx, offer, input.now);
    await offerFreedTime(tx, { officeId: booking.officeId, dates, now: input.now });
  });
}
