import { createDb, type Db } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/auth/permissions";
import { processOutbox, type OutboxResult } from "@/lib/server/mail/outbox";
import { createTransport } from "@/lib/server/mail/transport";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { createBooking } from "@/lib/server/services/create-booking";
import { resendOutboxMessage } from "@/lib/server/services/outbox-admin/resend-outbox-message";
import { listOutbox } from "@/lib/server/services/outbox-admin/list-outbox";
import { eraseBookings } from "@/lib/server/services/privacy/erase-personal-data";
import { changeBookingServices } from "@/lib/server/services/staff/change-booking-services";
import { recordBookingStatus } from "@/lib/server/services/staff/record-status";
import { createWebhook } from "@/lib/server/services/webhooks/create-webhook";
import { rotateWebhookSecret } from "@/lib/server/services/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/server/services/webhooks/send-test-webhook";
import { updateWebhook } from "@/lib/server/services/webhooks/update-webhook";
import { BOOKING_EVENTS, type BookingEventType } from "@/lib/schemas/webhooks";
import { enqueueWebhookEvent } from "@/lib/server/webhooks/emit";
import { newWebhookSecret, verifyWebhook } from "@/lib/server/webhooks/signature";
import { describeEachDatabase } from "../helpers/databases";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { staff } from "../helpers/integration/staff";
import { at, createOfficeFixture, person as citizen } from "../helpers/office-fixture";
import { type ReceivedCall, startWebhookReceiver, type TestWebhookReceiver } from "../helpers/webhook-receiver";

// Webhooks for case-management systems against a real HTTP receiver on loopback, on both databases: each booking
// change is written to the outbox in its own transaction, delivered signed, retried through outages and error
// answers, exactly once per event and endpoint even with two workers racing, and without personal data unless the
// endpoint is allowed it.

const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
const quiet = { warn() {}, error() {} };
// The worker needs a mail transport; no e-mail is left in the outbox here (see `book`).
const transport = createTransport(undefined);

/** Citizen `n` books at `time`. The e-mails are another suite's subject: they are taken out of the outbox here. */
async function book(db: Db, n: number, time = "09:00", phone?: string) {
  const person = phone ? { person: { ...citizen(n), phone } } : {};
  const booking = await createBooking(db, citizenBooking({ start: at(MONDAY, time), now: NOW, ...person }, n));
  await db.outboxMessage.deleteMany({ where: { channel: "MAIL" } });
  return booking;
}

/** The body a receiver got, parsed. */
const bodyOf = (call: ReceivedCall) => JSON.parse(call.body) as Record<string, unknown> & { booking?: Record<string, unknown> };

/** Runs the worker's passes (webhook rows only matter here) until nothing is due at `now`. */
async function drain(db: Db, now: () => Date = () => new Date(), extra: Partial<Parameters<typeof processOutbox>[1]> = {}) {
  const total: OutboxResult = { sent: 0, failed: 0, retried: 0 };
  for (let i = 0; i < 20; i++) {
    const r = await processOutbox(db, { transport, now, log: quiet, ...extra });
    total.sent += r.sent;
    total.failed += r.failed;
    total.retried += r.retried;
    if (r.sent + r.failed + r.retried === 0) break;
  }
  return total;
}

describeEachDatabase("webhooks", (ctx) => {
  let receiver: TestWebhookReceiver;
  let admin: Actor;
  let officeId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.stop());

  eachTestOnEmptyDatabase(ctx, async (db) => {
    await receiver.restore();
    receiver.clear();
    const { office } = await createOfficeFixture(db);
    officeId = office.id;
    admin = await staff(db, "ADMIN", []);
  });

  /** An endpoint of the test office at `path` on the receiver, through the administrators' service. */
  async function endpoint(path: string, options: { events?: BookingEventType[]; includePersonalData?: boolean } = {}) {
    const created = await createWebhook(ctx.db, admin, "testamt", {
      label: `Fachverfahren ${path}`,
      url: receiver.url(path),
      events: options.events ?? [...BOOKING_EVENTS],
      includePersonalData: options.includePersonalData ?? false,
      active: true,
    });
    return { id: created.endpoint.id, secret: created.secret, path };
  }

  const webhookRows = () => ctx.db.outboxMessage.findMany({ where: { channel: "WEBHOOK" }, orderBy: { createdAt: "asc" } });

  it("delivers a new booking signed with the endpoint's secret: the documented payload, no personal data", async () => {
    const hook = await endpoint("/a");
    const booking = await book(ctx.db, 1);
    // Written with the booking, in its transaction.
    const [row] = await webhookRows();
    expect(row).toMatchObject({ template: "booking.created", bookingId: booking.id, officeId, status: "PENDING", webhookEndpointId: hook.id });

    expect(await drain(ctx.db)).toEqual({ sent: 1, failed: 0, retried: 0 });
    const [call] = receiver.callsTo("/a");
    expect(call.headers["content-type"]).toBe("application/json");
    const delivered = { id: call.id, timestamp: String(call.headers["webhook-timestamp"]), signature: String(call.headers["webhook-signature"]), body: call.body };
    expect(verifyWebhook(hook.secret, delivered, new Date())).toBe(true);
    expect(verifyWebhook(newWebhookSecret(), delivered, new Date())).toBe(false);

    const body = bodyOf(call);
    expect(body).toEqual({
      id: call.id,
      type: "booking.created",
      occurredAt: NOW.toISOString(),
      office: { slug: "testamt" },
      booking: {
        reference: booking.referenceCode,
        startsAt: at(MONDAY, "09:00").toISOString(),
        endsAt: at(MONDAY, "09:30").toISOString(),
        status: "CONFIRMED",
        kind: "IN_PERSON",
        services: [{ slug: "beratung", leikaKey: null }],
        persons: 1,
      },
    });
    expect(call.body).not.toMatch(/Amira|Beispiel|person1@example\.org|1990-03-27/);
    expect(await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      responseStatus: 200,
      eventId: call.id,
    });
  });

  it("adds the person only for an endpoint with personal data enabled; both get the same event id", async () => {
    await endpoint("/plain");
    await endpoint("/personal", { includePersonalData: true });
    await book(ctx.db, 7, "09:00", "+49 6331 123456");
    await drain(ctx.db);
    const [plain] = receiver.callsTo("/plain");
    const [personal] = receiver.callsTo("/personal");
    expect(plain.id).toBe(personal.id);
    expect(bodyOf(plain)).not.toHaveProperty("person");
    expect(bodyOf(personal).person).toEqual({ givenName: "Amira", familyName: "Beispiel 7", email: "person7@example.org", phone: "+49 6331 123456" });
    // Apart from the person, the same event.
    const { person: _person, ...rest } = bodyOf(personal);
    expect(rest).toEqual(bodyOf(plain));
  });

  it("keeps delivering after erasure, with the person's fields empty; the outbox row never held them", async () => {
    await endpoint("/personal", { includePersonalData: true });
    const booking = await book(ctx.db, 2);
    const [row] = await webhookRows();
    expect(row.payload).not.toMatch(/Amira|person2@example\.org/);
    await ctx.db.$transaction((tx) => eraseBookings(tx, { id: booking.id }, NOW));
    expect(await drain(ctx.db)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(bodyOf(receiver.calls[0]).person).toEqual({ givenName: null, familyName: null, email: null, phone: null });
  });

  it("delivers after retries when the receiver is down (connection refused) and comes back", async () => {
    await endpoint("/a");
    await book(ctx.db, 1);
    await receiver.down();
    expect(await drain(ctx.db)).toEqual({ sent: 0, failed: 0, retried: 1 });
    let [row] = await webhookRows();
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    // Backoff with jitter: the second attempt comes between half a minute and a minute later.
    const wait = row.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    // Not due yet: nothing happens.
    expect(await drain(ctx.db)).toEqual({ sent: 0, failed: 0, retried: 0 });

    const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
    expect(await drain(ctx.db, later(2))).toEqual({ sent: 0, failed: 0, retried: 1 });
    await receiver.restore();
    expect(await drain(ctx.db, later(10))).toEqual({ sent: 1, failed: 0, retried: 0 });
    [row] = await webhookRows();
    expect(row).toMatchObject({ status: "SENT", attempts: 3, responseStatus: 200, lastError: null });
    expect(receiver.calls).toHaveLength(1);
  });

  it("retries an answer of 500 and records it, then delivers on 200", async () => {
    await endpoint("/a");
    await book(ctx.db, 1);
    receiver.answer(500);
    expect(await drain(ctx.db)).toEqual({ sent: 0, failed: 0, retried: 1 });
    let [row] = await webhookRows();
    expect(row).toMatchObject({ status: "PENDING", responseStatus: 500, lastError: "HTTP 500" });
    expect(await drain(ctx.db, () => new Date(Date.now() + 2 * 60_000))).toEqual({ sent: 1, failed: 0, retried: 0 });
    [row] = await webhookRows();
    expect(row).toMatchObject({ status: "SENT", attempts: 2, responseStatus: 200 });
    // Both calls were the same event: the receiver can tell the retry by its Webhook-Id.
    expect(receiver.calls.map((c) => c.id)).toEqual([row.eventId, row.eventId]);
  });

  it("gives up after the last attempt, shows the failure on the outbox page and delivers again on request", async () => {
    await endpoint("/a");
    await book(ctx.db, 1);
    receiver.answer(503, 503);
    expect(await drain(ctx.db, undefined, { maxAttempts: 2, backoffMs: () => 0 })).toEqual({ sent: 0, failed: 1, retried: 1 });
    const view = await listOutbox(ctx.db, admin, { officeSlug: "testamt", now: new Date() });
    expect(view.webhooks).toEqual([
      expect.objectContaining({ status: "FAILED", event: "booking.created", endpoint: "Fachverfahren /a", attempts: 2, responseStatus: 503, retryable: true }),
    ]);
    // E-mails are counted apart from webhook deliveries.
    expect(view.totals.FAILED).toBe(0);

    await resendOutboxMessage(ctx.db, admin, { messageId: view.webhooks[0].id }, new Date());
    expect(await drain(ctx.db)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(receiver.calls).toHaveLength(3);
  });

  it("times out a receiver that does not answer and tries again later", async () => {
    await endpoint("/a");
    await book(ctx.db, 1);
    receiver.delay(-1);
    expect(await drain(ctx.db, undefined, { webhooks: { timeoutMs: 300 } })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const [row] = await webhookRows();
    expect(row.lastError).toMatch(/ETIMEDOUT: timed out after 300 ms/);
  });

  it("refuses loopback receivers where private networks are not allowed (production), without calling them", async () => {
    await endpoint("/a");
    await book(ctx.db, 1);
    expect(await drain(ctx.db, undefined, { webhooks: { allowPrivateNetworks: false } })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const [row] = await webhookRows();
    expect(row.lastError).toMatch(/refused: 127\.0\.0\.1 is not a public address/);
    expect(receiver.calls).toHaveLength(0);
  });

  it("delivers every event exactly once per endpoint while two workers (two instances) race for the outbox", async () => {
    const hooks = [await endpoint("/one"), await endpoint("/two"), await endpoint("/three", { includePersonalData: true })];
    const times = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];
    for (const [i, time] of times.entries()) {
      await book(ctx.db, 2 * i + 1, time);
      await book(ctx.db, 2 * i + 2, time);
    }
    const rows = await webhookRows();
    expect(rows).toHaveLength(16 * hooks.length);
    receiver.delay(20);
    const second = ctx.provider === "postgresql" ? createDb(ctx.url) : ctx.db;
    try {
      const worker = (db: Db) => drain(db, undefined, { batchSize: 5 });
      const [a, b] = await Promise.all([worker(ctx.db), worker(second)]);
      expect(a.sent + b.sent).toBe(rows.length);
      // Both took part (on PostgreSQL through SKIP LOCKED; on SQLite by taking turns on the one connection).
      if (ctx.provider === "postgresql") expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    } finally {
      if (second !== ctx.db) await second.$disconnect();
    }
    for (const hook of hooks) {
      const ids = receiver.callsTo(hook.path).map((c) => c.id);
      expect(ids).toHaveLength(16);
      expect(new Set(ids).size).toBe(16);
    }
    expect(await ctx.db.outboxMessage.count({ where: { channel: "WEBHOOK", status: "SENT" } })).toBe(rows.length);
  });

  it("refuses a second row of the same event for the same endpoint (unique index)", async () => {
    const hook = await endpoint("/a");
    await book(ctx.db, 1);
    const [row] = await webhookRows();
    const event = JSON.parse(row.payload);
    await expect(
      ctx.db.$transaction((tx) => enqueueWebhookEvent(tx, event, [{ id: hook.id, label: "again" }], { officeId, bookingId: row.bookingId })),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await webhookRows()).toHaveLength(1);
  });

  it("sends the subscribed events of each change only, and nothing to inactive endpoints", async () => {
    await endpoint("/all");
    await endpoint("/cancellations", { events: ["booking.cancelled"] });
    const off = await endpoint("/off");
    await updateWebhook(ctx.db, admin, { endpointId: off.id, label: "aus", url: receiver.url("/off"), events: [...BOOKING_EVENTS], includePersonalData: false, active: false });
    const kept = await book(ctx.db, 1);
    const cancelled = await book(ctx.db, 2);
    await cancelBookingByToken(ctx.db, { token: cancelled.manageToken, now: NOW });
    await ctx.db.outboxMessage.deleteMany({ where: { channel: "MAIL" } });
    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    await recordBookingStatus(ctx.db, clerk, { bookingId: kept.id, action: "arrive" }, at(MONDAY, "09:05"));
    await recordBookingStatus(ctx.db, clerk, { bookingId: kept.id, action: "serve" }, at(MONDAY, "09:25"));
    await drain(ctx.db);
    const seen = (path: string) => receiver.callsTo(path).map((c) => `${bodyOf(c).type} ${bodyOf(c).booking?.reference} ${bodyOf(c).booking?.status}`);
    expect(seen("/all")).toEqual([
      `booking.created ${kept.referenceCode} CONFIRMED`,
      `booking.created ${cancelled.referenceCode} CONFIRMED`,
      `booking.cancelled ${cancelled.referenceCode} CANCELLED`,
      `booking.arrived ${kept.referenceCode} ARRIVED`,
      `booking.served ${kept.referenceCode} SERVED`,
    ]);
    expect(seen("/cancellations")).toEqual([`booking.cancelled ${cancelled.referenceCode} CANCELLED`]);
    expect(seen("/off")).toEqual([]);
  });

  it("names every service of a combined appointment, with their catalogue slugs and LeiKa keys", async () => {
    await ctx.db.service.create({
      data: {
        office: { connect: { id: officeId } },
        slug: "pass",
        durationMinutes: 15,
        catalogueService: { create: { slug: "reisepass", name: "Reisepass", leikaKey: "99088001001000" } },
      },
    });
    await ctx.db.office.update({ where: { id: officeId }, data: { maxServicesPerBooking: 2 } });
    await endpoint("/a");
    const booking = await createBooking(ctx.db, citizenBooking({ start: at(MONDAY, "09:00"), now: NOW, furtherServices: ["pass"] }, 1));
    // A clerk takes the passport off again: the appointment gets shorter, which receivers learn as a move.
    await changeBookingServices(ctx.db, admin, { bookingId: booking.id, furtherServiceIds: [] }, NOW);
    await ctx.db.outboxMessage.deleteMany({ where: { channel: "MAIL" } });
    await drain(ctx.db);
    expect(receiver.calls.map((c) => [bodyOf(c).type, bodyOf(c).booking?.services, bodyOf(c).booking?.endsAt])).toEqual([
      ["booking.created", [{ slug: "beratung", leikaKey: null }, { slug: "reisepass", leikaKey: "99088001001000" }], at(MONDAY, "09:45").toISOString()],
      ["booking.moved", [{ slug: "beratung", leikaKey: null }], at(MONDAY, "09:30").toISOString()],
    ]);
  });

  it("signs with a rotated secret from then on, and sends a test event on request", async () => {
    const hook = await endpoint("/a");
    const { secret } = await rotateWebhookSecret(ctx.db, admin, hook.id);
    expect(secret).not.toBe(hook.secret);
    await sendTestWebhook(ctx.db, admin, hook.id, NOW);
    await drain(ctx.db);
    const [call] = receiver.calls;
    expect(bodyOf(call)).toEqual({ id: call.id, type: "webhook.test", occurredAt: NOW.toISOString(), office: { slug: "testamt" } });
    const delivered = { id: call.id, timestamp: String(call.headers["webhook-timestamp"]), signature: String(call.headers["webhook-signature"]), body: call.body };
    expect(verifyWebhook(secret, delivered, new Date())).toBe(true);
    expect(verifyWebhook(hook.secret, delivered, new Date())).toBe(false);
    // Every change is audited, never with the secret.
    const audit = await ctx.db.auditLog.findMany({ where: { action: { startsWith: "webhook." } }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.create", "webhook.rotate-secret", "webhook.test"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(hook.secret);
  });

  it("lets administrators only manage endpoints, and checks addresses", async () => {
    const head = await staff(ctx.db, "OFFICE_ADMIN", [officeId]);
    const input = { label: "FV", url: receiver.url("/a"), events: [...BOOKING_EVENTS], includePersonalData: false, active: true };
    expect(await codeOf(createWebhook(ctx.db, head, "testamt", input))).toBe("FORBIDDEN");
    const hook = await endpoint("/a");
    expect(await codeOf(rotateWebhookSecret(ctx.db, head, hook.id))).toBe("FORBIDDEN");
    // The form's schema (which the action validates with first) refuses other schemes.
    await expect(createWebhook(ctx.db, admin, "testamt", { ...input, url: "ftp://fv.example/" })).rejects.toThrow(/urlInvalid/);
  });
});
