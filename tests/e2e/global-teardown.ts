import fs from "node:fs";
import { type ProcessBrowserHolder, WORKER_BROWSER_PROCESS } from "../helpers/browser";
import { BUILD_STATUS_ENV } from "../helpers/e2e-build";
import type { E2eGlobals } from "./global-setup";

// Stops a build that global-setup.ts started and that is still running (a run ended early), removes the
// build's status file, and closes the browser of suites that Jest ran in this process (environment.ts).
export default async function globalTeardown() {
  const globals = globalThis as E2eGlobals & ProcessBrowserHolder;
  const browser = await globals[WORKER_BROWSER_PROCESS]?.catch(() => undefined);
  delete globals[WORKER_BROWSER_PROCESS];
  await browser?.close();
  for (const child of globals.e2eChildren ?? []) if (child.exitCode === null && child.signalCode === null) child.kill();
  await globals.e2ePrepared;
  const statusFile = process.env[BUILD_STATUS_ENV];
  if (statusFile) fs.rmSync(statusFile, { force: true });
  delete process.env[BUILD_STATUS_ENV];
}
