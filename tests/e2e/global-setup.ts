import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILD_STATUS_ENV, type BuildStatus } from "../helpers/e2e-build";

// Once for all end-to-end suites: builds the app into its own folder and makes the seeded database template the
// suites copy (tests/helpers/db-templates.ts), both in the background, so that the unit and integration suites run
// meanwhile (each end-to-end suite waits for them, see e2e-build.ts). Jest starts its workers after this, so they
// inherit the environment set here. global-teardown.ts stops a build that is still running.
export const E2E_DIST_DIR = ".next-e2e";

const ROOT = path.resolve(__dirname, "..", "..");

export interface E2eGlobals {
  e2eChildren?: ChildProcess[];
  e2ePrepared?: Promise<void>;
}

function run(what: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env });
    ((globalThis as E2eGlobals).e2eChildren ??= []).push(child);
    let output = "";
    child.stderr?.on("data", (d) => (output += d));
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${what} failed (${signal ?? `exit code ${code}`}):\n${output}`)),
    );
  });
}

export default async function globalSetup() {
  const statusFile = path.join(os.tmpdir(), `tv-e2e-build-${randomBytes(6).toString("hex")}.json`);
  const build =
    process.env.E2E_SKIP_BUILD === "1"
      ? Promise.resolve()
      : run("next build", [require.resolve("next/dist/bin/next"), "build"], {
          ...process.env,
          NEXT_DIST_DIR: E2E_DIST_DIR,
          NEXT_SERVER_SOURCE_MAPS: "off",
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_ENV: "production",
        });
  const template = run("Preparing the seeded test database", [
    path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs"),
    path.join(ROOT, "tests", "helpers", "prepare-templates.ts"),
  ]);
  (globalThis as E2eGlobals).e2ePrepared = Promise.all([build, template]).then(
    () => writeStatus(statusFile, { ok: true }),
    (error: Error) => writeStatus(statusFile, { ok: false, output: error.message }),
  );
  process.env[BUILD_STATUS_ENV] = statusFile;
}

function writeStatus(file: string, status: BuildStatus): void {
  // Written under another name and renamed: a waiting suite never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(status));
  fs.renameSync(`${file}.tmp`, file);
}
