import { TestEnvironment } from "jest-environment-node";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";
import { chromiumBrowserArgs, chromiumPath, type ProcessBrowserHolder, WORKER_BROWSER, WORKER_BROWSER_PROCESS } from "../helpers/browser";

// The end-to-end suites' environment: one Chromium per Jest worker process, started when the worker's first
// end-to-end suite asks for a browser and kept for every later suite the worker runs (this module is loaded once
// per worker, so the variable outlives each suite's sandbox). Suites get their own browser contexts in it (own
// cookies, storage, locale, time zone and viewport), which takes milliseconds where starting Chromium took
// seconds; what a suite leaves open is closed after it. A worker that exits takes its browser with it; when Jest
// runs the suites in its own process (a single suite), global-teardown.ts closes the browser, which would otherwise
// keep that process from exiting.

const holder = globalThis as ProcessBrowserHolder;

async function workerBrowser(): Promise<Browser> {
  const current = await holder[WORKER_BROWSER_PROCESS]?.catch(() => undefined);
  if (current?.isConnected()) return current;
  // First use, or the previous browser crashed: a fresh one for the suites that follow.
  const launched = chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumBrowserArgs() });
  holder[WORKER_BROWSER_PROCESS] = launched;
  return launched;
}

export default class E2eEnvironment extends TestEnvironment {
  private readonly contexts = new Set<BrowserContext>();

  async setup(): Promise<void> {
    await super.setup();
    this.global[WORKER_BROWSER] = async (options: BrowserContextOptions) => {
      const context = await (await workerBrowser()).newContext(options);
      this.contexts.add(context);
      context.once("close", () => this.contexts.delete(context));
      return context;
    };
  }

  async teardown(): Promise<void> {
    await Promise.all([...this.contexts].map((context) => context.close().catch(() => undefined)));
    await super.teardown();
  }
}
