import { appointmentDates } from "@/lib/domain";
import { isOpenWish, OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import { removeWishSchema, type RemovalReason } from "@/lib/schemas/staff-waitlist";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction, retryingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { eraseBookings } from "../../privacy/erase-personal-data";
import { loadWishFor } from "./load-wish";
import { offerFreedTime } from "../offer-freed-time";

export const WISH_REMOVE_ACTION = "wish.remove";

export interface RemovedWish {
  id: string;
  officeSlug: string;
  referenceCode: string;
  /** An open offer was withdrawn: its held time is free again. */
  offerReleased: boolean;
}

/**
 * Staff take a waiting wish (unconfirmed or active) off the list: status REMOVED, closed now, so its retention
 * period starts. An open offer goes with it: the offer counts as declined, its hold ends at once and its personal
 * data (and the unsent offer e-mail) is erased, under the day lock of the offered time like any change of a booking.
 * Every write is conditional: a wish that was booked, withdrawn or offered something meanwhile is refused as
 * STATUS_CHANGED, and nothing is written. The reason is a fixed choice, kept in the audit log.
 */
export async function removeWishByStaff(
  db: Db,
  actor: Actor,
  input: { wishId: string; reason: RemovalReason },
  now: Date,
): Promise<RemovedWish> {
  const parsed = removeWishSchema.safeParse(input);
  const wish = await loadWishFor(db, actor, input.wishId);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  if (!isOpenWish(wish)) throw new AppError("WISH_CLOSED");
  const offer = wish.openOfferId
    ? await db.wishOffer.findUnique({ where: { id: wish.openOfferId }, include: { booking: { select: { id: true, startsAt: true, endsAt: true } } } })
    : null;

  const remove = async (tx: Tx) => {
    const { count } = await tx.wish.updateMany({
      where: { id: wish.id, status: { in: [...OPEN_WISH_STATUSES] }, openOfferId: wish.openOfferId },
      data: { status: "REMOVED", closedAt: now, openOfferId: null },
    });
    if (count === 0) throw new AppError("STATUS_CHANGED");
    let offerReleased = false;
    if (offer) {
      const declined = await tx.wishOffer.updateMany({
        where: { id: offer.id, outcome: "OPEN" },
        data: { outcome: "DECLINED", decidedAt: now },
      });
      if (declined.count === 0) throw new AppError("STATUS_CHANGED");
      // The hold ends now (an expired hold occupies nothing and stays out of the statistics, like any hold that
      // was never confirmed); its copy of the person's data has no purpose any more.
      await tx.booking.updateMany({ where: { id: offer.bookingId, status: "HELD" }, data: { holdExpiresAt: now } });
      await eraseBookings(tx, { id: offer.bookingId, status: "HELD" }, now);
      offerReleased = true;
      // The freed time goes to the next matching wish, as after a decline.
      await offerFreedTime(tx, { officeId: wish.officeId, dates: appointmentDates(offer.booking.startsAt, offer.booking.endsAt, wish.office.timeZone), now });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: wish.officeId,
      bookingId: offer?.bookingId ?? null,
      action: WISH_REMOVE_ACTION,
      details: { wish: wish.referenceCode, reason: parsed.data.reason, wishStatus: wish.status, offerReleased },
    });
    return offerReleased;
  };

  const offerReleased = offer
    ? await bookingTransaction(db, wish.officeId, appointmentDates(offer.booking.startsAt, offer.booking.endsAt, wish.office.timeZone), remove)
    : await retryingTransaction(db, remove);
  return { id: wish.id, officeSlug: wish.office.slug, referenceCode: wish.referenceCode, offerReleased };
}
