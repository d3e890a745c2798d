import { wishIdSchema } from "@/lib/schemas/staff-waitlist";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { catalogueName, withName } from "../../service-texts";

/**
 * The wish behind an id from a request, with its office, for an actor allowed to work on that wish's office (the
 * office comes from the wish row, never from the request). Malformed and unknown ids are WISH_NOT_FOUND; another
 * office's wish is FORBIDDEN, like another office's booking.
 */
export async function loadWishFor(db: Db, actor: Actor, wishId: unknown) {
  const id = wishIdSchema.safeParse(wishId);
  if (!id.success) throw new AppError("WISH_NOT_FOUND");
  const wish = await db.wish.findUnique({ where: { id: id.data }, include: { office: true, service: { select: catalogueName } } });
  if (!wish) throw new AppError("WISH_NOT_FOUND");
  assertCanOnOffice(actor, "bookings:work", wish.officeId);
  return { ...wish, service: withName(wish.service) };
}
