import { dbProvider, type CreateDbOptions, type Db } from "@/lib/server/db/client";
import { quoteIdent, type Provider } from "@/lib/server/db/provider";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/server/db/client";
import { withDatabase } from "@/lib/server/db/provider";
import {
  createTemporaryDatabase,
  DEFAULT_POSTGRES_SERVER_URL,
  hidePassword,
  type TemporaryDatabase,
} from "@/prisma/migrate/temporary-database";
import { adminQuery, copySqlite, postgresTemplate, sqliteTemplate, whileInUse } from "./db-templates";

// Every integration test runs against SQLite AND PostgreSQL: a fresh, migrated, empty database per provider and
// test file, copied from a migrated template (db-templates.ts) rather than migrated anew. Databases are named
// randomly, so suites in parallel Jest workers never share one. PostgreSQL must be reachable (TEST_POSTGRES_URL, default below); if it is not, the tests fail with
// a message that says so, rather than being skipped.

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];
export const DEFAULT_TEST_POSTGRES_URL = DEFAULT_POSTGRES_SERVER_URL;

export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

export type TestDatabase = TemporaryDatabase;

const UNREACHABLE_HINT =
  "The integration tests run on SQLite and PostgreSQL; start PostgreSQL (e.g. `pg_ctlcluster --skip-systemctl-redirect " +
  "$(ls /etc/postgresql) main start`) or point TEST_POSTGRES_URL at a server where this role may create databases.";

/** A fresh database of `provider` with all migrations applied (or up to `migrateUpTo`). Call `dispose()` when done. */
export async function createTestDatabase(
  provider: Provider,
  options: CreateDbOptions & { migrateUpTo?: string } = {},
): Promise<TestDatabase> {
  const { migrateUpTo, ...dbOptions } = options;
  // A partly migrated database (tests of a data migration) is rare: migrate it step by step as before.
  if (migrateUpTo !== undefined) {
    return createTemporaryDatabase(provider, {
      ...options,
      serverUrl: testPostgresUrl(),
      prefix: "tv_test",
      unreachableHint: UNREACHABLE_HINT,
    });
  }
  return provider === "sqlite" ? sqliteFromTemplate(dbOptions) : postgresFromTemplate(dbOptions);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

async function sqliteFromTemplate(options: CreateDbOptions): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-test-"));
  const file = path.join(dir, "app.db");
  const url = `file:${file}`;
  let db: Db | undefined;
  const dispose = once(async () => {
    await db?.$disconnect().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  try {
    copySqlite(await sqliteTemplate(), file);
    db = createDb(url, options);
    return { provider: "sqlite", url, label: `SQLite file (WAL) in ${dir}`, db, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function postgresFromTemplate(options: CreateDbOptions): Promise<TestDatabase> {
  const serverUrl = testPostgresUrl();
  let template: string;
  try {
    template = await postgresTemplate(serverUrl);
  } catch (error) {
    // An SQLSTATE (five characters) comes from a server that answered; anything else means none did.
    if (/^[0-9A-Z]{5}$/.test((error as { code?: string }).code ?? "")) throw error;
    throw new Error(`PostgreSQL is not reachable at ${hidePassword(serverUrl)} (${(error as Error).message}). ${UNREACHABLE_HINT}`);
  }
  const name = `tv_test_${randomBytes(6).toString("hex")}`;
  await whileInUse(() => adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`));
  const url = withDatabase(serverUrl, name);
  let db: Db | undefined;
  const dispose = once(async () => {
    await db?.$disconnect().catch(() => undefined);
    // FORCE: a pool connection still closing must not keep the database alive.
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
  db = createDb(url, options);
  return { provider: "postgresql", url, label: `PostgreSQL database ${name} on ${hidePassword(serverUrl)}`, db, dispose };
}

/** What a `describeEachDatabase` body sees; the fields are set in `beforeAll` and read inside tests and hooks. */
export interface DatabaseContext {
  readonly provider: Provider;
  readonly url: string;
  readonly db: Db;
}

/**
 * Declares the tests of `body` once per database:
 *
 *   describeEachDatabase("bookings", (ctx) => {
 *     beforeEach(() => resetDatabase(ctx.db));
 *     it("books", async () => { await ctx.db.office.create(...) });
 *   });
 */
export function describeEachDatabase(
  title: string,
  body: (ctx: DatabaseContext) => void,
  options: { providers?: readonly Provider[]; db?: CreateDbOptions } = {},
): void {
  for (const provider of options.providers ?? PROVIDERS) {
    describe(`${title} [${provider}]`, () => {
      let current: TestDatabase | undefined;
      const need = (): TestDatabase => {
        if (!current) throw new Error(`The ${provider} test database is not ready (use ctx.db inside tests or hooks).`);
        return current;
      };
      const ctx: DatabaseContext = {
        provider,
        get url() {
          return need().url;
        },
        get db() {
          return need().db;
        },
      };
      beforeAll(async () => {
        current = await createTestDatabase(provider, options.db);
      });
      afterAll(async () => {
        await current?.dispose();
        current = undefined;
      });
      body(ctx);
    });
  }
}

/** Deletes every row of every application table (not the migration history). */
export async function resetDatabase(db: Db): Promise<void> {
  const { provider, tables: all } = await applicationTables(db);
  // The configuration revision's one row stays, like the migrations' table: the deletes' triggers raise it, so that
  // nothing an app instance keeps in memory of the old data is taken for the new (lib/server/db/config-cache.ts).
  const tables = all.filter((t) => t !== "ConfigRevision");
  if (tables.length === 0) return;
  if (provider === "postgresql") {
    await db.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map(quoteIdent).join(", ")} RESTART IDENTITY CASCADE`);
    return;
  }
  // Foreign keys off so that the order does not matter; the pragma cannot change inside a transaction.
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  try {
    await db.$transaction(tables.map((t) => db.$executeRawUnsafe(`DELETE FROM ${quoteIdent(t)}`)));
  } finally {
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
}

/** The provider behind a client and its application tables (without Prisma's migration table). */
export async function applicationTables(db: Db): Promise<{ provider: Provider; tables: string[] }> {
  if (dbProvider(db) === "sqlite") {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    );
    return { provider: "sqlite", tables: rows.map((r) => r.name) };
  }
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename",
  );
  return { provider: "postgresql", tables: rows.map((r) => r.name) };
}
