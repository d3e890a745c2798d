import "server-only";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { isPosterVisit } from "@/lib/server/security/check-in-tokens";
import { hashToken } from "@/lib/server/security/tokens";
import { checkIn, type CheckedIn } from "./check-in";

/**
 * "Jetzt einchecken" on the manage page, on the citizen's own phone: only when that phone opened the door poster of
 * the appointment's office a short while ago (the signed visit cookie), so nobody checks in from home. The manage
 * token is the citizen's credential, as for every action behind the e-mail's link.
 */
export async function checkInByPhone(db: Db, input: { manageToken: string; posterVisit: string | undefined }, now: Date): Promise<CheckedIn> {
  const booking = await db.booking.findUnique({ where: { manageTokenHash: hashToken(input.manageToken) }, select: { officeId: true, erasedAt: true } });
  if (!booking || booking.erasedAt) throw new AppError("BOOKING_NOT_FOUND");
  if (!isPosterVisit(booking.officeId, input.posterVisit, now)) throw new AppError("CHECKIN_NOT_AT_OFFICE");
  return checkIn(db, { officeId: booking.officeId, by: { manageToken: input.manageToken } }, now);
}
