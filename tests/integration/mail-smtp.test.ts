import ICAL from "ical.js";
import { createDb, type Db } from "@/lib/server/db/client";
import { enqueueMail, kickOutbox, processOutbox, startOutboxWorker, type OutboxResult } from "@/lib/server/mail/outbox";
import type { BookingMailPayload } from "@/emails/payloads";
import { createTransport, type MailTransport } from "@/lib/server/mail/transport";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` Jest cannot run (it
// transforms only .js/.ts/.mjs files); its ES build is transformed like the app's code.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// The outbox against a real SMTP server on both databases: a booking's e-mail arrives with the right content, an
// outage delays mail without losing any, and concurrent workers (as several app instances would run) never send
// a message twice.

const FROM = "Terminvergabe <noreply@termine.musterstadt.example>";
const STARTS_AT = "2026-12-01T08:30:00.000Z"; // 09:30 in Berlin

function payload(referenceCode: string): BookingMailPayload {
  return {
    locale: "de",
    office: {
      name: "Ausländerbehörde",
      authority: "Stadt Musterstadt",
      street: "Große Straße 1",
      postalCode: "12345",
      locality: "Musterstadt",
      room: "1.23",
      email: "auslaenderbehoerde@musterstadt.example",
      timeZone: "Europe/Berlin",
    },
    service: { name: "Beratungsgespräch", documents: ["Reisepass", "Biometrisches Foto"] },
    booking: {
      referenceCode,
      startsAt: STARTS_AT,
      endsAt: "2026-12-01T09:00:00.000Z",
      persons: 1,
      givenName: "Ayşe",
      familyName: "Yılmaz",
    },
    manageUrl: `https://termine.musterstadt.example/termin/${referenceCode.toLowerCase()}-token`,
  };
}

/** Log lines are collected so that tests can check they carry no personal data. */
function collectingLog() {
  const lines: string[] = [];
  return { lines, log: { warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
}

function sum(results: OutboxResult[]): OutboxResult {
  return results.reduce((a, r) => ({ sent: a.sent + r.sent, failed: a.failed + r.failed, retried: a.retried + r.retried }), {
    sent: 0,
    failed: 0,
    retried: 0,
  });
}

describeEachDatabase("mail outbox over SMTP", (ctx) => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let officeId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = createTransport(smtp.url, { from: FROM, timeoutMs: 5000 });
  });

  afterAll(async () => {
    transport.close();
    await smtp.stop();
  });

  eachTestOnEmptyDatabase(ctx, async () => {
    await smtp.restore();
    smtp.clear();
    const office = await ctx.db.office.create({
      data: {
        slug: "auslaenderbehoerde",
        name: "Ausländerbehörde",
        authority: "Stadt Musterstadt",
        street: "Große Straße 1",
        postalCode: "12345",
        locality: "Musterstadt",
        senderName: "Ausländerbehörde Musterstadt",
        replyTo: "auslaenderbehoerde@musterstadt.example",
      },
    });
    officeId = office.id;
  });

  async function enqueue(n: number, db: Db = ctx.db): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const code = `TV-TEST-${String(i).padStart(4, "0")}`;
      const { id } = await db.$transaction((tx) =>
        enqueueMail(tx, {
          template: "booking-confirmation",
          recipient: `person${i}@example.org`,
          payload: payload(code),
          officeId,
        }),
      );
      ids.push(id);
    }
    return ids;
  }

  it("delivers a booking confirmation with subject, sender, local time, manage link and calendar entry", async () => {
    const [id] = await enqueue(1);
    const stored = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe("PENDING");
    expect(stored.subject).toBe("Terminbestätigung: Beratungsgespräch am 1. Dezember 2026, 09:30 Uhr (TV-TEST-0000)");

    const { log, lines } = collectingLog();
    expect(await processOutbox(ctx.db, { transport, log })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(lines).toEqual([]);

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].envelope).toEqual({ from: "noreply@termine.musterstadt.example", to: ["person0@example.org"] });
    const [mail] = await smtp.parsed();
    expect(mail.subject).toBe(stored.subject);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : undefined).toBe("person0@example.org");
    expect(mail.from?.value[0]).toEqual({ name: "Ausländerbehörde Musterstadt", address: "noreply@termine.musterstadt.example" });
    expect(mail.replyTo?.value[0].address).toBe("auslaenderbehoerde@musterstadt.example");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    const manageUrl = payload("TV-TEST-0000").manageUrl;
    expect(mail.text).toContain("Dienstag, 1. Dezember 2026");
    expect(mail.text).toContain("09:30 bis 10:00 Uhr");
    expect(mail.text).toContain(manageUrl);
    expect(mail.html).toContain(`href="${manageUrl}"`);
    expect(mail.html).toContain("Termin ansehen, verschieben oder absagen");

    const ics = mail.attachments.find((a) => a.filename === "termin.ics");
    expect(ics?.contentType).toBe("text/calendar");
    const vevent = new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent");
    const event = new ICAL.Event(vevent!);
    expect(event.startDate.toJSDate().toISOString()).toBe(STARTS_AT);
    expect(event.summary).toBe("Beratungsgespräch – Ausländerbehörde");

    // Sent: metadata stays for the administrators, the personal payload is gone.
    const sent = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, payload: "{}", lastError: null, lockedUntil: null });
    expect(sent.recipient).toBe("person0@example.org");
    expect(sent.subject).toBe(stored.subject);
    expect(sent.messageId).toBe(mail.messageId);
    expect(sent.sentAt).toBeInstanceOf(Date);

    // Nothing left to do.
    expect(await processOutbox(ctx.db, { transport, log })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("writes the e-mail only if the surrounding transaction commits", async () => {
    await expect(
      ctx.db.$transaction(async (tx) => {
        await enqueueMail(tx, {
          template: "booking-confirmation",
          recipient: "person@example.org",
          payload: payload("TV-ROLL-BACK"),
        });
        throw new Error("booking failed");
      }),
    ).rejects.toThrow("booking failed");
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it("never sends the e-mail of a transaction that is still open or that rolls back", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const booking = ctx.db.$transaction(
      async (tx) => {
        await enqueueMail(tx, {
          template: "booking-confirmation",
          recipient: "person@example.org",
          payload: payload("TV-OPEN-0001"),
        });
        await gate;
        throw new Error("slot taken");
      },
      { timeout: 10_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A worker pass while the booking's transaction is open (on SQLite: the same client and connection).
    const pass = processOutbox(ctx.db, { transport });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await expect(booking).rejects.toThrow("slot taken");
    expect(await pass).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(0);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it("refuses an invalid payload at enqueue time", async () => {
    const bad = { ...payload("TV-BAD-0001"), manageUrl: "not a url" };
    await expect(
      ctx.db.$transaction((tx) =>
        enqueueMail(tx, { template: "booking-confirmation", recipient: "person@example.org", payload: bad }),
      ),
    ).rejects.toThrow();
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it("keeps the payload when the store transport 'delivers' to the development inbox", async () => {
    const [id] = await enqueue(1);
    expect(await processOutbox(ctx.db, { transport: createTransport(undefined) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const row = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(JSON.parse(row.payload)).toEqual(payload("TV-TEST-0000"));
    expect(smtp.messages).toHaveLength(0);
  });

  it("an SMTP outage delays mail with exponential backoff, loses none, and each arrives exactly once afterwards", async () => {
    const ids = await enqueue(3);
    let clock = Date.now() + 1000;
    const now = () => new Date(clock);
    const { log, lines } = collectingLog();

    // Down: connection refused.
    await smtp.outage("down");
    expect(await processOutbox(ctx.db, { transport, now, log })).toEqual({ sent: 0, failed: 0, retried: 3 });
    let rows = await ctx.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
      expect(row.nextAttemptAt.getTime()).toBe(clock + 60_000);
      expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
      expect(row.payload).not.toBe("{}");
    }
    // The backoff holds: nothing is due yet.
    clock += 30_000;
    expect(await processOutbox(ctx.db, { transport, now, log })).toEqual({ sent: 0, failed: 0, retried: 0 });

    // Up but busy: 421 on connect. The second failure waits twice as long.
    await smtp.restore();
    await smtp.outage("busy");
    clock += 31_000;
    expect(await processOutbox(ctx.db, { transport, now, log })).toEqual({ sent: 0, failed: 0, retried: 3 });
    rows = await ctx.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 2 });
      expect(row.nextAttemptAt.getTime()).toBe(clock + 120_000);
      expect(row.lastError).toContain("421");
    }
    expect(smtp.messages).toHaveLength(0);

    // Back: every mail arrives, once.
    await smtp.restore();
    clock += 120_000;
    expect(await processOutbox(ctx.db, { transport, now, log })).toEqual({ sent: 3, failed: 0, retried: 0 });
    clock += 24 * 60 * 60_000;
    expect(await processOutbox(ctx.db, { transport, now, log })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages.map((m) => m.envelope.to[0]).sort()).toEqual([
      "person0@example.org",
      "person1@example.org",
      "person2@example.org",
    ]);
    rows = await ctx.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 3 && r.lastError === null)).toBe(true);

    // Failures were logged without personal data.
    expect(lines.length).toBe(6);
    for (const line of lines) expect(line).not.toMatch(/@|Yılmaz|Ayşe/);
  });

  it("marks a message FAILED after the last attempt and keeps the reason", async () => {
    const [id] = await enqueue(1);
    let clock = Date.now() + 1000;
    const now = () => new Date(clock);
    const { log } = collectingLog();
    await smtp.outage("busy");
    expect(await processOutbox(ctx.db, { transport, now, log, maxAttempts: 2 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    clock += 60_000;
    expect(await processOutbox(ctx.db, { transport, now, log, maxAttempts: 2 })).toEqual({ sent: 0, failed: 1, retried: 0 });
    const row = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 2, lockedUntil: null });
    expect(row.lastError).toContain("421");
    clock += 24 * 60 * 60_000;
    await smtp.restore();
    expect(await processOutbox(ctx.db, { transport, now, log })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it("fails a message that cannot be rendered at once, without blocking the others", async () => {
    const [good] = await enqueue(1);
    const broken = await ctx.db.outboxMessage.create({
      data: { template: "booking-confirmation", recipient: "x@example.org", subject: "?", payload: '{"locale":"de"}' },
    });
    const { log, lines } = collectingLog();
    expect(await processOutbox(ctx.db, { transport, log })).toEqual({ sent: 1, failed: 1, retried: 0 });
    const row = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: broken.id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/^invalid payload/);
    expect((await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id: good } })).status).toBe("SENT");
    expect(lines).toHaveLength(1);
  });

  it("sends a message again whose worker died while sending, but only after its lease", async () => {
    const [id] = await enqueue(1);
    const start = Date.now() + 1000;
    // A worker claimed the row and died before it could record the result.
    await ctx.db.outboxMessage.update({
      where: { id },
      data: { status: "SENDING", attempts: 1, lockedUntil: new Date(start + 5 * 60_000) },
    });
    const at = (ms: number) => () => new Date(ms);
    expect(await processOutbox(ctx.db, { transport, now: at(start + 60_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await processOutbox(ctx.db, { transport, now: at(start + 6 * 60_000) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const row = await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("keeps its claim while a send outlasts the lease, so that no other worker sends the message too", async () => {
    await enqueue(1);
    const leaseMs = 600;
    // The server answers only after more than twice the lease.
    smtp.slow(1500);
    const second = ctx.provider === "postgresql" ? createDb(ctx.url) : ctx.db;
    try {
      let done = false;
      const first = processOutbox(ctx.db, { transport, leaseMs }).finally(() => (done = true));
      // The first worker claims the message before the other starts looking (on PostgreSQL the other's first look
      // could otherwise claim it first, and the roles would swap).
      while (!done && !(await ctx.db.outboxMessage.findFirst({ where: { status: "SENDING" } }))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Another instance's worker looks for due messages all the while.
      const others: OutboxResult[] = [];
      while (!done) {
        others.push(await processOutbox(second, { transport, leaseMs }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await first).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(sum(others)).toEqual({ sent: 0, failed: 0, retried: 0 });
    } finally {
      smtp.slow(0);
      if (second !== ctx.db) await second.$disconnect();
    }
    expect(smtp.messages).toHaveLength(1);
    expect(await ctx.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null });
  });

  it("records a sent message through a short database outage, so that it is not sent again", async () => {
    const [id] = await enqueue(1);
    const recordAgain = await refuseToRecordSent();
    const { log } = collectingLog();
    const pass = processOutbox(ctx.db, { transport, log });
    await smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await recordAgain();
    expect(await pass).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1 });
    // Long after any lease, nothing is due.
    const tomorrow = () => new Date(Date.now() + 24 * 60 * 60_000);
    expect(await processOutbox(ctx.db, { transport, now: tomorrow })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("sends a message again under the same Message-ID when the server's acceptance was lost", async () => {
    const [id] = await enqueue(1);
    let clock = Date.now() + 1000;
    const now = () => new Date(clock);
    // The server accepts the message, but the answer never reaches the worker (the connection drops).
    const losing: MailTransport = {
      kind: "smtp",
      async send(mail) {
        await transport.send(mail);
        throw Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" });
      },
      close() {},
    };
    expect(await processOutbox(ctx.db, { transport: losing, now, log: collectingLog().log })).toEqual({ sent: 0, failed: 0, retried: 1 });
    clock += 60_000;
    expect(await processOutbox(ctx.db, { transport, now })).toEqual({ sent: 1, failed: 0, retried: 0 });
    // Two copies, recognisably one message: receivers that drop a known Message-ID show it once.
    const copies = await smtp.parsed();
    expect(copies.map((m) => m.messageId)).toEqual([`<${id}@termine.musterstadt.example>`, `<${id}@termine.musterstadt.example>`]);
    expect((await ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } })).messageId).toBe(copies[0].messageId);
  });

  /** Makes the database refuse to mark a message SENT, as during a restart, until the returned function is called. */
  async function refuseToRecordSent(): Promise<() => Promise<void>> {
    if (ctx.provider === "postgresql") {
      await ctx.db.$executeRawUnsafe(
        `CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'database restarting'; END $$`,
      );
      await ctx.db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_sent BEFORE UPDATE ON "OutboxMessage" FOR EACH ROW WHEN (NEW.status = 'SENT') EXECUTE FUNCTION refuse_sent()`,
      );
      return async () => {
        await ctx.db.$executeRawUnsafe(`DROP TRIGGER refuse_sent ON "OutboxMessage"`);
        await ctx.db.$executeRawUnsafe(`DROP FUNCTION refuse_sent()`);
      };
    }
    await ctx.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_sent BEFORE UPDATE ON "OutboxMessage" WHEN NEW.status = 'SENT' BEGIN SELECT RAISE(ABORT, 'database restarting'); END`,
    );
    return async () => {
      await ctx.db.$executeRawUnsafe(`DROP TRIGGER refuse_sent`);
    };
  }

  it("never sends a message twice when several workers drain the outbox at once", async () => {
    const count = 24;
    await enqueue(count);
    // PostgreSQL: a second client, as a second app instance would have. SQLite serves one instance: a second
    // client in the same process would stall the event loop in SQLite's synchronous busy wait while the first
    // holds the write lock, so the passes share the one client there.
    const second = ctx.provider === "postgresql" ? createDb(ctx.url) : ctx.db;
    try {
      const drain = async (db: Db) => {
        const results: OutboxResult[] = [];
        for (;;) {
          const r = await processOutbox(db, { transport, batchSize: 4 });
          results.push(r);
          if (r.sent + r.failed + r.retried === 0) return sum(results);
        }
      };
      const [a, b, c] = await Promise.all([drain(ctx.db), drain(second), drain(ctx.db)]);
      expect(a.sent + b.sent + c.sent).toBe(count);
      expect(a.failed + b.failed + c.failed + a.retried + b.retried + c.retried).toBe(0);
    } finally {
      if (second !== ctx.db) await second.$disconnect();
    }
    const recipients = smtp.messages.map((m) => m.envelope.to[0]);
    expect(recipients).toHaveLength(count);
    expect(new Set(recipients).size).toBe(count);
    const rows = await ctx.db.outboxMessage.findMany();
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("the worker sends soon after a kick, logs instead of throwing, and stops cleanly", async () => {
    const { log, lines } = collectingLog();
    let broken = true;
    const stop = startOutboxWorker({
      getDb: () => {
        if (broken) throw new Error("database unavailable");
        return ctx.db;
      },
      transport,
      intervalMs: 60_000,
      log,
    });
    try {
      // The first pass runs at start and fails: logged, not thrown.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines).toEqual(["outbox: pass failed: database unavailable"]);
      broken = false;
      await enqueue(2);
      const started = Date.now();
      kickOutbox();
      await smtp.waitFor(2, 5000);
      // Long before the 60 s interval.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await stop();
    }
    // After stop, kicks do nothing.
    await enqueue(1);
    kickOutbox();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages).toHaveLength(2);
    expect(await ctx.db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(1);
  });
});
