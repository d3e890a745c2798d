import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { addDays, localDateOf } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { startSmtpServer, type TestSmtpServer, waitForMailWhere } from "../helpers/smtp";
import { screenshot, signIn } from "../helpers/staff-browser";
import tb from "@/lib/i18n/messages/de/booking.json";

// A clerk closes a day over booked appointments and, in the conflict dialog, moves them all to the next free time
// at once: the dialog passes axe at 1280 and 360 px, and every citizen with an address receives the new time with
// a calendar file. Cancelled instead, a citizen follows the e-mail's link and picks a new time without typing
// anything. The days are looked up in the seeded data, whatever today is.

const OFFICE = "auslaenderbehoerde";
const TZ = "Europe/Berlin";

let smtp: TestSmtpServer;
let app: RunningApp;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  await signIn(page, app.url, "sachbearbeitung@terminvergabe.local", "Demo-Passwort-2026");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});

/**
 * The first day from the day after tomorrow on with confirmed appointments that have an e-mail address. The seed's
 * demo day is skipped: seeded on a weekend it is the next working day, and its visits are already under way
 * (arrived, served), which the conflict dialog lists too.
 */
async function bookedDay() {
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
  const from = new Date(`${addDays(localDateOf(new Date(), TZ), 2)}T00:00:00Z`);
  const underWay = await app.db.booking.findMany({
    where: { officeId: office.id, status: { in: ["ARRIVED", "SERVED", "NO_SHOW"] }, startsAt: { gte: from } },
    select: { startsAt: true },
  });
  const demoDays = new Set(underWay.map((b) => localDateOf(b.startsAt, TZ)));
  const candidates = await app.db.booking.findMany({
    where: { officeId: office.id, status: "CONFIRMED", email: { not: null }, startsAt: { gte: from } },
    orderBy: { startsAt: "asc" },
  });
  const first = candidates.find((b) => !demoDays.has(localDateOf(b.startsAt, TZ)));
  if (!first) throw new Error("no day with confirmed appointments ahead");
  const date = localDateOf(first.startsAt, TZ);
  const all = await app.db.booking.findMany({ where: { officeId: office.id, status: "CONFIRMED" } });
  return { date, bookings: all.filter((b) => localDateOf(b.startsAt, TZ) === date) };
}

/** Closes `date` through the capacity page and answers the conflict dialog with `choice`. */
async function closeDay(date: string, choice: "Auf die nächste freie Zeit verschieben" | "Absagen") {
  await page.goto(`${app.url}/staff/${OFFICE}/kalender`);
  await page.getByRole("button", { name: "Schließung hinzufügen" }).click();
  const form = page.getByRole("dialog", { name: "Neue Schließung" });
  await form.getByLabel("Datum").fill(date);
  await form.getByLabel("Anlass").fill("Betriebsausflug");
  await form.getByRole("button", { name: "Anlegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Gebuchte Termine betroffen" });
  await dialog.getByRole("radio", { name: choice }).check();
  return dialog;
}

async function axeAt(width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  return formatViolations(await axeViolations(page)).map((p) => `${width} px: ${p}`);
}

it("moves every appointment of a closed day to the next free time, chosen once in the dialog", async () => {
  const { date, bookings } = await bookedDay();
  const dialog = await closeDay(date, "Auf die nächste freie Zeit verschieben");
  expect(await dialog.getByText("Buchungsnummer").count()).toBe(bookings.length);
  expect(await dialog.getByText("Vorgangsnummer").count()).toBe(0);
  const move = dialog.getByRole("radio", { name: "Auf die nächste freie Zeit verschieben" });
  expect(await move.isChecked()).toBe(true);
  expect(await dialog.getByLabel("Mitteilung an die Bürgerinnen und Bürger").inputValue()).toBe(
    "Wegen einer Änderung unserer Sprechzeiten findet Ihr Termin nicht zur gebuchten Zeit statt.",
  );
  // The cancellation's own default says what the office does: it cancels.
  await dialog.getByRole("radio", { name: "Absagen" }).check();
  expect(await dialog.getByLabel("Mitteilung an die Bürgerinnen und Bürger").inputValue()).toBe(
    "Wegen einer Änderung unserer Sprechzeiten müssen wir Ihren Termin leider absagen.",
  );
  await dialog.getByRole("button", { name: "Änderung übernehmen und Termine absagen" }).waitFor();
  await move.check();

  const problems = [...(await axeAt(1280))];
  await screenshot(page, "conflict-move-1280", { prefix: "capacity-moves", fullPage: false });
  problems.push(...(await axeAt(360)));
  expect((await scrollWidthAt(page, 360)).culprits).toEqual([]);
  await screenshot(page, "conflict-move-360", { prefix: "capacity-moves", fullPage: false });
  // Nothing in the dialog runs past its right edge (it scrolls only vertically).
  const overflowing = await dialog.evaluate((d) => {
    const edge = d.getBoundingClientRect().right;
    return [...d.querySelectorAll("dd, label, p, button")].filter((e) => e.getBoundingClientRect().right > edge + 1).map((e) => e.textContent);
  });
  expect(overflowing).toEqual([]);
  await dialog.getByRole("button", { name: "Änderung übernehmen und Termine verschieben" }).scrollIntoViewIfNeeded();
  await screenshot(page, "conflict-move-360-end", { prefix: "capacity-moves", fullPage: false });
  expect(problems).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "Änderung übernehmen und Termine verschieben" }).click();
  await page.getByText(/Die Änderung ist gespeichert\. .*(verschoben|abgesagt)/).waitFor();
  await dialog.waitFor({ state: "hidden" });

  // Nobody is left on the closed day; each moved one has a later time and an e-mail with it.
  const after = await app.db.booking.findMany({ where: { id: { in: bookings.map((b) => b.id) } } });
  const moved = after.filter((b) => b.status === "CONFIRMED");
  expect(moved.every((b) => localDateOf(b.startsAt, TZ) > date)).toBe(true);
  expect(after.every((b) => b.status === "CONFIRMED" || b.status === "CANCELLED")).toBe(true);
  // Every subject carries the booking number, in every language.
  for (const booking of moved.filter((b) => b.email)) {
    const mail = await waitForMailWhere(
      smtp,
      (m) => !!m.subject?.includes(booking.referenceCode) && m.attachments.length > 0,
      `with a calendar file for ${booking.referenceCode}`,
    );
    const ics = mail.attachments.find((a) => a.filename === "termin.ics");
    expect(ics).toBeDefined();
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe(booking.startsAt.toISOString());
  }
});

it("cancelled instead, the citizen picks a new time from the e-mail's link, nothing typed again", async () => {
  const { date, bookings } = await bookedDay();
  const dialog = await closeDay(date, "Absagen");
  smtp.clear();
  await dialog.getByRole("button", { name: "Änderung übernehmen und Termine absagen" }).click();
  await page.getByText(/Die Änderung ist gespeichert\. .*abgesagt/).waitFor();
  const booking = bookings.find((b) => b.email)!;
  const newTimeLink = /https?:\/\/\S+\/termin\/[A-Za-z0-9_-]{43}\/verschieben/;
  const mail = await waitForMailWhere(
    smtp,
    (m) => !!m.subject?.includes(booking.referenceCode) && newTimeLink.test(m.text ?? ""),
    `with a link to a new time for ${booking.referenceCode}`,
  );
  const link = newTimeLink.exec(mail.text ?? "")?.[0];

  const citizen = await browser.newPage();
  await citizen.setViewportSize({ width: 360, height: 800 });
  // The link carries APP_URL; the page is opened on the running app.
  await citizen.goto(`${app.url}${new URL(link!).pathname}`);
  await citizen.getByRole("heading", { level: 1, name: tb.manage.rescheduleTitle }).waitFor();
  await citizen.getByText(/^Die Stelle hat Ihren Termin am .* abgesagt\./).waitFor();
  const problems = formatViolations(await axeViolations(citizen));
  await screenshot(citizen, "citizen-new-time-360", { prefix: "capacity-moves" });
  await citizen.setViewportSize({ width: 1280, height: 900 });
  problems.push(...formatViolations(await axeViolations(citizen)));
  await screenshot(citizen, "citizen-new-time-1280", { prefix: "capacity-moves" });
  expect(problems).toEqual([]);

  const next = citizen.getByRole("button", { name: tb.slot.takeNext, exact: true });
  const chosen = (await next.getAttribute("value"))!;
  await next.click();
  await citizen.getByText(tb.manage.newTimeConsequence).waitFor();
  await citizen.getByRole("button", { name: tb.manage.rescheduleConfirm, exact: true }).click();
  await citizen.getByText(tb.manage.rescheduled).waitFor();
  const stored = await app.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
  expect(stored).toMatchObject({ status: "CONFIRMED", email: booking.email, familyName: booking.familyName });
  expect(stored.startsAt.toISOString()).toBe(chosen);
  await citizen.close();
});
