import { randomBytes } from "node:crypto";
import type { BrowserContext, Locator, Page } from "playwright-core";
import {
  addDays,
  datesBetween,
  holidayName,
  localDateOf,
  publicHolidayOn,
  referenceCodeFrom,
  startOfWeek,
  weekdayOf,
  zonedInstant,
} from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData } from "../helpers/citizen";
import { screenshot } from "../helpers/staff-browser";

// The citizen's calendar says why a day has no free time: a public holiday by name, a weekend as closed, a fully
// booked day, a day that is over. The built app reads the real clock, so the test builds its own office around
// today: open Monday to Friday 08:00-10:00 with one clerk, in Rhineland-Palatinate; today open only from 00:00 to
// 00:30 (so today is over); one weekday of the next week with a weekday holiday fully booked.

const TZ = "Europe/Berlin";
const REGION = "DE-RP";
const OFFICE = "kalenderamt";
const SERVICE = "beratung";

const today = localDateOf(new Date(), TZ);
/** The first weekday holiday at least eight days ahead: its whole week lies after today. */
const holiday = (() => {
  let d = addDays(today, 8);
  while (!publicHolidayOn(REGION, d) || weekdayOf(d) > 5) d = addDays(d, 1);
  return d;
})();
const holidayWeek = startOfWeek(holiday);
const weekDates = datesBetween(holidayWeek, addDays(holidayWeek, 6));
/** A working day of that week, fully booked below. */
const fullDay = weekDates.find((d) => weekdayOf(d) <= 5 && !publicHolidayOn(REGION, d))!;

let app: RunningApp;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  const office = await app.db.office.create({
    data: {
      slug: OFFICE,
      name: "Kalenderamt",
      authority: "Stadt Teststadt",
      street: "Rathausplatz 3",
      postalCode: "12345",
      locality: "Teststadt",
      timeZone: TZ,
      holidayRegion: REGION,
      bookingHorizonDays: 400,
      minNoticeMinutes: 0,
      slotStepMinutes: 30,
      services: { create: { slug: SERVICE, catalogueService: { create: { slug: SERVICE, name: "Beratung" } }, durationMinutes: 30 } },
      capacityBlocks: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 10 * 60, clerks: 1 })) },
      dateOverrides: { create: { date: today, startMinute: 0, endMinute: 30, clerks: 1 } },
      // Should the test run on a holiday, today opens as an exception, so that it is over rather than a holiday.
      ...(publicHolidayOn(REGION, today) ? { holidayOpenings: { create: { date: today } } } : {}),
    },
    include: { services: true },
  });
  for (const minute of [480, 510, 540, 570]) {
    const startsAt = new Date(zonedInstant(fullDay, minute, TZ));
    await app.db.booking.create({
      data: {
        officeId: office.id,
        serviceId: office.services[0].id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        referenceCode: referenceCodeFrom(randomBytes(8)),
        manageTokenHash: randomBytes(32).toString("hex"),
        givenName: "Jonas",
        familyName: "Nachbar",
      },
    });
  }
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  // The calendar is step 3 of the wizard: the personal data come first.
  await page.goto(`${app.url}/${OFFICE}/${SERVICE}`);
  await fillPersonalData(page);
  await page.waitForURL(/\/termin/);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const calendarUrl = (locale: "de" | "ar", week: string) =>
  `${app.url}${locale === "de" ? "" : "/ar"}/${OFFICE}/${SERVICE}/termin?woche=${week}`;

/** The day entries of the shown week, in order. */
const dayItems = () => page.locator("section[aria-labelledby='other-day'] > ul > li");

const previousWeek = (locale: "de" | "ar") => page.getByRole("link", { name: locale === "de" ? "Vorherige Woche" : "الأسبوع السابق" });
const nextWeek = (locale: "de" | "ar") => page.getByRole("link", { name: locale === "de" ? "Nächste Woche" : "الأسبوع التالي" });

async function expectNoAxeViolations(name: string) {
  expect({ name, violations: formatViolations(await axeViolations(page)) }).toEqual({ name, violations: [] });
}

async function box(link: Locator) {
  const b = await link.boundingBox();
  if (!b) throw new Error("link not shown");
  return b;
}

it("labels a holiday by name, the weekend as closed and a fully booked day, in German", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(calendarUrl("de", holidayWeek));
  const texts = await dayItems().allTextContents();
  expect(texts).toHaveLength(7);
  weekDates.forEach((date, i) => {
    const name = publicHolidayOn(REGION, date)?.name;
    const expected = name
      ? `Feiertag: ${name}`
      : weekdayOf(date) > 5
        ? "geschlossen"
        : date === fullDay
          ? "ausgebucht"
          : "4 freie Termine";
    expect({ date, text: texts[i] }).toEqual({ date, text: expect.stringContaining(expected) });
  });
  expect(texts.join(" ")).not.toContain("keine freien Termine");
  // Days without free times are no links; the others are.
  expect(await dayItems().nth(weekDates.indexOf(holiday)).getByRole("link").count()).toBe(0);
  await screenshot(page, "de-1280", { prefix: "calendar" });
});

it("labels the days that are over, and offers no earlier week than today's", async () => {
  await page.goto(calendarUrl("de", startOfWeek(today)));
  const dates = datesBetween(startOfWeek(today), addDays(startOfWeek(today), 6));
  const texts = await dayItems().allTextContents();
  for (const date of dates.filter((d) => d <= today)) {
    expect({ date, text: texts[dates.indexOf(date)] }).toEqual({ date, text: expect.stringContaining("vorbei") });
  }
  expect(await previousWeek("de").count()).toBe(0);
  expect(await nextWeek("de").count()).toBe(1);
  // An earlier week asked for in the address shows today's week all the same.
  await page.goto(calendarUrl("de", addDays(startOfWeek(today), -14)));
  expect(await previousWeek("de").count()).toBe(0);
});

it("keeps the week buttons side by side at 360 px, in reading order, with no axe violations in German", async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(calendarUrl("de", holidayWeek));
  const previous = await box(previousWeek("de"));
  const next = await box(nextWeek("de"));
  expect(Math.abs(previous.y - next.y)).toBeLessThan(1);
  expect(previous.x + previous.width).toBeLessThanOrEqual(next.x);
  expect(next.x + next.width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations("de, 360 px");
  await screenshot(page, "de-360", { prefix: "calendar" });
});

it("says the same in Arabic, a German holiday name marked as German, the buttons mirrored, with no axe violations", async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(calendarUrl("ar", holidayWeek));
  const items = dayItems();
  const holidayItem = items.nth(weekDates.indexOf(holiday));
  const name = holidayName(REGION, holiday, "ar")!;
  expect(await holidayItem.textContent()).toContain(`عطلة رسمية: ${name.name}`);
  const marked = holidayItem.locator("[lang='de']");
  if (name.language === "de") expect(await marked.textContent()).toBe(name.name);
  else expect(await marked.count()).toBe(0);
  expect(await items.nth(5).textContent()).toContain(publicHolidayOn(REGION, weekDates[5]) ? "عطلة رسمية" : "مغلق");
  expect(await items.nth(weekDates.indexOf(fullDay)).textContent()).toContain("محجوز بالكامل");

  // Right to left: the previous week is on the right.
  const previous = await box(previousWeek("ar"));
  const next = await box(nextWeek("ar"));
  expect(Math.abs(previous.y - next.y)).toBeLessThan(1);
  expect(next.x + next.width).toBeLessThanOrEqual(previous.x);
  expect(next.x).toBeGreaterThanOrEqual(0);
  await expectNoAxeViolations("ar, 360 px");
  await screenshot(page, "ar-360", { prefix: "calendar" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "ar-1280", { prefix: "calendar" });
});
