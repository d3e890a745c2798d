import { localDateOf } from "@/lib/domain";
import { wishExpired } from "@/lib/domain/erasure";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { getWishByToken, type ManagedWish } from "./get-wish-by-token";

/**
 * The "Wunsch bestätigen" button of the manage page (a POST; the e-mail's link itself only opens the page, since
 * mail scanners prefetch it): UNCONFIRMED -> ACTIVE, and the confirmation time is the wish's place in the order.
 * Confirming again changes nothing (the place stays); a closed wish, or one past its latest date, is refused.
 */
export async function confirmWishByToken(db: Db, input: { token: string; now: Date }): Promise<ManagedWish> {
  const wish = await getWishByToken(db, input.token);
  if (wish.status === "ACTIVE" || wish.status === "BOOKED") return wish;
  if (wish.status !== "UNCONFIRMED" || wishExpired(wish.latestDate, localDateOf(input.now, wish.office.timeZone))) {
    throw new AppError("WISH_CLOSED");
  }
  // Conditional: of two confirmations at once, the first sets the time; the second finds it set.
  const { count } = await db.wish.updateMany({
    where: { id: wish.id, status: "UNCONFIRMED", erasedAt: null },
    data: { status: "ACTIVE", confirmedAt: input.now },
  });
  if (count === 0) return confirmWishByToken(db, input);
  return { ...wish, status: "ACTIVE", confirmedAt: input.now };
}
