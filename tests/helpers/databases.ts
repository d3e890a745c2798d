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

/**
 * Deletes every row of every application table (not the migration history). Between two tests most tables are
 * empty, so only those with rows are emptied, children before parents, with DELETE: PostgreSQL's TRUNCATE gives
 * each table and index new files and took about 0.7 s for all of them, which hundreds of tests paid.
 */
export async function resetDatabase(db: Db): Promise<void> {
  const order = await deletionOrder(db);
  const probe = order.map((t) => `SELECT ${quoteLiteral(t)} AS name WHERE EXISTS (SELECT 1 FROM ${quoteIdent(t)})`);
  const filled = new Set((await db.$queryRawUnsafe<{ name: string }[]>(probe.join(" UNION ALL "))).map((r) => r.name));
  const deletes = order.filter((t) => filled.has(t)).map((t) => db.$executeRawUnsafe(`DELETE FROM ${quoteIdent(t)}`));
  if (deletes.length > 0) await db.$transaction(deletes);
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const deletionOrders = new WeakMap<Db, Promise<string[]>>();

/**
 * The application tables in an order in which each table comes before the tables its foreign keys point to, so
 * that deleting in this order never meets a restricting key. The configuration revision's one row stays, like the
 * migrations' table: the deletes' triggers raise it, so that nothing an app instance keeps in memory of the old data
 * is taken for the new (lib/server/db/config-cache.ts). Read once per client: tests do not change the schema.
 */
function deletionOrder(db: Db): Promise<string[]> {
  let order = deletionOrders.get(db);
  if (!order) {
    order = (async () => {
      const { provider, tables: all } = await applicationTables(db);
      const tables = all.filter((t) => t !== "ConfigRevision");
      const edges =
        provider === "postgresql"
          ? await db.$queryRawUnsafe<{ child: string; parent: string }[]>(
              `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
                 JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
                WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`,
            )
          : await db.$queryRawUnsafe<{ child: string; parent: string }[]>(
              `SELECT m.name AS child, f."table" AS parent FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table'`,
            );
      return childrenFirst(tables, edges);
    })();
    order.catch(() => deletionOrders.delete(db));
    deletionOrders.set(db, order);
  }
  return order;
}

/** Tables ordered so that every child precedes its parents (self-references are ignored). */
function childrenFirst(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const children = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) if (child !== parent) children.get(parent)?.add(child);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table)) return;
    if (path.has(table)) throw new Error(`Foreign keys form a cycle through ${table}; resetDatabase needs an order.`);
    path.add(table);
    for (const child of children.get(table) ?? []) visit(child, path);
    path.delete(table);
    done.add(table);
    order.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return order;
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
