import type { BrowserContext, Page } from "playwright-core";
import { addDays, localDateOf, publicHolidayOn, weekdayOf } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { AMIRA } from "../helpers/citizen";
import { screenshot } from "../helpers/staff-browser";

// "Earliest at any location" in the built app: the certificate of good conduct of a city catalogue, offered by Bürgerbüro
// Süd (Mon-Fri 08:00-10:00) and Bürgerbüro West (Mon-Fri 14:00-16:00), one clerk each, in Rhineland-Palatinate.
// The app reads the real clock, so the first working day at least two days ahead is the day looked at; Süd is
// fully booked on it. A citizen starts at Süd's page, takes a time at West and books it there.

const TZ = "Europe/Berlin";
const REGION = "DE-RP";
const ENTRY = "fuehrungszeugnis";

const today = localDateOf(new Date(), TZ);
const day = (() => {
  let d = addDays(today, 2);
  while (weekdayOf(d) > 5 || publicHolidayOn(REGION, d)) d = addDays(d, 1);
  return d;
})();

let app: RunningApp;
let browser: BrowserContext;
let page: Page;

async function createOffice(slug: string, name: string, fromMinute: number) {
  return app.db.office.create({
    data: {
      slug,
      name,
      authority: "Stadt Teststadt",
      street: "Rathausplatz 1",
      postalCode: "12345",
      locality: "Teststadt",
      timeZone: TZ,
      holidayRegion: REGION,
      bookingHorizonDays: 60,
      minNoticeMinutes: 0,
      slotStepMinutes: 30,
      services: {
        create: {
          slug: ENTRY,
          catalogueService: {
            connectOrCreate: {
              where: { slug: ENTRY },
              create: { slug: ENTRY, name: "Führungszeugnis beantragen", documents: "Personalausweis oder Reisepass" },
            },
          },
          durationMinutes: 30,
        },
      },
      capacityBlocks: {
        create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: fromMinute, endMinute: fromMinute + 120, clerks: 1 })),
      },
    },
    include: { services: true },
  });
}

beforeAll(async () => {
  app = await startApp();
  const sued = await createOffice("buergerbuero-sued", "Bürgerbüro Süd", 8 * 60);
  await createOffice("buergerbuero-west", "Bürgerbüro West", 14 * 60);
  // Süd is fully booked on the day.
  for (const time of ["08:00", "08:30", "09:00", "09:30"]) {
    const startsAt = new Date(`${day}T${time}:00${offsetOf(day)}`);
    await app.db.booking.create({
      data: {
        officeId: sued.id,
        serviceId: sued.services[0].id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        referenceCode: `TV-E2E-${time.replace(":", "")}`,
        manageTokenHash: `any-location-${time}`,
        givenName: "Jonas",
        familyName: "Nachbar",
      },
    });
  }
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Berlin's UTC offset on a date ("+01:00" or "+02:00"), for wall-clock times of that date. */
function offsetOf(date: string): string {
  const name = new Intl.DateTimeFormat("en", { timeZone: TZ, timeZoneName: "longOffset" })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === "timeZoneName")!.value;
  return name.replace("GMT", "") || "+00:00";
}

const calendarUrl = (locale: "de" | "ar") => `${app.url}${locale === "de" ? "" : "/ar"}/leistungen/${ENTRY}/termin?tag=${day}#slots`;

async function expectNoAxeViolations(name: string) {
  expect({ name, violations: formatViolations(await axeViolations(page)) }).toEqual({ name, violations: [] });
}

it("offers the calendar across locations on the service choice, and shows the day by location", async () => {
  await page.goto(`${app.url}/buergerbuero-sued`);
  await page.getByRole("link", { name: "Frühester Termin an einem beliebigen Standort" }).click();
  await page.waitForURL(/\/leistungen\/fuehrungszeugnis\/termin/);
  await page.getByRole("heading", { level: 1, name: "Frühester Termin an einem beliebigen Standort" }).waitFor();
  await page.goto(calendarUrl("de"));
  const slots = page.locator("#slots");
  // Grouped by location inside the day, each under its name; Süd is full, West has its four times.
  expect(await slots.getByRole("heading", { level: 4 }).allTextContents()).toEqual(["Bürgerbüro Süd", "Bürgerbüro West"]);
  const west = slots.getByRole("region", { name: "Bürgerbüro West" });
  expect(await west.getByRole("button").allTextContents()).toEqual(["14:00", "14:30", "15:00", "15:30"]);
  expect(await slots.getByRole("region", { name: "Bürgerbüro Süd" }).textContent()).toContain("ausgebucht");
  await expectNoAxeViolations("de, 1280 px");
  await screenshot(page, "de-1280", { prefix: "any-location" });

  await page.setViewportSize({ width: 360, height: 800 });
  expect((await scrollWidthAt(page, 360)).culprits).toEqual([]);
  await expectNoAxeViolations("de, 360 px");
  await screenshot(page, "de-360", { prefix: "any-location" });
});

it("reads right to left in Arabic, office names marked as German, with no axe violations", async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(calendarUrl("ar"));
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  const heading = page.locator("#slots h4").last();
  expect(await heading.locator("[lang='de']").textContent()).toBe("Bürgerbüro West");
  await expectNoAxeViolations("ar, 360 px");
  await screenshot(page, "ar-360", { prefix: "any-location" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeViolations("ar, 1280 px");
  await screenshot(page, "ar-1280", { prefix: "any-location" });
});

it("takes a time at West by keyboard and books it in West's wizard: personal data, review, booked", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(calendarUrl("de"));
  const time = page.locator("#slots").getByRole("button", { name: /Bürgerbüro West: Termin am .* um 14:30 Uhr wählen/ });
  await time.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/buergerbuero-west\/fuehrungszeugnis$/);
  expect(await page.getByTestId("chosen-slot").textContent()).toContain("14:30");
  await page.getByLabel("Familienname").fill(AMIRA.familyName);
  await page.getByLabel("E-Mail-Adresse").fill(AMIRA.email);
  await page.getByLabel("Tag").fill(AMIRA.born[0]);
  await page.getByLabel("Monat").fill(AMIRA.born[1]);
  await page.getByLabel("Jahr").fill(AMIRA.born[2]);
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Weiter zur Prüfung" }).click();
  await page.waitForURL(/\/buergerbuero-west\/fuehrungszeugnis\/pruefen$/);
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await page.waitForURL(/\/bestaetigung$/);
  const booking = await app.db.booking.findFirstOrThrow({ where: { familyName: AMIRA.familyName }, include: { office: true } });
  expect(booking.office.slug).toBe("buergerbuero-west");
  expect(booking.startsAt).toEqual(new Date(`${day}T14:30:00${offsetOf(day)}`));
});
