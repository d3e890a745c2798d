import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { addDays, localDateOf } from "@/lib/domain";
import { createDb, type Db } from "@/lib/server/db/client";
import { hashToken } from "@/lib/server/security/tokens";
import { applyMigrations } from "@/prisma/migrate/engine";
import { seedDemo } from "@/prisma/seed";
import { startApp, type RunningApp } from "../helpers/app-server";
import { postBooking } from "../helpers/citizen";
import { startThrowAwayPostgres, type ThrowAwayPostgres } from "../helpers/postgres-cluster";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

// Faults survived, counted. Two app instances share a PostgreSQL server of their own; while 200 bookings are made
// through the JSON API, one instance is killed with SIGKILL and the database server is restarted once. Afterwards
// every booking that was answered 201 is stored exactly once, nothing is half-written, every stored booking's
// confirmation arrives once (a second copy, under the same Message-ID, only of the mail the killed instance was
// sending when it died), and the surviving instance answered throughout, failing only while the database was away.
// The figures are printed and written to tests/.artifacts/fault-tolerance.json.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const TIME_ZONE = "Europe/Berlin";
const DOMAIN = "fault.example.org";
const REQUESTS = 200;
/** One request is started every PACE_MS (on schedule, not after the previous answer), at most MAX_IN_FLIGHT at a time. */
const PACE_MS = 50;
const MAX_IN_FLIGHT = 16;
const KILL_AT = 60;
const RESTART_AT = 120;
const PROBE_EVERY_MS = 100;
/** The surviving instance answers health checks again this soon after the database is back. */
const MAX_RECOVERY_MS = 5000;

let pg: ThrowAwayPostgres;
let smtp: TestSmtpServer;
let db: Db;
let survivor: RunningApp;
let victim: RunningApp;

beforeAll(async () => {
  [pg, smtp] = await Promise.all([startThrowAwayPostgres(), startSmtpServer()]);
  await applyMigrations(pg.url);
  db = createDb(pg.url);
  await seedDemo(db);
  [survivor, victim] = await Promise.all([
    startApp({ smtpUrl: smtp.url, databaseUrl: pg.url }),
    startApp({ smtpUrl: smtp.url, databaseUrl: pg.url }),
  ]);
});

afterAll(async () => {
  await Promise.all([survivor?.stop(), victim?.stop()]);
  await db?.$disconnect();
  await smtp?.stop();
  await pg?.dispose();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  n: number;
  instance: "survivor" | "victim";
  start: string;
  email: string;
  sentAt: number;
  answeredAt: number;
  /** The HTTP status, or why there was none. */
  outcome: number | "no answer";
  body?: { referenceCode?: string; manageToken?: string; startsAt?: string };
}

interface Probe {
  sentAt: number;
  answeredAt: number;
  outcome: number | "no answer";
}

/** Non-overlapping free starts from the day after tomorrow on (no reminder is due for them during the test), spread over the days. */
async function freeStarts(count: number): Promise<string[]> {
  const from = addDays(localDateOf(new Date(), TIME_ZONE), 2);
  const res = await fetch(
    `${survivor.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${from}&to=${addDays(from, 61)}`,
  );
  const { slots } = (await res.json()) as { slots: Array<{ start: string; end: string }> };
  // Slots apart from one another, so that the bookings of this test never compete for the same place.
  const byDay = new Map<string, string[]>();
  let lastEnd = "";
  for (const slot of slots) {
    if (slot.start < lastEnd) continue;
    lastEnd = slot.end;
    const day = localDateOf(new Date(slot.start), TIME_ZONE);
    byDay.set(day, [...(byDay.get(day) ?? []), slot.start]);
  }
  // Round robin over the days, so that concurrent requests mostly lock different days.
  const days = [...byDay.values()];
  const picked: string[] = [];
  for (let i = 0; picked.length < count && days.some((d) => i < d.length); i++) {
    for (const day of days) if (i < day.length && picked.length < count) picked.push(day[i]);
  }
  if (picked.length < count) throw new Error(`only ${picked.length} separate free slots in the booking horizon`);
  return picked;
}

/** A family name for request `n`, in letters: names may not contain digits. */
function familyName(n: number): string {
  return `Ausfall ${String.fromCharCode(65 + Math.floor(n / 26), 97 + (n % 26))}`;
}

/** Asks `url`/api/health every PROBE_EVERY_MS until stopped, recording each answer. */
function startProbing(url: string): { probes: Probe[]; stop(): Promise<void> } {
  const probes: Probe[] = [];
  let probing = true;
  const loop = (async () => {
    while (probing) {
      const sentAt = Date.now();
      let outcome: Probe["outcome"];
      try {
        outcome = (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(4000) })).status;
      } catch {
        outcome = "no answer";
      }
      probes.push({ sentAt, answeredAt: Date.now(), outcome });
      await sleep(Math.max(0, sentAt + PROBE_EVERY_MS - Date.now()));
    }
  })();
  return {
    probes,
    async stop() {
      probing = false;
      await loop;
    },
  };
}

interface Delivery {
  to: string;
  raw: Buffer;
  /** When the SMTP server had it (watched every 20 ms). */
  arrivedAt: number;
}

/** The test's mails at the SMTP server, each with the time it arrived. */
function watchMail(): { delivered(): Delivery[]; stop(): void } {
  const arrivedAt: number[] = [];
  const timer = setInterval(() => {
    while (arrivedAt.length < smtp.messages.length) arrivedAt.push(Date.now());
  }, 20);
  const delivered = () =>
    smtp.messages.flatMap((m, i) =>
      m.envelope.to.some((to) => to.endsWith(`@${DOMAIN}`))
        ? [{ to: m.envelope.to.join(","), raw: m.raw, arrivedAt: arrivedAt[i] ?? Date.now() }]
        : [],
    );
  return { delivered, stop: () => clearInterval(timer) };
}

interface LoadRun {
  attempts: Attempt[];
  startedAt: number;
  endedAt: number;
  killedAt: number;
  /** The database restart: asked to stop, stopped, accepting connections again. */
  restart: { beganAt: number; downAt: number; upAt: number };
}

/**
 * REQUESTS bookings on a fixed schedule, spread over both instances like a load balancer does (round robin, dropping
 * an instance that does not answer; a POST is never retried, since it may have been stored). The victim is killed
 * with SIGKILL at request KILL_AT, the database restarted at request RESTART_AT.
 */
async function bookUnderFaults(starts: string[]): Promise<LoadRun> {
  const run: LoadRun = { attempts: [], startedAt: Date.now(), endedAt: 0, killedAt: 0, restart: { beganAt: 0, downAt: 0, upAt: 0 } };
  let victimUp = true;
  let restarted: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();

  const attempt = async (n: number) => {
    const instance = victimUp && n % 2 === 1 ? "victim" : "survivor";
    const email = `person${n}@${DOMAIN}`;
    const a: Attempt = { n, instance, start: starts[n], email, sentAt: Date.now(), answeredAt: 0, outcome: "no answer" };
    try {
      const res = await postBooking(
        (instance === "victim" ? victim : survivor).url,
        { office: OFFICE, service: SERVICE, start: starts[n], familyName: familyName(n), email },
        { signal: AbortSignal.timeout(20_000) },
      );
      // An answer counts once its body has arrived: an instance killed while sending it gave the client nothing.
      const body = (await res.json()) as Attempt["body"];
      a.outcome = res.status;
      a.body = body;
    } catch {
      if (instance === "victim") victimUp = false;
    }
    a.answeredAt = Date.now();
    run.attempts.push(a);
  };

  for (let n = 0; n < REQUESTS; n++) {
    await sleep(Math.max(0, run.startedAt + n * PACE_MS - Date.now()));
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    if (n === KILL_AT) {
      run.killedAt = Date.now();
      victim.child.kill("SIGKILL");
    }
    if (n === RESTART_AT) {
      restarted = (async () => {
        run.restart.beganAt = Date.now();
        await pg.stop();
        run.restart.downAt = Date.now();
        await pg.start();
        run.restart.upAt = Date.now();
      })();
    }
    const request = attempt(n).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  await restarted;
  run.endedAt = Date.now();
  return run;
}

/** The bookings of this test as stored, with their outbox rows. */
function storedBookings() {
  return db.booking.findMany({ where: { email: { endsWith: `@${DOMAIN}` } }, include: { outboxMessages: true } });
}

/**
 * Waits until every stored booking's address has mail and every test mail is recorded as sent (the killed
 * instance's claims run out after their lease).
 */
async function waitForMail(mail: ReturnType<typeof watchMail>, timeoutMs: number): Promise<void> {
  const expected = new Set((await storedBookings()).map((b) => b.email!));
  const deadline = Date.now() + timeoutMs;
  const reached = async () =>
    new Set(mail.delivered().map((m) => m.to)).size >= expected.size &&
    (await db.outboxMessage.count({ where: { recipient: { endsWith: `@${DOMAIN}` }, status: { not: "SENT" } } })) === 0;
  while (!(await reached()) && Date.now() < deadline) await sleep(200);
  // A few more worker passes, to catch a second copy.
  await sleep(1500);
}

function countBy<T>(list: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of list) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

it("keeps every answered booking exactly once, writes nothing by halves and delivers every stored booking's mail", async () => {
  const starts = await freeStarts(REQUESTS);
  const locksBefore = new Map((await db.officeDay.findMany()).map((d) => [d.date, d.version]));

  // The surviving instance is probed and the SMTP server watched throughout.
  const probing = startProbing(survivor.url);
  const mail = watchMail();
  let run: LoadRun;
  try {
    run = await bookUnderFaults(starts);
    await waitForMail(mail, 75_000);
  } finally {
    mail.stop();
    await probing.stop();
  }
  const { attempts, restart } = run;
  const probes = probing.probes;
  const stored = await storedBookings();
  const created = attempts.filter((a) => a.outcome === 201);
  const storedUnanswered = stored.filter((b) => !created.some((a) => a.email === b.email));
  const firstHealthy = probes.find((p) => p.sentAt >= restart.upAt && p.outcome === 200);
  const recoveredAt = firstHealthy?.answeredAt ?? Number.NaN;
  const duringRestart = (a: { sentAt: number; answeredAt: number }) => a.answeredAt >= restart.beganAt && a.sentAt <= recoveredAt;
  const deliveries = await Promise.all(
    mail.delivered().map(async (d) => ({ ...d, mail: await simpleParser(d.raw) })),
  );
  // Copies after the first of a recipient's mail.
  const secondCopies = deliveries.filter((d, i) => deliveries.findIndex((e) => e.to === d.to) !== i);

  // The figures, before any assertion, so that a failing run shows them too.
  const figures = {
    requests: attempts.length,
    created: created.length,
    outcomes: countBy(attempts, (a) => String(a.outcome)),
    atKilledInstanceAfterKill: countBy(
      attempts.filter((a) => a.instance === "victim" && a.answeredAt >= run.killedAt),
      (a) => String(a.outcome),
    ),
    atSurvivorDuringRestart: countBy(attempts.filter((a) => a.instance === "survivor" && duringRestart(a)), (a) =>
      String(a.outcome),
    ),
    stored: stored.length,
    storedWithoutAnswer: storedUnanswered.length,
    loadSeconds: (run.endedAt - run.startedAt) / 1000,
    databaseStopMs: restart.downAt - restart.beganAt,
    databaseStartMs: restart.upAt - restart.downAt,
    healthProbes: probes.length,
    healthFailedProbes: probes.filter((p) => p.outcome !== 200).length,
    healthUnansweredProbes: probes.filter((p) => p.outcome === "no answer").length,
    healthUnavailableMs: recoveredAt - restart.beganAt,
    healthRecoveredAfterDatabaseUpMs: recoveredAt - restart.upAt,
    mailsDelivered: deliveries.length,
    mailsSentTwice: secondCopies.length,
    mailsClaimedTwice: stored.filter((b) => b.outboxMessages.some((m) => m.attempts > 1)).length,
    lastMailAfterKillMs: Math.max(...deliveries.map((d) => d.arrivedAt)) - run.killedAt,
  };
  console.log(`fault-tolerance figures: ${JSON.stringify(figures, null, 2)}`);
  const out = path.join(__dirname, "..", ".artifacts");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "fault-tolerance.json"), `${JSON.stringify(figures, null, 2)}\n`);

  // Both faults happened while bookings were being made: the kill cut off requests to the victim, and bookings were
  // sent while the database was down.
  expect(attempts.filter((a) => a.instance === "victim" && a.outcome === "no answer").length).toBeGreaterThan(0);
  expect(attempts.filter((a) => a.sentAt >= restart.beganAt && a.sentAt <= restart.upAt).length).toBeGreaterThan(0);
  expect(created.length).toBeGreaterThan(REQUESTS / 2);
  expect(created.length).toBeLessThan(REQUESTS);

  // 1. Every 201 is stored exactly once, as answered. A booking may be stored without a 201 when its answer was
  // lost (the instance died, or the database went away during COMMIT), never after a refusal (4xx).
  for (const a of created) {
    const rows = stored.filter((b) => b.email === a.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      referenceCode: a.body?.referenceCode,
      manageTokenHash: hashToken(a.body!.manageToken!),
      status: "CONFIRMED",
    });
    expect(rows[0].startsAt.toISOString()).toBe(a.start);
  }
  expect(new Set(stored.map((b) => b.email)).size).toBe(stored.length);
  for (const b of storedUnanswered) {
    const { outcome } = attempts.find((a) => a.email === b.email)!;
    expect(outcome === "no answer" || outcome >= 500).toBe(true);
  }

  // 2. Nothing half-written: each booking has its confirmation in the outbox, no test mail lacks its booking, and
  // each committed write of a day's lock row came with a booking on that day (a failed attempt rolls back both).
  for (const b of stored) {
    expect(b.outboxMessages.map((m) => [m.template, m.recipient])).toEqual([["booking-confirmation", b.email]]);
  }
  expect(await db.outboxMessage.count({ where: { recipient: { endsWith: `@${DOMAIN}` } } })).toBe(stored.length);
  const perDay = countBy(stored, (b) => localDateOf(b.startsAt, TIME_ZONE));
  const testDays = new Set(starts.map((start) => localDateOf(new Date(start), TIME_ZONE)));
  const lockWrites = Object.fromEntries(
    (await db.officeDay.findMany())
      .map((lock) => [lock.date, lock.version - (locksBefore.get(lock.date) ?? 0)] as const)
      .filter(([date, writes]) => testDays.has(date) && writes > 0),
  );
  expect(lockWrites).toEqual(perDay);

  // 3. After recovery each stored booking's confirmation has arrived, as the one message recorded as sent for it.
  // SMTP cannot make "accepted" and "recorded" one step (RFC 1047): the message the killed instance was sending
  // when it died may have been accepted unrecorded, and goes out again after its lease, under the same Message-ID.
  const outboxOf = new Map(stored.map((b) => [b.email!, b.outboxMessages[0]]));
  expect(new Set(deliveries.map((d) => d.to))).toEqual(new Set(outboxOf.keys()));
  for (const d of deliveries) {
    expect(d.mail.subject).toMatch(/^Terminbestätigung: Beratungsgespräch/);
    expect({ to: d.to, messageId: d.mail.messageId }).toEqual({ to: d.to, messageId: outboxOf.get(d.to)!.messageId });
  }
  expect([...outboxOf.values()].filter((m) => m.status !== "SENT")).toEqual([]);
  expect(secondCopies.length).toBeLessThanOrEqual(1);
  for (const copy of secondCopies) {
    const first = deliveries.find((d) => d.to === copy.to)!;
    expect(outboxOf.get(copy.to)!.attempts).toBe(2);
    expect(first.arrivedAt - run.killedAt).toBeGreaterThan(-2000);
    expect(first.arrivedAt - run.killedAt).toBeLessThan(500);
  }

  // 4. The survivor answered every probe, with 200 except while the database was away, and soon after it was back.
  expect(probes.filter((p) => p.outcome === "no answer")).toEqual([]);
  expect(firstHealthy).toBeDefined();
  expect(probes.filter((p) => !duringRestart(p) && p.outcome !== 200)).toEqual([]);
  expect(recoveredAt - restart.upAt).toBeLessThan(MAX_RECOVERY_MS);

  // 5. The faults hit only their own requests: the survivor answered every booking, and each booking neither sent to
  // the killed instance after the kill nor overlapping the database restart got its 201 (every start is free).
  expect(attempts.filter((a) => a.instance === "survivor" && a.outcome === "no answer")).toEqual([]);
  const hitByFault = (a: Attempt) => (a.instance === "victim" && a.answeredAt >= run.killedAt) || duringRestart(a);
  expect(attempts.filter((a) => !hitByFault(a) && a.outcome !== 201)).toEqual([]);
});
