import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "@/lib/server/db/client";
import { pgSettingsOf, quoteIdent, withDatabase, type Provider } from "@/lib/server/db/provider";
import { deployMigrations, migrationsDir } from "@/prisma/migrate/engine";

// Migrating a database takes one to four seconds and seeding the demo data fifteen on a busy 2-core machine; the
// test suites need hundreds of such databases. So each kind is made once and copied: a SQLite file is copied, a
// PostgreSQL database is created from a template database (a file-level copy inside the server).
//
// A template is named after a fingerprint of everything that shapes it (the migrations and the migration tool's
// code), so a changed migration gets a new template, and runs from several checkouts on one machine never share a
// stale one. Templates are made race-free: built under a private name, then renamed into place; a worker that
// loses the race uses the winner's.

const ROOT = path.resolve(__dirname, "..", "..");
/** Where SQLite templates live; the files are small and named after their fingerprint. */
export const TEMPLATE_DIR = path.join(os.tmpdir(), "tv-test-templates");

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

function fingerprint(files: string[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** A fingerprint of the migrations of `provider` and of the tool that applies them (its data steps included). */
export function migrationFingerprint(provider: Provider): string {
  return fingerprint([...filesUnder(migrationsDir(provider)), ...filesUnder(path.join(ROOT, "prisma", "migrate"))]);
}

/** ... and of the demo seed, for a migrated and seeded database. */
function seedFingerprint(): string {
  const seedFiles = fs
    .readdirSync(path.join(ROOT, "prisma"))
    .filter((f) => /^seed.*\.ts$/.test(f))
    .map((f) => path.join(ROOT, "prisma", f));
  return fingerprint([...filesUnder(migrationsDir("sqlite")), ...filesUnder(path.join(ROOT, "prisma", "migrate")), ...seedFiles]);
}

/** Folds the WAL into the main file, so that copying the one file copies everything. */
function checkpoint(file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3") as new (f: string) => { pragma(s: string): unknown; close(): void };
  const raw = new Database(file);
  try {
    raw.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    raw.close();
  }
}

/** Builds `target` with `build(file)` under a private name and renames it into place; returns `target`. */
async function buildSqliteFile(target: string, build: (file: string) => Promise<void>): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(path.dirname(target), "build-"));
  try {
    const file = path.join(tmpDir, "app.db");
    await build(file);
    checkpoint(file);
    fs.renameSync(file, target);
    return target;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

const sqliteTemplates = new Map<string, Promise<string>>();

/** A migrated, empty SQLite file to copy (made on first use). */
export function sqliteTemplate(): Promise<string> {
  const target = path.join(TEMPLATE_DIR, `migrated-${migrationFingerprint("sqlite")}.db`);
  let made = sqliteTemplates.get(target);
  if (!made) {
    made = fs.existsSync(target)
      ? Promise.resolve(target)
      : buildSqliteFile(target, async (file) => {
          await deployMigrations(`file:${file}`);
        });
    made.catch(() => sqliteTemplates.delete(target));
    sqliteTemplates.set(target, made);
  }
  return made;
}

/** Copies the SQLite file `template` to `file`. */
export function copySqlite(template: string, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(template, file);
}

// The demo seed depends on the clock (the demo day, which appointments lie ahead), so a seeded template is only
// reused on the same day in Berlin and for a limited time; a full test run stays within it.
const SEEDED_MAX_AGE_MS = 20 * 60_000;

function berlinDate(at: Date): string {
  return at.toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
}

/**
 * A migrated SQLite file with the demo seed (prisma/seed.ts) as of about now, to copy: what a fresh
 * `migrate + seed` gives, without paying for the seed in every end-to-end suite.
 */
export function seededSqliteTemplate(now: Date = new Date()): Promise<string> {
  const key = `${seedFingerprint()}-${berlinDate(now)}`;
  let made = seeding.get(key);
  if (!made) {
    made = findOrSeed(now);
    made.catch(() => undefined).finally(() => seeding.delete(key));
    seeding.set(key, made);
  }
  return made;
}

const seeding = new Map<string, Promise<string>>();

async function findOrSeed(now: Date): Promise<string> {
  const prefix = `seeded-${seedFingerprint()}-${berlinDate(now)}-`;
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const fresh = fs
    .readdirSync(TEMPLATE_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".db"))
    .map((f) => ({ file: path.join(TEMPLATE_DIR, f), madeAt: Number(f.slice(prefix.length, -3)) }))
    .filter((t) => Number.isFinite(t.madeAt) && now.getTime() - t.madeAt >= 0 && now.getTime() - t.madeAt < SEEDED_MAX_AGE_MS)
    .sort((a, b) => b.madeAt - a.madeAt)[0];
  if (fresh) return fresh.file;
  removeOutdatedSeeded(now);
  const template = await sqliteTemplate();
  return buildSqliteFile(path.join(TEMPLATE_DIR, `${prefix}${now.getTime()}.db`), async (file) => {
    copySqlite(template, file);
    const db = createDb(`file:${file}`);
    try {
      // Loaded only here: the seed and what it imports are not needed by the suites that merely copy the template.
      const { seedDemo } = await import("@/prisma/seed");
      await seedDemo(db, now);
    } finally {
      await db.$disconnect();
    }
  });
}

/** Deletes seeded templates that no run will pick any more (twice the reuse age: none is being copied). */
function removeOutdatedSeeded(now: Date): void {
  for (const f of fs.readdirSync(TEMPLATE_DIR)) {
    const madeAt = Number(/^seeded-.*-(\d+)\.db$/.exec(f)?.[1]);
    if (Number.isFinite(madeAt) && now.getTime() - madeAt > 2 * SEEDED_MAX_AGE_MS) {
      fs.rmSync(path.join(TEMPLATE_DIR, f), { force: true });
    }
  }
}

/** Runs one statement on the server's maintenance connection. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ ...pgSettingsOf(serverUrl), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function pgDatabaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ ...pgSettingsOf(serverUrl), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** PostgreSQL's "object in use" (e.g. another session still connected to a database being copied or renamed). */
const inUse = (error: unknown) => (error as { code?: string }).code === "55006";

/** Retries `fn` while the database it needs is still in use by a closing connection. */
export async function whileInUse<T>(fn: () => Promise<T>, attempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (!inUse(error) || i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50 * Math.min(i, 10)));
    }
  }
}

const pgTemplates = new Map<string, Promise<string>>();

/** The name of a migrated, empty database on the server to create test databases from (made on first use). */
export function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `tv_template_${migrationFingerprint("postgresql")}`;
  const key = `${serverUrl} ${name}`;
  let made = pgTemplates.get(key);
  if (!made) {
    made = (async () => {
      if (await pgDatabaseExists(serverUrl, name)) return name;
      const build = `tv_template_build_${randomBytes(6).toString("hex")}`;
      await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(build)}`);
      try {
        await deployMigrations(withDatabase(serverUrl, build));
        await whileInUse(() => adminQuery(serverUrl, `ALTER DATABASE ${quoteIdent(build)} RENAME TO ${quoteIdent(name)}`));
      } catch (error) {
        await whileInUse(() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(build)} WITH (FORCE)`));
        // Another worker was quicker ("already exists"): its template is as good as ours.
        if ((error as { code?: string }).code === "42P04") return name;
        throw error;
      }
      return name;
    })();
    made.catch(() => pgTemplates.delete(key));
    pgTemplates.set(key, made);
  }
  return made;
}
