// A second app process working the same queue: run with tsx, it calls and serves tickets at the given counters
// until none is left for them and prints the ids it called as JSON. Used by tests/integration/queue-calls.test.ts.
// It prints "ready" once loaded and connected and starts on a line from stdin, so that the test can start two such
// processes at the same moment: on a busy machine, one still loading would find the queue already worked off.
//
//   tsx tests/helpers/integration/queue-clerk-process.ts <database url> <actor JSON> <now ISO> <counter id>...
import Module from "node:module";
import path from "node:path";

// The app's server modules import "server-only", which throws outside Next's server bundles (as in prisma/jobs.ts).
const moduleInternals = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleInternals._resolveFilename;
const serverOnlyEmpty = path.join(__dirname, "..", "..", "..", "node_modules", "server-only", "empty.js");
moduleInternals._resolveFilename = (request, ...rest) => (request === "server-only" ? serverOnlyEmpty : resolveFilename(request, ...rest));

async function main() {
  const [url, actorJson, nowIso, ...counterIds] = process.argv.slice(2);
  const { createDb } = await import("@/lib/server/db/client");
  const { workCounter } = await import("./queue-work");
  const db = createDb(url);
  try {
    const actor = JSON.parse(actorJson);
    const now = new Date(nowIso);
    await db.$queryRawUnsafe("SELECT 1");
    process.stdout.write("ready\n");
    await new Promise((resolve) => process.stdin.once("data", resolve));
    // Each ticket is served for a moment, as at a real counter. Back to back, one process's three counters kept
    // SQLite's write lock nearly all the time, and the other's waiting writer (which polls for the lock) sometimes
    // never got in before the queue was empty.
    const called = await Promise.all(counterIds.map((counterId) => workCounter(db, actor, counterId, now, 50)));
    process.stdout.write(`${JSON.stringify(called.flat())}\n`);
    process.stdin.destroy();
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e));
  process.exit(1);
});
