import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { axeViolations, formatViolations, scrollWidthAt } from "./axe";

// What a staff member does in the browser, shared by the staff end-to-end tests: signing in, screenshots of the
// key steps, and selecting a time range on the capacity calendar with the mouse.

export const SCREENSHOT_DIR = path.join(__dirname, "..", ".artifacts", "screenshots");

/**
 * A screenshot as tests/.artifacts/screenshots/<prefix>-<name>.png, for looking at after a run. Full page by
 * default; a modal dialog only shows completely in a viewport screenshot (fullPage: false).
 */
export async function screenshot(
  page: Page,
  name: string,
  opts: { prefix?: string; fullPage?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${opts.prefix ?? "staff-e2e"}-${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true });
  return file;
}

/**
 * axe at phone and desktop width, no sideways scrolling at 360 px, and a screenshot of both for looking at
 * (`<prefix>-<name>-<width>.png`); ends at 1280 px.
 */
export async function checkPage(page: Page, name: string, prefix: string): Promise<void> {
  const problems: string[] = [];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    problems.push(...formatViolations(await axeViolations(page)).map((v) => `${width} px: ${v}`));
    // Reflow while the page is laid out for the phone: charts that size themselves to the screen have had the axe
    // run's time to do so (measured after the desktop width, they were still desktop-wide).
    if (width === 360) {
      const reflow = await scrollWidthAt(page, 360);
      if (reflow.scrollWidth > 360) problems.push(`scrolls sideways at 360 px: ${reflow.culprits.join("; ")}`);
    }
    await screenshot(page, `${name}-${width}`, { prefix });
  }
  if (problems.length > 0) throw new Error(`${name} (${page.url()}):\n\n${problems.join("\n\n")}`);
}

/** Fills the staff login form and submits it; does not wait for the outcome. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
}

/** The page a staff member lands on after signing in: a clerk of one office on its day list, others on the overview. */
export function isLanding(url: URL): boolean {
  return url.pathname.startsWith("/staff") && url.pathname !== "/staff/login";
}

/** Signs in through /staff/login and waits for the first signed-in page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/login`);
  await submitLogin(page, email, password);
  await page.waitForURL(isLanding);
  await page.getByText(/^Angemeldet als /).waitFor();
}

/** "09:00" → the FullCalendar slot row attribute "09:00:00". */
const slotTime = (hhmm: string) => `${hhmm}:00`;

/** The time grid's column of one date (the all-day row has a cell with the same date; the tallest is the grid). */
async function dayColumnBox(page: Page, date: string) {
  const cells = page.locator(`[role="cell"][data-date="${date}"]`);
  await cells.first().waitFor();
  let best: { x: number; y: number; width: number; height: number } | null = null;
  for (const cell of await cells.all()) {
    const box = await cell.boundingBox();
    if (box && (!best || box.height > best.height)) best = box;
  }
  if (!best) throw new Error(`the calendar shows no column for ${date}`);
  return best;
}

/** The slot row starting at `hhmm` (the last element with that time is the row across the days, not its label). */
async function slotRowBox(page: Page, hhmm: string) {
  const box = await page.locator(`[data-time="${slotTime(hhmm)}"]`).last().boundingBox();
  if (!box) throw new Error(`the calendar shows no slot row at ${hhmm}`);
  return box;
}

/**
 * Drags with the mouse on the FullCalendar week grid from the slot row starting at `fromSlot` to the one starting
 * at `lastSlot`, in the column of `date`. The pointer starts in the top quarter of the first row and ends in the
 * bottom quarter of the last one, so with half-hour rows and 15-minute snapping the selection covers both rows
 * entirely: fromSlot "09:00" and lastSlot "10:30" select 09:00–11:00.
 */
export async function dragTimeRange(page: Page, date: string, fromSlot: string, lastSlot: string): Promise<void> {
  // Bring the range into view first: the boxes below are relative to the viewport.
  await page
    .locator(`[data-time="${slotTime(fromSlot)}"]`)
    .last()
    .evaluate((el) => el.scrollIntoView({ block: "center" }));
  const column = await dayColumnBox(page, date);
  const start = await slotRowBox(page, fromSlot);
  const end = await slotRowBox(page, lastSlot);
  const x = column.x + column.width / 2;
  await page.mouse.move(x, start.y + start.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(x, start.y + start.height * 0.75, { steps: 4 });
  await page.mouse.move(x, end.y + end.height * 0.75, { steps: 12 });
  await page.mouse.up();
}
