import { createHmac } from "node:crypto";
import { parseEnv } from "@/lib/server/env";
import { jitteredBackoffMs, defaultBackoffMs } from "@/lib/server/mail/outbox";
import { isPrivateAddress, privateUrlProblem } from "@/lib/server/webhooks/address-guard";
import { newWebhookSecret, REPLAY_WINDOW_SECONDS, signWebhook, verifyWebhook, webhookHeaders } from "@/lib/server/webhooks/signature";
import { BOOKING_EVENTS, storedEvents, subscribes, webhookEndpointSchema } from "@/lib/schemas/webhooks";

// What a case-management system relies on: the signature is HMAC-SHA256 over "<id>.<timestamp>.<body>" with the
// endpoint's secret, it verifies with that secret only, for that body only, and only within the replay window.

const SECRET = "k3Y-of-the-receiver_0123456789abcdefghijklm";
const BODY = JSON.stringify({ id: "4b1c0f6e-3f0e-4a57-9d59-2f0a4a1f6c11", type: "booking.created", booking: { reference: "K7Q2MX" } });
const ID = "4b1c0f6e-3f0e-4a57-9d59-2f0a4a1f6c11";
const NOW = new Date("2027-03-01T08:00:00.000Z");

describe("webhook signature", () => {
  it("is v1= and the hex HMAC-SHA256 of id.timestamp.body, as a receiver computes it with its own tools", () => {
    const ts = Math.floor(NOW.getTime() / 1000);
    const expected = createHmac("sha256", SECRET).update(`${ID}.${ts}.${BODY}`).digest("hex");
    expect(signWebhook(SECRET, ID, ts, BODY)).toBe(`v1=${expected}`);
    expect(webhookHeaders(SECRET, ID, BODY, NOW)).toEqual({
      "Content-Type": "application/json",
      "Webhook-Id": ID,
      "Webhook-Timestamp": String(ts),
      "Webhook-Signature": `v1=${expected}`,
    });
  });

  it("verifies with the endpoint's secret and fails with another, another body, id or timestamp", () => {
    const h = webhookHeaders(SECRET, ID, BODY, NOW);
    const delivered = { id: h["Webhook-Id"], timestamp: h["Webhook-Timestamp"], signature: h["Webhook-Signature"], body: BODY };
    expect(verifyWebhook(SECRET, delivered, NOW)).toBe(true);
    expect(verifyWebhook(newWebhookSecret(), delivered, NOW)).toBe(false);
    expect(verifyWebhook(SECRET, { ...delivered, body: BODY.replace("K7Q2MX", "K7Q2MY") }, NOW)).toBe(false);
    expect(verifyWebhook(SECRET, { ...delivered, id: "another-event" }, NOW)).toBe(false);
    expect(verifyWebhook(SECRET, { ...delivered, timestamp: String(Number(delivered.timestamp) + 1) }, NOW)).toBe(false);
    expect(verifyWebhook(SECRET, { ...delivered, signature: "v1=00" }, NOW)).toBe(false);
    expect(verifyWebhook(SECRET, { ...delivered, timestamp: "not a number" }, NOW)).toBe(false);
  });

  it("is refused outside the replay window (a replayed call five minutes later)", () => {
    const h = webhookHeaders(SECRET, ID, BODY, NOW);
    const delivered = { id: ID, timestamp: h["Webhook-Timestamp"], signature: h["Webhook-Signature"], body: BODY };
    const later = (s: number) => new Date(NOW.getTime() + s * 1000);
    expect(verifyWebhook(SECRET, delivered, later(REPLAY_WINDOW_SECONDS))).toBe(true);
    expect(verifyWebhook(SECRET, delivered, later(REPLAY_WINDOW_SECONDS + 1))).toBe(false);
    expect(verifyWebhook(SECRET, delivered, later(-REPLAY_WINDOW_SECONDS - 1))).toBe(false);
  });

  it("makes secrets of 32 random bytes, each different", () => {
    const a = newWebhookSecret();
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe("webhook retries", () => {
  it("back off like the mail, spread over the upper half at random", () => {
    for (const attempts of [1, 2, 5, 12]) {
      const base = defaultBackoffMs(attempts);
      expect(jitteredBackoffMs(attempts, () => 0)).toBe(base / 2);
      expect(jitteredBackoffMs(attempts, () => 0.999999)).toBeLessThanOrEqual(base);
      expect(jitteredBackoffMs(attempts, () => 0.999999)).toBeGreaterThan(base * 0.99);
    }
  });
});

describe("webhook addresses", () => {
  it("tells loopback, private, link-local and mapped addresses from public ones", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:a00:1", "[::1]", "not-an-ip"]) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "193.99.144.80", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"]) {
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
    }
  });

  it("refuses plainly internal URLs before any lookup; names are checked when called", () => {
    const problem = (url: string) => privateUrlProblem(new URL(url));
    for (const url of ["http://127.0.0.1:8080/x", "http://[::1]/", "https://localhost/hook", "http://2130706433/", "http://0x7f000001/", "https://fachverfahren.local/"]) {
      expect([url, problem(url)]).toEqual([url, expect.stringMatching(/^refused/)]);
    }
    expect(problem("https://fachverfahren.stadt.example/hooks/termine")).toBeNull();
    expect(problem("https://93.184.216.34/hook")).toBeNull();
  });

  it("allow private networks in production only when configured", () => {
    const base = { NODE_ENV: "production", NEXTAUTH_SECRET: "unit-secret-unit-secret-unit-secret-1234" } as const;
    expect(parseEnv(base).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(parseEnv({ ...base, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" }).WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(() => parseEnv({ ...base, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "yes" })).toThrow(/WEBHOOK_ALLOW_PRIVATE_NETWORKS/);
  });
});

describe("webhook endpoint form", () => {
  const valid = { label: "Fachverfahren", url: "https://fv.stadt.example/hooks", events: ["booking.created"], includePersonalData: false, active: true };

  it("takes http(s) addresses without credentials only", () => {
    expect(webhookEndpointSchema.safeParse(valid).success).toBe(true);
    for (const url of ["ftp://fv.stadt.example/", "javascript:alert(1)", "https://user:pw@fv.stadt.example/", "fv.stadt.example/hooks", ""]) {
      const result = webhookEndpointSchema.safeParse({ ...valid, url });
      expect([url, result.success]).toEqual([url, false]);
    }
    expect(webhookEndpointSchema.safeParse({ ...valid, events: [] }).error?.issues[0].message).toBe("eventsRequired");
    expect(webhookEndpointSchema.safeParse({ ...valid, events: ["booking.deleted"] }).success).toBe(false);
  });

  it("stores every event as the empty list, so that events added later reach the endpoint too", () => {
    expect(storedEvents([...BOOKING_EVENTS])).toBe("");
    expect(storedEvents(["booking.cancelled", "booking.created"])).toBe("booking.created,booking.cancelled");
    expect(subscribes("", "booking.no_show")).toBe(true);
    expect(subscribes("booking.created,booking.cancelled", "booking.cancelled")).toBe(true);
    expect(subscribes("booking.created,booking.cancelled", "booking.moved")).toBe(false);
  });
});
