import type { Result } from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, checkSkipLink, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData, takeAllPlaces } from "../helpers/citizen";

// Every public page of the booking wizard, in every state a citizen can meet, against WCAG 2.1 AA (BITV 2.0):
// axe-core at phone and desktop width, plus what axe cannot see: one h1, the page language, a working skip link,
// and reflow without sideways scrolling at 360 and 320 CSS px (WCAG 1.4.10).
//
// One walk through the wizard in beforeAll records an audit per page; the tests below then report per page and
// per check, so a single failure does not hide the others.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const SITE_NAME = "Terminvergabe";

const PAGES = [
  "home",
  "office (step 1)",
  "office (step 1) after an empty submit",
  "service (step 2)",
  "service (step 2) after an empty submit",
  "calendar (step 3)",
  "review (step 4)",
  "review (step 4) with SLOT_TAKEN",
  "confirmation (step 5)",
  "manage",
  "reschedule",
  "manage, cancelled",
  "manage, unknown link",
  "privacy",
  "404, unknown office",
  "404, unknown address",
] as const;
type PageName = (typeof PAGES)[number];

const NOT_FOUND: PageName[] = ["404, unknown office", "404, unknown address"];

interface Audit {
  url: string;
  status: number | null;
  axe360: Result[];
  axe1280: Result[];
  h1: string[];
  title: string;
  lang: string | null;
  skipLink: string[];
  scrollWidth360: { scrollWidth: number; culprits: string[] };
  scrollWidth320: { scrollWidth: number; culprits: string[] };
}

let app: RunningApp;
let browser: BrowserContext;
const audits = new Map<PageName, Audit>();
let walkError: Error | undefined;

/**
 * Audits the page as it is now. `reloadable` pages are loaded again for the skip-link check, so that the first Tab
 * starts at the top of a fresh document; pages whose state lives only in the browser are checked in place.
 */
async function audit(page: Page, name: PageName, opts: { reloadable: boolean; status?: number | null }) {
  // After a client-side step change Next sets the title a moment after the content; audit the settled page.
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 3000 }).catch(() => undefined);
  await page.setViewportSize({ width: 1280, height: 900 });
  const axe1280 = await axeViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  const axe360 = await axeViolations(page);
  const scrollWidth360 = await scrollWidthAt(page, 360);
  const scrollWidth320 = await scrollWidthAt(page, 320);
  await page.setViewportSize({ width: 1280, height: 900 });
  const h1 = await page.locator("h1").allTextContents();
  const lang = await page.evaluate(() => document.documentElement.getAttribute("lang"));
  const title = await page.title();
  const url = page.url().replace(/#.*$/, "");
  if (opts.reloadable) await page.goto(url);
  const skipLink = await checkSkipLink(page, { fromStart: opts.reloadable });
  audits.set(name, {
    url,
    status: opts.status ?? null,
    axe360,
    axe1280,
    h1: h1.map((t) => t.trim()),
    title,
    lang,
    skipLink,
    scrollWidth360,
    scrollWidth320,
  });
}

async function goto(page: Page, path: string): Promise<number | null> {
  const res = await page.goto(`${app.url}${path}`);
  return res?.status() ?? null;
}

async function walk(page: Page) {
  await goto(page, "/");
  await audit(page, "home", { reloadable: true });

  await goto(page, `/${OFFICE}`);
  await audit(page, "office (step 1)", { reloadable: true });
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByText("Bitte wählen Sie ein Anliegen aus.").first().waitFor();
  await audit(page, "office (step 1) after an empty submit", { reloadable: false });

  await goto(page, `/${OFFICE}`);
  await page.getByLabel("Beratungsgespräch").check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(new RegExp(`/${OFFICE}/${SERVICE}$`));
  await page.getByRole("heading", { level: 1, name: "Ihre Angaben" }).waitFor();
  await audit(page, "service (step 2)", { reloadable: true });
  await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await page.getByRole("alert").getByText("Bitte prüfen Sie Ihre Eingaben").waitFor();
  await audit(page, "service (step 2) after an empty submit", { reloadable: false });

  await page.getByLabel("Vorname(n)").fill("Amira");
  await page.getByLabel("Familienname").fill("Haddad");
  await page.getByLabel("E-Mail-Adresse").fill("amira.haddad@example.org");
  await page.getByLabel("Tag", { exact: true }).fill("27");
  await page.getByLabel("Monat").fill("3");
  await page.getByLabel("Jahr").fill("1990");
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await page.waitForURL(/\/termin$/);
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  await audit(page, "calendar (step 3)", { reloadable: true });

  const next = page.getByRole("button", { name: "Diesen Termin wählen" });
  const start = (await next.getAttribute("value"))!;
  await next.click();
  await page.waitForURL(/\/pruefen$/);
  await page.getByText("amira.haddad@example.org").waitFor();
  await audit(page, "review (step 4)", { reloadable: true });

  // Someone else books the last place of the chosen time before the citizen confirms.
  await takeAllPlaces(app.url, OFFICE, SERVICE, start);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await page.waitForURL(/\/pruefen\?fehler=SLOT_TAKEN$/);
  await page.getByRole("alert").filter({ hasText: "Termin" }).waitFor();
  await audit(page, "review (step 4) with SLOT_TAKEN", { reloadable: true });

  // Take the first alternative offered, then book.
  await page.locator("form button[name=start]").first().click();
  await page.waitForURL(/\/pruefen$/);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await page.waitForURL(/\/bestaetigung$/);
  await page.getByTestId("reference-code").waitFor();
  await audit(page, "confirmation (step 5)", { reloadable: true });

  const manage = (await page.getByRole("link", { name: "Termin ansehen, verschieben oder absagen" }).getAttribute("href"))!;
  await goto(page, manage);
  await page.getByRole("link", { name: "Termin absagen" }).waitFor();
  await audit(page, "manage", { reloadable: true });

  await goto(page, `${manage}/verschieben`);
  await page.getByRole("heading", { level: 1, name: "Neuen Termin wählen" }).waitFor();
  await audit(page, "reschedule", { reloadable: true });

  await goto(page, `${manage}/absagen`);
  await page.getByRole("button", { name: "Termin absagen" }).click();
  await page.getByText("Ihr Termin wurde abgesagt.").waitFor();
  await audit(page, "manage, cancelled", { reloadable: true });

  await goto(page, `/termin/${"x".repeat(43)}`);
  await audit(page, "manage, unknown link", { reloadable: true });

  await goto(page, "/datenschutz");
  await audit(page, "privacy", { reloadable: true });

  const unknownOffice = await goto(page, "/gibt-es-nicht");
  await audit(page, "404, unknown office", { reloadable: true, status: unknownOffice });
  const unknownAddress = await goto(page, "/gibt/es/hier/wirklich/nicht");
  await audit(page, "404, unknown address", { reloadable: true, status: unknownAddress });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 1280, height: 900 });
  const page = await browser.newPage();
  try {
    await walk(page);
  } catch (error) {
    // Pages audited so far still report; the rest fail with this error.
    walkError = error as Error;
  }
  await page.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function auditOf(name: PageName): Audit {
  const found = audits.get(name);
  if (!found) throw new Error(`page "${name}" was not reached (see "the walk reaches every page")`);
  return found;
}

it("the walk reaches every page", () => {
  if (walkError) throw walkError;
  expect([...audits.keys()]).toEqual(PAGES);
});

/** Fails with every problem spelled out, one block each. */
function expectNone(problems: string[], what: string) {
  if (problems.length > 0) throw new Error(`${what}:\n\n${problems.join("\n\n")}`);
}

describe.each(PAGES)("%s", (name) => {
  it("has no WCAG 2.1 A/AA violations (axe) at 360 px", () => {
    const a = auditOf(name);
    expectNone(formatViolations(a.axe360), `axe violations at 360 px on ${a.url}`);
  });

  it("has no WCAG 2.1 A/AA violations (axe) at 1280 px", () => {
    const a = auditOf(name);
    expectNone(formatViolations(a.axe1280), `axe violations at 1280 px on ${a.url}`);
  });

  it('has exactly one h1 and lang="de"', () => {
    const a = auditOf(name);
    expect({ h1Count: a.h1.length, lang: a.lang }).toEqual({ h1Count: 1, lang: "de" });
  });

  // WCAG 2.4.2: the title says which page this is. Steps that all carry the bare site name cannot be told apart,
  // and Next's route announcer stays silent when the title does not change between steps.
  it("has a title that names the page, not only the site", () => {
    const a = auditOf(name);
    const bare = a.title.trim() === "" || (name !== "home" && a.title.trim() === SITE_NAME);
    expectNone(
      bare ? [`the title is "${a.title}"; expected one that names the page, e.g. "${a.h1[0] ?? "…"} – ${SITE_NAME}"`] : [],
      `page title on ${a.url}`,
    );
  });

  it("has a skip link that is reached first and moves focus to main", () => {
    const a = auditOf(name);
    expectNone(a.skipLink, `skip link problems on ${a.url}`);
  });

  it("does not scroll sideways at 360 px and 320 px", () => {
    const a = auditOf(name);
    const problems = [
      [360, a.scrollWidth360],
      [320, a.scrollWidth320],
    ].flatMap(([width, r]) => {
      const { scrollWidth, culprits } = r as Audit["scrollWidth360"];
      return scrollWidth > (width as number)
        ? [`at ${width} px the page is ${scrollWidth} px wide; sticking out:\n  ${culprits.join("\n  ")}`]
        : [];
    });
    expectNone(problems, `horizontal scrolling on ${a.url}`);
  });

  if (NOT_FOUND.includes(name)) {
    it("answers 404", () => {
      expect(auditOf(name).status).toBe(404);
    });
  }
});

// The same pages in every other language, at phone width: the texts differ in length and script, Arabic and
// Persian run right to left, and each page must say which language it is in.

const OTHER_LOCALES = ["en", "tr", "uk", "ru", "ar", "fa", "fr"] as const;
const LOCALIZED_PAGES = [
  "home",
  "office (step 1)",
  "service (step 2)",
  "calendar (step 3)",
  "review (step 4)",
  "confirmation (step 5)",
  "manage",
  "reschedule",
  "manage, unknown link",
  "privacy",
  "404, unknown office",
] as const;
type LocalizedPage = (typeof LOCALIZED_PAGES)[number];

interface LocalizedAudit {
  url: string;
  axe360: Result[];
  h1Count: number;
  lang: string | null;
  dir: string | null;
  scrollWidth360: { scrollWidth: number; culprits: string[] };
}

const localizedAudits = new Map<string, LocalizedAudit>();
let localizedWalkError: Error | undefined;

async function auditLocalized(page: Page, locale: string, name: LocalizedPage, path: string) {
  await page.goto(`${app.url}/${locale}${path}`);
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 3000 }).catch(() => undefined);
  const axe360 = await axeViolations(page);
  const scrollWidth360 = await scrollWidthAt(page, 360);
  const { lang, dir, h1Count } = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute("lang"),
    dir: document.documentElement.getAttribute("dir"),
    h1Count: document.querySelectorAll("h1").length,
  }));
  localizedAudits.set(`${locale} ${name}`, { url: page.url(), axe360, h1Count, lang, dir, scrollWidth360 });
}

/**
 * Brings the wizard (in German, the cookie is the same in every language) to the review step, audits the pages
 * up to there in each language, then books once and audits the pages after booking.
 */
async function walkLocales(page: Page) {
  const base = `/${OFFICE}/${SERVICE}`;
  await goto(page, `/${OFFICE}`);
  await page.getByLabel("Beratungsgespräch").check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(new RegExp(`${base}$`));
  await fillPersonalData(page);
  await page.waitForURL(/\/termin$/);
  await page.getByRole("button", { name: "Diesen Termin wählen" }).click();
  await page.waitForURL(/\/pruefen$/);
  for (const locale of OTHER_LOCALES) {
    await auditLocalized(page, locale, "home", "");
    await auditLocalized(page, locale, "office (step 1)", `/${OFFICE}`);
    await auditLocalized(page, locale, "service (step 2)", base);
    await auditLocalized(page, locale, "calendar (step 3)", `${base}/termin`);
    await auditLocalized(page, locale, "review (step 4)", `${base}/pruefen`);
    await auditLocalized(page, locale, "manage, unknown link", `/termin/${"x".repeat(43)}`);
    await auditLocalized(page, locale, "privacy", "/datenschutz");
    await auditLocalized(page, locale, "404, unknown office", "/gibt-es-nicht");
  }
  await goto(page, `${base}/pruefen`);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await page.waitForURL(/\/bestaetigung$/);
  const manage = (await page.getByRole("link", { name: "Termin ansehen, verschieben oder absagen" }).getAttribute("href"))!;
  for (const locale of OTHER_LOCALES) {
    await auditLocalized(page, locale, "confirmation (step 5)", `${base}/bestaetigung`);
    await auditLocalized(page, locale, "manage", manage);
    await auditLocalized(page, locale, "reschedule", `${manage}/verschieben`);
  }
}

describe("in every other language", () => {
  beforeAll(async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await walkLocales(page);
    } catch (error) {
      localizedWalkError = error as Error;
    }
    await page.close();
  }, 600_000);

  it("the walk reaches every page in every language", () => {
    if (localizedWalkError) throw localizedWalkError;
    expect(localizedAudits.size).toBe(OTHER_LOCALES.length * LOCALIZED_PAGES.length);
  });

  describe.each(OTHER_LOCALES)("%s", (locale) => {
    const auditIn = (name: LocalizedPage) => {
      const found = localizedAudits.get(`${locale} ${name}`);
      if (!found) throw new Error(`page "${name}" in ${locale} was not reached`);
      return found;
    };

    it.each(LOCALIZED_PAGES)("%s has no WCAG 2.1 A/AA violations (axe) at 360 px", (name) => {
      const a = auditIn(name);
      expectNone(formatViolations(a.axe360), `axe violations at 360 px on ${a.url}`);
    });

    it.each(LOCALIZED_PAGES)("%s names its language and direction, has one h1 and no sideways scrolling", (name) => {
      const a = auditIn(name);
      const dir = locale === "ar" || locale === "fa" ? "rtl" : "ltr";
      expect({ lang: a.lang, dir: a.dir, h1Count: a.h1Count }).toEqual({ lang: locale, dir, h1Count: 1 });
      expectNone(
        a.scrollWidth360.scrollWidth > 360 ? [`${a.scrollWidth360.scrollWidth} px wide:\n  ${a.scrollWidth360.culprits.join("\n  ")}`] : [],
        `horizontal scrolling on ${a.url}`,
      );
    });
  });
});
