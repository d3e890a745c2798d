import { isOpenWish, OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { declineOffer, ignoreAnswered } from "./decline-offer";
import { getWishByToken } from "./get-wish-by-token";

/**
 * The citizen takes the wish off the waiting list: WITHDRAWN, closed now. Withdrawing twice is harmless; a wish
 * that ended otherwise (booked, removed, expired) is refused.
 */
export async function withdrawWishByToken(db: Db, input: { token: string; now: Date }): Promise<void> {
  const wish = await getWishByToken(db, input.token);
  if (wish.status === "WITHDRAWN") return;
  if (!isOpenWish(wish)) throw new AppError("WISH_CLOSED");
  const { count } = await db.wish.updateMany({
    where: { id: wish.id, status: { in: [...OPEN_WISH_STATUSES] }, erasedAt: null },
    data: { status: "WITHDRAWN", closedAt: input.now },
  });
  if (count === 0) return withdrawWishByToken(db, input);
  // Then its open offer is declined: the time goes to the next matching wish now, not when its deadline passes.
  // Withdrawn first, so that the decline's own sweep does not offer this wish another time of the same day.
  if (wish.openOfferId) await declineOffer(db, { wishToken: input.token, now: input.now }).catch(ignoreAnswered);
}
