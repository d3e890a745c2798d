// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run; the ES
// build, transformed like the rest, renders the confirmation e-mail here.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { BrowserContext, Page } from "playwright-core";
import { createDb, type Db } from "@/lib/server/db/client";
import { renderMail } from "@/lib/server/mail/render";
import { hashToken } from "@/lib/server/security/tokens";
import { bookingMailPayload } from "@/lib/server/services/booking-mail";
import { catalogueTexts, withTexts } from "@/lib/server/services/service-texts";
import { freePort, seededSqliteDatabase, startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, focusInfo, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { screenshot } from "../helpers/staff-browser";

// The kiosk in the built app: without the office's kiosk credential it explains pairing; with it, a citizen checks
// in by keyboard alone with the typed reference code and gets the waiting number in the booking's language, and a
// second citizen checks in with the QR code decoded from their confirmation e-mail's inline PNG, which then is
// refused a second time. axe finds nothing on the start screen and the answer, at 1280 px, at 200 % zoom (640 CSS
// px) and at 360 px the pages do not scroll sideways.

const OFFICE = "auslaenderbehoerde";
// The e-mail is rendered here and its code checked by the app: both sign with the same secret.
const SECRET = "e2e-kiosk-secret-e2e-kiosk-secret-0123";
process.env.NEXTAUTH_SECRET = SECRET;
const KIOSK_CREDENTIAL = "e2e-kiosk-credential-0123456789";

let app: RunningApp;
let db: Db;
let dir: string;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tv-kiosk-"));
  const databaseUrl = await seededSqliteDatabase(path.join(dir, "app.db"));
  db = createDb(databaseUrl);
  app = await startApp({ databaseUrl, port: await freePort(), env: { NEXTAUTH_SECRET: SECRET } });
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await app?.stop();
  await db?.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function kioskPage(width: number, paired = true): Promise<Page> {
  const context = await launchBrowser({ width, height: 900 });
  browsers.push(context);
  if (paired) await context.addCookies([{ name: "tv_kiosk", value: KIOSK_CREDENTIAL, url: app.url }]);
  return context.newPage();
}

/** A seeded appointment of a later day, moved to `minutes` from now (inside the check-in window), in `locale`. */
async function appointmentSoon(minutes: number, locale: string) {
  const office = await db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
  const booking = await db.booking.findFirstOrThrow({
    where: { officeId: office.id, status: "CONFIRMED", erasedAt: null, startsAt: { gt: new Date(Date.now() + 3 * 86_400_000) } },
    orderBy: { startsAt: "desc" },
  });
  const startsAt = new Date(Date.now() + minutes * 60_000);
  const moved = await db.booking.update({
    where: { id: booking.id },
    data: { startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), locale },
    include: { office: true, service: { include: catalogueTexts } },
  });
  return { ...moved, service: withTexts(moved.service) };
}

async function expectAccessible(page: Page, name: string) {
  expect(formatViolations(await axeViolations(page))).toEqual([]);
  await screenshot(page, `${name}-1280`, { prefix: "kiosk" });
  for (const width of [640, 360]) {
    expect((await scrollWidthAt(page, width)).culprits).toEqual([]);
  }
  await screenshot(page, `${name}-360`, { prefix: "kiosk" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

it("explains pairing to a browser without the office's kiosk credential", async () => {
  const page = await kioskPage(1280, false);
  await page.goto(`${app.url}/kiosk/${OFFICE}`);
  await page.getByRole("heading", { level: 1, name: "Dieses Gerät ist kein Kiosk" }).waitFor();
  expect(await page.getByRole("link", { name: "Gerät koppeln" }).getAttribute("href")).toBe("/geraet");
  expect(await page.locator("#kiosk-code").count()).toBe(0);
});

it("checks in by keyboard alone and with the QR code from the e-mail, once", async () => {
  const office = await db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
  await db.device.create({
    data: { officeId: office.id, kind: "KIOSK", name: "Kiosk Eingang", credentialHash: hashToken(KIOSK_CREDENTIAL), pairedAt: new Date() },
  });
  const typed = await appointmentSoon(10, "en");
  const scanned = await appointmentSoon(12, "de");

  const page = await kioskPage(1280);
  await page.goto(`${app.url}/kiosk/${OFFICE}`);
  await page.getByRole("heading", { level: 1, name: "Einchecken" }).waitFor();
  await expectAccessible(page, "start");

  // Keyboard alone: Tab to the code field, type, Enter.
  for (let i = 0; i < 40 && (await focusInfo(page))?.id !== "kiosk-code"; i++) await page.keyboard.press("Tab");
  const focused = await focusInfo(page);
  expect(focused?.id).toBe("kiosk-code");
  expect(focused?.visible).toBe(true);
  await page.keyboard.type(typed.referenceCode.toLowerCase());
  await page.keyboard.press("Enter");
  // The answer speaks the booking's language.
  await page.waitForURL(new RegExp(`/en/kiosk/${OFFICE}/nummer/`));
  await page.getByRole("heading", { level: 1, name: "You are checked in" }).waitFor();
  expect(await page.getByTestId("ticket-number").textContent()).toMatch(/^T-\d{3}$/);
  expect(await page.textContent("main")).not.toContain(typed.familyName!);
  await expectAccessible(page, "answer");
  expect((await db.booking.findUniqueOrThrow({ where: { id: typed.id } })).status).toBe("ARRIVED");

  // The QR code of the second citizen's confirmation e-mail, decoded from its inline PNG.
  const mail = await renderMail(
    "booking-confirmation",
    bookingMailPayload({ office: scanned.office, service: scanned.service, booking: scanned, manageUrl: `${app.url}/termin/x` }),
  );
  const png = PNG.sync.read(mail.inlineImages![0].content);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
  // Headless Chromium has no camera: the scan form receives what the scanner would read.
  const scan = async () => {
    await page.goto(`${app.url}/kiosk/${OFFICE}`);
    await page.getByRole("heading", { level: 1, name: "Einchecken" }).waitFor();
    await page.evaluate((text) => {
      const input = document.querySelector<HTMLInputElement>('input[name="token"]')!;
      input.value = text;
      input.form!.requestSubmit();
    }, code);
  };
  await scan();
  await page.waitForURL(new RegExp(`/kiosk/${OFFICE}/nummer/`));
  await page.getByRole("heading", { level: 1, name: "Sie sind eingecheckt" }).waitFor();
  const ticket = await db.ticket.findUniqueOrThrow({ where: { bookingId: scanned.id } });
  expect(await page.getByTestId("ticket-number").textContent()).toBe(`T-${String(ticket.number).padStart(3, "0")}`);

  // The same code again: refused, and still one ticket.
  await scan();
  await page.getByTestId("kiosk-error").getByText("schon eingecheckt").waitFor();
  expect(await db.ticket.count({ where: { bookingId: scanned.id } })).toBe(1);
});
