import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type BrowserServer } from "playwright-core";

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

/** Where the end-to-end run's shared Chromium listens (tests/e2e/global-setup.ts), for every suite's worker. */
export const SHARED_BROWSER_ENV = "E2E_BROWSER_WS_ENDPOINT";

// Debian's chromium-headless-shell is Chromium's own headless build (what Playwright uses by default): the same
// Blink, without the full browser's windowing and GPU processes, at about two thirds of its CPU time for the same
// pages. Debian's chromium serves where it is not installed.
const BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? BROWSERS.find((file) => fs.existsSync(file)) ?? BROWSERS[1];
}

/** Starts a Chromium that suites connect to (launchBrowser), so that a run starts one browser instead of dozens. */
export function launchSharedBrowser(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: ["--headless", ...CHROMIUM_FLAGS] });
}

// Debian's Chromium, never a downloaded browser build. The networking flags keep it from stalling on this
// offline machine's blocked connections. Under the end-to-end run each call is a fresh context (own cookies,
// storage, locale and viewport) in the run's shared browser, which takes milliseconds where starting Chromium took
// seconds; a call with flags of its own (a fake camera) starts its own browser.
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
  const options = {
    locale: "de-DE",
    timezoneId: "America/New_York",
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    javaScriptEnabled: opts.javaScript ?? true,
  };
  const shared = process.env[SHARED_BROWSER_ENV];
  if (shared && !opts.args?.length) {
    const browser = await chromium.connect(shared);
    const context = await browser.newContext(options);
    // Closing the context ends this connection too (after the close, which a closed connection would fail); the
    // shared browser runs on for the other suites.
    const closeContext = context.close.bind(context);
    context.close = async (options) => {
      try {
        await closeContext(options);
      } finally {
        await browser.close().catch(() => undefined);
      }
    };
    return context;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tv-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: chromiumPath(),
    headless: true,
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
