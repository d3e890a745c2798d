jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { GET as eventsRoute } from "@/app/api/live/[office]/events/route";
import { createDb, type Db } from "@/lib/server/db/client";
import { onCommit, retryingTransaction } from "@/lib/server/db/transaction";
import { overrideQueueHub, QueueHub } from "@/lib/server/live/queue-hub";
import { queueWrite } from "@/lib/server/services/queue/queue-write";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { callTicket, waitingTicket } from "../helpers/integration/queue-calls";
import { signIn } from "../helpers/integration/session";
import { staff } from "../helpers/integration/staff";
import { createOfficeFixture } from "../helpers/office-fixture";

// Live updates of an office's queue: on PostgreSQL a call committed through one connection reaches the listeners of
// other instances (each hub has its own LISTEN connection) within 2 s, also after the listening connection was
// killed; on SQLite the hub polls the queue day's version, and hears of a write committed in its own process at once.
// The SSE route sends the state at once and after a call.

const WITHIN_MS = 2000;

/** Resolves when `listener` has been called `times` times, or fails after `ms`. */
function calls(ms = WITHIN_MS) {
  let count = 0;
  const waiters: Array<{ times: number; resolve: () => void }> = [];
  const listener = () => {
    count++;
    for (const w of waiters.filter((w) => count >= w.times)) w.resolve();
  };
  const reached = (times: number) =>
    new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const timer = setTimeout(() => reject(new Error(`listener called ${count} times, not ${times}, within ${ms} ms`)), ms);
      if (count >= times) {
        clearTimeout(timer);
        return resolve(0);
      }
      waiters.push({
        times,
        resolve: () => {
          clearTimeout(timer);
          resolve(Date.now() - started);
        },
      });
    });
  return { listener, reached, count: () => count };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDatabase("live queue events", (ctx) => {
  let office: { id: string; slug: string; timeZone: string };
  let serviceId: string;
  let counterId: string;
  const hubs: QueueHub[] = [];
  const extraDbs: Db[] = [];

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const fixture = await createOfficeFixture(db, { slug: "amt-live" });
    office = fixture.office;
    serviceId = fixture.service.id;
    counterId = (await db.counter.create({ data: { officeId: office.id, name: "Platz 3" } })).id;
  });

  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.close();
    for (const db of extraDbs.splice(0)) await db.$disconnect();
  });

  /** A hub as another app instance has it: its own database client and, on PostgreSQL, its own LISTEN connection. */
  function instanceHub(): QueueHub {
    const db = ctx.provider === "postgresql" ? createDb(ctx.url) : ctx.db;
    if (db !== ctx.db) extraDbs.push(db);
    const hub = new QueueHub({ db, listenUrl: ctx.provider === "postgresql" ? ctx.url : undefined, pollIntervalMs: 250 });
    hubs.push(hub);
    return hub;
  }

  async function until(check: () => boolean, ms = 5000) {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error("condition not reached");
      await sleep(25);
    }
  }

  it("a call committed on one instance reaches the listeners of two others within 2 s", async () => {
    const [b, c] = [instanceHub(), instanceHub()];
    const onB = calls();
    const onC = calls();
    b.subscribe(office, onB.listener);
    c.subscribe(office, onC.listener);
    if (ctx.provider === "postgresql") await until(() => b.live && c.live);
    else await sleep(600); // the first poll reads the starting version
    const before = [onB.count(), onC.count()];

    const ticket = await waitingTicket(ctx.db, office, serviceId, new Date());
    await Promise.all([onB.reached(before[0] + 1), onC.reached(before[1] + 1)]);
    const afterIssue = [onB.count(), onC.count()];
    await callTicket(ctx.db, ticket.id, counterId, new Date());
    const [latencyB, latencyC] = await Promise.all([onB.reached(afterIssue[0] + 1), onC.reached(afterIssue[1] + 1)]);
    expect(latencyB).toBeLessThan(WITHIN_MS);
    expect(latencyC).toBeLessThan(WITHIN_MS);
  });

  it("a change committed through this process's services reaches its hubs at once, not at the next poll", async () => {
    // No listening connection and a poll far away: what arrives comes from the commit in this process.
    const hub = new QueueHub({ db: ctx.db, pollIntervalMs: 60_000 });
    hubs.push(hub);
    const heard = calls();
    hub.subscribe(office, heard.listener);
    const ticket = await waitingTicket(ctx.db, office, serviceId, new Date());
    const date = ticket.date;
    const callTo = (counter: string) =>
      queueWrite(ctx.db, office.id, date, (tx) => tx.ticket.update({ where: { id: ticket.id }, data: { status: "CALLED", counterId: counter, calledAt: new Date() } }));

    await callTo(counterId);
    await heard.reached(1);
    // A write that rolls back is not news.
    await expect(queueWrite(ctx.db, office.id, date, async () => Promise.reject(new Error("abgebrochen")))).rejects.toThrow("abgebrochen");
    await sleep(300);
    expect(heard.count()).toBe(1);
    await callTo(counterId);
    await heard.reached(2);
    // A write outside the services' transactions, as another process's would be, waits for the poll.
    await callTicket(ctx.db, ticket.id, counterId, new Date());
    await sleep(300);
    expect(heard.count()).toBe(2);
    // Another office's commit is not this office's news.
    const other = await createOfficeFixture(ctx.db, { slug: "amt-nebenan" });
    const otherTicket = await waitingTicket(ctx.db, other.office, other.service.id, new Date());
    await queueWrite(ctx.db, other.office.id, otherTicket.date, (tx) => tx.ticket.update({ where: { id: otherTicket.id }, data: { urgent: true } }));
    await sleep(300);
    expect(heard.count()).toBe(2);
  });

  it("an effect after a commit that fails neither makes the write look failed nor stops the other effects", async () => {
    const ran: string[] = [];
    const office = await ctx.db.office.findFirstOrThrow();
    const result = await retryingTransaction(ctx.db, async (tx) => {
      onCommit(tx, () => {
        throw new Error("kaputt");
      });
      onCommit(tx, () => ran.push("second"));
      await tx.office.update({ where: { id: office.id }, data: { name: "Nach dem Commit" } });
      return "written";
    });
    expect(result).toBe("written");
    expect(ran).toEqual(["second"]);
    expect((await ctx.db.office.findUniqueOrThrow({ where: { id: office.id } })).name).toBe("Nach dem Commit");
  });

  it("another office's change is not announced to this office's streams", async () => {
    const hub = instanceHub();
    const other = await createOfficeFixture(ctx.db, { slug: "amt-anders" });
    const mine = calls();
    hub.subscribe(office, mine.listener);
    if (ctx.provider === "postgresql") await until(() => hub.live);
    await sleep(600);
    const before = mine.count();
    await waitingTicket(ctx.db, other.office, other.service.id, new Date());
    await sleep(800);
    expect(mine.count()).toBe(before);
  });


    // SQLite has no listening connection: the first test covers its polling.
  (ctx.provider === "postgresql" ? it : it.skip)("keeps delivering while the listening connection is down (polling) and listens again afterwards", async () => {
      const hub = instanceHub();
      const heard = calls();
      hub.subscribe(office, heard.listener);
      await until(() => hub.live);
      await ctx.db.$executeRawUnsafe(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'terminvergabe-live' AND datname = current_database()",
      );
      await until(() => !hub.live);
      const before = heard.count();
      await waitingTicket(ctx.db, office, serviceId, new Date());
      await heard.reached(before + 1);
      await until(() => hub.live, 15_000);
      const again = heard.count();
      const ticket = await waitingTicket(ctx.db, office, serviceId, new Date());
      await heard.reached(again + 1);
      expect(ticket.number).toBe(2);
    });

  (ctx.provider === "postgresql" ? it : it.skip)("while listening, a change whose notification was lost is found by the safety read", async () => {
    const db = createDb(ctx.url);
    extraDbs.push(db);
    const hub = new QueueHub({ db, listenUrl: ctx.url, pollIntervalMs: 100, safetyReadMs: 1500 });
    hubs.push(hub);
    const heard = calls(4000);
    hub.subscribe(office, heard.listener);
    await until(() => hub.live);
    await sleep(1700); // one safety read takes the starting version
    const before = heard.count();
    await waitingTicket(ctx.db, office, serviceId, new Date());
    await heard.reached(before + 1);
    const afterNotified = heard.count();
    // A version bump without a notification, as if the notification had been lost.
    await ctx.db.queueDay.updateMany({ where: { officeId: office.id }, data: { version: { increment: 1 } } });
    await heard.reached(afterNotified + 1);
  });

  it("the event stream sends the state at once and again after a call, for the office's staff", async () => {
    const hub = instanceHub();
    const restore = overrideQueueHub(hub);
    const clerk = await staff(ctx.db, "CLERK", [office.id]);
    signIn(clerk);
    const abort = new AbortController();
    try {
      const res = await eventsRoute(new Request("http://localhost/api/live/amt-live/events", { signal: abort.signal }), {
        params: Promise.resolve({ office: "amt-live" }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      const readUntil = async (pattern: RegExp, ms = WITHIN_MS + 1000) => {
        const deadline = Date.now() + ms;
        while (!pattern.test(text)) {
          const left = deadline - Date.now();
          if (left <= 0) throw new Error(`stream did not match ${pattern} within ${ms} ms:\n${text}`);
          const chunk = await Promise.race([reader.read(), sleep(left).then(() => null)]);
          if (chunk && !chunk.done) text += decoder.decode(chunk.value);
        }
      };
      await readUntil(/event: state\ndata: \{.*"calls":\[\]/);
      if (ctx.provider === "postgresql") await until(() => hub.live);
      const ticket = await waitingTicket(ctx.db, office, serviceId, new Date());
      await callTicket(ctx.db, ticket.id, counterId, new Date());
      const started = Date.now();
      await readUntil(/"label":"W-001","spoken":"W 1","counter":"Platz 3"/);
      expect(Date.now() - started).toBeLessThan(WITHIN_MS);
      expect(text).not.toMatch(/Amira|Beispiel/);
      abort.abort();
      await reader.cancel().catch(() => {});

      signIn(null);
      const refused = await eventsRoute(new Request("http://localhost/api/live/amt-live/events"), { params: Promise.resolve({ office: "amt-live" }) });
      expect(refused.status).toBe(403);
    } finally {
      restore();
    }
  });
});
