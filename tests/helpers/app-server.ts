import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/server/db/client";
import { copySqlite, seededSqliteTemplate } from "./db-templates";

// Runs the built app (`next start`) against a fresh, seeded SQLite database, as a citizen would meet it, or against
// a database the caller has prepared (e.g. PostgreSQL shared by several instances). The fresh database is a copy of
// a migrated and seeded template (db-templates.ts): the same rows as migrating and seeding anew, in milliseconds.

const ROOT = path.resolve(__dirname, "..", "..");

export interface RunningApp {
  url: string;
  db: Db;
  /** The `next start` process, e.g. to signal it. */
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh SQLite database with the demo seed at `file` (a copy of the seeded template), for suites that open the
 * database themselves before starting the app; returns its DATABASE_URL.
 */
export async function seededSqliteDatabase(file: string): Promise<string> {
  copySqlite(await seededSqliteTemplate(), file);
  return `file:${file}`;
}

export async function startApp(
  opts: {
    smtpUrl?: string;
    env?: Record<string, string>;
    port?: number;
    /** A migrated and seeded database to use instead of a fresh SQLite file; it stays when the app stops. */
    databaseUrl?: string;
  } = {},
): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-e2e-"));
  const databaseUrl = opts.databaseUrl ?? `file:${path.join(dir, "app.db")}`;
  if (!opts.databaseUrl) await seededSqliteDatabase(path.join(dir, "app.db"));
  const db = createDb(databaseUrl);
  const port = opts.port ?? (await freePort());
  // localhost, not 127.0.0.1: with the latter, unprefixed locale URLs redirect to themselves (vercel/next.js#94745).
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: ".next-e2e",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        APP_URL: url,
        PORT: String(port),
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        OUTBOX_INTERVAL_MS: "300",
        // Scripted flows book without solving the proof of work (allowed on localhost only); antibot.test.ts turns it on.
        ANTIBOT: "off",
        ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
        ...opts.env,
      },
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await waitUntilHealthy(child, url, () => output);
  return {
    url,
    db,
    child,
    output: () => output,
    async stop() {
      // A process ended by a signal has no exit code, only its signal.
      const exited = () => child.exitCode !== null || child.signalCode !== null;
      if (!exited()) child.kill("SIGTERM");
      await new Promise((r) => (exited() ? r(null) : child.once("exit", r)));
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits up to 60 s for the health check of a started `next start`; throws with its output if it exits or never answers. */
export async function waitUntilHealthy(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not become healthy:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
