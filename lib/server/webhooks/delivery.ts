import "server-only";
import type { Db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { postWebhook } from "./deliver";
import type { StoredWebhookEvent } from "./emit";
import { webhookHeaders } from "./signature";

// The outbox worker's side of a webhook row (lib/server/mail/outbox.ts claims, retries and records): build the body
// the endpoint may receive, sign it now, call the endpoint, and say what came of it.

export interface WebhookDeliveryOptions {
  /** Per call (default 10 s). */
  timeoutMs?: number;
  /** Default: outside production, or when WEBHOOK_ALLOW_PRIVATE_NETWORKS is set. */
  allowPrivateNetworks?: boolean;
}

/** The person as an endpoint with personal data enabled receives it; all null once the booking is erased. */
export interface WebhookPerson {
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
}

export type WebhookPayload = StoredWebhookEvent & { person?: WebhookPerson };

export type WebhookOutcome =
  | { kind: "sent"; status: number }
  /** Worth another attempt: no answer, or an answer other than 2xx. */
  | { kind: "retry"; reason: string; status: number | null }
  /** No attempt can succeed (the endpoint is gone or switched off, the row is broken). */
  | { kind: "undeliverable"; reason: string };

interface WebhookRow {
  id: string;
  eventId: string | null;
  payload: string;
  bookingId: string | null;
  endpoint: { url: string; secret: string; active: boolean; includePersonalData: boolean } | null;
}

/** The body for this endpoint: the stored event, plus the person only where the endpoint is allowed it. */
export async function webhookBody(db: Db, row: WebhookRow): Promise<string> {
  const event = JSON.parse(row.payload) as StoredWebhookEvent;
  if (!row.endpoint?.includePersonalData || !event.booking || !row.bookingId) return JSON.stringify(event);
  const person = await db.booking.findUnique({
    where: { id: row.bookingId },
    select: { givenName: true, familyName: true, email: true, phone: true },
  });
  const payload: WebhookPayload = {
    ...event,
    person: { givenName: person?.givenName ?? null, familyName: person?.familyName ?? null, email: person?.email ?? null, phone: person?.phone ?? null },
  };
  return JSON.stringify(payload);
}

/** Delivers one claimed webhook row once. Never throws for the receiver's faults: they are the outcome. */
export async function deliverWebhookRow(db: Db, row: WebhookRow, now: Date, options: WebhookDeliveryOptions = {}): Promise<WebhookOutcome> {
  if (!row.endpoint) return { kind: "undeliverable", reason: "endpoint deleted" };
  if (!row.endpoint.active) return { kind: "undeliverable", reason: "endpoint deactivated" };
  if (!row.eventId) return { kind: "undeliverable", reason: "no event id" };
  let body: string;
  try {
    body = await webhookBody(db, row);
  } catch {
    return { kind: "undeliverable", reason: "invalid payload" };
  }
  try {
    const { status } = await postWebhook({
      url: row.endpoint.url,
      body,
      headers: webhookHeaders(row.endpoint.secret, row.eventId, body, now),
      timeoutMs: options.timeoutMs,
      allowPrivateNetworks: options.allowPrivateNetworks ?? privateNetworksAllowed(),
    });
    if (status >= 200 && status < 300) return { kind: "sent", status };
    return { kind: "retry", reason: `HTTP ${status}`, status };
  } catch (error) {
    return { kind: "retry", reason: describeWebhookError(error), status: null };
  }
}

/** A failure reason for the outbox page and the logs: the error code and message, never the URL's query. */
export function describeWebhookError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const message = String(e.message ?? error).replace(/\?\S*/g, "?…");
  return `${code}${code ? ": " : ""}${message}`.slice(0, 500);
}

/** Whether loopback and private addresses may be called: outside production, or when configured. */
export function privateNetworksAllowed(): boolean {
  const config = env();
  return config.NODE_ENV !== "production" || config.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
}
