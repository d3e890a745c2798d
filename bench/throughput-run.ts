import { createDb, type Db } from "../lib/server/db/client";
import type { Provider } from "../lib/server/db/provider";
import { RACE_FREE_CLERKS, RACE_GAP_END, RACE_GAP_START } from "./fixture";
import {
  measureParallel,
  measureThroughput,
  parallelLine,
  setupRaceOffices,
  throughputTable,
  traceBookings,
  type RoundResult,
  type ThroughputReport,
} from "./throughput";

// The throughput part of `npm run bench` (bench/throughput.ts), also runnable alone: `npm run bench:race`.
// BENCH_TRACE=1 adds the timed statements of one booking of each kind; BENCH_THROUGHPUT_REPEATS (default 2) the
// number of (a)/(b) pairs per client count; BENCH_POOL_SWEEP (default "5,10,20,40") the PostgreSQL pool sizes.

export const CLIENT_COUNTS = [100, 300];
export const PARALLEL_CLIENTS = 100;
const REPEATS = Number(process.env.BENCH_THROUGHPUT_REPEATS ?? 2);
const POOL_SIZES = (process.env.BENCH_POOL_SWEEP ?? "5,10,20,40").split(",").filter(Boolean).map(Number);
const TRACE = process.env.BENCH_TRACE === "1";
/** Other offices beside the main race office: parallel offices (and days) = OTHER_OFFICES + 1. */
const OTHER_OFFICES = 3;

export interface PoolSweepRow {
  pool: number;
  oneDay: RoundResult;
  days: RoundResult;
  offices: RoundResult;
}

export interface ThroughputPart {
  throughput: ThroughputReport;
  poolSweep: PoolSweepRow[];
  trace: { bare: string; product: string; productCached: string } | null;
}

export async function runThroughputPart(db: Db, provider: Provider, url: string, progress: (text: string) => void): Promise<ThroughputPart> {
  const sweep = provider === "postgresql" ? POOL_SIZES : [];
  const spread = OTHER_OFFICES + 1;
  // Days used on the main office: the rounds; per parallel run one day, `spread` days and one of the offices; two traces.
  const mainDates = CLIENT_COUNTS.length * REPEATS * 2 + (2 + spread) * (1 + sweep.length) + 2;
  const offices = await setupRaceOffices(db, { mainDates, others: OTHER_OFFICES, otherDates: 1 + sweep.length });
  const throughput = await measureThroughput(db, offices, { clientCounts: CLIENT_COUNTS, repeats: REPEATS, parallelClients: PARALLEL_CLIENTS }, progress);
  const poolSweep: PoolSweepRow[] = [];
  for (const pool of sweep) {
    const sized = createDb(url, { poolSize: pool });
    try {
      const p = await measureParallel(sized, offices, PARALLEL_CLIENTS, `pool${pool}`, (t) => progress(`pool ${pool}: ${t}`));
      poolSweep.push({ pool, ...p });
    } finally {
      await sized.$disconnect();
    }
  }
  const trace = TRACE ? await traceBookings(db, offices.main).catch((error: Error) => ({ bare: "", product: `trace failed: ${error.message}`, productCached: "" })) : null;
  return { throughput, poolSweep, trace };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The throughput section of the report. */
export function throughputSection(reports: Array<{ title: string; part: ThroughputPart }>): string {
  const lines: string[] = [];
  const first = reports[0].part.throughput;
  lines.push(
    `Booking throughput: (a) bare lock-row pattern through Prisma (upsert lock row, read overlapping bookings, insert, commit) and ` +
      `(b) createBooking, alternating rounds of ${CLIENT_COUNTS.join(" and ")} concurrent clients, each round on a fresh office-day ` +
      `full except ${RACE_FREE_CLERKS} clerks for ${RACE_GAP_END - RACE_GAP_START} minutes (${first.rounds.length} rounds per database):`,
  );
  lines.push(throughputTable(reports.map((r) => ({ title: r.title.split(" ")[0], throughput: r.part.throughput }))));
  for (const r of reports) {
    if (r.part.throughput.parallel) lines.push(`Parallel, ${r.title}: ${parallelLine(r.part.throughput.parallel)}`);
  }
  for (const r of reports) {
    if (r.part.poolSweep.length === 0) continue;
    lines.push(`Pool sweep, ${r.title.split(" ")[0]} (createBooking, ${PARALLEL_CLIENTS} clients, attempts/s): one office-day / ${OTHER_OFFICES + 1} days / ${OTHER_OFFICES + 1} offices`);
    for (const row of r.part.poolSweep) {
      lines.push(`  pool ${String(row.pool).padStart(2)}: ${fmt(row.oneDay.attemptsPerSecond)} / ${fmt(row.days.attemptsPerSecond)} / ${fmt(row.offices.attemptsPerSecond)}`);
    }
  }
  for (const r of reports) {
    if (!r.part.trace) continue;
    lines.push(`Trace, ${r.title} (start, duration, operation; indented: inside the transaction):`);
    lines.push(`  (a) bare pattern\n${r.part.trace.bare}`);
    lines.push(`  (b) createBooking, configuration cache empty\n${r.part.trace.product}`);
    lines.push(`  (b) createBooking, the next booking (configuration cached)\n${r.part.trace.productCached}`);
  }
  return lines.join("\n");
}

/** Problems that fail the run: overbookings, refusals of free places, unexpected errors. */
export function throughputProblems(title: string, part: ThroughputPart): string[] {
  const all = [
    ...part.throughput.rounds,
    ...(part.throughput.parallel ? [part.throughput.parallel.oneDay, part.throughput.parallel.days, part.throughput.parallel.offices] : []),
    ...part.poolSweep.flatMap((p) => [p.oneDay, p.days, p.offices]),
  ];
  const problems: string[] = [];
  const over = all.reduce((n, r) => n + r.overbookedSpans, 0);
  if (over > 0) problems.push(`${title}: throughput rounds overbooked ${over} spans`);
  const free = all.filter((r) => r.mode === "product").reduce((n, r) => n + r.rejectedButFree, 0);
  if (free > 0) problems.push(`${title}: throughput rounds rejected ${free} requests although their slot is still free`);
  const unexpected = all.filter((r) => r.unexpectedErrors > 0);
  if (unexpected.length > 0) problems.push(`${title}: unexpected errors in throughput rounds, e.g. ${unexpected[0].unexpectedExamples.join(" | ")}`);
  return problems;
}
