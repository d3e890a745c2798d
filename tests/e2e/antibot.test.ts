import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { type CitizenData, fillPersonalData } from "../helpers/citizen";
import arAntibot from "@/lib/i18n/messages/ar/antibot.json";
import deAntibot from "@/lib/i18n/messages/de/antibot.json";
import deBooking from "@/lib/i18n/messages/de/booking.json";
import trAntibot from "@/lib/i18n/messages/tr/antibot.json";

// The real proof of work in the browser: with ANTIBOT=on the review step loads the ALTCHA widget, which solves its
// challenge in a worker without any action by the citizen; the booking then goes through, also when the citizen
// clicks before the check is done or before the page's scripts have run. A scripted client that posts to the API
// without a solved challenge is refused.

let app: RunningApp;
let browser: BrowserContext;

beforeAll(async () => {
  app = await startApp({ env: { ANTIBOT: "on" } });
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("books through the wizard once the widget has solved its challenge by itself", async () => {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
  });

  await toReviewStep(page, { givenName: "Jonas", familyName: "Becker", email: "jonas.becker@example.org", born: ["2", "11", "1984"] });
  await page.getByRole("group", { name: "Schutz vor Missbrauch" }).waitFor();
  // The widget solves on its own; its payload lands in the hidden form field.
  const started = Date.now();
  await page.waitForFunction(
    () => (document.querySelector("input[name=altcha]") as HTMLInputElement | null)?.value?.length,
    undefined,
    { timeout: 20_000 },
  );
  const solveMs = Date.now() - started;
  await expect(widgetText(page)).resolves.toContain(deAntibot.verified);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await page.waitForURL(/\/bestaetigung$/);
  expect(await app.db.booking.count({ where: { email: "jonas.becker@example.org" } })).toBe(1);
  expect(await app.db.usedChallenge.count()).toBe(1);
  expect(blocked).toEqual([]);
  // A desktop solves well within the time a phone needs (about a second).
  expect(solveMs).toBeLessThan(10_000);
});

it("books on a click at once: the button says that the check is running and sends the booking itself", async () => {
  const page = await browser.newPage();
  // As on a slow phone, the challenge takes a while to arrive, so the clicks surely come while the check runs.
  await page.route("**/api/antibot/challenge", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await toReviewStep(page, { givenName: "Mehmet", familyName: "Schnell", email: "schnell@example.org", born: ["9", "9", "1979"] });
  // A double tap at once: the second tap neither books twice nor cancels the first.
  await page.getByRole("button", { name: deBooking.review.submit }).dblclick();
  await page.getByRole("button", { name: deBooking.review.checkRunning }).waitFor();
  await page.getByRole("status").filter({ hasText: deBooking.review.checkRunningStatus }).waitFor();
  await page.waitForURL(/\/bestaetigung$/, { timeout: 30_000 });
  expect(await app.db.booking.count({ where: { email: "schnell@example.org" } })).toBe(1);
  await page.close();
});

it("books on a click before the page's scripts have run: the plain form post comes back and books when checked", async () => {
  const page = await browser.newPage();
  await toReviewStep(page, { givenName: "Lena", familyName: "Früh", email: "frueh@example.org", born: ["3", "4", "1995"] });
  // A slow connection: the page is shown long before its scripts arrive.
  await page.route("**/_next/static/**/*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await page.goto(page.url(), { waitUntil: "commit" });
  await page.getByRole("button", { name: deBooking.review.submit }).click();
  await page.waitForURL(/\/pruefen\?buchen=1$/);
  await page.getByRole("status").filter({ hasText: deBooking.review.checkRunningStatus }).waitFor({ timeout: 30_000 });
  await page.waitForURL(/\/bestaetigung$/, { timeout: 30_000 });
  expect(await app.db.booking.count({ where: { email: "frueh@example.org" } })).toBe(1);
  await page.close();
});

it("refuses a scripted booking without a solved challenge", async () => {
  // The next free time anywhere in the horizon: a bookable start, so that only the missing challenge can refuse it.
  const listed = await fetch(`${app.url}/api/v1/offices/auslaenderbehoerde/services/beratungsgespraech/slots?next=1`);
  const { nextFree } = (await listed.json()) as { nextFree: { start: string } | null };
  expect(nextFree?.start).toEqual(expect.any(String));
  const response = await fetch(`${app.url}/api/v1/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      office: "auslaenderbehoerde",
      service: "beratungsgespraech",
      start: nextFree!.start,
      familyName: "Skript",
      email: "skript@example.org",
      dateOfBirth: "1990-01-01",
      privacyConsent: true,
    }),
  });
  expect(response.status).toBe(403);
  expect((await response.json()).error.code).toBe("ANTIBOT_FAILED");
  expect(await app.db.booking.count({ where: { email: "skript@example.org" } })).toBe(0);
});

/** The text the widget shows (its label, in its own markup). */
function widgetText(page: Page): Promise<string> {
  return page.locator("altcha-widget").innerText();
}

/** Through the wizard up to the review step, where the widget is. */
async function toReviewStep(page: Page, person: CitizenData): Promise<void> {
  await page.goto(`${app.url}/auslaenderbehoerde`);
  await page.getByLabel("Beratungsgespräch").check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(/\/auslaenderbehoerde\/beratungsgespraech$/);
  await fillPersonalData(page, person);
  await page.waitForURL(/\/termin/);
  await page.getByRole("button", { name: "Diesen Termin wählen" }).click();
  await page.waitForURL(/\/pruefen$/);
}

it.each([
  ["tr", trAntibot, undefined],
  ["ar", arAntibot, "rtl"],
] as const)("speaks the page's language (%s), not English", async (locale, texts, dir) => {
  const page = await browser.newPage();
  await toReviewStep(page, { givenName: "Elif", familyName: "Yılmaz", email: `antibot.${locale}@example.org`, born: ["5", "6", "1988"] });
  await page.goto(`${app.url}/${locale}/auslaenderbehoerde/beratungsgespraech/pruefen`);
  await page.getByRole("group", { name: texts.heading }).waitFor();
  await page.waitForFunction(
    () => (document.querySelector("input[name=altcha]") as HTMLInputElement | null)?.value?.length,
    undefined,
    { timeout: 20_000 },
  );
  const shown = await widgetText(page);
  expect(shown).toContain(texts.verified);
  expect(shown).not.toMatch(/Verif/);
  // The widget sets dir="rtl" on its own box for ar and fa, from the language it was given.
  expect((await page.locator("altcha-widget [dir=rtl]").count()) > 0).toBe(dir === "rtl");
  const out = path.join(__dirname, "..", ".artifacts", "screenshots");
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, `antibot-review-${locale}-360.png`), fullPage: true });
  await page.close();
});
