import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, dbProvider, type CreateDbOptions, type Db } from "@/lib/server/db/client";
import { pgSettingsOf, quoteIdent, withDatabase, type Provider } from "@/lib/server/db/provider";
import { applyMigrations } from "@/prisma/migrate/engine";

// The generated clients load Prisma's query compiler with `import("...mjs")`, which Jest (CommonJS, node_modules
// not transformed) cannot load; the runtime ships CommonJS twins of those files. Self-contained factories, since
// the transformer may hoist jest.mock calls above everything else.
jest.mock("@prisma/client/runtime/query_compiler_fast_bg.sqlite.mjs", () =>
  jest.requireActual("@prisma/client/runtime/query_compiler_fast_bg.sqlite.js"),
);
jest.mock("@prisma/client/runtime/query_compiler_fast_bg.sqlite.wasm-base64.mjs", () =>
  jest.requireActual("@prisma/client/runtime/query_compiler_fast_bg.sqlite.wasm-base64.js"),
);
jest.mock("@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs", () =>
  jest.requireActual("@prisma/client/runtime/query_compiler_fast_bg.postgresql.js"),
);
jest.mock("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs", () =>
  jest.requireActual("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.js"),
);

// Every integration test runs against SQLite AND PostgreSQL: a fresh, migrated, empty database per provider and
// test file. PostgreSQL must be reachable (TEST_POSTGRES_URL, default below); if it is not, the tests fail with
// a message that says so, rather than being skipped.

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];
export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

export interface TestDatabase {
  provider: Provider;
  /** DATABASE_URL of the database (`file:/tmp/...` or `postgresql://.../tv_test_...`). */
  url: string;
  db: Db;
  /** Disconnects and deletes the database. */
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

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ ...pgSettingsOf(url), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is not reachable at ${hidePassword(url)} (${(error as Error).message}). The integration tests ` +
        "run on SQLite and PostgreSQL; start PostgreSQL (e.g. `pg_ctlcluster --skip-systemctl-redirect " +
        "$(ls /etc/postgresql) main start`) or point TEST_POSTGRES_URL at a server where this role may create databases.",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database of `provider` with all migrations applied. Call `dispose()` when done. */
export async function createTestDatabase(provider: Provider, options: CreateDbOptions = {}): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await applyMigrations(url);
    const db = createDb(url, options);
    return {
      provider,
      url,
      db,
      async dispose() {
        await db.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const server = testPostgresUrl();
  const name = `tv_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(server, `CREATE DATABASE ${quoteIdent(name)}`);
  const url = withDatabase(server, name);
  try {
    await applyMigrations(url);
  } catch (error) {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);
    throw error;
  }
  const db = createDb(url, options);
  return {
    provider,
    url,
    db,
    async dispose() {
      await db.$disconnect();
      await adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
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
  const { provider, tables } = await applicationTables(db);
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
