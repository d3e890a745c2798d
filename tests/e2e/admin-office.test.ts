import type { BrowserContext, Locator, Page } from "playwright-core";
import { addDays, localDateOf, startOfWeek, weekdayOf } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { workingDayFrom } from "../helpers/dates";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData } from "../helpers/citizen";
import { checkPage, dragTimeRange, screenshot, signIn } from "../helpers/staff-browser";

// A second office goes live without a code change or restart, against the built app in headless Chromium: an
// administrator creates the Bürgerbüro in the Ordnungsamt, adds a service, plans a clerk on its calendar, a citizen
// finds it next to the foreigners' office in the directory and books there, and the appointment is in the office's
// agenda. The administration pages have no axe violations, and the steps run in order on shared state.

const TZ = "Europe/Berlin";
const ADMIN_EMAIL = "admin@terminvergabe.local";
const PASSWORD = "Demo-Passwort-2026";
const BASE = "/staff/verwaltung/behoerden";

let app: RunningApp;
let adminBrowser: BrowserContext;
let citizenBrowser: BrowserContext;
let admin: Page;
let officeId: string;
/** A working day (no weekend, no public holiday) three or more days ahead on which the Bürgerbüro will open 09:00–11:00. */
let day: string;
let reference: string | undefined;

beforeAll(async () => {
  app = await startApp({ env: { JOBS_INTERVAL_MS: "1000" } });
  adminBrowser = await launchBrowser();
  citizenBrowser = await launchBrowser();
  admin = await adminBrowser.newPage();
  day = workingDayFrom(addDays(localDateOf(new Date(), TZ), 3));
});

afterAll(async () => {
  for (const b of [adminBrowser, citizenBrowser]) await b?.close();
  await app?.stop();
});

/** axe at phone and desktop width, no sideways scrolling at 360 px; screenshots of both. */
const expectAccessible = (page: Page, name: string) => checkPage(page, name, "admin-e2e");

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

it("1. an administrator creates the Bürgerbüro in the Ordnungsamt; a mistyped address is explained first", async () => {
  await signIn(admin, app.url, ADMIN_EMAIL, PASSWORD);
  const nav = admin.getByRole("navigation", { name: "Verwaltung" });
  expect(await nav.getByRole("link", { name: "Übersicht" }).getAttribute("aria-current")).toBe("page");
  await nav.getByRole("link", { name: "Behörden" }).click();
  await admin.waitForURL((url) => url.pathname === BASE);
  expect(await nav.getByRole("link", { name: "Behörden" }).getAttribute("aria-current")).toBe("page");
  expect(await nav.getByRole("link", { name: "Übersicht" }).getAttribute("aria-current")).toBeNull();
  await admin.getByRole("heading", { name: "Ordnungsamt" }).waitFor();
  await expectAccessible(admin, "01-offices");

  await admin.getByRole("link", { name: "Neue Behörde anlegen" }).click();
  await admin.waitForURL((url) => url.pathname === `${BASE}/neu`);
  await expectAccessible(admin, "02-new-office");

  await admin.getByLabel("Name der Behörde").fill("Bürgerbüro");
  await admin.getByLabel("Adresse der Buchungsseite").fill("Bürgerbüro");
  await admin.getByLabel("Fachbereich (optional)").fill("Ordnungsamt");
  await admin.getByLabel("Träger").fill("Stadt Pirmasens");
  await admin.getByLabel("Straße und Hausnummer").fill("Exerzierplatzstraße 17");
  await admin.getByLabel("Postleitzahl").fill("66953");
  await admin.getByLabel("Ort", { exact: true }).fill("Pirmasens");
  await admin.getByLabel("Telefon (optional)").fill("+49 6331 84-2");
  await admin.getByLabel("E-Mail-Adresse für Bürgerinnen und Bürger (optional)").fill("buergerbuero@pirmasens.example");
  await admin.getByLabel("Anfahrt und Hinweise zum Ort (optional)").fill("Eingang B, erstes Obergeschoss.");
  await admin.getByRole("button", { name: "Behörde anlegen" }).click();

  // The umlaut is refused with a German message in the error summary, which has the focus; what was typed stays.
  const summary = admin.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
  await summary.getByRole("link", { name: /Kleinbuchstaben \(ohne Umlaute\)/ }).waitFor();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await admin.getByLabel("Name der Behörde").inputValue()).toBe("Bürgerbüro");
  expect(await admin.getByLabel("Adresse der Buchungsseite").getAttribute("aria-invalid")).toBe("true");
  expect(await app.db.office.count({ where: { name: "Bürgerbüro" } })).toBe(0);
  await expectAccessible(admin, "03-new-office-error");

  await admin.getByLabel("Adresse der Buchungsseite").fill("buergerbuero");
  await admin.getByRole("button", { name: "Behörde anlegen" }).click();
  await admin.getByText("Die Behörde ist angelegt.").waitFor();
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: "buergerbuero" } });
  officeId = office.id;
  expect(office).toMatchObject({ department: "Ordnungsamt", active: true, timeZone: TZ, slotStepMinutes: 15 });
  expect(new URL(admin.url()).pathname).toBe(`${BASE}/${officeId}`);
  await admin.getByText(`${app.url}/buergerbuero`, { exact: true }).waitFor();
});

it("2. the administrator adds two services and puts the second first with the keyboard", async () => {
  for (const [name, slug] of [
    ["Personalausweis beantragen", "personalausweis"],
    ["Reisepass beantragen", "reisepass"],
  ]) {
    await admin.goto(`${app.url}${BASE}/${officeId}`);
    await admin.getByRole("link", { name: "Neue Leistung anlegen" }).click();
    await admin.waitForURL((url) => url.pathname === `${BASE}/${officeId}/leistungen/neu`);
    if (slug === "personalausweis") await expectAccessible(admin, "04-new-service");
    await admin.getByLabel("Name der Leistung").fill(name);
    await admin.getByLabel("Adresse der Leistungsseite").fill(slug);
    await admin.getByLabel("Mitzubringende Unterlagen (optional)").fill("Altes Ausweisdokument\nBiometrisches Passfoto");
    await admin.getByLabel("Dauer (Minuten)").fill("20");
    await admin.getByRole("button", { name: "Leistung anlegen" }).click();
    await admin.getByText("Die Leistung ist angelegt").waitFor();
  }
  const services = admin.locator("#leistungen > ol > li");
  expect(await services.count()).toBe(2);
  await expectAccessible(admin, "05-office-with-services");

  // Keyboard only: focus "up" of the passport, Enter; the focus stays with the passport's list entry.
  await admin.getByRole("button", { name: "Nach oben: Reisepass beantragen" }).focus();
  await admin.keyboard.press("Enter");
  await admin.getByText("Die Leistung ist eine Stelle nach oben gerückt.").waitFor();
  expect(await textOf(services.first().getByRole("heading"))).toBe("Reisepass beantragen");
  // At the top now, so "up" is disabled and the focus is on its "down".
  await admin.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Nach unten: Reisepass beantragen");
  expect(await admin.getByRole("button", { name: "Nach oben: Reisepass beantragen" }).isDisabled()).toBe(true);

  await admin.getByRole("link", { name: "Bearbeiten: Personalausweis beantragen" }).click();
  await admin.getByRole("heading", { name: "Leistung bearbeiten: Personalausweis beantragen" }).waitFor();
  await expectAccessible(admin, "06-edit-service");
});

it("2b. without a clerk planned it is not public yet: the directory leaves it out, its deep link shows how to reach it, the checklist says what is missing", async () => {
  // The administrator's page: service done, capacity missing with the way to the calendar, sender still open.
  await admin.goto(`${app.url}${BASE}/${officeId}`);
  await admin.getByText("Diese Behörde ist aktiv, aber noch nicht online buchbar.").waitFor();
  const checklist = admin.getByRole("region", { name: "Bereit für die Online-Buchung" });
  const headings = (await checklist.getByRole("heading", { level: 3 }).allTextContents()).map((h) => h.replace(/\s+/g, " ").trim());
  expect(headings).toEqual([
    "✓Leistung: erledigt",
    "✗Besetzung: fehlt",
    "✓Rechtstexte: erledigt",
    "✗Absender der E-Mails: noch offen",
  ]);
  expect(await checklist.getByRole("link", { name: "Öffnungszeiten und Besetzung planen" }).getAttribute("href")).toBe(
    "/staff/buergerbuero/kalender",
  );
  // The sender link leads to the field in the settings below.
  await checklist.getByRole("link", { name: "Absender eintragen" }).click();
  await admin.waitForFunction(() => location.hash === "#senderName");
  expect(await admin.getByLabel("Absendername der E-Mails (optional)").getAttribute("id")).toBe("senderName");
  await expectAccessible(admin, "05b-readiness-checklist");

  const page = await citizenBrowser.newPage();
  await page.goto(app.url);
  await page.getByRole("heading", { name: "Ordnungsamt" }).waitFor();
  expect(await page.locator('a[href$="/buergerbuero"]').count()).toBe(0);

  // The deep link, as printed on a poster already: the contact details instead of a dead end, in German and Arabic.
  for (const [path, notice, contact] of [
    ["/buergerbuero", "Bei dieser Stelle können zurzeit keine Termine online gebucht werden.", "Bitte wenden Sie sich für einen Termin direkt an die Stelle:"],
    ["/ar/buergerbuero", "لا يمكن حاليًا حجز مواعيد عبر الإنترنت لدى هذه الجهة.", "لحجز موعد، يُرجى التواصل مع الجهة مباشرةً:"],
  ]) {
    expect((await page.goto(`${app.url}${path}`))?.status()).toBe(200);
    await page.getByText(notice).waitFor();
    await page.getByText(contact).waitFor();
    expect(await page.getByRole("link", { name: "+49 6331 84-2" }).getAttribute("href")).toBe("tel:+496331842");
    expect(await page.getByRole("link", { name: "buergerbuero@pirmasens.example" }).getAttribute("href")).toBe(
      "mailto:buergerbuero@pirmasens.example",
    );
    await page.getByText("Exerzierplatzstraße 17").waitFor();
    await page.getByText("Eingang B, erstes Obergeschoss.").waitFor();
    // No service to choose and no step indicator: nothing leads into a booking that cannot happen.
    expect(await page.getByRole("radio").count()).toBe(0);
    expect(await page.getByRole("button", { name: /Weiter|متابعة/ }).count()).toBe(0);
    await expectAccessible(page, `05c-deep-link-not-bookable-${path.startsWith("/ar") ? "ar" : "de"}`);
  }
  // A service's own link leads there as well, instead of into a booking form without times.
  await page.goto(`${app.url}/ar/buergerbuero/personalausweis`);
  await page.waitForURL(`${app.url}/ar/buergerbuero`);
  await page.getByText("لا يمكن حاليًا حجز مواعيد عبر الإنترنت لدى هذه الجهة.").waitFor();
  await page.close();
});

it("3. the new office is in the administrator's overview, and a clerk is planned Monday to Friday on its calendar", async () => {
  await admin.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Übersicht" }).click();
  await admin.waitForURL((url) => url.pathname === "/staff");
  const card = admin.getByRole("listitem").filter({ has: admin.getByText("Bürgerbüro", { exact: true }) });
  await card.getByRole("link", { name: "Öffnungszeiten und Besetzung" }).click();
  await admin.waitForURL((url) => url.pathname === "/staff/buergerbuero/kalender");

  const thisMonday = startOfWeek(localDateOf(new Date(), TZ));
  await admin.locator(`[role="columnheader"][data-date="${thisMonday}"]`).waitFor();
  for (let monday = thisMonday; monday < startOfWeek(day); ) {
    await admin.getByRole("button", { name: "Nächste Woche" }).click();
    monday = addDays(monday, 7);
    await admin.locator(`[role="columnheader"][data-date="${monday}"]`).waitFor();
  }
  await dragTimeRange(admin, day, "09:00", "10:30");
  const dialog = admin.getByRole("dialog", { name: "Neuer Zeitblock" });
  await dialog.waitFor();
  // The selected day is ticked; "Mo–Fr", pressed with the keyboard, lays the block on the whole working week.
  const weekdays = dialog.getByRole("group", { name: "Wochentage" });
  const ticked = async () =>
    weekdays.getByRole("checkbox", { checked: true }).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  expect(await ticked()).toEqual([String(weekdayOf(day))]);
  await weekdays.getByRole("button", { name: "Mo–Fr (Montag bis Freitag)" }).focus();
  await admin.keyboard.press("Enter");
  expect(await ticked()).toEqual(["1", "2", "3", "4", "5"]);
  await dialog.getByLabel("jeden Montag, Dienstag, Mittwoch, Donnerstag und Freitag (wöchentlicher Zeitblock)").waitFor();
  // Space on a focused box unticks it and ticks it again, as for any checkbox.
  await weekdays.getByLabel("Freitag", { exact: true }).focus();
  await admin.keyboard.press("Space");
  expect(await ticked()).toEqual(["1", "2", "3", "4"]);
  await admin.keyboard.press("Space");
  await dialog.getByLabel("Anzahl Sachbearbeiter:innen").fill("1");
  await screenshot(admin, "06b-block-dialog-weekdays", { prefix: "admin-e2e", fullPage: false });
  expect(formatViolations(await axeViolations(admin))).toEqual([]);
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await admin.getByRole("status").getByText("Die Änderung ist gespeichert und gilt sofort für die Terminvergabe.").waitFor();
  const blocks = await app.db.capacityBlock.findMany({ where: { officeId }, orderBy: { weekday: "asc" } });
  expect(blocks).toEqual(
    [1, 2, 3, 4, 5].map((weekday) => expect.objectContaining({ weekday, startMinute: 540, endMinute: 660, clerks: 1 })),
  );
  // One entry in the audit log for the whole week.
  expect(await app.db.auditLog.count({ where: { officeId, action: "capacity.block.create" } })).toBe(1);

  // The checklist now has the capacity too.
  await admin.goto(`${app.url}${BASE}/${officeId}`);
  const checklist = admin.getByRole("region", { name: "Bereit für die Online-Buchung" });
  await checklist.getByRole("heading", { name: "Besetzung: erledigt" }).waitFor();
  await admin.getByText("Diese Behörde ist aktiv: Sie steht in der Übersicht und nimmt Buchungen an.").waitFor();
});

it("4. a citizen finds the Bürgerbüro next to the foreigners' office under the Ordnungsamt and books there", async () => {
  const page = await citizenBrowser.newPage();
  await page.goto(app.url);
  const ordnungsamt = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ordnungsamt" }) });
  expect(await ordnungsamt.getByRole("link").allTextContents()).toEqual([
    expect.stringContaining("Ausländerbehörde"),
    expect.stringContaining("Bürgerbüro"),
  ]);
  await ordnungsamt.getByRole("link", { name: /Bürgerbüro/ }).click();
  await page.waitForURL(`${app.url}/buergerbuero`);
  // The order the administrator chose.
  const choices = await page.getByRole("radio").evaluateAll((els) => els.map((el) => el.getAttribute("value")));
  expect(choices).toEqual(["reisepass", "personalausweis"]);
  await page.getByLabel("Personalausweis beantragen").check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(/\/buergerbuero\/personalausweis$/);
  await fillPersonalData(page);
  await page.waitForURL(/\/termin/);

  await page.goto(`${app.url}/buergerbuero/personalausweis/termin?woche=${startOfWeek(day)}&tag=${day}`);
  await page.getByRole("button", { name: /um 09:00 Uhr wählen$/ }).click();
  await page.waitForURL(/\/pruefen$/);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await page.waitForURL(/\/bestaetigung$/);
  reference = (await page.getByTestId("reference-code").textContent())?.trim();
  expect(reference).toMatch(/^TV-/);
  await page.close();
  const booking = await app.db.booking.findFirstOrThrow({ where: { referenceCode: reference } });
  expect(booking).toMatchObject({ officeId, status: "CONFIRMED" });
});

it("5. the evaluation counts the appointment for the Bürgerbüro once the statistics job has run", async () => {
  expect(reference).toBeDefined();
  // The in-app scheduler runs every second here (JOBS_INTERVAL_MS); the dashboard reads its anonymous rows.
  const url = `${app.url}/staff/auswertung?stelle=buergerbuero&von=${day}&bis=${day}`;
  const booked = admin.locator('[data-figure="booked"] [data-value]');
  for (const deadline = Date.now() + 20_000; ; ) {
    await admin.goto(url);
    if ((await booked.textContent())?.trim() === "1") break;
    if (Date.now() > deadline) throw new Error(`dashboard shows ${await booked.textContent()} bookings, expected 1`);
    await admin.waitForTimeout(500);
  }
  await admin.getByRole("table", { name: "Buchungen nach Kanal" }).getByRole("row", { name: /Online.*1/ }).waitFor();
  await expectAccessible(admin, "07-evaluation-counts-booking");
});

it("6. the appointment is in the Bürgerbüro's agenda; deactivating takes the office off the public site and keeps it", async () => {
  expect(reference).toBeDefined();
  await admin.goto(`${app.url}/staff/buergerbuero?tag=${day}`);
  const row = admin.getByRole("row").filter({ hasText: reference! });
  await row.waitFor();
  expect(await textOf(row)).toMatch(/09:00–09:20.*Personalausweis beantragen|Personalausweis beantragen.*09:00–09:20/);

  await admin.goto(`${app.url}${BASE}/${officeId}`);
  await admin.getByRole("button", { name: "Behörde deaktivieren" }).click();
  await admin.getByText("Die Behörde ist deaktiviert. Sie nimmt keine neuen Buchungen mehr an.").waitFor();
  await expectAccessible(admin, "08-office-deactivated");

  const page = await citizenBrowser.newPage();
  expect((await page.goto(`${app.url}/buergerbuero`))?.status()).toBe(404);
  expect((await page.goto(`${app.url}/buergerbuero/personalausweis`))?.status()).toBe(404);
  expect((await fetch(`${app.url}/api/qr/buergerbuero?format=svg`)).status).toBe(404);
  await page.goto(app.url);
  expect(await page.locator('a[href$="/buergerbuero"]').count()).toBe(0);
  await page.close();
  // The booking stays.
  expect(await app.db.booking.findFirstOrThrow({ where: { referenceCode: reference } })).toMatchObject({ status: "CONFIRMED" });
});
