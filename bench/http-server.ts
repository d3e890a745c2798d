import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, waitUntilHealthy } from "../tests/helpers/app-server";

// The production build and its `next start` processes for `npm run bench:http`, and their memory.

export const ROOT = path.resolve(__dirname, "..");
/** The benchmark's own build folder: a running `next dev` (.next) or end-to-end build (.next-e2e) stays untouched. */
export const BENCH_DIST_DIR = ".next-bench";

/** What the server build is made of: a change to any of these makes an existing build stale. */
const BUILD_INPUTS = ["app", "components", "lib", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why the build in BENCH_DIST_DIR cannot be used, or null when it is newer than every source file. */
export function staleBuildReason(root = ROOT): string | null {
  const buildId = fs.statSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return `no build in ${BENCH_DIST_DIR}`;
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(root, input)) > buildId.mtimeMs);
  return changed ? `${changed} changed after the build in ${BENCH_DIST_DIR}` : null;
}

/**
 * Builds the app into BENCH_DIST_DIR unless a fresh build is there. The machine is shared: the build holds the same
 * lock as the end-to-end tests' builds (`flock /tmp/e2e.lock`) where flock exists.
 */
export function ensureBuild(log: (line: string) => void, root = ROOT): void {
  const reason = staleBuildReason(root);
  if (!reason) return;
  log(`building the app (${reason}) ... `);
  const next = require.resolve("next/dist/bin/next");
  const hasFlock = spawnable("flock");
  const [command, args] = hasFlock
    ? ["flock", ["/tmp/e2e.lock", process.execPath, next, "build"]]
    : [process.execPath, [next, "build"]];
  execFileSync(command, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}

function spawnable(command: string): boolean {
  try {
    execFileSync(command, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}


export interface Instance {
  url: string;
  pid: number;
  startedAt: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free port with the given environment and waits until its health check answers. */
export async function startInstance(env: Record<string, string>, root = ROOT): Promise<Instance> {
  const port = await freePort();
  // localhost, not 127.0.0.1: with the latter, unprefixed locale URLs redirect to themselves (vercel/next.js#94745).
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "localhost"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      PORT: String(port),
    },
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const startedAt = Date.now();
  const stop = async () => {
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    if (!exited()) child.kill("SIGTERM");
    await new Promise((r) => (exited() ? r(null) : child.once("exit", r)));
  };
  await waitUntilHealthy(child, url, () => output).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, pid: child.pid!, startedAt, output: () => output, stop };
}

/** The process and its descendants (a server may fork workers), from /proc. */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    const tasks = `/proc/${pids[i]}/task`;
    for (const task of fs.existsSync(tasks) ? fs.readdirSync(tasks) : []) {
      const children = fs.readFileSync(path.join(tasks, task, "children"), "utf8").trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    }
  }
  return pids;
}

/** Resident memory of a process and its descendants in bytes; 0 once it is gone. */
export function treeRssBytes(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // exited between listing and reading
    }
  }
  return total;
}

/** Samples the resident memory of the instances every `intervalMs`; peak() is the highest per instance and in sum. */
export function sampleMemory(pids: number[], intervalMs = 200) {
  const peaks = pids.map(() => 0);
  let peakSum = 0;
  const sample = () => {
    const now = pids.map((pid) => treeRssBytes(pid));
    now.forEach((bytes, i) => (peaks[i] = Math.max(peaks[i], bytes)));
    peakSum = Math.max(peakSum, now.reduce((a, b) => a + b, 0));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): { perInstance: number[]; sum: number } {
      clearInterval(timer);
      sample();
      return { perInstance: [...peaks], sum: peakSum };
    },
  };
}
