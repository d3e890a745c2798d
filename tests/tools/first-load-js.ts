// First-load JavaScript of the wizard pages: the gzip bytes of script transferred when each page is opened in a
// fresh browser (empty cache), against a running production build. `next build` (Next 16) no longer prints it.
// Usage: tsx tests/tools/first-load-js.ts http://localhost:3000 [office-slug] [service-slug]
import type { BrowserContext } from "playwright-core";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData } from "../helpers/citizen";

export interface WizardPage {
  name: string;
  path: string;
  /** The wizard cookie a page needs to show its step (the slot page needs the entered personal data). */
  cookie?: { name: string; value: string };
}

/**
 * The wizard pages a citizen loads: directory, office (step 1), service with the personal data (step 2) and the
 * slot calendar (step 3). Steps 4 and 5 are reached from step 3 in the same session, never as a first load.
 */
export async function wizardPages(base: string, office = "auslaenderbehoerde", service = "beratungsgespraech"): Promise<WizardPage[]> {
  const browser = await launchBrowser({ width: 360, height: 800 });
  try {
    const page = await browser.newPage();
    await page.goto(new URL(`/${office}/${service}`, base).toString());
    await fillPersonalData(page);
    await page.waitForURL((url) => url.pathname.endsWith("/termin"));
    const cookie = (await browser.cookies(base)).find((c) => c.name === "tv_wizard");
    if (!cookie) throw new Error("the personal-data step set no wizard cookie");
    return [
      { name: "directory", path: "/" },
      { name: "office (step 1)", path: `/${office}` },
      { name: "personal data (step 2)", path: `/${office}/${service}` },
      { name: "slot (step 3)", path: `/${office}/${service}/termin`, cookie: { name: cookie.name, value: cookie.value } },
    ];
  } finally {
    await browser.close();
  }
}

export interface ScriptLoad {
  page: string;
  scripts: number;
  /** Bytes on the wire (gzip as served), body only. */
  transferred: number;
  /** Bytes after decompression. */
  decoded: number;
  encodings: string[];
}

async function measure(browser: BrowserContext, base: string, wizardPage: WizardPage): Promise<ScriptLoad> {
  if (wizardPage.cookie) await browser.addCookies([{ ...wizardPage.cookie, url: base }]);
  const page = await browser.newPage();
  const pending: Promise<{ transferred: number; decoded: number; encoding: string }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, body, headers] = await Promise.all([response.request().sizes(), response.body(), response.allHeaders()]);
        return { transferred: sizes.responseBodySize, decoded: body.length, encoding: headers["content-encoding"] ?? "identity" };
      })(),
    );
  });
  const answer = await page.goto(new URL(wizardPage.path, base).toString(), { waitUntil: "networkidle" });
  if (!answer?.ok() || new URL(page.url()).pathname !== wizardPage.path) {
    throw new Error(`${wizardPage.path} answered ${answer?.status()} at ${page.url()}`);
  }
  const loads = await Promise.all(pending);
  return {
    page: `${wizardPage.name} ${wizardPage.path}`,
    scripts: loads.length,
    transferred: loads.reduce((s, l) => s + l.transferred, 0),
    decoded: loads.reduce((s, l) => s + l.decoded, 0),
    encodings: [...new Set(loads.map((l) => l.encoding))],
  };
}

/** Each page in its own fresh browser (new profile: nothing cached). */
export async function firstLoadJs(base: string, pages: WizardPage[]): Promise<ScriptLoad[]> {
  const results: ScriptLoad[] = [];
  for (const wizardPage of pages) {
    const browser = await launchBrowser({ width: 360, height: 800 });
    try {
      results.push(await measure(browser, base, wizardPage));
    } finally {
      await browser.close();
    }
  }
  return results;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const [base, office, service] = process.argv.slice(2);
  if (!base) throw new Error("usage: first-load-js.ts BASE_URL [office-slug] [service-slug]");
  const results = await firstLoadJs(base, await wizardPages(base, office, service));
  console.log("| page | scripts | transferred (gzip) | decoded |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const r of results) console.log(`| ${r.page} | ${r.scripts} | ${kB(r.transferred)} | ${kB(r.decoded)} |`);
  const plain = results.filter((r) => r.encodings.some((e) => e === "identity"));
  if (plain.length > 0) console.log(`\nnote: uncompressed scripts on ${plain.map((r) => r.page).join(", ")}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
