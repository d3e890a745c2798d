import "server-only";
import { webhookIdSchema } from "@/lib/schemas/webhooks";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";
import { privateNetworksAllowed } from "@/lib/server/webhooks/delivery";
import { privateUrlProblem } from "@/lib/server/webhooks/address-guard";

// Shared by the webhook services: the audit names, finding an endpoint for an actor, and the address check on save.

/** The audit log's names for webhook changes (details never hold the secret). */
export const WEBHOOK_AUDIT = {
  create: "webhook.create",
  update: "webhook.update",
  delete: "webhook.delete",
  rotate: "webhook.rotate-secret",
  test: "webhook.test",
} as const;

/** The endpoint behind an id from a form, for an actor who manages its office's webhooks; anything else FORBIDDEN. */
export async function endpointFor(db: Db, actor: Actor, endpointId: unknown) {
  const id = webhookIdSchema.safeParse(endpointId);
  // Unknown ids are refused like another office's endpoint: nothing about them is revealed.
  const endpoint = id.success
    ? await db.webhookEndpoint.findUnique({ where: { id: id.data }, include: { office: { select: { slug: true } } } })
    : null;
  if (!endpoint) throw new AppError("FORBIDDEN");
  assertCanOnOffice(actor, "webhooks:manage", endpoint.officeId);
  return endpoint;
}

/**
 * Refuses, where the installation does not allow private networks (production by default), an address that is
 * plainly internal. Host names are checked again at every call, against what they then resolve to.
 */
export function assertCallableUrl(url: string): void {
  if (privateNetworksAllowed()) return;
  if (privateUrlProblem(new URL(url))) throw fieldError("url", "urlPrivate");
}

/** What the audit log keeps of an endpoint: no secret, and of the address only the host. */
export function auditView(e: { label: string; url: string; events: string; includePersonalData: boolean; active: boolean }) {
  return { label: e.label, host: new URL(e.url).host, events: e.events || "all", includePersonalData: e.includePersonalData, active: e.active };
}
