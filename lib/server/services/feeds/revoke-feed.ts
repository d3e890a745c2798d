import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { FEED_AUDIT, feedFor } from "./access";

/** Revokes a feed: its address answers 404 from the next request on, on every instance. Revoking twice is harmless. */
export async function revokeFeed(db: Db, actor: Actor, feedId: unknown, now: Date) {
  const feed = await feedFor(db, actor, feedId);
  if (!feed.revokedAt) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.calendarFeed.updateMany({ where: { id: feed.id, revokedAt: null }, data: { revokedAt: now } });
      if (count > 0) {
        await writeAudit(tx, { actorId: actor.id, officeId: feed.officeId, action: FEED_AUDIT.revoke, details: { feedId: feed.id, label: feed.label } });
      }
    });
  }
  return { officeSlug: feed.office.slug, label: feed.label };
}
