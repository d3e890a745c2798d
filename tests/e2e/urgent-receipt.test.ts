import type { BrowserContext, Page } from "playwright-core";
import deBooking from "@/lib/i18n/messages/de/booking.json";
import deUrgent from "@/lib/i18n/messages/de/urgent.json";
import enUrgent from "@/lib/i18n/messages/en/urgent.json";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { AMIRA } from "../helpers/citizen";

// The urgent path: a citizen whose residence permit ran out yesterday enters its expiry on the personal-data step
// of a residence-permit service; the slot step says the next free appointment lies after it and offers to file the
// extension request; filing it leads to the signed receipt (page, QR code, PDF), which the public check page calls
// genuine, and a tampered code not. Every new page is checked with axe at phone and desktop width.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "aufenthaltserlaubnis-beantragen";
const SHOTS = process.env.URGENT_SCREENSHOTS ?? "";

let app: RunningApp;
let browser: BrowserContext;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectAccessible(page: Page, what: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const problems = formatViolations(await axeViolations(page));
    if (problems.length > 0) throw new Error(`axe at ${width} px on ${what}:\n\n${problems.join("\n\n")}`);
    const { scrollWidth, culprits } = await scrollWidthAt(page, width);
    expect({ width, scrollWidth, culprits }).toEqual({ width, scrollWidth: width, culprits: [] });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${what}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 800 });
}

/** Yesterday in Berlin as day, month and year: a permit that has just run out. */
function yesterday(): [string, string, string] {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" })
    .format(new Date(Date.now() - 86_400_000))
    .split("-");
  return [String(Number(d)), String(Number(m)), y];
}

it("files the extension request from the slot step and verifies its receipt on the public page", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/${OFFICE}/${SERVICE}`);
  await page.getByLabel("Vorname(n)").fill(AMIRA.givenName);
  await page.getByLabel("Familienname").fill(AMIRA.familyName);
  await page.getByLabel("E-Mail-Adresse").fill(AMIRA.email);
  const born = page.getByRole("group", { name: deBooking.personal.dateOfBirth });
  await born.getByLabel("Tag").fill(AMIRA.born[0]);
  await born.getByLabel("Monat").fill(AMIRA.born[1]);
  await born.getByLabel("Jahr").fill(AMIRA.born[2]);
  const permit = page.getByRole("group", { name: deUrgent.permit.label });
  const [day, month, year] = yesterday();
  await permit.getByLabel("Tag").fill(day);
  await permit.getByLabel("Monat").fill(month);
  await permit.getByLabel("Jahr").fill(year);
  await expectAccessible(page, "personal-data-permit");
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await page.waitForURL(/\/termin$/);

  // The notice, plainly, and the offer to file the request now.
  expect(await page.getByRole("heading", { name: deUrgent.notice.title }).count()).toBe(1);
  expect(await page.getByText(/Ihr Aufenthaltstitel gilt bis .+\. Der nächste freie Termin ist erst am/).count()).toBe(1);
  await expectAccessible(page, "slot-expiry-notice");
  await page.getByRole("button", { name: deUrgent.notice.extensionButton }).click();
  await page.waitForURL(/\/quittung\/[A-Za-z0-9_-]{43}$/);

  // The receipt: its facts, the QR code, print and PDF.
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(deUrgent.receipt.title);
  expect(await page.getByText(`${AMIRA.givenName} ${AMIRA.familyName}`).count()).toBe(1);
  expect(await page.getByRole("img", { name: deUrgent.receipt.qr }).count()).toBe(1);
  expect(await page.getByRole("button", { name: deUrgent.receipt.print }).count()).toBe(1);
  await expectAccessible(page, "receipt");
  const wish = await app.db.wish.findFirstOrThrow({ include: { receipt: true } });
  expect(wish).toMatchObject({ source: "EXTENSION", givenName: AMIRA.givenName, permitExpiresOn: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` });
  expect(wish.receipt?.number).toBe(wish.referenceCode);
  const pdfHref = await page.getByRole("link", { name: deUrgent.receipt.pdf }).getAttribute("href");
  const pdf = await page.request.get(`${app.url}${pdfHref}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The receipt in English, for a citizen reading it in another language.
  const receiptUrl = page.url();
  await page.goto(receiptUrl.replace(`${app.url}/`, `${app.url}/en/`));
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(enUrgent.receipt.title);
  await expectAccessible(page, "receipt-en");

  // The QR code's link: the public check page says genuine and shows what the receipt signs.
  const code = (await page.locator("p.font-mono").textContent())!.trim();
  await page.goto(`${app.url}/quittung/pruefen?code=${code}`);
  expect(await page.getByRole("heading", { name: deUrgent.verify.genuine }).count()).toBe(1);
  expect(await page.getByText(wish.referenceCode).count()).toBe(1);
  await expectAccessible(page, "check-genuine");

  // A changed code is not genuine; an empty one asks for the code.
  const [payload, signature] = code.split(".");
  const forged = Buffer.from(Buffer.from(payload, "base64url").toString("utf8").replace(AMIRA.familyName, "Mustermann")).toString("base64url");
  await page.goto(`${app.url}/quittung/pruefen`);
  await expectAccessible(page, "check-empty");
  await page.getByLabel(deUrgent.verify.code).fill(`${forged}.${signature}`);
  await page.getByRole("button", { name: deUrgent.verify.submit }).click();
  await page.getByRole("heading", { name: deUrgent.verify.forged }).waitFor();
  await expectAccessible(page, "check-forged");
  await page.close();
});
