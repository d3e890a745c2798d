import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Flags for Debian's Chromium on an offline machine, shared with the tools that start it themselves. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Debian's Chromium, never a downloaded browser build. The networking flags keep it from stalling on this
// offline machine's blocked connections.
export async function launchBrowser(
  opts: {
    width?: number;
    height?: number;
    /** false: a visitor without JavaScript */
    javaScript?: boolean;
    /** More Chromium flags, e.g. a fake camera. */
    args?: string[];
  } = {},
): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tv-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    locale: "de-DE",
    timezoneId: "America/New_York",
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    javaScriptEnabled: opts.javaScript ?? true,
    args: ["--headless", ...CHROMIUM_FLAGS, ...(opts.args ?? [])],
  });
  context.once("close", () => {
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // Chromium may still be writing its profile; a leftover temp folder is harmless.
    }
  });
  return context;
}
