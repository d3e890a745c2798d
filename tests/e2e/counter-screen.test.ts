import type { BrowserContext, Page } from "playwright-core";
import { localDateOf } from "@/lib/domain";
import { dbProvider } from "@/lib/server/db/client";
import { issueTicket } from "@/lib/server/services/queue/queue-day";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { screenshot, signIn } from "../helpers/staff-browser";

// A clerk's counter screen in the built app, with the keyboard alone: reached from the header, the workstation's
// counter chosen, Aufrufen, the forward dialog opened and closed, Erledigt; axe clean at 1280 and 360 px.

const OFFICE = "auslaenderbehoerde";

let app: RunningApp;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  // A walk-in waiting today, whichever day the seed filled: Aufrufen always has someone to call.
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE }, include: { services: true } });
  const date = localDateOf(new Date(), office.timeZone);
  await app.db.$transaction((tx) =>
    issueTicket(tx, dbProvider(app.db), { officeId: office.id, serviceId: office.services[0].id, date, kind: "WALK_IN", arrivedAt: new Date() }),
  );
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  await signIn(page, app.url, "sachbearbeitung@terminvergabe.local", "Demo-Passwort-2026");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Moves the focus to a control and activates it with the keyboard. */
async function press(name: string | RegExp, key = "Enter") {
  const control = page.getByRole("button", { name, exact: typeof name === "string" });
  await control.focus();
  await page.keyboard.press(key);
}

async function axeAtBothWidths(): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    problems.push(...formatViolations(await axeViolations(page)).map((p) => `${width} px: ${p}`));
    if (width === 360) expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}

it("works the queue with the keyboard: choose the counter, call, forward dialog, served; no axe violations", async () => {
  await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Schalter" }).click();
  await page.getByRole("heading", { name: "Platz wählen" }).waitFor();
  expect(await axeAtBothWidths()).toEqual([]);

  await page.getByLabel("Platz", { exact: true }).selectOption({ label: "Platz 1 · alle Leistungen" });
  await press("Platz übernehmen");
  await page.getByRole("heading", { name: "Schalter · Platz 1" }).waitFor();
  // The seeded day may have left a ticket called at Platz 1: finish it first.
  if (await page.getByRole("button", { name: "Erledigt" }).isVisible()) {
    await press("Erledigt");
    await page.getByText(/ erledigt\.$/).waitFor();
  }

  await press("Aufrufen");
  const called = page.getByRole("status").filter({ hasText: /^[TW]-\d{3} aufgerufen\.$/ });
  await called.waitFor();
  const label = (await called.textContent())!.slice(0, 5);
  await expect(page.getByRole("region", { name: "Aktuelle Nummer" }).getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
  expect(await axeAtBothWidths()).toEqual([]);
  await screenshot(page, "counter-1280", { prefix: "counter" });

  // Weiterleiten opens a modal dialog; Escape closes it and the focus returns to the button.
  await press("Weiterleiten");
  const dialog = page.getByRole("dialog", { name: `Nummer ${label} weiterleiten` });
  await dialog.waitFor();
  expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
  expect(formatViolations(await axeViolations(page))).toEqual([]);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Weiterleiten");

  await press("Erledigt");
  await page.getByRole("status").filter({ hasText: `${label} erledigt.` }).waitFor();
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
  const ticket = await app.db.ticket.findFirstOrThrow({
    where: { officeId: office.id, series: label[0], number: Number(label.slice(2)), date: localDateOf(new Date(), office.timeZone) },
  });
  expect(ticket.status).toBe("SERVED");
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, "counter-360", { prefix: "counter" });
}, 120_000);
