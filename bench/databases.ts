import {
  createTemporaryDatabase,
  DEFAULT_POSTGRES_SERVER_URL,
  type TemporaryDatabase,
} from "../prisma/migrate/temporary-database";

// Throw-away databases for one benchmark run, removed by dispose().

export const DEFAULT_BENCH_POSTGRES_URL = DEFAULT_POSTGRES_SERVER_URL;

export type BenchDatabase = TemporaryDatabase;

const UNREACHABLE_HINT = "Start it or set BENCH_POSTGRES_URL to a server where this role may create databases.";

export function createSqliteBenchDatabase(): Promise<BenchDatabase> {
  return createTemporaryDatabase("sqlite", { prefix: "tv_bench" });
}

export function createPostgresBenchDatabase(serverUrl: string, poolSize: number): Promise<BenchDatabase> {
  return createTemporaryDatabase("postgresql", {
    serverUrl,
    poolSize,
    prefix: "tv_bench",
    unreachableHint: UNREACHABLE_HINT,
  });
}
