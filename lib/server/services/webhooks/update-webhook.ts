import "server-only";
import { storedEvents, updateWebhookSchema, type UpdateWebhookInput } from "@/lib/schemas/webhooks";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { assertCallableUrl, auditView, endpointFor, WEBHOOK_AUDIT } from "./access";

/**
 * Saves an endpoint's label, address, events, personal data and active state. Deliveries still waiting go to the
 * new address with what the endpoint now allows; a deactivated endpoint's waiting deliveries fail (and can be
 * retried on the outbox page once it is active again).
 */
export async function updateWebhook(db: Db, actor: Actor, input: UpdateWebhookInput) {
  const data = updateWebhookSchema.parse(input);
  const endpoint = await endpointFor(db, actor, data.endpointId);
  assertCallableUrl(data.url);
  const next = {
    label: data.label,
    url: data.url,
    events: storedEvents(data.events),
    includePersonalData: data.includePersonalData,
    active: data.active,
  };
  const changed = Object.entries(next)
    .filter(([key, value]) => endpoint[key as keyof typeof next] !== value)
    .map(([key]) => key);
  if (changed.length > 0) {
    await db.$transaction(async (tx) => {
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: next });
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: endpoint.officeId,
        action: WEBHOOK_AUDIT.update,
        details: { endpointId: endpoint.id, changed, ...auditView(next) },
      });
    });
  }
  return { id: endpoint.id, officeSlug: endpoint.office.slug, changed };
}
