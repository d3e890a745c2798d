import { manageTokenSchema } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { AppError, isAppError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { serviceWithTranslations } from "../office-catalog";
import { withServiceTexts } from "../service-texts";

// Everything a citizen can do with the link from the wish e-mail starts here. A wrong token and an erased wish look
// the same from outside: WISH_NOT_FOUND.

export async function getWishByToken(db: Db, token: string) {
  const wish = await db.wish.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: {
      office: true,
      service: serviceWithTranslations,
      round: { select: { id: true, opensAt: true, closesAt: true, periodFrom: true, periodTo: true, drawnAt: true } },
    },
  });
  if (!wish || wish.erasedAt) throw new AppError("WISH_NOT_FOUND");
  // The one open offer (a held booking), and the appointment the wish ended in.
  const [openOffer, booking] = await Promise.all([
    wish.openOfferId
      ? db.wishOffer.findFirst({
          where: { id: wish.openOfferId, outcome: "OPEN" },
          include: { booking: { select: { startsAt: true, endsAt: true, status: true, referenceCode: true } } },
        })
      : null,
    wish.bookingId
      ? db.booking.findUnique({
          where: { id: wish.bookingId },
          select: { startsAt: true, endsAt: true, status: true, referenceCode: true, erasedAt: true },
        })
      : null,
  ]);
  return { ...withServiceTexts(wish), openOffer, booking: booking && !booking.erasedAt ? booking : null };
}

export type ManagedWish = Awaited<ReturnType<typeof getWishByToken>>;

/** For pages: the wish behind a manage token, or null for a malformed, wrong or erased one. */
export async function findWishByToken(db: Db, token: string): Promise<ManagedWish | null> {
  if (!manageTokenSchema.safeParse(token).success) return null;
  try {
    return await getWishByToken(db, token);
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}
