import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { addDays, localDateOf, zonedInstant } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { insertOffer, insertWish } from "../helpers/integration/waitlist-rows";
import { screenshot, SCREENSHOT_DIR, signIn } from "../helpers/staff-browser";

// The staff waiting list in the built app: a clerk opens it from the day list, sees the counts and the urgent wish
// first, removes a wish through the confirm step with a reason (an audit entry, the counts drop), all without axe
// violations and without sideways scrolling at 360 px; the evaluation shows the waiting list's figures. The wishes
// are written into the database as the citizen's pages would leave them. Dates are relative to the run's today.

const OFFICE = "auslaenderbehoerde";
const PASSWORD = "Demo-Passwort-2026";
const TZ = "Europe/Berlin";

let app: RunningApp;
const browsers: BrowserContext[] = [];
const today = localDateOf(new Date(), TZ);
const at = (date: string, hh: number) => new Date(zonedInstant(date, hh * 60, TZ));

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await app.stop();
});

async function givenWishes() {
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE }, include: { services: { orderBy: { sortOrder: "asc" } } } });
  const [first, second] = office.services;
  const base = { officeId: office.id, latestDate: addDays(today, 60) };
  const plain = await insertWish(app.db, { ...base, serviceId: first.id, earliestDate: addDays(today, 7), createdAt: at(addDays(today, -10), 9) });
  const urgent = await insertWish(app.db, {
    ...base,
    serviceId: second.id,
    earliestDate: addDays(today, 14),
    permitExpiresOn: addDays(today, 10),
    createdAt: at(addDays(today, -2), 9),
    persons: 2,
  });
  const other = await insertWish(app.db, { ...base, serviceId: first.id, earliestDate: addDays(today, 8), createdAt: at(addDays(today, -5), 9) });
  await insertWish(app.db, { ...base, serviceId: first.id, earliestDate: addDays(today, 8), status: "UNCONFIRMED", createdAt: at(addDays(today, -1), 9) });
  // Offers of the last weeks: one accepted (its appointment a week ago), one declined.
  const booked = await insertWish(app.db, { ...base, serviceId: first.id, earliestDate: addDays(today, -20), createdAt: at(addDays(today, -25), 9) });
  await insertOffer(app.db, booked, { startsAt: at(addDays(today, -7), 9), endsAt: at(addDays(today, -7), 10), offeredAt: at(addDays(today, -12), 9), deadline: at(addDays(today, -12), 21), outcome: "ACCEPTED" });
  await insertOffer(app.db, other, { startsAt: at(addDays(today, -3), 9), endsAt: at(addDays(today, -3), 10), offeredAt: at(addDays(today, -6), 9), deadline: at(addDays(today, -6), 21), outcome: "DECLINED" });
  return { plain, urgent };
}

it("a clerk sees the counts and the urgent wish first, and removes a wish with a reason", async () => {
  const { plain, urgent } = await givenWishes();
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage();
  await signIn(page, app.url, "sachbearbeitung@terminvergabe.local", PASSWORD);

  await page.goto(`${app.url}/staff/${OFFICE}`);
  await page.getByRole("link", { name: "Warteliste", exact: true }).click();
  await page.waitForURL(`**/staff/${OFFICE}/warteliste`);
  await page.getByRole("heading", { level: 1, name: "Warteliste" }).waitFor();

  const figure = (name: string) => page.locator("dt", { hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(figure("Wartende Wünsche").textContent()).resolves.toBe("3");
  await expect(figure("davon dringend").textContent()).resolves.toBe("1");
  await expect(figure("noch nicht per E-Mail bestätigt").textContent()).resolves.toBe("1");
  const items = page.locator("#list-title ~ ol > li");
  await expect(items.first().textContent()).resolves.toContain(urgent.referenceCode);
  await expect(items.first().textContent()).resolves.toContain("Dringend");
  // No names or addresses on the list.
  expect(await page.locator("main").innerHTML()).not.toMatch(/Amira|Beispiel|@example\.org/);

  expect(formatViolations(await axeViolations(page))).toEqual([]);
  for (const width of [360, 1280]) {
    expect((await scrollWidthAt(page, width)).culprits).toEqual([]);
    await screenshot(page, `list-${width}`, { prefix: "waitlist-staff" });
  }

  await page.getByRole("link", { name: `Entfernen ${plain.referenceCode}` }).click();
  await page.getByRole("heading", { level: 2, name: `Wunsch ${plain.referenceCode} entfernen` }).waitFor();
  // The name is shown here, to check a caller.
  await page.getByText(`Amira ${plain.familyName}`).waitFor();
  await page.getByRole("button", { name: "Wunsch entfernen" }).click();
  await page.getByRole("alert").getByText("Wählen Sie einen Grund.").first().waitFor();
  expect(formatViolations(await axeViolations(page))).toEqual([]);
  for (const width of [360, 1280]) {
    expect((await scrollWidthAt(page, width)).culprits).toEqual([]);
    await screenshot(page, `remove-${width}`, { prefix: "waitlist-staff" });
  }
  expect((await app.db.wish.findUniqueOrThrow({ where: { id: plain.id } })).status).toBe("ACTIVE");

  await page.getByLabel("Doppelter Wunsch").check();
  await page.getByRole("button", { name: "Wunsch entfernen" }).click();
  // The app's own offers worker may have offered the wish a freed time meanwhile: then the offer goes with it.
  await page.getByText(new RegExp(`^Der Wunsch ${plain.referenceCode} wurde (von der Warteliste )?entfernt`)).waitFor();
  await expect(figure("Wartende Wünsche").textContent()).resolves.toBe("2");
  expect(formatViolations(await axeViolations(page))).toEqual([]);
  expect((await app.db.wish.findUniqueOrThrow({ where: { id: plain.id } })).status).toBe("REMOVED");
  const audit = await app.db.auditLog.findMany({ where: { action: "wish.remove" } });
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0].details!)).toMatchObject({ wish: plain.referenceCode, reason: "DUPLICATE" });
});

it("the evaluation shows the waiting list's figures", async () => {
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage();
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
  await page.goto(`${app.url}/staff/auswertung?stelle=${OFFICE}`);
  await page.getByRole("heading", { level: 2, name: "Warteliste" }).waitFor();
  const card = (figure: string) => page.locator(`[data-figure="${figure}"] [data-value]`);
  await expect(card("offersMade").textContent()).resolves.toBe("2");
  await expect(card("acceptanceRate").textContent()).resolves.toMatch(/^50\s?%$/);
  await page.getByRole("heading", { level: 3, name: "Tage vom bestätigten Wunsch bis zum Termin" }).waitFor();
  expect(formatViolations(await axeViolations(page))).toEqual([]);
  for (const width of [360, 1280]) {
    // As a phone opens it: the charts size themselves to the screen on load.
    await page.setViewportSize({ width, height: 800 });
    await page.reload({ waitUntil: "networkidle" });
    expect((await scrollWidthAt(page, width)).culprits).toEqual([]);
    // The waiting list's part of the long dashboard.
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('section[aria-labelledby="waitlist-title"]').screenshot({ path: path.join(SCREENSHOT_DIR, `waitlist-staff-evaluation-${width}.png`) });
  }
});
