import type { BrowserContext, Page } from "playwright-core";
import { addDays, localDateOf } from "@/lib/domain";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { screenshot, signIn } from "../helpers/staff-browser";

// The staff area is German only: its pages say so (lang="de", left to right) whatever language the public site
// was last used in, and pass axe's WCAG 2.1 A/AA rules at desktop and phone width.

const OFFICE = "auslaenderbehoerde";
const PASSWORD = "Demo-Passwort-2026";
const PAGES = [
  ["overview", "/staff"],
  ["day agenda", `/staff/${OFFICE}`],
  ["week", `/staff/${OFFICE}/woche`],
  ["opening hours and capacity", `/staff/${OFFICE}/kalender`],
  ["booking on behalf", `/staff/${OFFICE}/termine/neu`],
  ["audit log", `/staff/${OFFICE}/protokoll`],
] as const;

let app: RunningApp;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  // A visit to the Arabic site first: the staff area must not inherit its language or direction.
  await page.goto(`${app.url}/ar/${OFFICE}`);
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each(PAGES)("%s", (_name, path) => {
  it("is German, left to right, and has no axe violations at 1280 and 360 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.url}${path}`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["de", "ltr"]);
    const problems = formatViolations(await axeViolations(page));
    await page.setViewportSize({ width: 360, height: 800 });
    problems.push(...formatViolations(await axeViolations(page)));
    if (problems.length > 0) throw new Error(`axe violations on ${path}:\n\n${problems.join("\n\n")}`);
  });
});

describe("pages that depend on the data", () => {
  const TZ = "Europe/Berlin";
  const pages = async (): Promise<Array<[string, string]>> => {
    const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
    const past = await app.db.booking.findFirstOrThrow({ where: { officeId: office.id, startsAt: { lt: new Date() } }, orderBy: { startsAt: "desc" } });
    const yesterday = addDays(localDateOf(new Date(), TZ), -1);
    return [
      ["a past day (corrections, closing the day)", `/staff/${OFFICE}?tag=${yesterday}`],
      ["a past appointment", `/staff/${OFFICE}/termine/${past.id}`],
    ];
  };

  it("past days and appointments have no axe violations at 1280 and 360 px", async () => {
    const problems: string[] = [];
    for (const [name, path] of await pages()) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${app.url}${path}`);
        problems.push(...formatViolations(await axeViolations(page)).map((p) => `${name} at ${width} px: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it("the week: counts per half hour with a legend, the list of a half hour on click, German only, a whole week at 360 px", async () => {
    // The week of the next booked appointment, whatever today is.
    const next = await app.db.booking.findFirstOrThrow({ where: { status: "CONFIRMED", startsAt: { gt: new Date() } }, orderBy: { startsAt: "asc" } });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${app.url}/staff/${OFFICE}/woche?woche=${localDateOf(next.startsAt, TZ)}`);
    await page.getByRole("heading", { name: "Legende" }).waitFor();
    const calendar = page.getByRole("region", { name: "Wochenkalender: Termine je halbe Stunde" });
    const box = calendar.getByRole("button", { name: /Uhr: \d+ Termine? \(/ }).first();
    await box.waitFor();
    // FullCalendar's own texts are German too: none of its English defaults reach the page (or a screen reader).
    const html = await page.content();
    for (const english of [">Timed<", ">All-day<", "No events to display"]) expect(html).not.toContain(english);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);

    const label = (await box.textContent()) ?? "";
    const count = Number(label.match(/Uhr: (\d+) Termin/)?.[1]);
    await box.click();
    const list = page.getByRole("heading", { level: 2, name: new RegExp(`Uhr: ${count} Termine?$`) });
    await list.waitFor();
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator("section", { has: list }).getByRole("link").count()).toBe(count);
    await screenshot(page, "week-half-hour-360", { prefix: "staff-a11y" });
    const problems = formatViolations(await axeViolations(page));
    await page.setViewportSize({ width: 1280, height: 900 });
    problems.push(...formatViolations(await axeViolations(page)));
    await screenshot(page, "week-half-hour-1280", { prefix: "staff-a11y" });
    expect(problems).toEqual([]);
  });
});
