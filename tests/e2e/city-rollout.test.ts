import type { BrowserContext, Page } from "playwright-core";
import { addDays, localDateOf, startOfWeek, weekdayOf } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { AMIRA } from "../helpers/citizen";
import { workingDayFrom } from "../helpers/dates";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";
import { checkPage, dragTimeRange, screenshot, signIn } from "../helpers/staff-browser";

// Every busy office of a city, end to end in the built app: the city's Bürgerbüro Altstadt already offers a fishing
// licence and a resident parking permit (in person, both in one visit). An administrator opens a second location,
// Bürgerbüro Hafen, through the administration: two services per visit and its own video-meeting address, both
// catalogue services offered in person or by video, a clerk planned Monday to Friday on its calendar. A citizen
// then starts at "Frühester Termin an einem beliebigen Standort" for the fishing licence, adds the parking permit,
// chooses "Per Video", takes the earliest time (only the Hafen holds video meetings), enters the data and books;
// the confirmation and the e-mail received over SMTP carry the meeting link built from the Hafen's address.
// The calendar and the personal-data step have no axe violations in German and Arabic, and no sideways scrolling
// at 360 px. The steps run in order on shared state.

const TZ = "Europe/Berlin";
const ADMIN_EMAIL = "admin@terminvergabe.local";
const PASSWORD = "Demo-Passwort-2026";
const OFFICES = "/staff/verwaltung/behoerden";
const FIRST = { slug: "buergerbuero-altstadt", name: "Bürgerbüro Altstadt" };
const SECOND = { slug: "buergerbuero-hafen", name: "Bürgerbüro Hafen" };
const LICENCE = { slug: "fischereischein", name: "Fischereischein beantragen" };
const PARKING = { slug: "anwohnerparkausweis", name: "Anwohnerparkausweis beantragen" };
const TEMPLATE = "https://video.hafen.example/{reference}";
const EMAIL = "amira.hafen@example.org";

let app: RunningApp;
let smtp: TestSmtpServer;
let adminBrowser: BrowserContext;
let citizenBrowser: BrowserContext;
let admin: Page;
let citizen: Page;
/** A working day three or more days ahead: the week whose calendar the administrator plans in. */
const day = workingDayFrom(addDays(localDateOf(new Date(), TZ), 3));

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  // The first location exists before the story begins, as a city's earlier set-up left it (written directly, like
  // the seed): the two catalogue entries, offered in person, both in one visit, Monday to Friday 08:00-12:00.
  await app.db.office.create({
    data: {
      ...FIRST,
      authority: "Stadt Pirmasens",
      department: "Bürgerdienste",
      street: "Schloßstraße 1",
      postalCode: "66953",
      locality: "Pirmasens",
      timeZone: TZ,
      holidayRegion: "DE-RP",
      maxServicesPerBooking: 2,
      services: {
        create: [LICENCE, PARKING].map((entry, i) => ({
          slug: entry.slug,
          durationMinutes: 15,
          sortOrder: i,
          catalogueService: { create: { ...entry, documents: "Personalausweis" } },
        })),
      },
      capacityBlocks: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 12 * 60, clerks: 1 })) },
    },
  });
  adminBrowser = await launchBrowser();
  citizenBrowser = await launchBrowser();
  admin = await adminBrowser.newPage();
  citizen = await citizenBrowser.newPage();
});

afterAll(async () => {
  for (const b of [adminBrowser, citizenBrowser]) await b?.close();
  await app?.stop();
  await smtp?.stop();
});

/** axe at phone and desktop width, no sideways scrolling at 360 px; screenshots of both. */
const expectAccessible = (page: Page, name: string) => checkPage(page, name, "city-rollout");

let secondId: string;

it("1. an administrator opens the second location with two services per visit and its own video address", async () => {
  await signIn(admin, app.url, ADMIN_EMAIL, PASSWORD);
  await admin.goto(`${app.url}${OFFICES}/neu`);
  await admin.getByLabel("Name der Behörde").fill(SECOND.name);
  await admin.getByLabel("Adresse der Buchungsseite").fill(SECOND.slug);
  await admin.getByLabel("Fachbereich (optional)").fill("Bürgerdienste");
  await admin.getByLabel("Träger").fill("Stadt Pirmasens");
  await admin.getByLabel("Straße und Hausnummer").fill("Am Hafen 3");
  await admin.getByLabel("Postleitzahl").fill("66953");
  await admin.getByLabel("Ort", { exact: true }).fill("Pirmasens");
  await admin.getByLabel("Anliegen je Termin (höchstens)").fill("2");
  await admin.getByLabel("Adresse für Videotermine (optional)").fill(TEMPLATE);
  await admin.getByRole("button", { name: "Behörde anlegen" }).click();
  await admin.getByText("Die Behörde ist angelegt.").waitFor();
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: SECOND.slug } });
  expect(office).toMatchObject({ maxServicesPerBooking: 2, videoMeetingUrlTemplate: TEMPLATE, active: true });
  secondId = office.id;
});

it("2. the second location offers both catalogue services of the first, in person or by video", async () => {
  for (const entry of [LICENCE, PARKING]) {
    await admin.goto(`${app.url}${OFFICES}/${secondId}`);
    await admin.getByRole("link", { name: "Leistung aus dem Katalog anbieten" }).click();
    await admin.waitForURL((url) => url.pathname.endsWith("/leistungen/anbieten"));
    const { id } = await app.db.catalogueService.findUniqueOrThrow({ where: { slug: entry.slug } });
    await admin.getByLabel("Leistung", { exact: true }).selectOption(id);
    await admin.getByLabel("Adresse der Leistungsseite").fill(entry.slug);
    await admin.getByLabel("Dauer (Minuten)").fill("20");
    const kinds = admin.getByRole("group", { name: "Art des Termins" });
    await kinds.getByLabel("Per Video").check();
    expect(await kinds.getByLabel("Vor Ort").isChecked()).toBe(true);
    await admin.getByRole("button", { name: "Leistung anbieten" }).click();
    await admin.getByText("Die Behörde bietet die Leistung jetzt an.").waitFor();
  }
  const services = await app.db.service.findMany({ where: { officeId: secondId }, include: { catalogueService: true } });
  expect(services.map((s) => [s.catalogueService.slug, s.appointmentKinds, s.durationMinutes]).sort()).toEqual([
    [PARKING.slug, "IN_PERSON,VIDEO", 20],
    [LICENCE.slug, "IN_PERSON,VIDEO", 20],
  ]);
});

it("3. a clerk is planned Monday to Friday 09:00-11:00 on the second location's calendar", async () => {
  await admin.goto(`${app.url}/staff/${SECOND.slug}/kalender`);
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
  const weekdays = dialog.getByRole("group", { name: "Wochentage" });
  await weekdays.getByRole("button", { name: "Mo–Fr (Montag bis Freitag)" }).click();
  await dialog.getByLabel("Anzahl Sachbearbeiter:innen").fill("1");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await admin.getByRole("status").getByText("Die Änderung ist gespeichert und gilt sofort für die Terminvergabe.").waitFor();
  const blocks = await app.db.capacityBlock.findMany({ where: { officeId: secondId }, orderBy: { weekday: "asc" } });
  expect(blocks).toEqual([1, 2, 3, 4, 5].map((weekday) => expect.objectContaining({ weekday, startMinute: 540, endMinute: 660, clerks: 1 })));
  expect(weekdayOf(day)).toBeLessThanOrEqual(5);
});

let reference: string;

it("4. a citizen asks for the earliest time at any location for both services by video, and only the Hafen offers it", async () => {
  await citizen.goto(`${app.url}/leistungen/${LICENCE.slug}`);
  await citizen.getByRole("link", { name: "Frühester Termin an einem beliebigen Standort" }).click();
  await citizen.waitForURL((url) => url.pathname === `/leistungen/${LICENCE.slug}/termin`);
  // Both locations offer the licence alone, in person.
  await citizen.getByText("Diese Leistung bieten 2 Standorte an.", { exact: false }).waitFor();
  await citizen.getByRole("group", { name: /Weitere Leistungen im selben Termin/ }).getByLabel(PARKING.name).check();
  await citizen.getByRole("group", { name: "Wie soll der Termin stattfinden?" }).getByLabel("Per Video").check();
  await citizen.getByRole("button", { name: "Termine anzeigen" }).click();
  await citizen.waitForURL((url) => url.searchParams.get("art") === "VIDEO" && url.searchParams.get("weitere") === PARKING.slug);
  await citizen.getByText("1 Standort bietet diese Auswahl an.").waitFor();
  expect(await citizen.getByTestId("next-free-office").textContent()).toContain(SECOND.name);
  expect(await citizen.getByLabel(PARKING.name).isChecked()).toBe(true);
  expect(await citizen.getByLabel("Per Video").isChecked()).toBe(true);
  // Every time listed on a day is the Hafen's; the Altstadt takes no video appointments.
  expect(await citizen.locator("#slots").getByRole("heading", { level: 4 }).allTextContents()).toEqual([SECOND.name]);
  await expectAccessible(citizen, "01-calendar-de");
  await screenshot(citizen, "combination-1280", { prefix: "any-location" });
  await citizen.setViewportSize({ width: 360, height: 800 });
  await screenshot(citizen, "combination-360", { prefix: "any-location" });
  await citizen.setViewportSize({ width: 1280, height: 900 });

  // The same in Arabic: right to left, no violations.
  const arabic = await citizenBrowser.newPage();
  await arabic.goto(`${app.url}/ar/leistungen/${LICENCE.slug}/termin?weitere=${PARKING.slug}&art=VIDEO`);
  expect(await arabic.locator("html").getAttribute("dir")).toBe("rtl");
  await arabic.getByTestId("next-free-office").waitFor();
  await expectAccessible(arabic, "02-calendar-ar");
  await arabic.close();
});

it("5. the citizen takes the earliest time, enters the data with the kind preselected, books, and receives the link", async () => {
  await citizen.getByRole("button", { name: "Diesen Termin wählen" }).click();
  await citizen.waitForURL((url) => url.pathname === `/${SECOND.slug}/${LICENCE.slug}`);
  const main = citizen.locator("main");
  await expect(main.innerText()).resolves.toMatch(new RegExp(`${LICENCE.name}[\\s\\S]*${PARKING.name}[\\s\\S]*40 Minuten`));
  await citizen.getByTestId("chosen-slot").waitFor();
  expect(await citizen.locator("#kind-VIDEO").isChecked()).toBe(true);
  await expectAccessible(citizen, "03-personal-data-de");
  const url = citizen.url();

  const arabic = await citizenBrowser.newPage();
  await arabic.goto(url.replace(app.url, `${app.url}/ar`));
  expect(await arabic.locator("#kind-VIDEO").isChecked()).toBe(true);
  await expectAccessible(arabic, "04-personal-data-ar");
  await arabic.close();

  await citizen.getByLabel("Familienname").fill(AMIRA.familyName);
  await citizen.getByLabel("E-Mail-Adresse").fill(EMAIL);
  await citizen.getByLabel("Tag").fill(AMIRA.born[0]);
  await citizen.getByLabel("Monat").fill(AMIRA.born[1]);
  await citizen.getByLabel("Jahr").fill(AMIRA.born[2]);
  await citizen.getByLabel(/Datenschutzhinweise/).check();
  await citizen.getByRole("button", { name: "Weiter zur Prüfung" }).click();
  await citizen.waitForURL((u) => u.pathname === `/${SECOND.slug}/${LICENCE.slug}/pruefen`);
  const review = await main.innerText();
  expect(review).toMatch(new RegExp(`${LICENCE.name}[\\s\\S]*${PARKING.name}`));
  expect(review).toContain("Den Link erhalten Sie mit der Bestätigung");
  await citizen.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await citizen.waitForURL((u) => u.pathname.endsWith("/bestaetigung"));
  await citizen.getByRole("heading", { level: 1, name: "Ihr Termin ist gebucht" }).waitFor();
  reference = (await citizen.getByTestId("reference-code").textContent())!.trim();
  const link = TEMPLATE.replace("{reference}", reference);
  expect(await citizen.getByTestId("video-link").getAttribute("href")).toBe(link);

  const booking = await app.db.booking.findFirstOrThrow({
    where: { referenceCode: reference },
    include: { office: true, extraServices: { include: { service: true } } },
  });
  expect(booking).toMatchObject({ kind: "VIDEO", status: "CONFIRMED", persons: 1 });
  expect(booking.office.slug).toBe(SECOND.slug);
  expect(booking.extraServices.map((e) => e.service.slug)).toEqual([PARKING.slug]);
  expect((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000).toBe(40);

  const mail = await waitForMail(smtp, EMAIL, new RegExp(reference));
  expect(mail.text).toContain(link);
  expect(mail.text).toContain(PARKING.name);
});
