// Must come first: the services it lets load are imported below.
import "./server-only-shim";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { datesBetween, weekdayOf, zonedInstant } from "../lib/domain";
import type { Db } from "../lib/server/db/client";
import type { Provider } from "../lib/server/db/provider";
import { countOverbookings, readOfficeState } from "./capacity-check";
import { createPostgresBenchDatabase, createSqliteBenchDatabase, DEFAULT_BENCH_POSTGRES_URL } from "./databases";
import {
  BLOCKS,
  CLERKS,
  FULL_WEEKDAYS,
  HORIZON_DAYS,
  NEARLY_FULL_SHARE,
  NEARLY_FULL_WEEKDAYS,
  NOW,
  RACE_DATE,
  RACE_FREE_CLERKS,
  RACE_GAP_END,
  RACE_GAP_START,
  SERVICES,
  setupOffice,
  SLOT_STEP_MINUTES,
  TIME_ZONE,
  TODAY,
  TOTAL_BOOKINGS,
} from "./fixture";
import { DRAW_PLACES, DRAW_REQUESTS, measureDraw } from "./draw";
import { LIST_DAYS, MEASURED_SERVICE, measureReads } from "./measure";
import { LOCATIONS, MORE_FULL_WEEKDAYS, measureLocations, setupLocations } from "./locations";
import { measureSequentialBookings, RACE_CLIENTS, runRace } from "./race";
import { locationsTable, raceTable, readTable, type ProviderReport } from "./report";
import { cleanUpNow, isInterrupted, onCleanUp, runBenchmark, writeResults } from "./runner";
import { runThroughputPart, throughputProblems, throughputSection } from "./throughput-run";

// `npm run bench`: the slot search and the booking race on a realistic calendar, on SQLite and on PostgreSQL.
// Environment: BENCH_POSTGRES_URL (server where this role may create databases), BENCH_WARMUP, BENCH_RUNS.

function countFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}`);
  return value;
}
const WARMUP = countFromEnv("BENCH_WARMUP", 5, 0);
const RUNS = countFromEnv("BENCH_RUNS", 30, 1);
const PG_POOL_SIZE = 20;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL?.trim() || DEFAULT_BENCH_POSTGRES_URL;
const RESULTS_FILE = path.join(__dirname, ".results", "latest.json");

// The booking service builds manage links from the configuration; a fixed secret keeps it from writing the
// development secret file.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex");

const WEEKDAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

async function databaseVersion(db: Db, provider: Provider): Promise<string> {
  if (provider === "postgresql") {
    const [row] = await db.$queryRawUnsafe<Array<{ server_version: string }>>("SHOW server_version");
    return `PostgreSQL ${row.server_version.split(" ")[0]}`;
  }
  const [row] = await db.$queryRawUnsafe<Array<{ v: string }>>("SELECT sqlite_version() AS v");
  return `SQLite ${row.v}`;
}

async function benchProvider(provider: Provider): Promise<ProviderReport> {
  const title = provider === "sqlite" ? "SQLite" : `PostgreSQL (pool ${PG_POOL_SIZE})`;
  process.stderr.write(`${title}: migrating a temporary database ... `);
  const migrateStarted = performance.now();
  const bench =
    provider === "sqlite" ? await createSqliteBenchDatabase() : await createPostgresBenchDatabase(POSTGRES_URL, PG_POOL_SIZE);
  onCleanUp(bench.dispose);
  try {
    const migrateMs = performance.now() - migrateStarted;
    const { db } = bench;
    process.stderr.write(`inserting ${TOTAL_BOOKINGS.toLocaleString("en-US")} bookings ... `);
    const office = await setupOffice(db);
    // Fresh statistics, as autovacuum would gather shortly after such an insert: the planner sees the real table.
    if (provider === "postgresql") await db.$executeRawUnsafe('ANALYZE "Booking"');

    // The generated calendar must itself respect capacity, and the checker must be able to see a violation.
    const state = await readOfficeState(db, office.officeId, NOW);
    const setupCheck = countOverbookings(state);
    if (setupCheck.overbookedSpans > 0) {
      throw new Error(`Generated bookings exceed capacity: ${JSON.stringify(setupCheck.examples)}`);
    }
    const fullInstant = zonedInstant(TODAY, 9 * 60, TIME_ZONE);
    const planted = countOverbookings({
      ...state,
      occupied: [...state.occupied, { start: fullInstant, end: fullInstant + 10 * 60_000, serviceId: office.serviceIds.abholung }],
    });
    if (planted.overbookedSpans === 0) throw new Error("The overbooking check missed a planted overbooking");

    process.stderr.write(`measuring reads (${WARMUP} + ${RUNS} rounds) ... `);
    const reads = await measureReads(db, provider, office.officeId, { warmup: WARMUP, runs: RUNS });
    process.stderr.write(`adding ${LOCATIONS - 1} more locations ... `);
    const further = await setupLocations(db, office);
    if (provider === "postgresql") await db.$executeRawUnsafe('ANALYZE "Booking"');
    process.stderr.write(`measuring ${LOCATIONS} locations ... `);
    const locations = await measureLocations(db, further.offices, further.insertMs, { warmup: WARMUP, runs: RUNS });
    process.stderr.write(`racing ${RACE_CLIENTS} clients ... `);
    const race = await runRace(db, office, provider);
    // After the race, so that its outbox count covers the race alone.
    const sequentialBooking = await measureSequentialBookings(db, provider);
    process.stderr.write("throughput: ");
    const throughput = await runThroughputPart(db, provider, bench.url, (text) => process.stderr.write(text));
    process.stderr.write("done\n");
    return {
      provider,
      title,
      version: await databaseVersion(db, provider),
      database: bench.label,
      setup: {
        migrateMs,
        insertMs: office.insertMs,
        bookings: office.bookings,
        overbookedSpans: setupCheck.overbookedSpans,
        checkerDetectsOverbooking: planted.overbookedSpans > 0,
      },
      reads,
      locations,
      race,
      sequentialBooking,
      throughput,
    };
  } finally {
    await cleanUpNow(bench.dispose);
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    // Other processes on the machine skew timings; the load average says how busy it was.
    loadAverageAtStart: os.loadavg()[0],
    loadAverageAtEnd: 0,
  };

  const reports: ProviderReport[] = [];
  const failures: string[] = [];
  for (const provider of ["sqlite", "postgresql"] as const) {
    try {
      reports.push(await benchProvider(provider));
    } catch (error) {
      // Interrupted: the signal handler drops the databases and exits; a half-run report would only mislead.
      if (isInterrupted()) return new Promise<number>(() => undefined);
      process.stderr.write("failed\n");
      failures.push(`${provider}: ${(error as Error).message ?? String(error)}`);
    }
    if (isInterrupted()) return new Promise<number>(() => undefined);
  }
  // The draw is domain code alone: once, not per database; a second per run, so fewer runs than the reads.
  process.stderr.write(`Release draw: ${DRAW_REQUESTS.toLocaleString("en-US")} requests for ${DRAW_PLACES.toLocaleString("en-US")} places ... `);
  const draw = await measureDraw({ warmup: Math.min(WARMUP, 1), runs: Math.min(RUNS, 5) });
  process.stderr.write("done\n");
  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
  machine.loadAverageAtEnd = os.loadavg()[0];

  const lines: string[] = [];
  lines.push(`Terminvergabe benchmark, ${startedAt.toISOString()} (took ${totalSeconds.toFixed(0)} s)`);
  lines.push(
    `Machine: Node ${machine.node}, ${machine.platform}, ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB; ` +
      reports.map((r) => r.version).join(", ") +
      `; load average ${machine.loadAverageAtStart.toFixed(1)} at start, ${machine.loadAverageAtEnd.toFixed(1)} at end`,
  );
  lines.push(
    `Data: 1 office (${TIME_ZONE}), ${CLERKS} clerks Mon-Fri ${BLOCKS.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(" + ")}, ` +
      `services of ${SERVICES.map((s) => s.durationMinutes).join("/")} min, slot step ${SLOT_STEP_MINUTES} min, ` +
      `horizon ${HORIZON_DAYS} days, no minimum notice;`,
  );
  lines.push(
    `      ${TOTAL_BOOKINGS.toLocaleString("en-US")} CONFIRMED bookings: first ${FULL_WEEKDAYS} weekdays full, next ` +
      `${NEARLY_FULL_WEEKDAYS} at ${NEARLY_FULL_SHARE * 100} %, the rest of the horizon at random; now = Mon ${TODAY} 07:00 local.`,
  );
  if (reports.length > 0) {
    const r0 = reports[0];
    lines.push("");
    lines.push(
      `Reads for the ${SERVICES.find((s) => s.slug === MEASURED_SERVICE)?.durationMinutes}-minute service, ` +
        `${WARMUP} warm-up + ${RUNS} measured rounds (interleaved); ratio = median / median of baseline A or H of the same database.`,
    );
    lines.push(readTable(reports));
    const next = r0.reads.nextSlot;
    const skipped = next ? datesBetween(TODAY, next.localDate).slice(0, -1).filter((d) => weekdayOf(d) <= 5).length : 0;
    lines.push(
      `Answers: next free slot ${next ? `${WEEKDAY_NAMES[weekdayOf(next.localDate)]} ${next.localDate} ${next.localTime} (after ${skipped} full weekdays)` : "none"}; ` +
        `${LIST_DAYS}-day list: ${r0.reads.listedSlots} slots (service and domain agree on both, on every database).`,
    );
    const indexOf = (plan: string[]) => plan.join(" ").match(/Booking_\w+_idx/)?.[0] ?? "NO INDEX";
    lines.push(
      `Query plans (4 weeks): ${reports
        .map((r) => `${r.title.split(" ")[0]} baseline ${indexOf(r.reads.baselinePlan)}, services' read ${indexOf(r.reads.productPlan)}`)
        .join("; ")}.`,
    );
    lines.push(
      `Against baseline A as plain SQL (A'): ${reports
        .map((r) => {
          const t = r.reads.timings;
          const sql = t.baseline4wSql.medianMs;
          return `${r.title.split(" ")[0]} next ${(t.serviceNext.medianMs / sql).toFixed(1)} × A', list ${(t.serviceList4w.medianMs / sql).toFixed(1)} × A'`;
        })
        .join("; ")}.`,
    );
    lines.push("");
    const loc = r0.locations;
    lines.push(
      `Earliest at any location: the ${SERVICES.find((s) => s.slug === MEASURED_SERVICE)?.durationMinutes}-minute service at ${loc.locations} offices ` +
        `(each like the one above, full for ${FULL_WEEKDAYS} to ${FULL_WEEKDAYS + (loc.locations - 1) * MORE_FULL_WEEKDAYS} weekdays; ${loc.bookings.toLocaleString("en-US")} bookings), ` +
        "loadCatalogueOffers + nextFreeAtAnyLocation (offices searched in rounds, one window each here);",
    );
    lines.push(
      `      bare read = 4 weeks of bookings per office (${loc.rows.toLocaleString("en-US")} rows in all); budget: total <= ${loc.locations} x 1.5 x the bare read per office.`,
    );
    lines.push(locationsTable(reports));
    lines.push(
      `Answer: ${loc.next ? `${loc.next.start} at ${loc.next.office}` : "none"} (the earliest of the ${loc.locations} offices' own next free slots, on every database).`,
    );
    lines.push("");
    lines.push(
      `Booking race: ${RACE_CLIENTS} concurrent createBooking calls (Promise.all, distinct e-mail addresses) for ${RACE_DATE}, ` +
        `full except ${RACE_FREE_CLERKS} clerks free ${hhmm(RACE_GAP_START)}-${hhmm(RACE_GAP_END)};`,
    );
    lines.push("      requests mix 10/20/30-minute services at starts inside the gap and just outside it.");
    lines.push(raceTable(reports));
    lines.push(
      `Setup: ${reports
        .map((r) => `${r.title.split(" ")[0]} migrate ${(r.setup.migrateMs / 1000).toFixed(1)} s, insert ${(r.setup.insertMs / 1000).toFixed(1)} s`)
        .join("; ")}; generated calendar overbooked spans: ${reports.map((r) => r.setup.overbookedSpans).join("/")} ` +
        `(the check finds a planted one: ${reports.every((r) => r.setup.checkerDetectsOverbooking) ? "yes" : "NO"}).`,
    );
    lines.push("");
    lines.push(throughputSection(reports.map((r) => ({ title: r.title, part: r.throughput }))));
  }

  lines.push("");
  lines.push(
    `Release draw (lib/domain/release-draw.ts, domain only): ${draw.requests.toLocaleString("en-US")} requests for ` +
      `${draw.places.toLocaleString("en-US")} half-hour places (Mon-Fri, 10 clerks; a tenth of the requests for two persons), ` +
      `${draw.timings.draw.runs} measured rounds: median ${draw.timings.draw.medianMs.toFixed(0)} ms, p95 ${draw.timings.draw.p95Ms.toFixed(0)} ms; ` +
      `${draw.assigned} requests got a time; ratio = ${(draw.timings.draw.medianMs / draw.timings.baseline.medianMs).toFixed(0)} × ` +
      `baseline D (prepare and list the period's slots once: median ${draw.timings.baseline.medianMs.toFixed(2)} ms).`,
  );

  const problems: string[] = [...failures];
  if (draw.assigned === 0) problems.push("Release draw: no request got a time");
  for (const r of reports) {
    if (r.race.overbooking.overbookedSpans > 0) {
      problems.push(`${r.title}: ${r.race.overbooking.overbookedSpans} overbooked spans, e.g. ${JSON.stringify(r.race.overbooking.examples)}`);
    }
    if (r.race.rejectedButFree > 0) problems.push(`${r.title}: ${r.race.rejectedButFree} requests rejected although their slot is still free`);
    if (r.race.unexpectedErrors > 0) problems.push(`${r.title}: ${r.race.unexpectedErrors} unexpected errors, e.g. ${r.race.unexpectedExamples.join(" | ")}`);
    const anyRatio = r.locations.timings.anyLocationNext.medianMs / r.locations.timings.bareSequential.medianMs;
    if (anyRatio > 1.5) problems.push(`${r.title}: next free time across ${r.locations.locations} locations is ${anyRatio.toFixed(2)} x the bare reads (budget 1.5)`);
    problems.push(...throughputProblems(r.title, r.throughput));
    if (r.race.outboxRows !== r.race.successes) problems.push(`${r.title}: ${r.race.outboxRows} outbox rows for ${r.race.successes} bookings`);
  }
  lines.push("");
  lines.push(problems.length === 0 ? "Result: OK" : `Result: FAILED\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  console.log(lines.join("\n"));

  writeResults(RESULTS_FILE, {
    date: startedAt.toISOString(),
    durationSeconds: totalSeconds,
    machine,
    config: {
      timeZone: TIME_ZONE,
      today: TODAY,
      now: NOW.toISOString(),
      clerks: CLERKS,
      blocks: BLOCKS.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`),
      services: SERVICES,
      slotStepMinutes: SLOT_STEP_MINUTES,
      horizonDays: HORIZON_DAYS,
      bookings: TOTAL_BOOKINGS,
      fullWeekdays: FULL_WEEKDAYS,
      nearlyFullWeekdays: NEARLY_FULL_WEEKDAYS,
      nearlyFullShare: NEARLY_FULL_SHARE,
      measuredService: MEASURED_SERVICE,
      warmup: WARMUP,
      runs: RUNS,
      postgresPoolSize: PG_POOL_SIZE,
      locations: LOCATIONS,
      raceClients: RACE_CLIENTS,
      raceDate: RACE_DATE,
    },
    results: Object.fromEntries(reports.map((r) => [r.provider, r])),
    draw,
    problems,
    ok: problems.length === 0,
  });
  return problems.length === 0 ? 0 : 1;
}

runBenchmark(main, "removing the temporary databases");
