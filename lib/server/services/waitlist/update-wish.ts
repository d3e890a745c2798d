import { isOpenWish, OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import { formatDayParts, formatWeekdays } from "@/lib/domain/waitlist";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { checkedWishPreferences, type WishPreferencesValue } from "./create-wish";
import { getWishByToken, type ManagedWish } from "./get-wish-by-token";

/**
 * The citizen changes what suits: dates, weekdays and parts of the day, checked by the form's own schema. The wish
 * keeps its place in the order (its confirmation time) and any open offer (the citizen answers it on its own). A
 * round's request cannot change between the close of its window and the draw, which reads it.
 */
export async function updateWishByToken(
  db: Db,
  input: { token: string; preferences: WishPreferencesValue; now: Date },
): Promise<ManagedWish> {
  const wish = await getWishByToken(db, input.token);
  if (!isOpenWish(wish)) throw new AppError("WISH_CLOSED");
  if (wish.round && !wish.round.drawnAt && wish.round.closesAt <= input.now) throw new AppError("WISH_CLOSED");
  const preferences = checkedWishPreferences(input.preferences, wish.office, input.now);
  const data = {
    earliestDate: preferences.earliestDate,
    latestDate: preferences.latestDate,
    weekdays: formatWeekdays(preferences.weekdays),
    dayParts: formatDayParts(preferences.dayParts),
  };
  const { count } = await db.wish.updateMany({
    where: { id: wish.id, status: { in: [...OPEN_WISH_STATUSES] }, erasedAt: null },
    data,
  });
  if (count === 0) throw new AppError("WISH_CLOSED");
  return { ...wish, ...data };
}
