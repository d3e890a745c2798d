import type { Actor } from "@/lib/server/auth/permissions";
import { erasePersonalData } from "@/lib/server/services/privacy/erase-personal-data";
import { processOutbox } from "@/lib/server/mail/outbox";
import { createTransport, type MailTransport } from "@/lib/server/mail/transport";
import { resendSchema } from "@/lib/schemas/outbox";
import { createBooking } from "@/lib/server/services/create-booking";
import { listOutbox, maskEmail } from "@/lib/server/services/outbox-admin/list-outbox";
import { OUTBOX_AUDIT_RESEND, resendOutboxMessage } from "@/lib/server/services/outbox-admin/resend-outbox-message";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";
import { staff } from "../helpers/integration/staff";

// See tests/integration/mail-smtp.test.ts: Jest runs the ES build of @react-email/render.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// The office admins' outbox: listing by status with masked addresses, and "erneut senden" for failed messages only,
// only in one's own offices, never sending twice. Real bookings, a real SMTP server that fails and comes back.

const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");

const book = (slug: string, n: number, start = "09:00") =>
  citizenBooking({ officeSlug: slug, start: at(MONDAY, start), now: NOW }, n);

describeEachDatabase("outbox view for office admins", (ctx) => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let adminA: Actor;
  let clerkA: Actor;
  let adminB: Actor;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = createTransport(smtp.url, { from: "Terminvergabe <noreply@example.org>", timeoutMs: 2000 });
  });
  afterAll(async () => {
    transport.close();
    await smtp.stop();
  });

  eachTestOnEmptyDatabase(ctx, async () => {
    smtp.clear();
    await smtp.restore();
    const a = await createOfficeFixture(ctx.db, { slug: "amt-a" });
    const b = await createOfficeFixture(ctx.db, { slug: "amt-b" });
    adminA = await staff(ctx.db, "OFFICE_ADMIN", [a.office.id], { email: "leitung-a@example.org" });
    clerkA = await staff(ctx.db, "CLERK", [a.office.id], { email: "clerk-a@example.org" });
    adminB = await staff(ctx.db, "OFFICE_ADMIN", [b.office.id], { email: "leitung-b@example.org" });
  });

  /** Bookings whose confirmations fail for good while the SMTP server is down (one attempt allowed). */
  async function failedConfirmations(slug: string, n: number, count = 1) {
    for (let i = 0; i < count; i++) await createBooking(ctx.db, book(slug, n + i, ["09:00", "09:30", "10:00"][i]));
    await smtp.outage("down");
    await processOutbox(ctx.db, { transport, maxAttempts: 1, log: { warn() {}, error() {} } });
    await smtp.restore();
    return ctx.db.outboxMessage.findMany({ where: { office: { slug } }, orderBy: { createdAt: "asc" } });
  }

  it("lists the office's messages by status with masked addresses; clerks and other offices are refused", async () => {
    await failedConfirmations("amt-a", 1);
    await failedConfirmations("amt-b", 3);
    await createBooking(ctx.db, book("amt-a", 2, "10:00")); // pending

    const view = await listOutbox(ctx.db, adminA, { officeSlug: "amt-a", now: NOW });
    expect(view.totals).toEqual({ PENDING: 1, SENDING: 0, FAILED: 1, SENT: 0 });
    expect(view.groups.FAILED).toHaveLength(1);
    expect(view.groups.FAILED[0]).toMatchObject({ template: "booking-confirmation", recipient: "p***@example.org", attempts: 1, resendable: true });
    expect(view.groups.FAILED[0].lastError).toBeTruthy();
    expect(view.groups.PENDING[0].nextAttemptAt).toBeInstanceOf(Date);
    // No full address anywhere in what the page receives.
    expect(JSON.stringify(view.groups)).not.toMatch(/person\d+@/);

    expect(await codeOf(listOutbox(ctx.db, clerkA, { officeSlug: "amt-a", now: NOW }))).toBe("FORBIDDEN");
    expect(await codeOf(listOutbox(ctx.db, adminA, { officeSlug: "amt-b", now: NOW }))).toBe("FORBIDDEN");
  });

  it("sends a failed message again exactly once, with an audit entry", async () => {
    const [failed] = await failedConfirmations("amt-a", 1);
    expect(failed.status).toBe("FAILED");

    await resendOutboxMessage(ctx.db, adminA, { messageId: failed.id }, NOW);
    const queued = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(queued).toMatchObject({ status: "PENDING", attempts: 0, lastError: null, nextAttemptAt: NOW });
    const audit = await ctx.db.auditLog.findMany({ where: { action: OUTBOX_AUDIT_RESEND } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: adminA.id, bookingId: failed.bookingId });
    expect(audit[0].details).not.toMatch(/@/);

    // Queued again: a second click is refused, and two workers together send it once.
    expect(await codeOf(resendOutboxMessage(ctx.db, adminA, { messageId: failed.id }, NOW))).toBe("MESSAGE_NOT_RESENDABLE");
    const worker = { transport, now: () => NOW };
    await Promise.all([processOutbox(ctx.db, worker), processOutbox(ctx.db, worker)]);
    expect(smtp.messages).toHaveLength(1);
    expect((await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("SENT");
    expect(await codeOf(resendOutboxMessage(ctx.db, adminA, { messageId: failed.id }, NOW))).toBe("MESSAGE_NOT_RESENDABLE");
    expect(await ctx.db.auditLog.count({ where: { action: OUTBOX_AUDIT_RESEND } })).toBe(1);
  });

  it("two admins clicking at once queue it once", async () => {
    const [failed] = await failedConfirmations("amt-a", 1);
    const admin = await staff(ctx.db, "ADMIN", [], { email: "admin@example.org" });
    const results = await Promise.all([
      codeOf(resendOutboxMessage(ctx.db, adminA, { messageId: failed.id }, NOW)),
      codeOf(resendOutboxMessage(ctx.db, admin, { messageId: failed.id }, NOW)),
    ]);
    expect(results.sort()).toEqual(["MESSAGE_NOT_RESENDABLE", "OK"]);
    expect(await ctx.db.auditLog.count({ where: { action: OUTBOX_AUDIT_RESEND } })).toBe(1);
  });

  it("refuses clerks, other offices, unknown and malformed ids, and messages whose data was erased", async () => {
    const [failedA] = await failedConfirmations("amt-a", 1);
    const [failedB] = await failedConfirmations("amt-b", 2);
    expect(await codeOf(resendOutboxMessage(ctx.db, clerkA, { messageId: failedA.id }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(resendOutboxMessage(ctx.db, adminA, { messageId: failedB.id }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(resendOutboxMessage(ctx.db, adminB, { messageId: failedA.id }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(resendOutboxMessage(ctx.db, adminA, { messageId: "cl000000000000000000000000" }, NOW))).toBe("FORBIDDEN");
    for (const forged of ["", "../amt-b", "x".repeat(65), "a b", 42, null]) {
      expect(resendSchema.safeParse({ messageId: forged }).success).toBe(false);
    }

    // Erased with its booking (retention over): it cannot be sent any more, and the page says so.
    await erasePersonalData(ctx.db, { now: at("2027-06-01", "00:00") });
    expect(await codeOf(resendOutboxMessage(ctx.db, adminA, { messageId: failedA.id }, NOW))).toBe("MESSAGE_NOT_RESENDABLE");
    const view = await listOutbox(ctx.db, adminA, { officeSlug: "amt-a", now: NOW });
    expect(view.groups.FAILED[0]).toMatchObject({ recipient: null, resendable: false });

    for (const message of [failedA, failedB]) {
      expect((await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("FAILED");
    }
    expect(await ctx.db.auditLog.count({ where: { action: OUTBOX_AUDIT_RESEND } })).toBe(0);
  });
});

describe("maskEmail", () => {
  it("keeps the first character and the domain only", () => {
    expect(maskEmail("maria.mustermann@example.org")).toBe("m***@example.org");
    expect(maskEmail("x@example.org")).toBe("x***@example.org");
    expect(maskEmail("[erased]")).toBeNull();
    expect(maskEmail("broken")).toBe("***");
  });
});
