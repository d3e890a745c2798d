import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type CreateDbOptions, type Db } from "../../lib/server/db/client";
import { pgSettingsOf, quoteIdent, withDatabase, type Provider } from "../../lib/server/db/provider";
import { deployMigrations } from "./engine";

// Throw-away databases for tests and benchmarks: a SQLite file in a temporary folder, or a fresh database on a
// PostgreSQL server. Both are migrated with the project's own tool and removed by dispose().

export const DEFAULT_POSTGRES_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TemporaryDatabase {
  provider: Provider;
  /** DATABASE_URL of the database (`file:/tmp/...` or `postgresql://.../<prefix>_...`). */
  url: string;
  /** Where it lives, for reports; never contains a password. */
  label: string;
  db: Db;
  /** Disconnects and deletes the database; safe to call more than once. */
  dispose(): Promise<void>;
}

export interface TemporaryDatabaseOptions extends CreateDbOptions {
  /** The PostgreSQL server to create the database on (a role that may create databases). */
  serverUrl?: string;
  /** Database and folder name prefix, e.g. "tv_test". */
  prefix?: string;
  /** Appended to the "not reachable" message: how to make a server available in this context. */
  unreachableHint?: string;
  /** Migrate only up to and including this migration (tests of a data migration start from an older schema). */
  migrateUpTo?: string;
}

export function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

async function adminQuery(serverUrl: string, sql: string, hint = ""): Promise<void> {
  const client = new pg.Client({ ...pgSettingsOf(serverUrl), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(`PostgreSQL is not reachable at ${hidePassword(serverUrl)} (${(error as Error).message}). ${hint}`.trim());
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

export async function createTemporaryDatabase(
  provider: Provider,
  options: TemporaryDatabaseOptions = {},
): Promise<TemporaryDatabase> {
  const { serverUrl = DEFAULT_POSTGRES_SERVER_URL, prefix = "tv_tmp", unreachableHint, migrateUpTo, ...dbOptions } = options;
  let db: Db | undefined;

  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, "-")}-`));
    const url = `file:${path.join(dir, "app.db")}`;
    const dispose = once(async () => {
      await db?.$disconnect().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    try {
      await deployMigrations(url, { upTo: migrateUpTo });
      db = createDb(url, dbOptions);
      return { provider, url, label: `SQLite file (WAL) in ${dir}`, db, dispose };
    } catch (error) {
      await dispose();
      throw error;
    }
  }

  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`, unreachableHint);
  const url = withDatabase(serverUrl, name);
  const dispose = once(async () => {
    await db?.$disconnect().catch(() => undefined);
    // FORCE: a pool connection still closing must not keep the database alive.
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`, unreachableHint);
  });
  try {
    await deployMigrations(url, { upTo: migrateUpTo });
    db = createDb(url, dbOptions);
    return { provider, url, label: `PostgreSQL database ${name} on ${hidePassword(serverUrl)}`, db, dispose };
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
}
