import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { emitTestEvent } from "@/lib/server/webhooks/emit";
import { endpointFor, WEBHOOK_AUDIT } from "./access";

/**
 * Queues a "webhook.test" event for one active endpoint, delivered (signed, retried) like any booking event; its
 * state shows on the outbox page.
 */
export async function sendTestWebhook(db: Db, actor: Actor, endpointId: unknown, now: Date) {
  const endpoint = await endpointFor(db, actor, endpointId);
  if (!endpoint.active) throw new AppError("STATUS_NOT_ALLOWED");
  const eventId = await db.$transaction(async (tx) => {
    const id = await emitTestEvent(tx, endpoint, now);
    await writeAudit(tx, { actorId: actor.id, officeId: endpoint.officeId, action: WEBHOOK_AUDIT.test, details: { endpointId: endpoint.id, eventId: id } });
    return id;
  });
  return { eventId, officeSlug: endpoint.office.slug, label: endpoint.label };
}
