import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./app-server";

// A throw-away PostgreSQL server of its own (initdb + pg_ctl into a temporary folder, on a free loopback port),
// for tests that stop and restart the database server. The machine's shared server is never touched.

const run = promisify(execFile);

export interface ThrowAwayPostgres {
  /** The `postgres` database of the server, as superuser (trust). */
  readonly url: string;
  readonly port: number;
  /** `pg_ctl stop -m fast` (open sessions are ended, their transactions rolled back); resolves once it is down. */
  stop(): Promise<void>;
  /** Starts the stopped server; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server at once and deletes its folder; safe to call more than once. */
  dispose(): Promise<void>;
}

/** The newest PostgreSQL server binaries installed the Debian way (`apt-get install postgresql`), if any. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  return newest ? path.join(root, newest, "bin") : undefined;
}

export async function startThrowAwayPostgres(): Promise<ThrowAwayPostgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      "No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql: install them with " +
        "`apt-get install postgresql` (.ci/run does).",
    );
  }
  // PostgreSQL refuses to run as root: the cluster then belongs to the postgres user, whose commands run through runuser.
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-pg-"));
  if (asRoot) await run("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const pgCommand = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const pgCtl = (...args: string[]) => pgCommand("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), ...args]);
  let running = false;
  let disposed = false;

  await pgCommand("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const server: ThrowAwayPostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await pgCtl("-m", "fast", "-w", "stop");
      running = false;
    },
    async start() {
      await pgCtl("-o", options, "-w", "-t", "60", "start");
      running = true;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      if (running) await pgCtl("-m", "immediate", "-w", "stop").catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (error) {
    await server.dispose();
    throw new Error(`the throw-away PostgreSQL server did not start: ${(error as Error).message}`);
  }
  return server;
}
