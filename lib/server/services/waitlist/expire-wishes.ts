import { addDays, localDateOf } from "@/lib/domain";
import { OPEN_WISH_STATUSES } from "@/lib/domain/erasure";
import type { Db } from "@/lib/server/db/client";

/**
 * Closes the waiting wishes (unconfirmed or active) whose latest acceptable date lies before the office's local
 * today (lib/domain/erasure.ts `wishExpired`): status EXPIRED, closed now, which starts their retention period.
 * One conditional update per office, so concurrent runs of several instances expire each wish once. A wish with an
 * open offer is left to the offer's own deadline (the offers worker ends it first); the next run expires it.
 */
export async function expireWishes(db: Db, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const offices = await db.office.findMany({ select: { id: true, timeZone: true } });
  let expired = 0;
  for (const office of offices) {
    // latestDate < today, i.e. latestDate <= yesterday: the same rule as wishExpired, as a query.
    const yesterday = addDays(localDateOf(now, office.timeZone), -1);
    const { count } = await db.wish.updateMany({
      where: { officeId: office.id, status: { in: [...OPEN_WISH_STATUSES] }, openOfferId: null, latestDate: { lte: yesterday } },
      data: { status: "EXPIRED", closedAt: now },
    });
    expired += count;
  }
  return expired;
}
