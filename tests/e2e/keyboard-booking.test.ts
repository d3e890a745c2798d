import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { focusInfo, smallTargets, type FocusInfo } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";

// A citizen who cannot use a mouse or touch screen books an appointment from the home page to the confirmation
// with Tab, Shift+Tab, Space, Enter and the arrow keys only (WCAG 2.1.1). Every element focus stops on must show
// a focus indicator (2.4.7), focus must land where the citizen expects after each step and after a failed submit
// (2.4.3, 3.3.1), and slot buttons and primary buttons must be at least 44 x 44 CSS px so they are easy to hit.
//
// Problems that do not stop the booking are collected and reported together at the end, so one run lists all of
// them; a step that cannot be reached by keyboard fails at once.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const MIN_TARGET = 44;

let app: RunningApp;
let browser: BrowserContext;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

class KeyboardCitizen {
  readonly problems: string[] = [];
  private step = "home";

  constructor(readonly page: Page) {}

  at(step: string) {
    this.step = step;
  }

  problem(text: string) {
    this.problems.push(`[${this.step}] ${text}`);
  }

  /** What has focus now; notes a problem when it has no visible focus indicator. */
  async focused(): Promise<FocusInfo | null> {
    const f = await focusInfo(this.page);
    if (f && !f.visible) {
      const problem = `no visible focus indicator on ${f.description} (outline: ${f.outline}; box-shadow: ${f.boxShadow})`;
      if (!this.problems.some((p) => p.endsWith(problem))) this.problem(problem);
    }
    return f;
  }

  async press(key: string): Promise<FocusInfo | null> {
    await this.page.keyboard.press(key);
    return this.focused();
  }

  /** Tab (or Shift+Tab) until `target` has focus; fails, naming every stop, when it is not reached. */
  async tabTo(what: string, target: (f: FocusInfo) => boolean, opts: { max?: number; back?: boolean } = {}) {
    const current = await focusInfo(this.page);
    if (current && target(current)) return current;
    const path: string[] = [];
    for (let i = 0; i < (opts.max ?? 40); i++) {
      const f = await this.press(opts.back ? "Shift+Tab" : "Tab");
      path.push(f?.description ?? "(document)");
      if (f && target(f)) return f;
    }
    throw new Error(`[${this.step}] ${what} is not reached with the keyboard; focus went: ${path.join(" → ")}`);
  }

  /** One Tab must move focus to the element with this id (the form's order matches what the citizen sees). */
  async tabExpecting(id: string) {
    const f = await this.press("Tab");
    if (f?.id !== id) this.problem(`Tab from the previous field reaches ${f?.description ?? "nothing"}, expected #${id}`);
    return f;
  }

  /** Waits until focus is on an element matching `selector`, as after a failed submit. */
  async expectFocusOn(selector: string, what: string) {
    const ok = await this.page
      .waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, { timeout: 3000 })
      .then(() => true)
      .catch(() => false);
    const f = await this.focused();
    if (!ok) this.problem(`focus should be on ${what} (${selector}) but is on ${f?.description ?? "the document body"}`);
    return ok;
  }

  /**
   * After moving to the next wizard step, the first Tab must start at the top of the new page: the skip link, the
   * site link in the header, or the first control inside <main> - not somewhere further down the page.
   */
  async expectFreshStart() {
    const firstInMain = await this.page.evaluate(() => {
      const candidates = document.querySelectorAll<HTMLElement>(
        "main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary, main [tabindex]:not([tabindex='-1'])",
      );
      const el = Array.from(candidates).find((c) => c.offsetParent !== null && !(c as HTMLButtonElement).disabled);
      el?.setAttribute("data-first-in-main", "");
      return el ? el.outerHTML.slice(0, 80) : null;
    });
    await this.page.keyboard.press("Tab");
    const f = await this.focused();
    const ok = await this.page.evaluate(() => {
      const el = document.activeElement;
      return !!el && (el.matches("a[href$='#inhalt'], header a, [data-first-in-main]"));
    });
    if (!ok) {
      this.problem(
        `the first Tab on the new page reaches ${f?.description ?? "nothing"}; expected the skip link, the header ` +
          `link or the first control in main (${firstInMain})`,
      );
    }
  }

  /** Slot buttons and primary buttons must be at least 44 x 44 CSS px. */
  async expectTargetSize(selector: string, what: string) {
    if ((await this.page.locator(selector).count()) === 0) this.problem(`no ${what} found (${selector})`);
    for (const small of await smallTargets(this.page, selector, MIN_TARGET)) {
      this.problem(`${what} smaller than ${MIN_TARGET} x ${MIN_TARGET} px: ${small}`);
    }
  }
}

const named = (pattern: RegExp) => (f: FocusInfo) => pattern.test(f.name);

describe.each([360, 1280])("at %i px", (width) => {
  it("books an appointment with the keyboard alone", async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 800 });
    const citizen = new KeyboardCitizen(page);
    try {
      // Home: the skip link comes first, then the office.
      await page.goto(app.url);
      const first = await citizen.press("Tab");
      if (!first?.name.includes("Zum Inhalt springen")) {
        citizen.problem(`the first Tab reaches ${first?.description ?? "nothing"}, not the skip link`);
      }
      await citizen.tabTo("the office link", named(/Ausländerbehörde/));
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`/${OFFICE}$`));
      await page.getByRole("heading", { level: 1 }).waitFor();

      // Step 1: an empty submit focuses the error summary; its link leads to the radio buttons; arrows choose.
      citizen.at("step 1, service");
      await citizen.expectFreshStart();
      await citizen.tabTo('the "Weiter" button', (f) => f.tag === "button" && f.name === "Weiter");
      await citizen.expectTargetSize("main button[type=submit]", "primary button");
      await page.keyboard.press("Enter");
      if (await citizen.expectFocusOn("[role=alert][tabindex='-1']", "the error summary")) {
        const errorLink = (f: FocusInfo) => f.tag === "a" && /Bitte wählen Sie ein Anliegen aus/.test(f.name);
        await citizen.tabTo("the link in the error summary", errorLink, { max: 2 });
        await page.keyboard.press("Enter");
        await citizen.expectFocusOn("input[type=radio]", "the first radio button");
      } else {
        await citizen.tabTo("a radio button", (f) => f.tag === "input" && f.id.startsWith("service-"));
      }
      // Arrow keys move through the radio group and select; Space selects the focused radio.
      for (let i = 0; i < 6 && (await citizen.focused())?.id !== `service-${SERVICE}`; i++) {
        await citizen.press("ArrowDown");
      }
      expect((await citizen.focused())?.id).toBe(`service-${SERVICE}`);
      await page.keyboard.press("Space");
      expect(await page.locator(`#service-${SERVICE}`).isChecked()).toBe(true);
      await citizen.tabTo('the "Weiter" button', (f) => f.tag === "button" && f.name === "Weiter");
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`/${OFFICE}/${SERVICE}$`));
      await page.getByRole("heading", { level: 1, name: "Ihre Angaben" }).waitFor();

      // Step 2: an empty submit focuses the error summary; its first link leads to the first field.
      citizen.at("step 2, personal data");
      await citizen.expectFreshStart();
      const submit = (f: FocusInfo) => f.tag === "button" && f.name === "Weiter zur Terminauswahl";
      await citizen.tabTo('the "Weiter zur Terminauswahl" button', submit, { max: 60 });
      await citizen.expectTargetSize("main button[type=submit]", "primary button");
      await page.keyboard.press("Enter");
      if (await citizen.expectFocusOn("[role=alert][tabindex='-1']", "the error summary")) {
        await citizen.tabTo("the first link in the error summary", (f) => f.tag === "a", { max: 1 });
        await page.keyboard.press("Enter");
        // The given name is optional, so the first error is the family name.
        await citizen.expectFocusOn("#familyName", "the family name field");
      } else {
        await citizen.tabTo("the family name field", (f) => f.id === "familyName", { back: true, max: 60 });
      }
      await page.keyboard.type("Haddad");
      await page.keyboard.press("Shift+Tab");
      expect((await citizen.focused())?.id).toBe("givenName");
      await page.keyboard.type("Amira");
      await citizen.tabExpecting("familyName");
      await citizen.tabExpecting("email");
      await page.keyboard.type(`amira.keyboard${width}@example.org`);
      await citizen.tabExpecting("phone");
      await citizen.tabExpecting("dateOfBirth");
      await page.keyboard.type("27");
      await citizen.tabExpecting("dobMonth");
      await page.keyboard.type("3");
      await citizen.tabExpecting("dobYear");
      await page.keyboard.type("1990");
      await citizen.tabExpecting("persons");
      await citizen.tabExpecting("remark");
      await citizen.tabExpecting("privacyConsent");
      await page.keyboard.press("Space");
      expect(await page.locator("#privacyConsent").isChecked()).toBe(true);
      await citizen.tabTo('the "Weiter zur Terminauswahl" button', submit, { max: 3 });
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/termin$/);
      await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();

      // Step 3: choose a day from the list, then a time on that day.
      citizen.at("step 3, calendar");
      await citizen.expectFreshStart();
      await citizen.expectTargetSize("main button[name=start]", "slot button");
      const dayLinks = page.locator("main a[href*='tag=']");
      const days = await dayLinks.count();
      expect(days).toBeGreaterThan(0);
      // The last day with free times in this week, so the choice differs from the preselected first day.
      const dayHref = (await dayLinks.nth(days - 1).getAttribute("href"))!;
      await citizen.tabTo("the last day with free times", (f) => f.href === dayHref, { max: 40 });
      await page.keyboard.press("Enter");
      const day = new URL(dayHref, app.url).searchParams.get("tag")!;
      await page.waitForURL((u) => u.searchParams.get("tag") === day);
      await page.locator("#slots-title").filter({ hasText: "Freie Termine am" }).waitFor();
      await citizen.expectTargetSize("#slots button[name=start]", "slot button");
      // Having chosen a day, the next Tab should lead to that day's times, not back to the top of the page.
      const isSlot = (f: FocusInfo | null) => f?.tag === "button" && /^Termin am .* Uhr wählen$/.test(f.name);
      const afterDay = await citizen.press("Tab");
      if (!isSlot(afterDay)) {
        citizen.problem(`after choosing a day, Tab reaches ${afterDay?.description ?? "nothing"}, not the first time of that day`);
      }
      const slot = await citizen.tabTo("a time on the chosen day", isSlot, { max: 20 });
      const chosen = slot.name;
      await page.keyboard.press("Space");
      await page.waitForURL(/\/pruefen$/);
      await page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihre Angaben" }).waitFor();

      // Step 4: review, then book.
      citizen.at("step 4, review");
      await citizen.expectFreshStart();
      const time = chosen.match(/um (\d{1,2}:\d{2}) Uhr/)?.[1];
      await page.getByText(new RegExp(`${time} Uhr`)).first().waitFor();
      const book = (f: FocusInfo) => f.tag === "button" && f.name === "Termin verbindlich buchen";
      await citizen.tabTo('the "Termin verbindlich buchen" button', book, { max: 30 });
      await citizen.expectTargetSize("main button[type=submit]", "primary button");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/bestaetigung$/);

      // Step 5: confirmation with the reference code.
      citizen.at("step 5, confirmation");
      await page.getByRole("heading", { level: 1, name: "Ihr Termin ist gebucht" }).waitFor();
      expect((await page.getByTestId("reference-code").textContent())?.trim()).toMatch(/^TV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await citizen.expectFreshStart();
      await citizen.tabTo("the manage link", named(/^Termin ansehen, verschieben oder absagen$/), { max: 20 });
      await citizen.expectTargetSize("main a[href*='/termin/']", "primary link");

      const booked = await app.db.booking.findFirstOrThrow({ where: { email: `amira.keyboard${width}@example.org` } });
      expect(booked.status).toBe("CONFIRMED");

      if (citizen.problems.length > 0) {
        throw new Error(`keyboard and focus problems at ${width} px:\n\n${citizen.problems.join("\n")}`);
      }
    } catch (error) {
      // A step that could not be reached: report it with whatever was noticed before.
      if (citizen.problems.length > 0 && !(error as Error).message.startsWith("keyboard and focus problems")) {
        (error as Error).message += `\n\nnoticed before:\n${citizen.problems.join("\n")}`;
      }
      throw error;
    } finally {
      await page.close();
    }
  });
});
