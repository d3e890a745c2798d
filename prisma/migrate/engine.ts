import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";
import pg from "pg";
import { createDb } from "../../lib/server/db/client";
import {
  pgSettingsOf,
  providerOf,
  quoteIdent,
  sqliteFilePath,
  withDatabase,
  type Provider,
} from "../../lib/server/db/provider";
import { postgresMigrationFactory, sqliteMigrationFactory, trackConnections } from "./adapters";
import { DATA_STEPS, type DataStep } from "./data-steps";
import { compareSchemas, parseSchema } from "./schema-model";
import { assertSchemasGenerated, PROVIDERS, schemaPath } from "./schema-source";
import { loadSchemaEngine } from "./wasm";

// The project's migration tool: Prisma's WASM schema engine driven through driver adapters, because the native
// schema engine binary cannot be downloaded here. Used by prisma/migrate.ts (CLI), tests and scripts.

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const DEFAULT_MIGRATE_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };
const LOCK_FILE = "migration_lock.toml";
// Arbitrary constant: serialises concurrent `deploy` runs (several app instances starting at once) per database.
const PG_MIGRATE_LOCK_KEY = 7_349_112_026;

export { schemaPath };

export function migrationsDir(provider: Provider): string {
  return path.join(PROJECT_ROOT, "prisma", provider, "migrations");
}

/** The default database of the CLI: data/dev.db in the project root. */
export function defaultDatabaseUrl(): string {
  return `file:${path.join(PROJECT_ROOT, "data", "dev.db")}`;
}

/** Migrations on disk in the shape the engine expects (same as Prisma's CLI builds it). */
export function readMigrationList(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, LOCK_FILE);
  const lockContent = fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null;
  const entries = fs.existsSync(baseDir) ? fs.readdirSync(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      let content: MigrationList["migrationDirectories"][number]["migrationFile"]["content"];
      try {
        content = { tag: "ok", value: fs.readFileSync(file, "utf8") };
      } catch (error) {
        content = { tag: "error", value: (error as Error).message };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    });
  return {
    baseDir,
    lockfile: { path: LOCK_FILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// One engine operation at a time per process: they share one WASM instance.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

function engineLog(message: string): void {
  if (process.env.MIGRATE_DEBUG) console.error(`[schema-engine] ${message}`);
}

/** Engine errors arrive as strings or JSON-ish objects; turn them into plain Errors with a readable message. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === "string") return new Error(error);
  try {
    const o = error as { message?: string; error?: string };
    return new Error(o.message ?? o.error ?? JSON.stringify(error));
  } catch {
    return new Error(String(error));
  }
}

async function withEngine<T>(
  provider: Provider,
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  return serialised(async () => {
    const SchemaEngineClass = await loadSchemaEngine();
    const file = schemaPath(provider);
    const connections = trackConnections(factory);
    try {
      const engine = await SchemaEngineClass.new(
        { datamodels: [[file, fs.readFileSync(file, "utf8")]] },
        engineLog,
        bindMigrationAwareSqlAdapterFactory(connections.factory),
      ).catch((e: unknown) => {
        throw asError(e);
      });
      try {
        return await fn(engine).catch((e: unknown) => {
          throw asError(e);
        });
      } finally {
        engine.free();
      }
    } finally {
      await connections.closeAll();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// deploy

async function postgresDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client(pgSettingsOf(url));
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code === "3D000") return false;
    throw error;
  }
}

/** Creates the PostgreSQL database named in `url` if it does not exist yet (like `prisma migrate deploy`). */
async function ensurePostgresDatabase(url: string): Promise<void> {
  if (await postgresDatabaseExists(url)) return;
  const settings = pgSettingsOf(url);
  const admin = new pg.Client(pgSettingsOf(withDatabase(url, "postgres")));
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(settings.database)}`);
  } catch (error) {
    // Another process may have created it meanwhile.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}

async function withPostgresMigrateLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client(pgSettingsOf(url));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATE_LOCK_KEY]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATE_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function applyMigrationList(provider: Provider, databaseUrl: string, migrationsList: MigrationList): Promise<string[]> {
  if (provider === "postgresql") {
    const factory = postgresMigrationFactory(databaseUrl);
    const out = await withEngine(provider, factory, (e) => e.applyMigrations({ migrationsList, filters: FILTERS }));
    return out.appliedMigrationNames;
  }
  const file = sqliteFilePath(databaseUrl);
  try {
    const factory = sqliteMigrationFactory(`file:${file}`);
    const out = await withEngine(provider, factory, (e) => e.applyMigrations({ migrationsList, filters: FILTERS }));
    return out.appliedMigrationNames;
  } catch (error) {
    // The engine locks the file exclusively while it migrates; in WAL mode any open connection prevents that.
    if (/Socket timeout|database is locked/i.test((error as Error).message)) {
      throw new Error(
        `${file} is in use by another connection (a running app, or a client in the same process): ` +
          "stop it or disconnect, then migrate again.",
        { cause: error },
      );
    }
    throw error;
  }
}

/** Names of the migrations finished on the database, or null for a database without any (nothing to convert). */
async function finishedMigrations(provider: Provider, databaseUrl: string): Promise<string[] | null> {
  if (provider === "sqlite" && !fs.existsSync(sqliteFilePath(databaseUrl))) return null;
  const db = createDb(databaseUrl);
  try {
    const tables = await db.$queryRawUnsafe<unknown[]>(
      provider === "sqlite"
        ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`
        : `SELECT table_name FROM information_schema.tables WHERE table_name = '_prisma_migrations' AND table_schema = current_schema()`,
    );
    if (tables.length === 0) return null;
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return rows.map((r) => r.migration_name);
  } finally {
    await db.$disconnect();
  }
}

async function runDataStep(step: DataStep, databaseUrl: string, now: Date): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    await step.run(db, now);
  } finally {
    await db.$disconnect();
  }
}

export interface DeployOptions {
  /** Apply the migrations up to and including this one only (tests of a data step start from an older schema). */
  upTo?: string;
  /** The clock of the data steps. */
  now?: Date;
}

/**
 * Applies pending migrations to the database; returns the names of the migrations it applied. A data step
 * (data-steps.ts) whose migration is pending runs right before that migration, on a database that had rows.
 */
export async function deployMigrations(databaseUrl: string, options: DeployOptions = {}): Promise<string[]> {
  const provider = providerOf(databaseUrl);
  const all = readMigrationList(provider);
  const dirs = all.migrationDirectories;
  const last = options.upTo === undefined ? dirs.length : dirs.findIndex((d) => d.path === options.upTo) + 1;
  if (last === 0) throw new Error(`No migration named ${options.upTo}.`);
  const upTo = (n: number): MigrationList => ({ ...all, migrationDirectories: dirs.slice(0, n) });

  const deploy = async () => {
    const applied: string[] = [];
    const finished = await finishedMigrations(provider, databaseUrl);
    if (finished !== null) {
      for (const step of DATA_STEPS) {
        const at = dirs.findIndex((d) => d.path === step.before);
        if (at < 0 || at >= last || finished.includes(step.before)) continue;
        applied.push(...(await applyMigrationList(provider, databaseUrl, upTo(at))));
        await runDataStep(step, databaseUrl, options.now ?? new Date());
      }
    }
    applied.push(...(await applyMigrationList(provider, databaseUrl, upTo(last))));
    return applied;
  };

  if (provider === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    return deploy();
  }
  await ensurePostgresDatabase(databaseUrl);
  return withPostgresMigrateLock(databaseUrl, deploy);
}

/** Applies pending migrations to the database (SQLite file or PostgreSQL URL). */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  await deployMigrations(databaseUrl);
}

// ---------------------------------------------------------------------------------------------------------------
// status

export interface MigrationStatus {
  provider: Provider;
  /** False when the SQLite file does not exist yet. */
  databaseExists: boolean;
  migrations: string[];
  diagnosis: DiagnoseMigrationHistoryOutput | null;
  upToDate: boolean;
}

export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  const provider = providerOf(databaseUrl);
  const migrationsList = readMigrationList(provider);
  const migrations = migrationsList.migrationDirectories.map((d) => d.path);
  let factory: SqlMigrationAwareDriverAdapterFactory;
  if (provider === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    // Opening a missing file would create it; status must not change anything.
    if (!fs.existsSync(file)) {
      return { provider, databaseExists: false, migrations, diagnosis: null, upToDate: migrations.length === 0 };
    }
    factory = sqliteMigrationFactory(`file:${file}`);
  } else {
    if (!(await postgresDatabaseExists(databaseUrl))) {
      return { provider, databaseExists: false, migrations, diagnosis: null, upToDate: migrations.length === 0 };
    }
    factory = postgresMigrationFactory(databaseUrl);
  }
  const diagnosis = await withEngine(provider, factory, (e) =>
    e.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: FILTERS }),
  );
  const upToDate =
    diagnosis.history === null &&
    diagnosis.failedMigrationNames.length === 0 &&
    diagnosis.editedMigrationNames.length === 0 &&
    (diagnosis.hasMigrationsTable || migrations.length === 0);
  return { provider, databaseExists: true, migrations, diagnosis, upToDate };
}

// ---------------------------------------------------------------------------------------------------------------
// create

const EMPTY_MIGRATION = /^\s*(--[^\n]*\n?\s*)*$/;

/**
 * The SQL that takes a database from the committed migrations to the current schema of `provider`, or null when
 * there is nothing to do. SQLite diffs on a temporary shadow file, PostgreSQL on a temporary shadow database on the
 * server of `postgresUrl`.
 */
export async function diffMigrations(provider: Provider, postgresUrl = DEFAULT_MIGRATE_POSTGRES_URL): Promise<string | null> {
  const migrationsList = readMigrationList(provider);
  const file = schemaPath(provider);
  const params = {
    // Diff from the migrations even when there are none yet, so that the first migration looks like any other
    // (from "empty", PostgreSQL would get a CREATE SCHEMA "public" that needs extra privileges). The engine reads
    // the connector from the lock file, which the first `create` writes.
    from: {
      tag: "migrations" as const,
      ...migrationsList,
      lockfile: { ...migrationsList.lockfile, content: migrationsList.lockfile.content ?? lockFileText(provider) },
    },
    to: { tag: "schemaDatamodel" as const, files: [{ path: file, content: fs.readFileSync(file, "utf8") }] },
    script: true,
    exitCode: true,
    filters: FILTERS,
  };
  let result;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-migrate-"));
    try {
      const factory = sqliteMigrationFactory(`file:${path.join(dir, "main.db")}`, `file:${path.join(dir, "shadow.db")}`);
      result = await withEngine(provider, factory, (e) => e.diff(params));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    result = await withEngine(provider, postgresMigrationFactory(postgresUrl), (e) => e.diff(params));
  }
  const script = result.stdout ?? "";
  if (result.exitCode !== 2 || EMPTY_MIGRATION.test(script)) return null;
  return script.endsWith("\n") ? script : `${script}\n`;
}

function lockFileText(provider: Provider): string {
  return (
    "# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\n" +
    `provider = "${provider}"\n`
  );
}

function timestamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`
  );
}

export function migrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error("A migration needs a name of letters and digits, e.g. `add_booking_notes`.");
  return slug;
}

/** Differences between the enums and models of the two schemas (empty when they are in step). */
export function schemaDrift(): string[] {
  const read = (p: Provider) => parseSchema(fs.readFileSync(schemaPath(p), "utf8"));
  return compareSchemas(read("sqlite"), read("postgresql"), ["prisma/sqlite", "prisma/postgresql"]);
}

export interface CreatedMigrations {
  /** Directory written per provider, or null when that schema had no changes. */
  sqlite: string | null;
  postgresql: string | null;
}

/**
 * Creates `<timestamp>_<name>/migration.sql` for every schema that changed since its last migration, plus
 * migration_lock.toml. Writes nothing when neither schema changed.
 */
export async function createMigrations(
  name: string,
  options: { postgresUrl?: string; now?: Date } = {},
): Promise<CreatedMigrations> {
  const dirName = `${timestamp(options.now)}_${migrationSlug(name)}`;
  // Migrations are diffed against the provider files; stale ones would silently miss the latest schema edit.
  assertSchemasGenerated();
  // Two schemas that drifted apart (through {{sqlite:…}} or {{postgresql:…}} text in the source) would get migrations
  // that differ in more than SQL dialect.
  const drift = schemaDrift();
  if (drift.length > 0) {
    throw new Error(`The two schemas are not in step; align them first:\n  ${drift.join("\n  ")}`);
  }
  const scripts: Record<Provider, string | null> = {
    sqlite: await diffMigrations("sqlite", options.postgresUrl),
    postgresql: await diffMigrations("postgresql", options.postgresUrl),
  };
  const created: CreatedMigrations = { sqlite: null, postgresql: null };
  for (const provider of PROVIDERS) {
    const script = scripts[provider];
    if (script === null) continue;
    const base = migrationsDir(provider);
    const dir = path.join(base, dirName);
    if (fs.existsSync(dir)) throw new Error(`The migration directory already exists: ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), script);
    fs.writeFileSync(path.join(base, LOCK_FILE), lockFileText(provider));
    created[provider] = dir;
  }
  return created;
}
