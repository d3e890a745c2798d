import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { furtherServicesWithTranslations, serviceWithTranslations } from "./office-catalog";
import { withBookingServiceTexts } from "./service-texts";

// Everything a citizen can do with the link from the confirmation e-mail starts here. A wrong token and an erased
// booking look the same from outside: BOOKING_NOT_FOUND.

export async function getBookingByToken(db: Db, token: string) {
  const booking = await db.booking.findUnique({
    where: { manageTokenHash: hashToken(token) },
    // `offer`: a held booking that is an offer from the waiting list is answered by accepting or declining it.
    include: { office: true, service: serviceWithTranslations, extraServices: furtherServicesWithTranslations, offer: true },
  });
  if (!booking || booking.erasedAt) throw new AppError("BOOKING_NOT_FOUND");
  return withBookingServiceTexts(booking);
}

export type ManagedBooking = Awaited<ReturnType<typeof getBookingByToken>>;
