import "server-only";
import { type BookingEventType, subscribedEvents } from "@/lib/schemas/webhooks";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadOfficeFor } from "../staff/common";

export interface WebhookEntry {
  id: string;
  label: string;
  url: string;
  events: BookingEventType[];
  /** Whether every event is subscribed (also those added in later versions). */
  allEvents: boolean;
  includePersonalData: boolean;
  active: boolean;
  createdAt: Date;
  /** The last delivery that went out, and the last one that failed for good. */
  lastSentAt: Date | null;
  failed: number;
  waiting: number;
}

/** The office's endpoints (never their secrets), with how their deliveries stand. */
export async function listWebhooks(db: Db, actor: Actor, input: { officeSlug: string }) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "webhooks:manage");
  const endpoints = await db.webhookEndpoint.findMany({
    where: { officeId: office.id },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, label: true, url: true, events: true, includePersonalData: true, active: true, createdAt: true },
  });
  const ids = endpoints.map((e) => e.id);
  const [counts, lastSent] = await Promise.all([
    db.outboxMessage.groupBy({ by: ["webhookEndpointId", "status"], where: { webhookEndpointId: { in: ids } }, _count: { _all: true } }),
    db.outboxMessage.groupBy({ by: ["webhookEndpointId"], where: { webhookEndpointId: { in: ids }, status: "SENT" }, _max: { sentAt: true } }),
  ]);
  const count = (id: string, statuses: string[]) =>
    counts.filter((c) => c.webhookEndpointId === id && statuses.includes(c.status)).reduce((n, c) => n + c._count._all, 0);
  const entries: WebhookEntry[] = endpoints.map((e) => ({
    ...e,
    events: [...subscribedEvents(e.events)],
    allEvents: e.events === "",
    lastSentAt: lastSent.find((l) => l.webhookEndpointId === e.id)?._max.sentAt ?? null,
    failed: count(e.id, ["FAILED"]),
    waiting: count(e.id, ["PENDING", "SENDING"]),
  }));
  return { office: { id: office.id, slug: office.slug, name: office.name, authority: office.authority, timeZone: office.timeZone }, endpoints: entries };
}
