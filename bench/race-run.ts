// Must come first: the services it lets load are imported below.
import "./server-only-shim";
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Provider } from "../lib/server/db/provider";
import { createPostgresBenchDatabase, createSqliteBenchDatabase, DEFAULT_BENCH_POSTGRES_URL } from "./databases";
import { runBenchmark } from "./runner";
import { runThroughputPart, throughputProblems, throughputSection, type ThroughputPart } from "./throughput-run";

// `npm run bench:race`: the booking throughput part of `npm run bench` alone, on SQLite and PostgreSQL.

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex");
const PG_POOL_SIZE = 20;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL?.trim() || DEFAULT_BENCH_POSTGRES_URL;

async function main(): Promise<number> {
  const load = [os.loadavg()[0]];
  const reports: Array<{ title: string; part: ThroughputPart }> = [];
  for (const provider of (process.env.BENCH_PROVIDERS ?? "sqlite,postgresql").split(",") as Provider[]) {
    const title = provider === "sqlite" ? "SQLite" : `PostgreSQL (pool ${PG_POOL_SIZE})`;
    process.stderr.write(`${title}: `);
    const bench = provider === "sqlite" ? await createSqliteBenchDatabase() : await createPostgresBenchDatabase(POSTGRES_URL, PG_POOL_SIZE);
    try {
      reports.push({ title, part: await runThroughputPart(bench.db, provider, bench.url, (t) => process.stderr.write(t)) });
    } finally {
      await bench.dispose();
    }
    process.stderr.write("done\n");
    load.push(os.loadavg()[0]);
  }
  console.log(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, load average (1 min) ${load.map((l) => l.toFixed(1)).join(" -> ")}`);
  console.log(throughputSection(reports));
  const problems = reports.flatMap((r) => throughputProblems(r.title, r.part));
  console.log(problems.length === 0 ? "Result: OK" : `Result: FAILED\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return problems.length === 0 ? 0 : 1;
}

runBenchmark(main, "removing the temporary database");
