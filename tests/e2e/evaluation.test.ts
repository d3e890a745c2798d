import type { BrowserContext, Page } from "playwright-core";
import { localDateOf } from "@/lib/domain";
import { quickPeriod } from "@/lib/domain/statistics";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { screenshot, signIn } from "../helpers/staff-browser";

// The evaluation dashboard against the built app: the administrator opens it on the seeded demo office (twelve
// weeks of history), sees the figures the stored statistics give, compares with the previous period in one click,
// downloads the CSV, and the page has no accessibility violations at 1280 and 360 px. A clerk is refused.

const PASSWORD = "Demo-Passwort-2026";
const OFFICE = "auslaenderbehoerde";

let app: RunningApp;
let browser: BrowserContext;
let page: Page;
/** Console errors of the dashboard, e.g. a chart blocked by the Content-Security-Policy. */
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${m.text()} ${m.location().url}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectAccessible(p: Page) {
  expect(formatViolations(await axeViolations(p))).toEqual([]);
  // As a phone opens it: the charts size themselves to the screen on load.
  await p.setViewportSize({ width: 360, height: 800 });
  await p.reload({ waitUntil: "networkidle" });
  const { scrollWidth, culprits } = await scrollWidthAt(p, 360);
  expect({ scrollWidth, culprits }).toEqual({ scrollWidth: 360, culprits: [] });
  expect(formatViolations(await axeViolations(p))).toEqual([]);
  await p.setViewportSize({ width: 1280, height: 800 });
  await p.reload({ waitUntil: "networkidle" });
}

it("shows the administrator the figures of the stored statistics, with charts and their numbers", async () => {
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
  await page.goto(`${app.url}/staff/auswertung?stelle=${OFFICE}`);
  await page.getByRole("heading", { level: 1, name: "Auswertung" }).waitFor();

  const period = quickPeriod("last4Weeks", localDateOf(new Date(), "Europe/Berlin"));
  const rows = await app.db.dailyBookingStats.findMany({ where: { date: { gte: period.from, lte: period.to } } });
  const booked = rows.reduce((s, r) => s + r.booked, 0);
  expect(booked).toBeGreaterThan(100);
  const card = page.locator('[data-figure="booked"] [data-value]');
  expect((await card.textContent())?.replace(/\./g, "")).toBe(String(booked));
  await expect(page.locator('[data-figure="utilisation"] [data-value]').textContent()).resolves.toMatch(/^\d+(,\d)?\s%$/);

  // Charts are drawn (canvas with a size) and each has its table of numbers.
  const canvases = page.locator("canvas[role=img]");
  expect(await canvases.count()).toBeGreaterThanOrEqual(5);
  const box = await canvases.first().boundingBox();
  expect(box && box.width > 100 && box.height > 100).toBe(true);
  await page.getByRole("table", { name: "Buchungen nach Kanal" }).waitFor();
  await page.getByRole("term").filter({ hasText: "Auslastung" }).waitFor();
  await screenshot(page, "dashboard", { prefix: "evaluation-e2e" });
  await expectAccessible(page);
});

it("compares with the previous period in one click", async () => {
  await page.getByRole("link", { name: "Mit den 28 Tagen davor vergleichen" }).click();
  await page.waitForURL((url) => url.searchParams.get("vergleich") === "vorher");
  await page.getByText("Verglichen wird mit").waitFor();
  await expect(page.locator('[data-figure="booked"] [data-delta]').textContent()).resolves.toMatch(/Vergleich: \d+/);
  await page.getByRole("table", { name: "Buchungen nach Kanal" }).getByRole("columnheader", { name: "Vergleich" }).waitFor();
  await screenshot(page, "comparison", { prefix: "evaluation-e2e" });
  // Chart.js draws under the strict CSP without a violation or any other error.
  expect(consoleErrors).toEqual([]);
  await expectAccessible(page);

  const csv = await page.request.get(await page.getByRole("link", { name: "Tageswerte (CSV)" }).getAttribute("href").then((h) => `${app.url}${h}`));
  expect(csv.status()).toBe(200);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("Zeitraum;Datum;Stelle;Leistung;Kanal;Buchungen");
});

it("refuses a clerk, also the export", async () => {
  const clerkBrowser = await launchBrowser();
  try {
    const clerk = await clerkBrowser.newPage();
    await signIn(clerk, app.url, "sachbearbeitung@terminvergabe.local", PASSWORD);
    const refused = await clerk.goto(`${app.url}/staff/auswertung?stelle=${OFFICE}`);
    expect(refused?.status()).toBe(403);
    await clerk.getByRole("heading", { level: 1, name: "Keine Berechtigung" }).waitFor();
    expect(await clerk.locator("canvas").count()).toBe(0);
    const exported = await clerk.request.get(`${app.url}/staff/auswertung/export?stelle=${OFFICE}&format=json`);
    expect(exported.status()).toBe(403);
  } finally {
    await clerkBrowser.close();
  }
});
