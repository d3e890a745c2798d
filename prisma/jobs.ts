// Background jobs from the command line, e.g. from cron when the in-app scheduler is not wanted:
//
//   npm run jobs -- erase       erase personal data after the retention period, expired holds and expired
//                               rate-limit counters
//   npm run jobs -- reminders   write due reminder e-mails to the outbox (the app's worker sends them)
//   npm run jobs -- waitlist    expire wishes past their latest date and offers past their deadline, offer free time
//                               to the waiting list and draw the release rounds whose window has closed
//   npm run jobs -- statistics  update the anonymous daily statistics and take today's next-free-slot samples
//                               (--from=YYYY-MM-DD recomputes from that date, e.g. once after an upgrade)
//   npm run jobs -- all         all of them
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";

// The app's server modules import "server-only", which throws outside Next's server bundles; this is a server.
const moduleInternals = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleInternals._resolveFilename;
const serverOnlyEmpty = path.join(__dirname, "..", "node_modules", "server-only", "empty.js");
moduleInternals._resolveFilename = (request, ...rest) =>
  request === "server-only" ? serverOnlyEmpty : resolveFilename(request, ...rest);

const USAGE = "Usage: npm run jobs -- erase|reminders|waitlist|statistics [--from=YYYY-MM-DD]|all";

async function main(argv: string[]): Promise<number> {
  // Next.js reads .env files for the app; read them here too so that both see the same database.
  for (const name of [".env.local", ".env"]) {
    const file = path.join(__dirname, "..", name);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
  const command = argv[0];
  if (!command || !["erase", "reminders", "waitlist", "statistics", "all"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const { createDb } = await import("../lib/server/db/client");
  const { env } = await import("../lib/server/env");
  const { erasePersonalData } = await import("../lib/server/services/privacy/erase-personal-data");
  const { sendReminders } = await import("../lib/server/services/send-reminders");
  const { componentLog } = await import("../lib/server/log");
  const log = componentLog("jobs");
  const db = createDb(env().DATABASE_URL);
  try {
    if (command === "erase" || command === "waitlist" || command === "all") {
      // Closed first, so that a wish past its latest date starts its retention period in this run.
      const { expireWishes } = await import("../lib/server/services/waitlist/expire-wishes");
      log.info({ job: "expire-wishes", wishes: await expireWishes(db, { now: new Date() }) }, "wishes past their latest date expired");
    }
    if (command === "erase" || command === "all") {
      log.info({ job: "erase", ...(await erasePersonalData(db)) }, "erasure done");
      const { clearExpiredCounters } = await import("../lib/server/security/rate-limit");
      log.info({ job: "counters", counters: await clearExpiredCounters(db) }, "expired rate-limit counters cleared");
    }
    if (command === "reminders" || command === "all") {
      log.info({ job: "reminders", ...(await sendReminders(db)) }, "reminders written to the outbox");
    }
    if (command === "waitlist" || command === "all") {
      const { sweepWaitlist } = await import("../lib/server/services/waitlist/sweep-waitlist");
      const { drawDueRounds } = await import("../lib/server/services/rounds/draw-round");
      log.info({ job: "waitlist", ...(await sweepWaitlist(db, { now: new Date(), scope: "all" })) }, "waiting list swept");
      const draws = await drawDueRounds(db, { now: new Date() });
      log.info({ job: "draws", rounds: draws.length }, "release rounds drawn");
    }
    if (command === "statistics" || command === "all") {
      const { aggregateStatistics } = await import("../lib/server/services/evaluation/aggregate-statistics");
      const from = argv.find((a) => a.startsWith("--from="))?.slice("--from=".length);
      if (from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(from)) {
        console.error(USAGE);
        return 2;
      }
      log.info({ job: "statistics", ...(await aggregateStatistics(db, { from })) }, "statistics updated");
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : "job failed");
    process.exit(1);
  },
);
