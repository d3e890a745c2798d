import "server-only";
import { feedIdSchema } from "@/lib/schemas/feeds";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";

/** The audit log's names for calendar feed changes (details never hold the token). */
export const FEED_AUDIT = { create: "feed.create", revoke: "feed.revoke" } as const;

/** The address a calendar app subscribes to. */
export function feedUrl(token: string): string {
  return `${env().APP_URL}/api/feeds/${token}.ics`;
}

/** The feed behind an id from a form, for a member of its office; anything else FORBIDDEN. */
export async function feedFor(db: Db, actor: Actor, feedId: unknown) {
  const id = feedIdSchema.safeParse(feedId);
  const feed = id.success ? await db.calendarFeed.findUnique({ where: { id: id.data }, include: { office: { select: { slug: true } } } }) : null;
  if (!feed) throw new AppError("FORBIDDEN");
  assertCanOnOffice(actor, "bookings:work", feed.officeId);
  return feed;
}
