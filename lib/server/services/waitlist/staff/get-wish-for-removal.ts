import { localDateOf } from "@/lib/domain";
import { isOpenWish } from "@/lib/domain/erasure";
import { isUrgent } from "@/lib/domain/urgency";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { displayName } from "../../staff/common";
import { loadWishFor } from "./load-wish";

/**
 * The wish a clerk is about to remove, for the confirm step. This is the one place the staff waiting list shows a
 * name: a wish is removed mostly on the citizen's request (a call, a letter), and the clerk must check that the
 * wish named by the reference code is that person's before removing it. The e-mail address, phone and date of
 * birth stay hidden: the check needs none of them.
 */
export async function getWishForRemoval(db: Db, actor: Actor, input: { wishId: string; now: Date }) {
  const wish = await loadWishFor(db, actor, input.wishId);
  if (!isOpenWish(wish)) throw new AppError("WISH_CLOSED");
  const today = localDateOf(input.now, wish.office.timeZone);
  return {
    id: wish.id,
    officeSlug: wish.office.slug,
    referenceCode: wish.referenceCode,
    serviceName: wish.service.name,
    persons: wish.persons,
    earliestDate: wish.earliestDate,
    latestDate: wish.latestDate,
    source: wish.source,
    urgent: isUrgent(wish.permitExpiresOn, wish.office.urgentWithinDays, today),
    name: displayName(wish),
    offerOpen: wish.openOfferId !== null,
  };
}

export type WishForRemoval = Awaited<ReturnType<typeof getWishForRemoval>>;
