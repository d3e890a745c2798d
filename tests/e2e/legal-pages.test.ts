import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt, smallTargets } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { screenshot, signIn } from "../helpers/staff-browser";
import deLegal from "@/lib/i18n/messages/de/legal.json";
import trLegal from "@/lib/i18n/messages/tr/legal.json";

// The legal pages against the built app: every footer link from the wizard reaches its page, the four pages and
// the editor pass axe (WCAG 2.1 AA) at phone and desktop width, and an administrator's edit (with preview) shows
// on the public page with any HTML in it inert.

const PASSWORD = "Demo-Passwort-2026";
const FOOTER = "Rechtliches und Hilfe";
const PAGES = [
  { link: "Impressum", path: "/impressum", h1: "Impressum" },
  { link: "Datenschutz", path: "/datenschutz", h1: "Datenschutzerklärung" },
  { link: "Barrierefreiheit", path: "/barrierefreiheit", h1: "Erklärung zur Barrierefreiheit" },
  { link: "Leichte Sprache", path: "/leichte-sprache", h1: "Einen Termin im Internet buchen" },
];

let app: RunningApp;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 360, height: 800 });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectNoAxeViolations(path: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect({ path, width, violations: formatViolations(await axeViolations(page)) }).toEqual({ path, width, violations: [] });
  }
  await page.setViewportSize({ width: 360, height: 800 });
}

it.each(["/auslaenderbehoerde", "/auslaenderbehoerde/beratungsgespraech"])(
  "every footer link on the wizard page %s reaches its page, with 44 px targets and no sideways scrolling",
  async (wizardPath) => {
    for (const target of PAGES) {
      await page.goto(`${app.url}${wizardPath}`);
      const footer = page.getByRole("navigation", { name: FOOTER });
      expect(await smallTargets(page, "footer a")).toEqual([]);
      expect((await scrollWidthAt(page, 360)).scrollWidth).toBeLessThanOrEqual(360);
      await footer.getByRole("link", { name: target.link }).click();
      await page.waitForURL(`${app.url}${target.path}`);
      expect(await page.locator("h1").allTextContents()).toEqual([target.h1]);
    }
  },
);

it("the footer links are reached with the keyboard", async () => {
  await page.goto(`${app.url}/auslaenderbehoerde`);
  const reached: string[] = [];
  for (let i = 0; i < 60 && reached.length < PAGES.length; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => (document.activeElement?.closest("footer") ? document.activeElement.textContent?.trim() : null));
    if (name && !reached.includes(name)) reached.push(name);
  }
  expect(reached).toEqual(PAGES.map((p) => p.link));
});

it.each(PAGES)("$path has no axe violations and shows the seeded text", async ({ path, h1 }) => {
  const response = await page.goto(`${app.url}${path}`);
  expect(response?.status()).toBe(200);
  expect(await page.locator("h1").allTextContents()).toEqual([h1]);
  expect(await page.title()).not.toBe("");
  await expectNoAxeViolations(path);
  await screenshot(page, path.slice(1), { prefix: "legal" });
});

it("the privacy page lists each office's facts from its settings", async () => {
  await page.goto(`${app.url}/datenschutz`);
  const office = page.getByRole("region", { name: /Ausländerbehörde/ });
  await expect(office.textContent()).resolves.toContain("30 Tage nach dem Termin");
  await expect(page.getByText("datenschutz@pirmasens.example").first().isVisible()).resolves.toBe(true);
  await expect(page.getByRole("heading", { name: "Durchsetzungsverfahren" }).count()).resolves.toBe(0);
  await page.goto(`${app.url}/barrierefreiheit`);
  await expect(page.getByRole("heading", { name: "Durchsetzungsverfahren" }).isVisible()).resolves.toBe(true);
});

it.each([
  ["", deLegal],
  ["/tr", trLegal],
] as const)("the privacy page%s names the optional language cookie in the page's language", async (prefix, texts) => {
  await page.goto(`${app.url}${prefix}/datenschutz`);
  const section = page.getByRole("region", { name: texts.privacy.languageCookieTitle });
  await expect(section.textContent()).resolves.toContain(texts.privacy.languageCookie);
  expect(texts.privacy.languageCookie).toMatch(/„sprache“/);
});

it("the staff pages carry the same footer", async () => {
  await page.goto(`${app.url}/staff/login`);
  const footer = page.getByRole("navigation", { name: FOOTER });
  for (const target of PAGES) {
    await expect(footer.getByRole("link", { name: target.link }).getAttribute("href")).resolves.toBe(target.path);
  }
});

it("an administrator previews and saves the Impressum; HTML in it stays text", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
  await page.goto(`${app.url}/staff/verwaltung/rechtstexte`);
  await expectNoAxeViolations("/staff/verwaltung/rechtstexte");
  await page.getByRole("link", { name: "Impressum (Deutsch) bearbeiten" }).click();
  await page.waitForURL(/\/bearbeiten\?/);
  const body = "## Anbieter (geändert)\n\nStadt Demo\n\n<script>window.__injected = 1</script>\n\n[Klick](javascript:window.__injected=2)";
  await page.getByLabel("Text").fill(body);
  await page.getByRole("button", { name: "Vorschau" }).click();
  const preview = page.getByRole("region", { name: "Vorschau (noch nicht gespeichert)" });
  await preview.getByRole("heading", { name: "Anbieter (geändert)" }).waitFor();
  expect(await preview.textContent()).toContain("<script>window.__injected = 1</script>");
  expect(await preview.locator("a").count()).toBe(0);
  await expectNoAxeViolations("/staff/verwaltung/rechtstexte/bearbeiten (preview)");
  await screenshot(page, "editor-preview", { prefix: "legal" });
  // The preview saved nothing.
  const before = await app.db.legalText.findUniqueOrThrow({ where: { scope_kind_locale: { scope: "site", kind: "IMPRINT", locale: "de" } } });
  expect(before.body).not.toContain("geändert");

  await page.getByRole("button", { name: "Speichern" }).click();
  await page.waitForURL(/\/staff\/verwaltung\/rechtstexte\?gespeichert=1$/);
  await page.getByText("Der Text wurde gespeichert.").waitFor();

  await page.goto(`${app.url}/impressum`);
  await page.getByRole("heading", { name: "Anbieter (geändert)" }).waitFor();
  expect(await page.locator("main").textContent()).toContain("<script>window.__injected = 1</script>");
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  expect(await page.locator("main a[href^='javascript:']").count()).toBe(0);
  const audit = await app.db.auditLog.findFirst({ where: { action: "legal.update" } });
  expect(audit).toMatchObject({ officeId: null });
});
