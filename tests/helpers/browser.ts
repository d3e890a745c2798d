import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request } from "playwright-core";

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

/**
 * Records what `page` requests from now on until `stop()`: the URLs fetched ahead by Next's link prefetch (none
 * should be: components/ui/link.tsx) and the paths loaded as whole documents (a client-side navigation loads none).
 */
export function watchNavigation(page: Page): { prefetched: string[]; documents: string[]; stop(): void } {
  const prefetched: string[] = [];
  const documents: string[] = [];
  const watch = (request: Request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(request.url());
    if (request.resourceType() === "document") documents.push(new URL(request.url()).pathname);
  };
  page.on("request", watch);
  return { prefetched, documents, stop: () => page.off("request", watch) };
}

/** The global through which the end-to-end environment (tests/e2e/environment.ts) lends its worker's browser. */
export const WORKER_BROWSER = "__e2eWorkerBrowser";
/** The process global that holds the worker's browser itself (outside any suite's sandbox). */
export const WORKER_BROWSER_PROCESS = "__e2eProcessBrowser";
export type ProcessBrowserHolder = { [WORKER_BROWSER_PROCESS]?: Promise<Browser> };

// Debian's chromium-headless-shell is Chromium's own headless build (what Playwright uses by default): the same
// Blink, without the full browser's windowing and GPU processes, at about two thirds of its CPU time for the same
// pages. Debian's chromium serves where it is not installed.
const BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? BROWSERS.find((file) => fs.existsSync(file)) ?? BROWSERS[1];
}

// The tests' pages live for seconds: V8's optimising compilers (Maglev, TurboFan) cost the renderer about an eighth of
// its CPU time there and seldom pay back. The baseline compiler stays. Not for tools that measure page speed.
const TEST_JS_FLAGS = "--js-flags=--max-opt=1";

export function chromiumBrowserArgs(extra: string[] = []): string[] {
  return ["--headless", ...CHROMIUM_FLAGS, TEST_JS_FLAGS, ...extra];
}

// Debian's Chromium, never a downloaded browser build. The networking flags keep it from stalling on this
// offline machine's blocked connections. Under the end-to-end tests each call is a fresh context (own cookies,
// storage, locale and viewport) in the worker's browser; a call with flags of its own (a fake camera) or outside
// Jest (the screenshot tools) starts its own browser.
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
  const lent = (globalThis as { [WORKER_BROWSER]?: (o: BrowserContextOptions) => Promise<BrowserContext> })[WORKER_BROWSER];
  if (lent && !opts.args?.length) return lent(options);
  // Loaded only here: a suite's own copy of Playwright costs about a quarter second of CPU, and the lent browser
  // needs none.
  const { chromium } = await import("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tv-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumBrowserArgs(opts.args),
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
