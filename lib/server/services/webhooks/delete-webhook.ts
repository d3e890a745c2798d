import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { auditView, endpointFor, WEBHOOK_AUDIT } from "./access";

/** Deletes an endpoint with its deliveries (waiting ones are not sent any more); the audit entry remains. */
export async function deleteWebhook(db: Db, actor: Actor, endpointId: unknown) {
  const endpoint = await endpointFor(db, actor, endpointId);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: endpoint.officeId,
      action: WEBHOOK_AUDIT.delete,
      details: { endpointId: endpoint.id, ...auditView(endpoint) },
    });
  });
  return { officeSlug: endpoint.office.slug, label: endpoint.label };
}
