import "server-only";
import { createFeedSchema, type CreateFeedInput } from "@/lib/schemas/feeds";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { createManageToken } from "@/lib/server/security/tokens";
import { loadOfficeFor } from "../staff/common";
import { FEED_AUDIT, feedUrl } from "./access";

/**
 * A new private calendar feed of the office for a member of its staff. Returns its address, the only time it is
 * shown: the token in it (256 random bits) is stored as its SHA-256 only.
 */
export async function createFeed(db: Db, actor: Actor, officeSlug: string, input: CreateFeedInput) {
  const office = await loadOfficeFor(db, actor, officeSlug, "bookings:work");
  const data = createFeedSchema.parse(input);
  const { token, hash } = createManageToken();
  const feed = await db.$transaction(async (tx) => {
    const created = await tx.calendarFeed.create({
      data: { officeId: office.id, label: data.label, tokenHash: hash, createdById: actor.id },
    });
    await writeAudit(tx, { actorId: actor.id, officeId: office.id, action: FEED_AUDIT.create, details: { feedId: created.id, label: data.label } });
    return created;
  });
  return { feed: { id: feed.id, label: feed.label }, url: feedUrl(token), officeSlug: office.slug };
}
