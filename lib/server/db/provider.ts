import path from "node:path";

// Helpers shared by the app's database client and the migration tool. No Prisma imports here, so that the
// migration tool does not load a generated client just to parse a URL.

export type Provider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

/** A postgres:// or postgresql:// URL selects PostgreSQL; anything else is a SQLite file. */
export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url.trim()) ? "postgresql" : "sqlite";
}

/**
 * The file path of a SQLite URL (`file:./data/dev.db`, `file:/abs/dev.db`, `file:///abs/dev.db` or a bare path).
 * Relative paths are resolved against `base` (default: the working directory). Query parameters are dropped.
 */
export function sqliteFilePath(url: string, base: string = process.cwd()): string {
  let file = url.trim().replace(/^file:/i, "");
  if (file.startsWith("//")) file = file.replace(/^\/\/[^/]*/, "");
  file = file.replace(/\?.*$/, "");
  if (file === "") throw new Error(`SQLite URL without a file path: ${url}`);
  if (file === ":memory:") return file;
  return path.resolve(base, decodeURIComponent(file));
}

export interface PgSettings {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: { rejectUnauthorized: boolean };
}

/**
 * Discrete pg settings from a PostgreSQL URL. Used where a connection string would be ignored or overridden badly
 * (adapter-pg ignores an overridden database when it also gets a connection string).
 */
export function pgSettingsOf(url: string): PgSettings {
  const u = new URL(url);
  const settings: PgSettings = {
    host: decodeURIComponent(u.hostname) || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || process.env.PGUSER || process.env.USER || "postgres",
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
  if (u.password) settings.password = decodeURIComponent(u.password);
  // A unix socket directory may be given as ?host=/var/run/postgresql.
  const hostParam = u.searchParams.get("host");
  if (hostParam) settings.host = hostParam;
  // Managed servers usually require TLS; honour the common libpq spellings.
  const sslmode = u.searchParams.get("sslmode") ?? (u.searchParams.get("ssl") === "true" ? "require" : null);
  if (sslmode === "require" || sslmode === "no-verify") settings.ssl = { rejectUnauthorized: false };
  if (sslmode === "verify-ca" || sslmode === "verify-full") settings.ssl = { rejectUnauthorized: true };
  return settings;
}

/** The same server and credentials with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Quote an SQL identifier (database names are generated or come from configuration). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
