import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { BrowserContext, Page } from "playwright-core";
import { localDateOf, publicHolidayOn } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData, postBooking } from "../helpers/citizen";
import { fakeCameraShowing } from "../helpers/fake-camera";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";
import { screenshot, signIn } from "../helpers/staff-browser";

// The day at the office on three screens at once, against the built app, a real SMTP server and headless Chromium:
// an office admin registers a kiosk and a display and both pair with their codes; a citizen books, and the kiosk's
// camera is shown the QR code from the confirmation e-mail; the clerk at the counter calls, and the display shows
// the number within 2 s, without a name; a walk-in drawn at the counter is called in the gap after the appointment.
// The kiosk also works with the keyboard alone and at 200 % zoom; axe finds nothing on the three screens.
//
// The test does not depend on the hour it runs at: the office lies in a fixed-offset time zone in which it is late
// morning now, and is open today from an hour ago for four hours, with bookings allowed at once.

const OFFICE = "tagesamt";
const SERVICE = "beratung";
const PASSWORD = "Demo-Passwort-2026";
const REGION = "DE-RP";

/** A fixed-offset zone (no DST) in which the local time now is between 10:00 and 11:00. */
function lateMorningZone(now: Date): string {
  let offset = 10 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // Etc/GMT names count the other way round: Etc/GMT-2 is two hours ahead of UTC.
  return offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

let app: RunningApp;
let smtp: TestSmtpServer;
let dir: string;
const browsers: BrowserContext[] = [];

async function browserPage(opts: { width: number; height?: number; args?: string[] }): Promise<Page> {
  const context = await launchBrowser({ width: opts.width, height: opts.height ?? 900, args: opts.args });
  browsers.push(context);
  // The kiosk's camera, as the office's IT would allow it for the kiosk's browser.
  if (opts.args) await context.grantPermissions(["camera"]);
  return context.newPage();
}


/** Registers a device on the devices page and returns its one-time pairing code. */
async function registerDevice(staff: Page, kind: "Check-in-Terminal" | "Aufrufanzeige", name: string): Promise<string> {
  await staff.goto(`${app.url}/staff/${OFFICE}/geraete`);
  await staff.getByLabel(kind).check();
  await staff.getByLabel("Name", { exact: true }).fill(name);
  await staff.getByRole("button", { name: "Gerät hinzufügen" }).click();
  await staff.locator("[data-testid=device]").getByText(name).waitFor();
  return (await staff.getByTestId("pairing-code").textContent())!.trim();
}

/** Pairs the browser of `page` with `code` on /geraet and waits for the device's own page. */
async function pair(page: Page, code: string, landing: RegExp): Promise<void> {
  await page.goto(`${app.url}/geraet`);
  await page.getByLabel("Kopplungscode").fill(code);
  await page.getByRole("button", { name: "Gerät koppeln" }).click();
  await page.waitForURL(landing);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(formatViolations(await axeViolations(page))).toEqual([]);
}

/** Waits until the display's newest call is `label`; returns how long that took after `since`. */
async function displayShows(display: Page, label: string, since: number): Promise<number> {
  await display.waitForFunction((l) => document.querySelector('[data-testid="newest-number"]')?.textContent === l, label, {
    timeout: 5000,
  });
  return Date.now() - since;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-office-day-"));
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  const now = new Date();
  const timeZone = lateMorningZone(now);
  const today = localDateOf(now, timeZone);
  const local = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(now);
  const minuteOfDay = Number(local.slice(0, 2)) * 60 + Number(local.slice(3, 5));
  await app.db.office.create({
    data: {
      slug: OFFICE,
      name: "Tagesamt",
      authority: "Stadt Teststadt",
      street: "Rathausplatz 3",
      postalCode: "12345",
      locality: "Teststadt",
      timeZone,
      holidayRegion: REGION,
      minNoticeMinutes: 0,
      slotStepMinutes: 5,
      bookingHorizonDays: 30,
      checkInEarlyMinutes: 60,
      checkInLateMinutes: 15,
      waitingArea: "Wartebereich A, Erdgeschoss",
      services: {
        create: {
          slug: SERVICE,
          catalogueService: { create: { slug: SERVICE, name: "Beratung" } },
          durationMinutes: 15,
          walkInDayParts: "MORNING,AFTERNOON",
        },
      },
      dateOverrides: { create: { date: today, startMinute: minuteOfDay - 60, endMinute: minuteOfDay + 240, clerks: 2 } },
      counters: { create: { name: "Platz 3", sortOrder: 1 } },
      ...(publicHolidayOn(REGION, today) ? { holidayOpenings: { create: { date: today } } } : {}),
    },
  });
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await app?.stop();
  await smtp?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("checks in with the e-mail's QR code, calls to the display within 2 s, and serves a walk-in in the gap", async () => {
  // The office admin registers a kiosk and a display; the display's TV pairs at once.
  const staff = await browserPage({ width: 1280 });
  await signIn(staff, app.url, "admin@terminvergabe.local", PASSWORD);
  const kioskCode = await registerDevice(staff, "Check-in-Terminal", "Kiosk Eingang");
  const displayCode = await registerDevice(staff, "Aufrufanzeige", "Anzeige Wartebereich");
  const display = await browserPage({ width: 1280, height: 720 });
  await pair(display, displayCode, new RegExp(`/aufruf/${OFFICE}$`));
  await display.locator("[data-screen=display][data-connection=live]").waitFor();

  // A citizen books the next free time on the phone and receives the confirmation with the check-in QR code.
  const phone = await browserPage({ width: 360, height: 800 });
  await phone.goto(`${app.url}/${OFFICE}/${SERVICE}`);
  await fillPersonalData(phone);
  await phone.waitForURL(/\/termin/);
  await phone.getByRole("button", { name: "Diesen Termin wählen" }).click();
  await phone.waitForURL(/\/pruefen$/);
  await phone.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await phone.waitForURL(/\/bestaetigung$/);
  const reference = (await phone.getByTestId("reference-code").textContent())!.trim();
  const mail = await waitForMail(smtp, "amira.haddad@example.org", new RegExp(reference));
  const qr = mail.attachments.find((a) => a.contentType === "image/png" && a.cid);
  expect(qr).toBeDefined();
  const picture = PNG.sync.read(qr!.content);
  const decoded = jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height);
  expect(decoded?.data).toBeTruthy();

  // At the office, the kiosk's camera is shown that picture: the citizen is checked in and gets a T number.
  const kiosk = await browserPage({ width: 1280, height: 900, args: fakeCameraShowing(qr!.content, path.join(dir, "qr.y4m")) });
  await pair(kiosk, kioskCode, new RegExp(`/kiosk/${OFFICE}$`));
  await expectNoAxeViolations(kiosk);
  await kiosk.getByRole("button", { name: "QR-Code scannen" }).click();
  const number = kiosk.getByTestId("ticket-number");
  await number.waitFor({ timeout: 15_000 });
  const appointmentLabel = (await number.textContent())!.trim();
  expect(appointmentLabel).toMatch(/^T-\d{3}$/);
  await kiosk.getByText("Wartebereich A, Erdgeschoss").first().waitFor();
  // The expected wait is shown, and the ticket for the printer carries the number, not the name.
  expect(await kiosk.getByTestId("ticket-wait").textContent()).toMatch(/^etwa \d+ Minuten?$/);
  const slip = await kiosk.getByTestId("ticket-slip").textContent();
  expect(slip).toContain(appointmentLabel);
  expect(slip).not.toContain("Haddad");
  expect(await kiosk.locator("body").innerText()).not.toContain("Haddad");
  await expectNoAxeViolations(kiosk);
  await screenshot(kiosk, "kiosk-answer-1280", { prefix: "office-day", fullPage: false });
  const booking = await app.db.booking.findFirstOrThrow({ where: { referenceCode: reference } });
  expect(booking.status).toBe("ARRIVED");

  // The clerk takes Platz 3 and calls: the display shows the number within 2 s, with the counter and no name.
  await staff.goto(`${app.url}/staff/${OFFICE}/schalter`);
  const counter = await app.db.counter.findFirstOrThrow({ where: { name: "Platz 3", office: { slug: OFFICE } } });
  await staff.getByLabel("Platz", { exact: true }).selectOption(counter.id);
  await staff.getByRole("button", { name: "Platz übernehmen" }).click();
  await staff.getByRole("button", { name: "Aufrufen", exact: true }).waitFor();
  await expectNoAxeViolations(staff);
  let pressed = Date.now();
  await staff.getByRole("button", { name: "Aufrufen", exact: true }).click();
  expect(await displayShows(display, appointmentLabel, pressed)).toBeLessThan(2000);
  await expect(display.getByTestId("newest-counter").textContent()).resolves.toBe("Platz 3");
  const screenText = await display.locator("[data-screen=display]").innerText();
  expect(screenText).not.toMatch(/Haddad|Amira|Beratung/);
  await expectNoAxeViolations(display);
  await screenshot(display, "display-1280", { prefix: "office-day", fullPage: false });

  // The office's public page tells walk-ins how long they would wait today.
  await phone.goto(`${app.url}/${OFFICE}`);
  await phone.getByText(/^Ohne Termin: (heute ca\. \d+ Minuten? Wartezeit|zurzeit kaum Wartezeit)$/).waitFor();

  // A walk-in draws a number at the kiosk while the appointment is served; it is called in the gap after it.
  await kiosk.goto(`${app.url}/kiosk/${OFFICE}`);
  await kiosk.getByRole("button", { name: /^Beratung/ }).click();
  await number.waitFor();
  const walkInLabel = (await number.textContent())!.trim();
  expect(walkInLabel).toMatch(/^W-\d{3}$/);
  await staff.getByRole("button", { name: "Erledigt" }).click();
  await staff.getByText(`${appointmentLabel} erledigt.`).waitFor();
  pressed = Date.now();
  await staff.getByRole("button", { name: "Aufrufen", exact: true }).click();
  expect(await displayShows(display, walkInLabel, pressed)).toBeLessThan(2000);
  await expect(display.getByTestId("previous-call").first().textContent()).resolves.toContain(appointmentLabel);
  expect((await app.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("SERVED");
  await screenshot(staff, "counter-1280", { prefix: "office-day" });

  // A second citizen, booked through the API, checks in on the kiosk with the keyboard alone, at 200 % zoom (a
  // 1280 px wide kiosk at 200 % lays out like 640 CSS pixels).
  const listing = (await (await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?next=1`)).json()) as {
    nextFree: { start: string } | null;
  };
  expect(listing.nextFree).not.toBeNull();
  const res = await postBooking(app.url, {
    office: OFFICE,
    service: SERVICE,
    start: listing.nextFree!.start,
    familyName: "Petrenko",
    email: "olena.petrenko@example.org",
  });
  expect(res.status).toBe(201);
  const second = (await res.json()) as { referenceCode: string };
  await kiosk.setViewportSize({ width: 640, height: 450 });
  await kiosk.goto(`${app.url}/kiosk/${OFFICE}`);
  expect((await scrollWidthAt(kiosk, 640)).culprits).toEqual([]);
  const field = kiosk.getByLabel("Buchungscode", { exact: true });
  for (let tabs = 0; tabs < 30 && !(await field.evaluate((el) => el === document.activeElement)); tabs++) await kiosk.keyboard.press("Tab");
  expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
  await kiosk.keyboard.type(second.referenceCode);
  await kiosk.keyboard.press("Enter");
  await number.waitFor();
  expect((await number.textContent())!.trim()).toMatch(/^T-\d{3}$/);
  expect((await number.textContent())!.trim()).not.toBe(appointmentLabel);
  await screenshot(kiosk, "kiosk-answer-zoom", { prefix: "office-day", fullPage: false });
});
