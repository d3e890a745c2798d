import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { postBooking } from "../helpers/citizen";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";
import { screenshot, signIn } from "../helpers/staff-browser";

// The city's own look against the built app: an administrator sets name, title, colour, logo (an SVG with a script
// in it) and footer contact; a colour without enough contrast is refused with its measured ratio; the public pages
// in German and Arabic show the look and pass axe; and an e-mail sent afterwards carries it.

const PASSWORD = "Demo-Passwort-2026";
const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const COLOUR = "#7a1f3d";

const LOGO = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 72" width="64" height="72" onload="window.__logoScript = 1">
  <script>window.__logoScript = 2</script>
  <path d="M4 4h56v36c0 16-14 26-28 30C18 66 4 56 4 40z" fill="${COLOUR}" stroke="#000" stroke-width="3"/>
  <path d="M20 24h24v6H20zM29 14h6v40h-6z" fill="#fff"/>
  <foreignObject width="64" height="72"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
</svg>`;

let app: RunningApp;
let smtp: TestSmtpServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});

async function expectNoAxeViolations(what: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const problems = formatViolations(await axeViolations(page));
    if (problems.length > 0) throw new Error(`axe at ${width} px on ${what}:\n\n${problems.join("\n\n")}`);
  }
}

async function screenshots(name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`, { prefix: "branding" });
  }
}

it("without a branding the public page keeps the neutral look", async () => {
  await page.goto(app.url);
  expect(await page.locator("header img").count()).toBe(0);
  expect(await page.locator("link[href^='/branding.css']").count()).toBe(0);
  expect(await page.title()).toBe("Terminvergabe");
  const header = await page.locator("body > header").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(header).toBe("rgb(11, 79, 138)");
});

it("an administrator sets the look; a colour without enough contrast is refused with its ratio", async () => {
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
  await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Erscheinungsbild" }).click();
  await page.waitForURL(/\/staff\/verwaltung\/erscheinungsbild$/);
  await expectNoAxeViolations("the empty branding form");
  await screenshots("form-empty");

  await page.getByLabel("Name der Stadt oder Verwaltung").fill("Stadt Musterstadt");
  await page.getByLabel("Titel der Website").fill("Bürgerservice online");
  await page.getByLabel("Hauptfarbe (#RRGGBB)").fill("#777777");
  // Measured while typing, and refused on saving, with the ratio in the message.
  await page.getByTestId("contrast").getByText("4,47:1").waitFor();
  await page.getByRole("button", { name: "Speichern" }).click();
  const summary = page.getByRole("alert");
  await summary.getByText("Weiße Schrift auf #777777 hat nur einen Kontrast von 4,47:1. Nötig sind mindestens 4,5:1.", { exact: false }).waitFor();
  expect(await app.db.branding.count()).toBe(0);

  await page.getByLabel("Hauptfarbe (#RRGGBB)").fill(COLOUR);
  await page.getByLabel("Neues Logo hochladen").setInputFiles({ name: "wappen.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
  await page.getByLabel("Textalternative des Logos").fill("Wappen der Stadt Musterstadt");
  await page.getByLabel("Kontakt", { exact: true }).fill("Stadtverwaltung Musterstadt\nRathausplatz 1, 12345 Musterstadt\nTelefon 01234 555-0");
  const preview = page.getByTestId("branding-preview");
  await preview.getByText("Bürgerservice online").waitFor();
  expect(await preview.locator("div").first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(122, 31, 61)");
  await expectNoAxeViolations("the filled branding form with its preview");
  await screenshots("form-preview");

  await page.getByRole("button", { name: "Speichern" }).click();
  await page.waitForURL(/\?gespeichert=1$/);
  await page.getByText("Das Erscheinungsbild wurde gespeichert.").waitFor();
  await page.getByRole("group", { name: "Logo" }).getByRole("img", { name: "Wappen der Stadt Musterstadt" }).waitFor();
  await screenshots("form-saved");
  const audit = await app.db.auditLog.findFirst({ where: { action: "branding.update" } });
  expect(audit).not.toBeNull();
});

it.each([
  ["", "de"],
  ["/ar", "ar"],
])("the public page%s shows logo, names, colour and contact, and passes axe", async (prefix, locale) => {
  await page.goto(`${app.url}${prefix}/${OFFICE}`);
  const header = page.locator("body > header");
  const logo = header.getByRole("img", { name: "Wappen der Stadt Musterstadt" });
  await logo.waitFor();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await header.textContent()).toContain("Stadt Musterstadt");
  expect(await header.textContent()).toContain("Bürgerservice online");
  expect(await page.title()).toMatch(/ – Bürgerservice online$/);
  expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(122, 31, 61)");
  const contact = page.locator("footer address");
  expect(await contact.textContent()).toContain("Rathausplatz 1, 12345 Musterstadt");
  expect(await contact.getAttribute("lang")).toBe(locale === "de" ? null : "de");
  // Opening the sanitised logo ran nothing from the upload.
  expect(await page.evaluate(() => (window as { __logoScript?: number }).__logoScript)).toBeUndefined();
  await expectNoAxeViolations(`${prefix || "/"}${OFFICE}`);
  await screenshots(`public-${locale}`);
});

it("serves the logo sanitised, with a long cache and a policy that runs nothing", async () => {
  const src = await page.locator("body > header img").getAttribute("src");
  const res = await fetch(`${app.url}${src}`);
  expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
  expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
  const svg = await res.text();
  expect(svg).not.toMatch(/script|onload|foreignObject/i);
  expect(svg).toContain(`fill="${COLOUR}"`);
});

it("an e-mail written afterwards carries the look: band, logo as PNG and colour", async () => {
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await (await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${from}&to=${to}`)).json()) as {
    slots: Array<{ start: string }>;
  };
  const res = await postBooking(app.url, {
    office: OFFICE,
    service: SERVICE,
    start: slots.slots[2].start,
    familyName: "Haddad",
    email: "branding@example.org",
  });
  const { referenceCode } = (await res.json()) as { referenceCode: string };
  expect(res.status).toBe(201);
  const mail = await waitForMail(smtp, "branding@example.org", new RegExp(referenceCode));
  const html = String(mail.html);
  expect(html).toContain('data-branding="band"');
  expect(html).toContain("Stadt Musterstadt");
  expect(html).toContain(`background-color:${COLOUR}`);
  const logoUrl = html.match(/<img[^>]+alt="Wappen der Stadt Musterstadt"[^>]+src="([^"]+)"/)?.[1].replace(/&amp;/g, "&");
  expect(logoUrl).toMatch(new RegExp(`^${app.url}/api/branding/logo\\?v=\\w+&format=png$`));
  const logo = await fetch(logoUrl!);
  expect(logo.headers.get("content-type")).toBe("image/png");
  // Shown in the browser, as a mail client would show it.
  await page.setContent(html);
  await page.getByText("Stadt Musterstadt").first().waitFor();
  await screenshot(page, "email", { prefix: "branding", fullPage: true });
});
