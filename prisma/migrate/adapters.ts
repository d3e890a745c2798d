import { randomBytes } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  isDriverAdapterError,
  type ColumnType,
  type Error as AdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { pgSettingsOf, quoteIdent, type PgSettings } from "../../lib/server/db/provider";

// Driver adapter factories for the WASM schema engine, with thin wrappers around three adapter bugs
// (@prisma/adapter-better-sqlite3 7.10.0, @prisma/adapter-pg 7.10.1).

function debug(message: string): void {
  if (process.env.MIGRATE_DEBUG) console.error(`[migrate] ${message}`);
}

/** A copy of `adapter` with some methods replaced; all others delegate. */
function overrideAdapter(adapter: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q) => adapter.queryRaw(q),
    executeRaw: (q) => adapter.executeRaw(q),
    executeScript: (s) => adapter.executeScript(s),
    startTransaction: (level) => adapter.startTransaction(level),
    dispose: () => adapter.dispose(),
    ...overrides,
  };
  if (adapter.getConnectionInfo && !overrides.getConnectionInfo) {
    wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  }
  return wrapped;
}

// Error kinds of the 7.10 adapters that this engine build cannot deserialise ("unknown variant `SocketTimeout`").
const KINDS_UNKNOWN_TO_ENGINE = new Set(["SocketTimeout", "RestrictViolation", "InconsistentColumnData", "InvalidInputValue"]);

/** Rewrites an adapter error the engine cannot read into the provider's generic error, with a useful message. */
function translateError(provider: string) {
  return (error: unknown): never => {
    const cause = (error as { cause?: AdapterError } | null)?.cause;
    // isDriverAdapterError, not instanceof: adapter-better-sqlite3 brings its own copy of driver-adapter-utils.
    if (!isDriverAdapterError(error) || !cause || !KINDS_UNKNOWN_TO_ENGINE.has(cause.kind)) throw error;
    const message = cause.originalMessage ?? cause.kind;
    if (provider === "sqlite") {
      const busy = cause.kind === "SocketTimeout";
      throw new DriverAdapterError({
        kind: "sqlite",
        extendedCode: busy ? 5 : 1,
        message: busy
          ? "database is locked: another connection holds the SQLite file (a running app?); stop it and retry"
          : message,
      });
    }
    throw new DriverAdapterError({
      kind: "postgres",
      code: cause.originalCode ?? "XX000",
      severity: "ERROR",
      message,
      detail: undefined,
      column: undefined,
      hint: undefined,
    });
  };
}

type Translate = (error: unknown) => never;

/** Runs `fn` (which may also throw synchronously, as better-sqlite3's adapter does) and translates its errors. */
async function guarded<T>(translate: Translate, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    return translate(error);
  }
}

function translatingTransaction(tx: Transaction, translate: Translate): Transaction {
  const wrapped: Transaction = {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (q) => guarded(translate, () => tx.queryRaw(q)),
    executeRaw: (q) => guarded(translate, () => tx.executeRaw(q)),
    commit: () => guarded(translate, () => tx.commit()),
    rollback: () => guarded(translate, () => tx.rollback()),
  };
  if (tx.createSavepoint) wrapped.createSavepoint = (n) => guarded(translate, () => tx.createSavepoint!(n));
  if (tx.rollbackToSavepoint) wrapped.rollbackToSavepoint = (n) => guarded(translate, () => tx.rollbackToSavepoint!(n));
  if (tx.releaseSavepoint) wrapped.releaseSavepoint = (n) => guarded(translate, () => tx.releaseSavepoint!(n));
  return wrapped;
}

/**
 * Wraps the engine's connections: remembers every one it opens (`engine.free()` does not close them; the SQLite
 * file would stay locked and pg pools would keep the process alive), so that `closeAll()` can; and translates
 * errors the engine cannot deserialise.
 */
export function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const open = new Set<SqlDriverAdapter>();
  const translate = translateError(factory.provider);
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const wrapped = overrideAdapter(adapter, {
      queryRaw: (q) => guarded(translate, () => adapter.queryRaw(q)),
      executeRaw: (q) => guarded(translate, () => adapter.executeRaw(q)),
      executeScript: (script) => guarded(translate, () => adapter.executeScript(script)),
      startTransaction: (level) =>
        guarded(translate, async () => translatingTransaction(await adapter.startTransaction(level), translate)),
      async dispose() {
        if (!open.delete(wrapped)) return;
        await adapter.dispose();
      },
    });
    open.add(wrapped);
    return wrapped;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  const closeAll = async () => {
    const errors: unknown[] = [];
    for (const adapter of [...open]) await adapter.dispose().catch((e: unknown) => errors.push(e));
    if (errors.length) throw errors[0];
  };
  return { factory: tracked, closeAll };
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

/**
 * SQLite: `url` is the database file (`file:/abs/path.db`); `shadowUrl` a throwaway file for diffing.
 *
 * Bug 1: the engine replays a whole migration.sql on the shadow database through `executeRaw`, which
 * better-sqlite3 rejects ("more than one statement"). Parameterless `executeRaw` calls on the shadow adapter go to
 * `executeScript` instead.
 */
export function sqliteMigrationFactory(url: string, shadowUrl?: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url, timeout: 10000 }, shadowUrl ? { shadowDatabaseUrl: shadowUrl } : undefined);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => inner.connect(),
    async connectToShadowDb() {
      const shadow = await inner.connectToShadowDb();
      return overrideAdapter(shadow, {
        async executeRaw(query: SqlQuery) {
          if (query.args.length === 0) {
            debug("shadow executeRaw without parameters -> executeScript");
            await shadow.executeScript(query.sql);
            return 0;
          }
          return shadow.executeRaw(query);
        },
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

// Bug 3: adapter-pg cannot map the catalog type "char" (OID 18) to a column type and fails the whole read. On that
// error only, the read-only catalog query is rerun on the pool with this lenient mapping.
const LENIENT_PG_TYPES: Record<number, ColumnType> = {
  16: ColumnTypeEnum.Boolean,
  18: ColumnTypeEnum.Text, // "char"
  19: ColumnTypeEnum.Text, // name
  20: ColumnTypeEnum.Int64,
  21: ColumnTypeEnum.Int32,
  23: ColumnTypeEnum.Int32,
  25: ColumnTypeEnum.Text,
  26: ColumnTypeEnum.Int64, // oid
  700: ColumnTypeEnum.Float,
  701: ColumnTypeEnum.Double,
  1042: ColumnTypeEnum.Text,
  1043: ColumnTypeEnum.Text,
  1000: ColumnTypeEnum.BooleanArray,
  1005: ColumnTypeEnum.Int32Array,
  1007: ColumnTypeEnum.Int32Array,
  1009: ColumnTypeEnum.TextArray,
  1015: ColumnTypeEnum.TextArray,
  1016: ColumnTypeEnum.Int64Array,
};

function isUnsupportedCharType(error: unknown): boolean {
  const cause = (error as { cause?: { kind?: string; type?: string } } | null)?.cause;
  if (cause?.kind === "UnsupportedNativeDataType" && cause.type === "char") return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Column type 'char' could not be deserialized|Unsupported column type char\b/.test(message);
}

async function lenientQuery(pool: pg.Pool, query: SqlQuery): Promise<SqlResultSet> {
  const result = await pool.query({ text: query.sql, values: query.args as unknown[], rowMode: "array" });
  const columnTypes = result.fields.map((f) => LENIENT_PG_TYPES[f.dataTypeID] ?? ColumnTypeEnum.Text);
  const rows = (result.rows as unknown[][]).map((row) =>
    row.map((value, i) =>
      value !== null && LENIENT_PG_TYPES[result.fields[i].dataTypeID] === undefined ? String(value) : value,
    ),
  );
  return { columnNames: result.fields.map((f) => f.name), columnTypes, rows };
}

function withCharFallback(adapter: SqlDriverAdapter, pool: pg.Pool, extra: Partial<SqlDriverAdapter> = {}) {
  return overrideAdapter(adapter, {
    async queryRaw(query: SqlQuery) {
      try {
        return await adapter.queryRaw(query);
      } catch (error) {
        if (!isUnsupportedCharType(error)) throw error;
        debug("catalog read with a \"char\" column -> lenient rerun");
        return lenientQuery(pool, query);
      }
    },
    ...extra,
  });
}

async function adminQuery(settings: PgSettings, sql: string): Promise<void> {
  const client = new pg.Client(settings);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL: `url` is the database to migrate (for `create`, any database on the server).
 *
 * Bug 2: adapter-pg's own `connectToShadowDb` drops the temporary database before closing its pool (the drop then
 * fails) and ignores the overridden database when it was given a connection string. So the shadow database is
 * created and dropped here, and the adapters get discrete settings.
 */
export function postgresMigrationFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const settings = pgSettingsOf(url);
  const open = async (s: PgSettings) => {
    const pool = new pg.Pool({ ...s, max: 2 });
    const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    return { pool, inner };
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const { pool, inner } = await open(settings);
      return withCharFallback(inner, pool);
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomBytes(8).toString("hex")}`;
      await adminQuery(settings, `CREATE DATABASE ${quoteIdent(name)}`);
      debug(`created shadow database ${name}`);
      const drop = () => adminQuery(settings, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      try {
        const { pool, inner } = await open({ ...settings, database: name });
        return withCharFallback(inner, pool, {
          async dispose() {
            // Close the pool first, then drop: a database with open sessions cannot be dropped.
            try {
              await inner.dispose();
            } finally {
              await drop();
              debug(`dropped shadow database ${name}`);
            }
          },
        });
      } catch (error) {
        await drop().catch(() => undefined);
        throw error;
      }
    },
  };
}
