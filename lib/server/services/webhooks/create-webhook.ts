import "server-only";
import { storedEvents, webhookEndpointSchema, type WebhookEndpointInput } from "@/lib/schemas/webhooks";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { newWebhookSecret } from "@/lib/server/webhooks/signature";
import { loadOfficeFor } from "../staff/common";
import { assertCallableUrl, auditView, WEBHOOK_AUDIT } from "./access";

/**
 * Registers an endpoint of the office and returns its secret, the only time it is shown: it is stored as it is
 * (every call is signed with it) but never displayed again. A lost secret is replaced by rotating it.
 */
export async function createWebhook(db: Db, actor: Actor, officeSlug: string, input: WebhookEndpointInput) {
  const office = await loadOfficeFor(db, actor, officeSlug, "webhooks:manage");
  const data = webhookEndpointSchema.parse(input);
  assertCallableUrl(data.url);
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        officeId: office.id,
        label: data.label,
        url: data.url,
        secret,
        events: storedEvents(data.events),
        includePersonalData: data.includePersonalData,
        active: data.active,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      action: WEBHOOK_AUDIT.create,
      details: { endpointId: created.id, ...auditView(created) },
    });
    return created;
  });
  return { endpoint: { id: endpoint.id, label: endpoint.label }, secret, officeSlug: office.slug };
}
