import type { BrowserContext, Page } from "playwright-core";
import { randomBytes } from "node:crypto";
import { addDays, localDateOf, referenceCodeFrom, zonedInstant } from "@/lib/domain";
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
  ["calendar feeds", `/staff/${OFFICE}/kalender-abo`],
  ["webhooks", `/staff/${OFFICE}/schnittstellen`],
] as const;

/** FullCalendar's English defaults (its German locale leaves some out), as whole words. */
const FULLCALENDAR_ENGLISH =
  /\b(All-day|Timed|No events to display|Prev|Previous|Next|Today|Go to|more|Events|Close|Change view|view|Week|Day|Month|Year|List)\b/;

/**
 * Where any of FULLCALENDAR_ENGLISH reaches a person: the page's text (scripts aside), the names and descriptions in
 * attributes a screen reader reads, and the accessibility tree. Empty when everything is German.
 */
async function englishCalendarTexts(page: Page): Promise<string[]> {
  const inDom = await page.evaluate((source) => {
    const english = new RegExp(source);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest("script, style, template") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    while (walker.nextNode()) if (english.test(walker.currentNode.nodeValue ?? "")) found.push(`text "${walker.currentNode.nodeValue}"`);
    for (const el of document.body.querySelectorAll("*")) {
      for (const name of ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "alt", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value && english.test(value)) found.push(`${name}="${value}"`);
      }
    }
    return found;
  }, FULLCALENDAR_ENGLISH.source);
  const inTree = (await page.locator("body").ariaSnapshot()).split("\n").filter((line) => FULLCALENDAR_ENGLISH.test(line));
  return [...inDom, ...inTree.map((line) => `accessibility tree: ${line.trim()}`)];
}

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
  /** Name, path and a heading the page must show before it is checked. */
  const pages = async (): Promise<Array<[string, string, string | RegExp]>> => {
    const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
    const past = await app.db.booking.findFirstOrThrow({ where: { officeId: office.id, startsAt: { lt: new Date() } }, orderBy: { startsAt: "desc" } });
    const yesterday = addDays(localDateOf(new Date(), TZ), -1);
    // An appointment of yesterday without an outcome, so that the day offers to close it whatever the seed left.
    const service = await app.db.service.findFirstOrThrow({ where: { officeId: office.id, active: true } });
    const startsAt = new Date(zonedInstant(yesterday, 10 * 60, TZ));
    await app.db.booking.create({
      data: {
        officeId: office.id,
        serviceId: service.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 20 * 60_000),
        channel: "PHONE",
        referenceCode: referenceCodeFrom(randomBytes(8)),
        manageTokenHash: randomBytes(32).toString("hex"),
        givenName: "Offen",
        familyName: "Gestern",
      },
    });
    return [
      ["a past day (corrections, closing the day)", `/staff/${OFFICE}?tag=${yesterday}`, /noch offen: als nicht erschienen erfassen\?$/],
      ["a past appointment", `/staff/${OFFICE}/termine/${past.id}`, `Termin ${past.referenceCode}`],
    ];
  };

  it("past days and appointments have no axe violations at 1280 and 360 px", async () => {
    const problems: string[] = [];
    for (const [name, path, heading] of await pages()) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${app.url}${path}`);
        await page.getByRole("heading", { name: heading }).waitFor();
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
    expect(await englishCalendarTexts(page)).toEqual([]);
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

  it("the capacity calendar speaks German only, to the eye and to screen readers: the week at 1280 px, a day at 360 px", async () => {
    for (const [width, view] of [
      [1280, "week"],
      [360, "day"],
    ] as const) {
      // The calendar picks its view when it loads: one day on a phone.
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${app.url}/staff/${OFFICE}/kalender`);
      const calendar = page.locator(".capacity-calendar");
      await calendar.getByRole("rowheader").first().waitFor();
      const next = calendar.getByRole("button", { name: view === "week" ? "Nächste Woche" : "Nächster Tag" });
      expect([width, await englishCalendarTexts(page)]).toEqual([width, []]);
      // The same after moving on, and with the time axis and the today button named in German.
      await next.click();
      await calendar.getByRole("button", { name: view === "week" ? "Heute: aktuelle Woche" : "Heute", exact: true }).waitFor();
      expect(await calendar.getByRole("rowheader").allTextContents()).toEqual(["Ganztägig", "Uhrzeit"]);
      expect([width, await englishCalendarTexts(page)]).toEqual([width, []]);
      await screenshot(page, `capacity-calendar-${width}`, { prefix: "staff-a11y", fullPage: false });
    }
  });
});
