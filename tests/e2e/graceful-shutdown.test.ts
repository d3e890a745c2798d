import { startApp, type RunningApp } from "../helpers/app-server";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { postBooking } from "../helpers/citizen";

// SIGTERM, as a rolling deploy sends it, while a booking request is in flight and the outbox worker is in the middle
// of sending to a slow SMTP server: the request gets its normal answer, the e-mail arrives exactly once and is
// recorded as sent, and the process exits with code 0 in bounded time.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const SMTP_DELAY_MS = 3000;
const DB_LOCK_MS = 2000;

let app: RunningApp;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
});

afterAll(async () => {
  if (app.child.exitCode === null) await app.stop();
  await smtp.stop();
});

async function freeStarts(count: number): Promise<string[]> {
  const res = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?next=1`);
  const { nextFree } = (await res.json()) as { nextFree: { start: string } | null };
  if (!nextFree) throw new Error("the demo office has no free slot");
  const day = nextFree.start.slice(0, 10);
  const list = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${day}&to=${day}`);
  const { slots } = (await list.json()) as { slots: Array<{ start: string }> };
  return slots.slice(0, count).map((s) => s.start);
}

function book(start: string, n: number): Promise<Response> {
  return postBooking(app.url, {
    office: OFFICE,
    service: SERVICE,
    start,
    givenName: "Jonas",
    familyName: `Abschied ${"AB"[n]}`,
    email: `abschied${n}@example.org`,
    dateOfBirth: "1985-01-02",
  });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("finishes the request in flight and the e-mail being sent, then exits with code 0", async () => {
  const [first] = await freeStarts(1);
  smtp.slow(SMTP_DELAY_MS);

  // 1. A booking whose confirmation the worker starts to send; the slow server holds its answer back.
  const booked = await book(first, 0);
  expect(booked.status).toBe(201);
  await until(() => smtp.receiving === 1, "the confirmation is being sent");
  const [second] = await freeStarts(1);

  // 2. A second booking held in flight: this test holds the SQLite write lock, so its transaction waits.
  let releaseLock!: () => void;
  const lockHeld = new Promise<void>((resolve) => (releaseLock = resolve));
  let locked = false;
  const { id: officeId } = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE }, select: { id: true } });
  const lock = app.db.$transaction(
    async (tx) => {
      // Any write takes SQLite's write lock; this row is on a day nobody books.
      await tx.officeDay.upsert({
        where: { officeId_date: { officeId, date: "2000-01-01" } },
        create: { officeId, date: "2000-01-01", version: 1 },
        update: { version: { increment: 1 } },
      });
      locked = true;
      await lockHeld;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  await until(() => locked, "the test holds the write lock");
  const inFlight = book(second, 1);
  await new Promise((resolve) => setTimeout(resolve, 300));

  // 3. SIGTERM while both are under way; the lock is released a little later.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    app.child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const signalledAt = Date.now();
  app.child.kill("SIGTERM");
  setTimeout(releaseLock, DB_LOCK_MS);
  await lock;

  const answer = await inFlight;
  const body = (await answer.json()) as { referenceCode: string; startsAt: string };
  if (answer.status !== 201) throw new Error(`the request in flight answered ${answer.status}: ${JSON.stringify(body)}`);
  expect(body.startsAt).toBe(second);

  const exit = await exited;
  expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  // Bounded: the SMTP answer and the lock take a few seconds; the grace period is 25 s.
  expect(exit.at - signalledAt).toBeLessThan(20_000);
  // The worker waited for the slow server's answer before the process ended.
  expect(exit.at - signalledAt).toBeGreaterThanOrEqual(Math.min(SMTP_DELAY_MS, DB_LOCK_MS) - 500);

  // The first confirmation arrived exactly once and is recorded as sent, so no other instance sends it again.
  const mails = await smtp.parsed();
  expect(mails.filter((m) => m.to && JSON.stringify(m.to).includes("abschied0@example.org"))).toHaveLength(1);
  const rows = await app.db.outboxMessage.findMany({ include: { booking: { select: { referenceCode: true, email: true } } } });
  const firstRow = rows.find((r) => r.booking?.email === "abschied0@example.org");
  expect(firstRow?.status).toBe("SENT");
  // The second booking is stored with its e-mail: sent already, or waiting for the next instance; never half-done.
  const secondRow = rows.find((r) => r.booking?.referenceCode === body.referenceCode);
  expect(["PENDING", "SENT"]).toContain(secondRow?.status);
  expect(rows.every((r) => r.status !== "SENDING")).toBe(true);
  expect(app.output()).toContain("background work stopped");
});
