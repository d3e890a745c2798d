import fs from "node:fs";

// The end-to-end global setup builds the app in the background while the unit and integration suites run; it
// writes the build's outcome to the file named by E2E_BUILD_STATUS when done. Each end-to-end suite waits for it
// before its first hook (tests/helpers/timeout-e2e.js).

export const BUILD_STATUS_ENV = "E2E_BUILD_STATUS";

export interface BuildStatus {
  ok: boolean;
  /** What the build or the template preparation printed, when it failed. */
  output?: string;
}

export async function waitForE2eBuild(): Promise<void> {
  const file = process.env[BUILD_STATUS_ENV];
  if (!file) return;
  while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 500));
  const status = JSON.parse(fs.readFileSync(file, "utf8")) as BuildStatus;
  if (!status.ok) throw new Error(`Preparing the end-to-end tests failed:\n${status.output ?? ""}`);
}
