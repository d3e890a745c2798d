import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser, watchNavigation } from "../helpers/browser";
import { checkPage, signIn } from "../helpers/staff-browser";

// The city's service catalogue against the built app and the demo seed, in headless Chromium: an administrator
// adds an entry to the catalogue and a Bürgerbüro offers it; the public directory lists each service with the
// offices offering it, in German and in Arabic, and an entry's page leads into each office's booking and to the
// earliest time at any location. Every page: axe finds nothing at 360 and 1280 px, nothing scrolls sideways.

const ADMIN_EMAIL = "admin@terminvergabe.local";
const PASSWORD = "Demo-Passwort-2026";
const CATALOGUE = "/staff/verwaltung/leistungen";

let app: RunningApp;
let adminBrowser: BrowserContext;
let citizenBrowser: BrowserContext;
let admin: Page;
let citizen: Page;

beforeAll(async () => {
  app = await startApp();
  adminBrowser = await launchBrowser();
  citizenBrowser = await launchBrowser();
  admin = await adminBrowser.newPage();
  citizen = await citizenBrowser.newPage();
});

afterAll(async () => {
  for (const b of [adminBrowser, citizenBrowser]) await b?.close();
  await app?.stop();
});

/** axe at phone and desktop width, no sideways scrolling at 360 px; screenshots of both. */
const expectAccessible = (page: Page, name: string) => checkPage(page, name, "catalogue-e2e");

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();

it("1. the administrator's catalogue lists every entry with the offices offering it", async () => {
  await signIn(admin, app.url, ADMIN_EMAIL, PASSWORD);
  const nav = admin.getByRole("navigation", { name: "Verwaltung" });
  await nav.getByRole("link", { name: "Leistungskatalog" }).click();
  await admin.waitForURL((url) => url.pathname === CATALOGUE);
  expect(await nav.getByRole("link", { name: "Leistungskatalog" }).getAttribute("aria-current")).toBe("page");
  const entry = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: "Personalausweis beantragen" }) });
  expect((await entry.textContent())?.replace(/\s+/g, " ")).toContain("99008001012000");
  expect(await entry.getByRole("link", { name: /^Bürgerbüro / }).allTextContents()).toEqual(["Bürgerbüro Mitte", "Bürgerbüro Nord"]);
  await expectAccessible(admin, "01-catalogue");
});

it("2. the administrator adds an entry; a LeiKa key of the wrong length is explained first", async () => {
  await admin.getByRole("link", { name: "Neuen Eintrag anlegen" }).click();
  await admin.waitForURL((url) => url.pathname === `${CATALOGUE}/neu`);
  await expectAccessible(admin, "02-new-entry");
  await admin.getByLabel("Name der Leistung").fill("Führungszeugnis beantragen");
  await admin.getByLabel("Adresse im Verzeichnis der Leistungen").fill("fuehrungszeugnis");
  await admin.getByLabel("LeiKa-Schlüssel (optional)").fill("9904900100100");
  await admin.getByLabel("Mitzubringende Unterlagen (optional)").fill("Personalausweis oder Reisepass");
  await admin.getByRole("button", { name: "Eintrag anlegen" }).click();
  const summary = admin.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
  await summary.getByRole("link", { name: /14 Ziffern/ }).waitFor();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await admin.getByLabel("LeiKa-Schlüssel (optional)").getAttribute("aria-invalid")).toBe("true");
  await expectAccessible(admin, "03-new-entry-error");

  await admin.getByLabel("LeiKa-Schlüssel (optional)").fill("");
  await admin.getByRole("button", { name: "Eintrag anlegen" }).click();
  await admin.getByText("Der Eintrag ist im Leistungskatalog.").waitFor();
  const entry = await app.db.catalogueService.findUniqueOrThrow({ where: { slug: "fuehrungszeugnis" } });
  expect([entry.name, entry.leikaKey, entry.documents]).toEqual(["Führungszeugnis beantragen", null, "Personalausweis oder Reisepass"]);

  await admin.getByRole("link", { name: "Bearbeiten: Personalausweis beantragen" }).click();
  await admin.getByRole("heading", { name: "Eintrag bearbeiten: Personalausweis beantragen" }).waitFor();
  await expectAccessible(admin, "04-edit-entry");
});

it("3. Bürgerbüro Nord offers the new entry with its own settings; its services show which offices share texts", async () => {
  const nord = await app.db.office.findUniqueOrThrow({ where: { slug: "buergerbuero-nord" } });
  await admin.goto(`${app.url}/staff/verwaltung/behoerden/${nord.id}`);
  await admin.getByRole("link", { name: "Leistung aus dem Katalog anbieten" }).click();
  await admin.waitForURL((url) => url.pathname.endsWith("/leistungen/anbieten"));
  // Only what Nord does not offer yet is offered.
  const options = await admin.getByLabel("Leistung", { exact: true }).locator("option").allTextContents();
  expect(options).toContain("Führungszeugnis beantragen");
  expect(options.some((o) => o.startsWith("Personalausweis beantragen"))).toBe(false);
  await admin.getByRole("button", { name: "Leistung anbieten" }).click();
  await admin.getByRole("alert").getByRole("link", { name: "Bitte wählen Sie eine Leistung aus dem Katalog." }).waitFor();
  await expectAccessible(admin, "05-offer-error");

  await admin.getByLabel("Leistung", { exact: true }).selectOption({ label: "Führungszeugnis beantragen" });
  await admin.getByLabel("Adresse der Leistungsseite").fill("fuehrungszeugnis");
  await admin.getByLabel("Dauer (Minuten)").fill("10");
  await admin.getByRole("button", { name: "Leistung anbieten" }).click();
  await admin.getByText("Die Behörde bietet die Leistung jetzt an.").waitFor();
  const offered = await app.db.service.findFirstOrThrow({ where: { officeId: nord.id, slug: "fuehrungszeugnis" } });
  expect([offered.durationMinutes, offered.appointmentKinds]).toEqual([10, "IN_PERSON"]);

  // Mitte's identity card shares its texts with Nord: the form says so; the administrator may merge it elsewhere.
  const mitte = await app.db.office.findUniqueOrThrow({ where: { slug: "buergerbuero-mitte" } });
  await admin.goto(`${app.url}/staff/verwaltung/behoerden/${mitte.id}`);
  await admin.getByRole("link", { name: "Bearbeiten: Personalausweis beantragen" }).click();
  await admin.getByText(/den alle Behörden teilen, die die Leistung anbieten: auch Bürgerbüro Nord/).waitFor();
  await admin.getByRole("heading", { name: "Mit einem anderen Katalogeintrag zusammenführen" }).waitFor();
  await expectAccessible(admin, "06-shared-service");
});

it("4. the directory lists each service with the offices offering it, in German", async () => {
  // The public pages fetch no linked page ahead (lib/i18n/navigation.tsx); a click loads no new document.
  const navigation = watchNavigation(citizen);
  await citizen.goto(app.url);
  await citizen.getByRole("link", { name: "Leistungen von A bis Z" }).click();
  await citizen.waitForURL((url) => url.pathname === "/leistungen");
  const card = citizen.getByRole("link", { name: /Personalausweis beantragen/ });
  expect((await card.textContent())?.replace(/\s+/g, " ")).toContain("Angeboten von: Bürgerbüro Mitte und Bürgerbüro Nord");
  expect((await citizen.getByRole("link", { name: /Führungszeugnis beantragen/ }).textContent())?.replace(/\s+/g, " ")).toContain(
    "Angeboten von: Bürgerbüro Nord",
  );
  await expectAccessible(citizen, "07-directory-de");

  await card.click();
  await citizen.waitForURL((url) => url.pathname === "/leistungen/personalausweis-beantragen");
  navigation.stop();
  expect(navigation.prefetched).toEqual([]);
  expect(navigation.documents).toEqual(["/"]);
  expect(await text(citizen, "h1")).toBe("Personalausweis beantragen");
  await citizen.getByText("Schlüssel im bundesweiten Leistungskatalog (LeiKa): 99008001012000").waitFor();
  expect(await citizen.getByRole("link", { name: "Frühester Termin an einem beliebigen Standort" }).getAttribute("href")).toBe(
    "/leistungen/personalausweis-beantragen/termin",
  );
  await expectAccessible(citizen, "08-entry-de");
  await citizen.getByRole("link", { name: "Termin buchen – Bürgerbüro Nord" }).click();
  await citizen.waitForURL((url) => url.pathname === "/buergerbuero-nord/personalausweis");

  // One office only: no "earliest at any location".
  await citizen.goto(`${app.url}/leistungen/fuehrungszeugnis`);
  expect(await citizen.getByRole("link", { name: "Frühester Termin an einem beliebigen Standort" }).count()).toBe(0);
  expect((await citizen.goto(`${app.url}/leistungen/gibt-es-nicht`))?.status()).toBe(404);
});

it("5. the directory in Arabic: right to left, the services in Arabic, the offices' names marked as German", async () => {
  await citizen.goto(`${app.url}/ar/leistungen`);
  expect(await citizen.locator("html").getAttribute("dir")).toBe("rtl");
  expect(await text(citizen, "h1")).toBe("الخدمات من الألف إلى الياء");
  const card = citizen.getByRole("link", { name: /طلب بطاقة الهوية الشخصية/ });
  expect(await card.locator('bdi[lang="de"]').allTextContents()).toEqual(["Bürgerbüro Mitte", "Bürgerbüro Nord"]);
  await expectAccessible(citizen, "09-directory-ar");
  await card.click();
  await citizen.waitForURL((url) => url.pathname === "/ar/leistungen/personalausweis-beantragen");
  await citizen.getByText("بطاقة الهوية أو جواز السفر السابق").waitFor();
  await expectAccessible(citizen, "10-entry-ar");
});
