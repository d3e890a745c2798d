import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// How receivers know a call is ours and fresh. The signature covers the event id, the timestamp and the exact body
// ("<id>.<timestamp>.<body>"), HMAC-SHA256 with the endpoint's secret (its UTF-8 bytes), as lower-case hex after
// "v1=". Receivers recompute it, compare in constant time, reject timestamps older than the replay window and drop
// an event id they have seen (a delivery may come twice when an instance dies between sending and recording).

export const SIGNATURE_VERSION = "v1";
/** What receivers should accept: a timestamp at most this far from their own clock. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** A new endpoint secret: 32 random bytes, base64url (43 characters). */
export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The value of the Webhook-Signature header for one delivery. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", Buffer.from(secret, "utf8")).update(`${id}.${timestamp}.${body}`, "utf8").digest("hex");
  return `${SIGNATURE_VERSION}=${mac}`;
}

/** The headers of one delivery, signed at `now` (unix seconds in Webhook-Timestamp). */
export function webhookHeaders(secret: string, id: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "Content-Type": "application/json",
    "Webhook-Id": id,
    "Webhook-Timestamp": String(timestamp),
    "Webhook-Signature": signWebhook(secret, id, timestamp, body),
  };
}

/**
 * The receiver's check, as documented for the case-management systems (and used by the tests): the signature must
 * match and the timestamp lie within the replay window of `now`.
 */
export function verifyWebhook(
  secret: string,
  input: { id: string; timestamp: string; signature: string; body: string },
  now: Date,
  windowSeconds = REPLAY_WINDOW_SECONDS,
): boolean {
  if (!/^\d{1,12}$/.test(input.timestamp)) return false;
  const timestamp = Number(input.timestamp);
  if (Math.abs(now.getTime() / 1000 - timestamp) > windowSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, input.id, timestamp, input.body), "utf8");
  const given = Buffer.from(input.signature.trim(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
