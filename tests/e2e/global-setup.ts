import { execFileSync } from "node:child_process";
import path from "node:path";

// Builds the app once for all end-to-end tests, into its own folder.
export const E2E_DIST_DIR = ".next-e2e";

export default async function globalSetup() {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  const root = path.resolve(__dirname, "..", "..");
  execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: E2E_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
}
