import { localDateOf } from "@/lib/domain";
import { formatDayParts, formatWeekdays } from "@/lib/domain/waitlist";
import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { wishPreferencesSchema } from "@/lib/schemas/wish";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";
import type { WishPreferencesValue } from "./create-wish";
import { getWishByToken, isOpenWish, type ManagedWish } from "./get-wish-by-token";

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
  const today = localDateOf(input.now, wish.office.timeZone);
  const parsed = wishPreferencesSchema({ today, bookingHorizonDays: wish.office.bookingHorizonDays }).safeParse(input.preferences);
  if (!parsed.success) {
    const [field, reasons] = Object.entries(fieldErrorsOf(parsed.error))[0];
    throw fieldError(field, reasons[0]);
  }
  const data = {
    earliestDate: parsed.data.earliestDate,
    latestDate: parsed.data.latestDate,
    weekdays: formatWeekdays(parsed.data.weekdays),
    dayParts: formatDayParts(parsed.data.dayParts),
  };
  const { count } = await db.wish.updateMany({
    where: { id: wish.id, status: { in: ["UNCONFIRMED", "ACTIVE"] }, erasedAt: null },
    data,
  });
  if (count === 0) throw new AppError("WISH_CLOSED");
  return { ...wish, ...data };
}
