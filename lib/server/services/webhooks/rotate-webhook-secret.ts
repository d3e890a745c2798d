import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { newWebhookSecret } from "@/lib/server/webhooks/signature";
import { endpointFor, WEBHOOK_AUDIT } from "./access";

/**
 * Replaces an endpoint's secret and returns the new one, shown once. Every call from now on, retries of older
 * events included, is signed with it: the receiver must be given the new secret at the same time.
 */
export async function rotateWebhookSecret(db: Db, actor: Actor, endpointId: unknown) {
  const endpoint = await endpointFor(db, actor, endpointId);
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret } });
    await writeAudit(tx, { actorId: actor.id, officeId: endpoint.officeId, action: WEBHOOK_AUDIT.rotate, details: { endpointId: endpoint.id } });
  });
  return { endpoint: { id: endpoint.id, label: endpoint.label }, secret, officeSlug: endpoint.office.slug };
}
