import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { signIn } from "../helpers/staff-browser";

// The staff area is German only: its pages say so (lang="de", left to right) whatever language the public site
// was last used in, and pass axe's WCAG 2.1 A/AA rules at desktop and phone width.

const OFFICE = "auslaenderbehoerde";
const PASSWORD = "Demo-Passwort-2026";
const PAGES = [
  ["overview", "/staff"],
  ["day agenda", `/staff/${OFFICE}`],
  ["week", `/staff/${OFFICE}/woche`],
  ["opening hours and capacity", `/staff/${OFFICE}/kalender`],
  ["booking on behalf", `/staff/${OFFICE}/termine/neu`],
  ["audit log", `/staff/${OFFICE}/protokoll`],
] as const;

let app: RunningApp;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  // A visit to the Arabic site first: the staff area must not inherit its language or direction.
  await page.goto(`${app.url}/ar/${OFFICE}`);
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each(PAGES)("%s", (_name, path) => {
  it("is German, left to right, and has no axe violations at 1280 and 360 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.url}${path}`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["de", "ltr"]);
    const problems = formatViolations(await axeViolations(page));
    await page.setViewportSize({ width: 360, height: 800 });
    problems.push(...formatViolations(await axeViolations(page)));
    if (problems.length > 0) throw new Error(`axe violations on ${path}:\n\n${problems.join("\n\n")}`);
  });
});
