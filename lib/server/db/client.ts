import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient, type Prisma } from "./generated/sqlite/client";
import { providerOf, sqliteFilePath, type Provider } from "./provider";
import { cacheStatements, type SqliteConnection } from "./sqlite-statements";

// One PrismaClient type for both databases. The schemas are identical apart from the provider (a test keeps them
// in step), so the PostgreSQL client is structurally the same as the SQLite one and is used through its type.

export type Db = SqliteClient;
/** The client inside an interactive transaction (`db.$transaction(async (tx) => ...)`). */
export type Tx = Prisma.TransactionClient;

export { providerOf, sqliteFilePath, type Provider } from "./provider";

// better-sqlite3 ships no type declarations (and @types/better-sqlite3 is not a dependency): this is all we use.
type RawSqlite = { pragma(source: string): unknown; close(): void };
type RawSqliteConstructor = new (file: string, options?: { timeout?: number }) => RawSqlite;

/** SQLite busy timeout: how long a writer waits for another writer's lock before failing (P1008). */
export const SQLITE_BUSY_TIMEOUT_MS = 10000;
/** Default PostgreSQL pool size per process; override with `?connection_limit=N` in DATABASE_URL. */
export const DEFAULT_PG_POOL_SIZE = 10;

export interface CreateDbOptions {
  /** PostgreSQL pool size (default: `connection_limit` from the URL, else 10). */
  poolSize?: number;
}

/** The adapter with compiled statements kept per connection (sqlite-statements.ts). */
class StatementCachingSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: SqliteConnection }).client;
    // The adapter keeps its connection in a field it does not declare: an update that moves it must fail loudly.
    if (typeof connection?.prepare !== "function") throw new Error("better-sqlite3 adapter without its connection: update sqlite-statements.ts");
    cacheStatements(connection);
    return adapter;
  }
}

function createSqliteDb(url: string): Db {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // WAL lets readers run beside the writer, and a busy COMMIT in rollback-journal mode leaves the adapter's
    // connection broken (prisma/orm#29933). The mode is stored in the file, so setting it once per open suffices.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require("better-sqlite3") as RawSqliteConstructor;
    const raw = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      raw.pragma("journal_mode = WAL");
    } finally {
      raw.close();
    }
  }
  const adapter = new StatementCachingSqlite({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}

function createPostgresDb(url: string, options: CreateDbOptions): Db {
  const u = new URL(url);
  // Prisma-style pool parameters are not pg settings: take them out of the connection string.
  const limit = Number(u.searchParams.get("connection_limit"));
  u.searchParams.delete("connection_limit");
  u.searchParams.delete("pool_timeout");
  const max = options.poolSize ?? (Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_PG_POOL_SIZE);
  const adapter = new PrismaPg({ connectionString: u.toString(), max });
  return new PostgresClient({ adapter }) as unknown as Db;
}

const providers = new WeakMap<object, Provider>();

/**
 * The database behind a client made by createDb (for the few queries that differ, e.g. `FOR UPDATE SKIP LOCKED`
 * on PostgreSQL only). Transaction clients are not tracked: pass the outer client.
 */
export function dbProvider(db: Db): Provider {
  const known = providers.get(db);
  if (known) return known;
  // Fallback for clients made elsewhere: the generated client records its provider.
  const active = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (active === "sqlite" || active === "postgresql") return active;
  throw new Error("dbProvider: unknown client (create it with createDb)");
}

/**
 * Whether independent reads are worth sending at once: a PostgreSQL pool answers them in parallel, while SQLite's one
 * connection answers one after another anyway, and holding all their results at once costs only memory and time.
 */
export function parallelReads(db: Db | Tx): boolean {
  return providers.get(db) === "postgresql";
}

/**
 * A new client for a SQLite (`file:...`, relative to the working directory) or PostgreSQL URL.
 *
 * SQLite: use ONE client per file and process (getDb does). better-sqlite3 waits for a busy lock synchronously,
 * so a second client in the same process blocks the event loop while the first one holds an open transaction,
 * and both stall until the busy timeout. Separate processes are fine.
 */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const provider = providerOf(databaseUrl);
  const db = provider === "postgresql" ? createPostgresDb(databaseUrl, options) : createSqliteDb(databaseUrl);
  providers.set(db, provider);
  return db;
}
