import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "../lib/server/db/client";
import { pgSettingsOf, quoteIdent, withDatabase, type Provider } from "../lib/server/db/provider";
import { applyMigrations } from "../prisma/migrate/engine";

// Throw-away databases for one benchmark run: a SQLite file in a temporary folder, or a fresh PostgreSQL database
// on the given server. Both are migrated with the project's own migration tool and removed by dispose().

export const DEFAULT_BENCH_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  provider: Provider;
  /** Shown in the report; never contains a password. */
  label: string;
  db: Db;
  /** Idempotent: disconnects and deletes the database. */
  dispose(): Promise<void>;
}

function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ ...pgSettingsOf(serverUrl), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is not reachable at ${hidePassword(serverUrl)} (${(error as Error).message}). Start it or set ` +
        "BENCH_POSTGRES_URL to a server where this role may create databases.",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

export async function createSqliteBenchDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-bench-"));
  const file = path.join(dir, "bench.db");
  let db: Db | undefined;
  const dispose = once(async () => {
    await db?.$disconnect().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  try {
    await applyMigrations(`file:${file}`);
    db = createDb(`file:${file}`);
    return { provider: "sqlite", label: `SQLite file (WAL) in ${dir}`, db, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export async function createPostgresBenchDatabase(serverUrl: string, poolSize: number): Promise<BenchDatabase> {
  const name = `tv_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  const url = withDatabase(serverUrl, name);
  let db: Db | undefined;
  const dispose = once(async () => {
    await db?.$disconnect().catch(() => undefined);
    // FORCE: a pool connection still closing must not keep the database alive.
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
  try {
    await applyMigrations(url);
    db = createDb(url, { poolSize });
    return { provider: "postgresql", label: `PostgreSQL database ${name} on ${hidePassword(serverUrl)}`, db, dispose };
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
}
