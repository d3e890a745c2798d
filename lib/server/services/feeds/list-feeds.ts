import "server-only";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadOfficeFor } from "../staff/common";

export interface FeedEntry {
  id: string;
  label: string;
  createdAt: Date;
  /** Who created it; null when that account is gone. */
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The office's calendar feeds (active first, then revoked) and whether they show names. */
export async function listFeeds(db: Db, actor: Actor, input: { officeSlug: string }) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const feeds = await db.calendarFeed.findMany({ where: { officeId: office.id }, orderBy: [{ createdAt: "desc" }] });
  const creatorIds = [...new Set(feeds.map((f) => f.createdById).filter((id): id is string => id !== null))];
  const creators = await db.staffUser.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } });
  const entries: FeedEntry[] = feeds.map((f) => ({
    id: f.id,
    label: f.label,
    createdAt: f.createdAt,
    createdBy: creators.find((c) => c.id === f.createdById)?.name ?? null,
    lastUsedAt: f.lastUsedAt,
    revokedAt: f.revokedAt,
  }));
  return {
    office: { id: office.id, slug: office.slug, name: office.name, authority: office.authority, timeZone: office.timeZone, feedIncludesNames: office.feedIncludesNames },
    active: entries.filter((f) => !f.revokedAt),
    revoked: entries.filter((f) => f.revokedAt),
  };
}
