import type { Db } from "@/lib/server/db/client";
import { isAppError } from "@/lib/server/errors";
import { manageTokenSchema } from "@/lib/schemas/booking";
import { getBookingByToken } from "./get-booking-by-token";

/** For pages: the booking behind a manage token, or null for a malformed, wrong or erased one. */
export async function findBookingByToken(db: Db, token: string) {
  if (!manageTokenSchema.safeParse(token).success) return null;
  try {
    return await getBookingByToken(db, token);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}
