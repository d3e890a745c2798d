import { spawn } from "node:child_process";
import path from "node:path";
import { callNext } from "@/lib/server/services/queue/call-next";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { counterOf, ticketOf } from "../helpers/integration/queue";
import { workCounter } from "../helpers/integration/queue-work";
import { staff } from "../helpers/integration/staff";

// "Aufrufen" pressed by many clerks at once, on both databases, in one process and in two: no ticket is called
// twice, none is lost. The queue's lock row serialises the calls (lib/server/services/queue/queue-write.ts).

const DAY = "2027-03-01";
const NOW = at(DAY, "09:00");
const ROOT = path.join(__dirname, "../..");

/**
 * Starts a clerk process (queue-clerk-process.ts) at the counters; `ready` settles once it is loaded and connected,
 * `called` with the ticket ids it called after `go()`.
 */
function clerkProcess(args: string[]): { ready: Promise<void>; go: () => void; called: Promise<string[]> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/integration/queue-clerk-process.ts", ...args], {
    cwd: ROOT,
    timeout: 90_000,
  });
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (d) => {
    stdout += d;
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (d) => (stderr += d));
  const called = new Promise<string[]>((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(stdout.slice("ready\n".length))) : reject(new Error(`clerk process exited ${code}:\n${stderr}`)),
    ),
  );
  // A process that dies while loading must not leave the test waiting for its "ready".
  return { ready: Promise.race([ready, called.then(() => {})]), go: () => child.stdin.write("go\n"), called };
}

describeEachDatabase("parallel Aufrufen", (ctx) => {
  let officeId: string;
  let serviceId: string;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office, service } = await createOfficeFixture(db);
    officeId = office.id;
    serviceId = service.id;
  });

  async function queueOf(tickets: number) {
    const ids: string[] = [];
    for (let i = 0; i < tickets; i++) {
      // Appointments due at once and walk-ins mixed, so the rule picks from both kinds.
      const appointment = i % 3 === 0;
      const ticket = await ticketOf(ctx.db, {
        officeId,
        serviceId,
        date: DAY,
        arrivedAt: at(DAY, "08:00"),
        ...(appointment ? { kind: "APPOINTMENT" as const, dueAt: at(DAY, "08:30") } : {}),
      });
      ids.push(ticket.id);
    }
    return ids;
  }
  const counters = async (n: number, prefix = "Platz") =>
    Promise.all(Array.from({ length: n }, async (_, i) => (await counterOf(ctx.db, officeId, `${prefix} ${i + 1}`)).id));

  it("20 clerks press at the same moment with 8 waiting: 8 distinct tickets, 12 told nobody waits", async () => {
    const tickets = await queueOf(8);
    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    const results = await Promise.all((await counters(20)).map((counterId) => callNext(ctx.db, clerk, { counterId }, NOW)));
    const called = results.filter((r) => r !== null).map((r) => r.id);
    expect(called).toHaveLength(8);
    expect(new Set(called)).toEqual(new Set(tickets));
    const rows = await ctx.db.ticket.findMany();
    expect(rows.every((t) => t.status === "CALLED" && t.callCount === 1)).toBe(true);
    expect(new Set(rows.map((t) => t.counterId)).size).toBe(8);
    expect(await ctx.db.auditLog.count({ where: { action: "queue.call" } })).toBe(8);
  });

  it("12 clerks work off a queue of 60 at once: every ticket called exactly once and served", async () => {
    const tickets = await queueOf(60);
    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    const called = (await Promise.all((await counters(12)).map((counterId) => workCounter(ctx.db, clerk, counterId, NOW)))).flat();
    expect(called).toHaveLength(60);
    expect(new Set(called)).toEqual(new Set(tickets));
    const rows = await ctx.db.ticket.findMany();
    expect(rows.every((t) => t.status === "SERVED" && t.callCount === 1)).toBe(true);
  });

  it("two app processes work off one queue at once: every ticket called exactly once", async () => {
    const tickets = await queueOf(40);
    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    const [a, b] = [await counters(3, "A"), await counters(3, "B")];
    const processes = [a, b].map((counterIds) => clerkProcess([ctx.url, JSON.stringify(clerk), NOW.toISOString(), ...counterIds]));
    // Both start at once, after both have loaded: otherwise one could work off the queue while the other still loads.
    await Promise.all(processes.map((p) => p.ready));
    for (const p of processes) p.go();
    const [first, second] = await Promise.all(processes.map((p) => p.called));
    const called = [...first, ...second];
    expect(called).toHaveLength(40);
    expect(new Set(called)).toEqual(new Set(tickets));
    // Both processes did part of the work: they really ran side by side.
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    const rows = await ctx.db.ticket.findMany();
    expect(rows.every((t) => t.status === "SERVED" && t.callCount === 1)).toBe(true);
  }, 120_000);
});
