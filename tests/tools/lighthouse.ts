// Lighthouse (mobile settings: emulated phone, simulated slow 4G and CPU slowdown) for performance and
// accessibility of the wizard pages, against a running production build; it builds and downloads nothing.
// Usage: npm run lighthouse -- http://localhost:3000 [office-slug] [service-slug]
// Each page runs LIGHTHOUSE_RUNS times (default 3) and the run with the median performance score is reported, as
// Lighthouse's own docs advise against a single run; its reports (HTML and JSON) go to tests/.artifacts/lighthouse/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch } from "chrome-launcher";
import type { RunnerResult } from "lighthouse";
import { CHROMIUM_FLAGS } from "../helpers/browser";
import { wizardPages } from "./first-load-js";

const CATEGORIES = ["performance", "accessibility"] as const;
const TARGET = 95;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

// The same flags as the tests' browser: Debian's Chromium, and no background connections on an offline machine.
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS, "--disable-dev-shm-usage"];

async function main() {
  const [base, office, service] = process.argv.slice(2);
  if (!base) throw new Error("usage: lighthouse.ts BASE_URL [office-slug] [service-slug]");
  const pages = await wizardPages(base, office, service);
  // Lighthouse is an ES module; this file runs as CommonJS under tsx.
  const { default: lighthouse } = await import("lighthouse");
  const out = path.join(__dirname, "..", ".artifacts", "lighthouse");
  fs.mkdirSync(out, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tv-lighthouse-"));
  const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS, userDataDir: profile });
  const rows: string[] = [];
  let below = 0;
  let version = "";
  const benchmarks: number[] = [];
  try {
    for (const page of pages) {
      const runs: RunnerResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await lighthouse(new URL(page.path, base).toString(), {
          port: chrome.port,
          output: ["html", "json"],
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
          extraHeaders: page.cookie ? { Cookie: `${page.cookie.name}=${page.cookie.value}` } : undefined,
        });
        if (run) runs.push(run);
        if (run) benchmarks.push(run.lhr.environment.benchmarkIndex);
      }
      runs.sort((x, y) => (x.lhr.categories.performance?.score ?? 0) - (y.lhr.categories.performance?.score ?? 0));
      const result = runs[Math.floor(runs.length / 2)];
      if (!result) throw new Error(`no result for ${page.path}`);
      const { lhr, report } = result;
      version = lhr.lighthouseVersion;
      const file = page.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
      const [html, json] = report as string[];
      fs.writeFileSync(path.join(out, `${file}.html`), html);
      fs.writeFileSync(path.join(out, `${file}.json`), json);
      if (new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl}`);
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
      below += scores.filter((s) => s < TARGET).length;
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? "–";
      const range = runs.map((r) => Math.round((r.lhr.categories.performance?.score ?? 0) * 100)).join("/");
      rows.push(
        `| ${page.name} \`${page.path}\` | ${scores[0]} (${range}) | ${scores[1]} | ${metric("first-contentful-paint")} | ${metric("largest-contentful-paint")} | ${metric("total-blocking-time")} | ${metric("cumulative-layout-shift")} |`,
      );
      // What keeps a score down, for the record.
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
            console.error(`  ${page.path} ${c}: ${audit.title} (${audit.displayValue ?? Math.round((audit.score ?? 0) * 100)})`);
          }
        }
      }
    }
  } finally {
    chrome.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`Lighthouse ${version}, mobile settings, median of ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}`);
  // A busy host inflates the blocking time that the simulated 4x CPU slowdown multiplies: say how busy it was.
  console.log(`host: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, Lighthouse benchmark index ${Math.min(...benchmarks)}–${Math.max(...benchmarks)}`);
  console.log("| page | performance (all runs) | accessibility | FCP | LCP | TBT | CLS |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
  if (below > 0) console.log(`\n${below} score(s) below ${TARGET}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
