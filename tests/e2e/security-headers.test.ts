import http from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { freePort, startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData, reachPersonalData } from "../helpers/citizen";

// The built app under its real Content-Security-Policy: every kind of response carries the security headers, the
// citizen's wizard and the clerk's calendar run without a single CSP violation, and only the configured city site
// may embed the pages.

const OFFICE = "auslaenderbehoerde";

let app: RunningApp;
let browser: BrowserContext;
/** A page of the city site (allowed to embed) and of some other site (not allowed). */
let citySite: { url: string; close(): void };
let otherSite: { url: string; close(): void };

/** Serves one HTML page that frames `src`, from http://127.0.0.1:port. */
function framingSite(port: number, src: () => string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Stadt</title><iframe id="wizard" src="${src()}" width="800" height="600"></iframe>`);
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() })),
  );
}

beforeAll(async () => {
  const [cityPort, otherPort] = [await freePort(), await freePort()];
  citySite = await framingSite(cityPort, () => `${app.url}/${OFFICE}`);
  otherSite = await framingSite(otherPort, () => `${app.url}/${OFFICE}`);
  // ANTIBOT stays off (the harness default): the ALTCHA widget under this CSP is covered by antibot.test.ts.
  app = await startApp({ env: { FRAME_ANCESTORS: `'self' ${citySite.url}` } });
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  citySite?.close();
  otherSite?.close();
});

/** Collects every CSP violation of `page`, from the DOM event and from Chromium's console messages. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return violations;
}

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function expectCommonHeaders(res: Response, what: string) {
  const h = res.headers;
  expect({ what, value: h.get("x-content-type-options") }).toEqual({ what, value: "nosniff" });
  expect({ what, value: h.get("referrer-policy") }).toEqual({ what, value: "same-origin" });
  // The e2e app is a production build on plain http (APP_URL http://localhost): HSTS only belongs to https.
  expect({ what, value: h.get("strict-transport-security") }).toEqual({ what, value: null });
  const csp = h.get("content-security-policy");
  expect({ what, csp: csp !== null }).toEqual({ what, csp: true });
  expect({ what, ancestors: directives(csp!)["frame-ancestors"] }).toEqual({
    what,
    ancestors: ["'self'", citySite.url],
  });
}

it("puts the security headers on pages, API responses, images and static files", async () => {
  // Home, a wizard step, a content page, the not-found page and the staff login.
  const pages: Array<[string, number]> = [
    ["/", 200],
    [`/${OFFICE}`, 200],
    ["/datenschutz", 200],
    ["/gibt-es-nicht", 404],
    ["/staff/login", 200],
  ];
  let scriptSrc: string | undefined;
  const nonces = new Set<string>();
  for (const [path, status] of pages) {
    const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
    expect({ path, status: res.status }).toEqual({ path, status });
    expectCommonHeaders(res, path);
    const csp = directives(res.headers.get("content-security-policy")!);
    const nonce = csp["script-src"].find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toBeDefined();
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["style-src"]).not.toContain("'unsafe-inline'");
    expect(csp["object-src"]).toEqual(["'none'"]);
    nonces.add(nonce!);
    // Every script Next renders carries this response's nonce.
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect({ path, tag }).toEqual({ path, tag: expect.stringContaining(`nonce="${nonce}"`) });
    scriptSrc ??= html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  }
  expect(nonces.size).toBe(pages.length);

  // A redirect (the staff area without a session) is covered too.
  const redirect = await fetch(`${app.url}/staff`, { redirect: "manual" });
  expect(redirect.status).toBeGreaterThanOrEqual(300);
  expectCommonHeaders(redirect, "/staff redirect");

  const resources: Array<[string, RegExp]> = [
    ["/api/v1/offices", /application\/json/],
    ["/api/health", /application\/json/],
    [`/api/qr/${OFFICE}`, /image\/png/],
    [scriptSrc!, /javascript/],
    ["/gibt-es-nicht.txt", /./],
  ];
  expect(scriptSrc).toBeDefined();
  for (const [path, type] of resources) {
    const res = await fetch(`${app.url}${path}`);
    if (!path.endsWith(".txt")) expect({ path, status: res.status }).toEqual({ path, status: 200 });
    expect(res.headers.get("content-type") ?? "").toMatch(type);
    expectCommonHeaders(res, path);
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; /);
  }
});

it("refuses a server action posted from another site with 403 and the refusal page, not a 500", async () => {
  const post = (path: string, origin: string) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
  for (const [path, text] of [
    [`/${OFFICE}`, "Dafür fehlt Ihnen die Berechtigung."],
    [`/en/${OFFICE}`, "You do not have permission to do this."],
    ["/staff/login", "Dafür fehlt Ihnen die Berechtigung."],
  ]) {
    for (const origin of ["http://evil.example", "null", `${app.url}.evil.example`]) {
      const res = await post(path, origin);
      expect({ path, origin, status: res.status }).toEqual({ path, origin, status: 403 });
      expectCommonHeaders(res, `${path} from ${origin}`);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain(text);
    }
  }
  // From the site itself the request reaches Next, which knows no such action.
  const own = await post(`/${OFFICE}`, app.url);
  expect(own.status).not.toBe(403);
  expect(own.status).toBeLessThan(500);
});

it("answers TRACE with 405 and the security headers", async () => {
  const { port } = new URL(app.url);
  for (const path of ["/", `/${OFFICE}`, "/api/health"]) {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: "localhost", port, path, method: "TRACE" }, resolve);
      req.on("error", reject);
      req.end();
    });
    res.resume();
    expect({ path, status: res.statusCode }).toEqual({ path, status: 405 });
    expect(res.headers.allow).toContain("GET");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toMatch(/^default-src 'none'; frame-ancestors /);
  }
});

it("routes unknown API paths and methods to the documented JSON errors, and real routes before the catch-all", async () => {
  const unknown = await fetch(`${app.url}/api/v1/nope/deeper`);
  expect(unknown.status).toBe(404);
  expect(unknown.headers.get("content-type")).toMatch(/application\/json/);
  expect((await unknown.json()).error.code).toBe("NOT_FOUND");
  expectCommonHeaders(unknown, "/api/v1/nope/deeper");

  const wrongMethod = await fetch(`${app.url}/api/v1/offices`, { method: "DELETE" });
  expect(wrongMethod.status).toBe(405);
  expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  expect((await wrongMethod.json()).error.code).toBe("METHOD_NOT_ALLOWED");

  const served = await fetch(`${app.url}/api/v1/offices`);
  expect(served.status).toBe(200);
  expect((await served.json()).offices.length).toBeGreaterThan(0);
});

it("answers an unknown manage link with 404 and the manage page's message", async () => {
  const token = "A".repeat(43);
  for (const [path, text] of [
    [`/termin/${token}`, "Dieser Link ist ungültig oder der Termin ist nicht mehr gespeichert."],
    [`/en/termin/${token}`, "This link is not valid or the appointment is no longer stored."],
    [`/termin/${token}?fehler=BOOKING_NOT_FOUND`, "Dieser Link ist ungültig oder der Termin ist nicht mehr gespeichert."],
  ]) {
    const res = await fetch(`${app.url}${path}`);
    expect({ path, status: res.status }).toEqual({ path, status: 404 });
    expectCommonHeaders(res, path);
    expect(await res.text()).toContain(text);
  }
});

it("walks through the five wizard steps without a CSP violation", async () => {
  const page = await browser.newPage();
  const violations = await watchViolations(page);

  // The client-side validation (zod in the browser) must run under the CSP too: reachPersonalData submits step 2 empty.
  await reachPersonalData(page, app.url);
  await fillPersonalData(page, { givenName: "Lena", familyName: "Kowalski", email: "lena.kowalski@example.org", born: ["14", "7", "1988"] });

  await page.waitForURL(/\/termin/);
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  await page.getByRole("button", { name: "Diesen Termin wählen" }).click();

  await page.waitForURL(/\/pruefen$/);
  await page.getByText("lena.kowalski@example.org").waitFor();
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();

  await page.waitForURL(/\/bestaetigung$/);
  expect((await page.getByTestId("reference-code").textContent())?.trim()).toMatch(/^TV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  expect(violations).toEqual([]);
  await page.close();
});

it("renders the clerk's FullCalendar without a CSP violation", async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const violations = await watchViolations(page);
  await page.goto(`${app.url}/staff/login`);
  await page.getByLabel("E-Mail-Adresse").fill("sachbearbeitung@terminvergabe.local");
  await page.getByLabel("Passwort").fill("Demo-Passwort-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  // A clerk of one office lands on its day list.
  await page.waitForURL((url) => url.pathname === `/staff/${OFFICE}`);

  await page.goto(`${app.url}/staff/${OFFICE}/kalender`);
  const row = page.locator('[data-time="09:00:00"]').last();
  await row.waitFor();
  // FullCalendar's styles are in effect: the time grid has real rows.
  expect((await row.boundingBox())?.height ?? 0).toBeGreaterThan(10);
  expect(violations).toEqual([]);
  await page.close();
});

it.each(["%2F%5Cevil.example%2Fphish", "/%09/evil.example", "https%3A%2F%2Fevil.example%2F"])(
  "stays on the site after signing in with callbackUrl=%s",
  async (callbackUrl) => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/staff/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("E-Mail-Adresse").fill("sachbearbeitung@terminvergabe.local");
    await page.getByLabel("Passwort").fill("Demo-Passwort-2026");
    await page.getByRole("button", { name: "Anmelden" }).click();
    // The fallback /staff sends a clerk of one office on to that office's day list.
    await page.waitForURL((url) => url.pathname.startsWith("/staff/") && url.pathname !== "/staff/login");
    const landed = new URL(page.url());
    expect({ host: landed.host, path: landed.pathname }).toEqual({ host: new URL(app.url).host, path: `/staff/${OFFICE}` });
    await page.close();
  },
);

it("may be embedded by the configured city site and by no other", async () => {
  const city = await browser.newPage();
  await city.goto(citySite.url);
  const embedded = city.frameLocator("#wizard");
  await embedded.getByRole("heading", { level: 1 }).first().waitFor();

  const other = await browser.newPage();
  const refused = new Promise<string>((resolve) =>
    other.on("console", (m) => /frame-ancestors/.test(m.text()) && resolve(m.text())),
  );
  await other.goto(otherSite.url);
  expect(await refused).toMatch(/frame-ancestors 'self' http:\/\/127\.0\.0\.1:\d+/);
  expect(await other.frameLocator("#wizard").getByRole("heading", { level: 1 }).count()).toBe(0);
  await city.close();
  await other.close();
});
