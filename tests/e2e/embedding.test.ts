import http from "node:http";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { freePort, startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { signIn } from "../helpers/staff-browser";

// The booking embedded in the city's website: a page of another site (127.0.0.1, so even another *site* than the
// app on localhost, where a SameSite=Lax cookie would never reach the frame) loads /einbetten.js with the snippet
// from the office's admin page. The frame loads, follows its content's height without scrollbars of its own, and a
// booking can be completed inside it. A site not named in FRAME_ANCESTORS gets no frame content.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const PASSWORD = "Demo-Passwort-2026";

let app: RunningApp;
let browser: BrowserContext;
let citySite: { url: string; close(): void };
let otherSite: { url: string; close(): void };
/** The snippet the test page embeds, as the admin page shows it. */
let snippet = "";

/** A page of a city's website at http://127.0.0.1:port with a heading, some text and the snippet in its content. */
function cityWebsite(port: number): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Termine – Stadt Musterstadt</title>
<style>body{font-family:sans-serif;margin:0}header{background:#222;color:#fff;padding:1rem}main{max-width:50rem;margin:0 auto;padding:1rem}footer{border-top:1px solid #999;padding:1rem}</style></head>
<body><header>Stadt Musterstadt</header><main><h1>Termin im Bürgerbüro vereinbaren</h1>
<p>Buchen Sie hier Ihren Termin bei der Ausländerbehörde.</p>
${snippet}
<p id="after">Text unter der Buchung.</p></main><footer>Rathausplatz 1</footer></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() })),
  );
}

beforeAll(async () => {
  const [cityPort, otherPort] = [await freePort(), await freePort()];
  citySite = await cityWebsite(cityPort);
  otherSite = await cityWebsite(otherPort);
  app = await startApp({ env: { FRAME_ANCESTORS: `'self' ${citySite.url}` } });
  browser = await launchBrowser({ width: 1280, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  citySite?.close();
  otherSite?.close();
});

/** The embedded booking's frame, once its page has loaded. */
async function bookingFrame(page: Page): Promise<Frame> {
  const handle = await page.locator("iframe[title='Online-Terminvergabe']").elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForLoadState();
  return frame!;
}

/** The frame's height on the page and its content's height: equal (give or take a pixel) once it has resized. */
async function heights(page: Page, frame: Frame) {
  const outer = await page.locator("iframe").evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
  return { outer, inner, scrolls };
}

/** Waits until the frame is exactly as tall as its content and shows no scrollbar; its heights then. */
async function expectFitted(page: Page, frame: Frame) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const h = await heights(page, frame);
    if (Math.abs(h.outer - h.inner) <= 1 && !h.scrolls) return h;
    if (Date.now() > deadline) throw new Error(`the frame did not fit its content: ${JSON.stringify(h)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("the office's admin page shows the snippet beside the QR code, with a variant per service, and passes axe", async () => {
  const page = await browser.newPage();
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
  await page.goto(`${app.url}/staff/verwaltung/behoerden/${office.id}`);
  const section = page.getByRole("region", { name: "Auf der Website der Stadt einbinden" });
  const code = section.getByTestId("embed-code");
  expect(await code.textContent()).toBe(`<script src="${app.url}/einbetten.js" data-office="${OFFICE}" data-lang="de" async></script>`);
  await section.getByLabel("Buchung für").selectOption({ label: "Beratungsgespräch" });
  expect(await code.textContent()).toContain(`data-service="${SERVICE}"`);
  await section.getByLabel("Buchung für").selectOption({ index: 0 });
  snippet = (await code.textContent())!;
  expect(await section.textContent()).toContain(`Einbinden erlaubt auf: ${citySite.url}`);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(formatViolations(await axeViolations(page))).toEqual([]);
    await section.screenshot({ path: await screenshotPath(`admin-snippet-${width}`) });
  }
  await page.close();
});

/**
 * A screenshot of the whole city page at `width`: the viewport is made as tall as the page first, because Chromium
 * paints a frame of another site only inside the viewport, so a stitched full-page screenshot would leave it blank.
 */
async function pageScreenshot(page: Page, frame: Frame, name: string, width: number) {
  await page.setViewportSize({ width, height: 800 });
  await expectFitted(page, frame);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await expectFitted(page, frame);
  await page.screenshot({ path: await screenshotPath(`${name}-${width}`) });
}

/** A section screenshot under the shared screenshot folder. */
async function screenshotPath(name: string): Promise<string> {
  const { SCREENSHOT_DIR } = await import("../helpers/staff-browser");
  const fs = await import("node:fs");
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return `${SCREENSHOT_DIR}/embedding-${name}.png`;
}

it("loads in the city's page, resizes with its content, and a booking is completed inside it", async () => {
  expect(snippet).not.toBe("");
  const page = await browser.newPage();
  await page.goto(citySite.url);
  const frame = await bookingFrame(page);
  expect(new URL(frame.url()).origin).toBe(app.url);
  await frame.getByRole("heading", { level: 1 }).first().waitFor();
  await frame.getByLabel("Beratungsgespräch").waitFor();
  const first = await expectFitted(page, frame);
  // The frame takes the page's full width and its content decides the height (not the script's first guess).
  const box = await page.locator("iframe").boundingBox();
  expect(box!.width).toBeGreaterThan(700);
  expect(first.outer).not.toBe(640);
  await pageScreenshot(page, frame, "city-page", 360);
  await pageScreenshot(page, frame, "city-page", 1280);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Choosing a service leads to the personal data form, of another height: the frame follows.
  await frame.getByLabel("Beratungsgespräch").check();
  await frame.getByRole("button", { name: "Weiter" }).click();
  await frame.waitForURL(/\/auslaenderbehoerde\/beratungsgespraech$/);
  await frame.getByLabel("Familienname").waitFor();
  const second = await expectFitted(page, frame);
  expect(second.outer).not.toBe(first.outer);
  // Sent empty, the form grows by its error summary and the messages at each field: so does the frame.
  await frame.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await frame.getByRole("alert").getByText("Bitte prüfen Sie Ihre Eingaben").waitFor();
  const third = await expectFitted(page, frame);
  expect(third.outer).toBeGreaterThan(second.outer + 100);

  // Booking inside the frame: the wizard's cookie reaches the frame although the page is another site's.
  await frame.getByLabel("Vorname(n)").fill("Amira");
  await frame.getByLabel("Familienname").fill("Haddad");
  await frame.getByLabel("E-Mail-Adresse").fill("amira.eingebettet@example.org");
  await frame.getByLabel("Tag").fill("27");
  await frame.getByLabel("Monat").fill("3");
  await frame.getByLabel("Jahr").fill("1990");
  await frame.getByLabel(/Datenschutzhinweise/).check();
  await frame.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await frame.waitForURL(/\/termin/);
  await frame.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  await expectFitted(page, frame);
  await frame.getByRole("button", { name: "Diesen Termin wählen" }).click();
  await frame.waitForURL(/\/pruefen$/);
  await frame.getByText("amira.eingebettet@example.org").waitFor();
  await frame.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await frame.waitForURL(/\/bestaetigung$/);
  const reference = (await frame.getByTestId("reference-code").textContent())?.trim();
  expect(reference).toMatch(/^TV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  expect(await app.db.booking.count({ where: { referenceCode: reference } })).toBe(1);
  // That took a cookie a third-party frame may keep: SameSite=None and Secure (and partitioned by the city's site).
  const cookie = (await browser.cookies(app.url)).find((c) => c.name === "tv_wizard");
  expect(cookie).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
  const done = await expectFitted(page, frame);
  // The host page's text under the booking moves with the frame and stays readable.
  const [frameBox, after] = [await page.locator("iframe").boundingBox(), await page.locator("#after").boundingBox()];
  expect(frameBox!.height).toBeCloseTo(done.outer, 0);
  expect(after!.y).toBeGreaterThanOrEqual(frameBox!.y + frameBox!.height - 1);
  await pageScreenshot(page, frame, "booked", 1280);
  await pageScreenshot(page, frame, "booked", 360);
  await page.close();
});

it("ignores height messages that do not come from the app's origin", async () => {
  const page = await browser.newPage();
  await page.goto(citySite.url);
  const frame = await bookingFrame(page);
  await frame.getByLabel("Beratungsgespräch").waitFor();
  const fitted = await expectFitted(page, frame);
  // The host page itself (another origin than the app) and a same-page frame of its own origin both try.
  await page.evaluate(() => {
    window.postMessage({ type: "terminvergabe:height", height: 5 }, "*");
    const rogue = document.createElement("iframe");
    rogue.srcdoc = `<script>parent.postMessage({ type: "terminvergabe:height", height: 9999 }, "*")</script>`;
    document.body.appendChild(rogue);
  });
  await page.waitForTimeout(500);
  expect(await page.locator("iframe").first().evaluate((el) => el.getBoundingClientRect().height)).toBe(fitted.outer);
  await page.close();
});

it("a site not named in FRAME_ANCESTORS gets no booking in its frame", async () => {
  const page = await browser.newPage();
  const refused = new Promise<string>((resolve) => page.on("console", (m) => /frame-ancestors/.test(m.text()) && resolve(m.text())));
  await page.goto(otherSite.url);
  expect(await refused).toMatch(/frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+/);
  const frame = page.frameLocator("iframe[title='Online-Terminvergabe']");
  expect(await frame.getByRole("heading", { level: 1 }).count()).toBe(0);
  await page.close();
});
