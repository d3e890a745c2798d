import type { BrowserContext, Page } from "playwright-core";
import arBooking from "@/lib/i18n/messages/ar/booking.json";
import arPrivacy from "@/lib/i18n/messages/ar/privacy.json";
import arValidation from "@/lib/i18n/messages/ar/validation.json";
import deBooking from "@/lib/i18n/messages/de/booking.json";
import dePrivacy from "@/lib/i18n/messages/de/privacy.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, focusInfo, formatViolations } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { postBooking } from "../helpers/citizen";

// What a citizen meets when something goes wrong or is about to become final, in German and in Arabic (right to
// left): the error summary names each field and its links put the cursor into that field; cancelling, erasing and
// moving through the e-mail's link ask first and change nothing until confirmed, with and without JavaScript and
// with the keyboard alone; and every page involved passes axe at phone and desktop width.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const TEXTS = {
  de: { prefix: "", booking: deBooking, privacy: dePrivacy, validation: deValidation },
  ar: { prefix: "/ar", booking: arBooking, privacy: arPrivacy, validation: arValidation },
} as const;
type Locale = keyof typeof TEXTS;

let app: RunningApp;
let browser: BrowserContext;
let withoutScript: BrowserContext;
let bookings = 0;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser({ width: 360, height: 800 });
  withoutScript = await launchBrowser({ width: 360, height: 800, javaScript: false });
});

afterAll(async () => {
  await withoutScript?.close();
  await browser?.close();
  await app?.stop();
});

/** Free times of the service, looked up over the booking horizon two weeks at a time (never today's or the seed's). */
async function freeTimes(): Promise<string[]> {
  for (let week = 0; week < 8; week += 2) {
    const from = new Date(Date.now() + week * 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + (week + 2) * 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${from}&to=${to}`);
    const { slots } = (await res.json()) as { slots?: Array<{ start: string }> };
    if (slots && slots.length >= 5) return slots.map((s) => s.start);
  }
  throw new Error("no free times within the booking horizon");
}

/** A booking made through the public API at a free time that is not the next free one; its manage path. */
async function booked(locale: Locale = "de"): Promise<{ manage: string; reference: string; start: string }> {
  const start = (await freeTimes())[3];
  const res = await postBooking(app.url, {
    office: OFFICE,
    service: SERVICE,
    start,
    givenName: "Amira",
    familyName: "Haddad",
    email: `amira.${++bookings}@example.org`,
    dateOfBirth: "1990-03-27",
    locale,
  });
  const body = (await res.json()) as { referenceCode: string; manageToken: string };
  if (res.status !== 201) throw new Error(`booking through the API answered ${res.status}: ${JSON.stringify(body)}`);
  return { manage: `${TEXTS[locale].prefix}/termin/${body.manageToken}`, reference: body.referenceCode, start };
}

const stored = (referenceCode: string) => app.db.booking.findUniqueOrThrow({ where: { referenceCode } });

async function expectNoAxeViolations(page: Page, what: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const problems = formatViolations(await axeViolations(page));
    if (problems.length > 0) throw new Error(`axe at ${width} px on ${what} (${page.url()}):\n\n${problems.join("\n\n")}`);
  }
  await page.setViewportSize({ width: 360, height: 800 });
}

/** The error summary's links as [text, target id]. */
async function summaryLinks(page: Page): Promise<Array<[string, string]>> {
  await page.locator("#error-summary-title").waitFor();
  return page.locator("[aria-labelledby=error-summary-title] a").evaluateAll((links) =>
    links.map((a) => [(a.textContent ?? "").trim(), (a.getAttribute("href") ?? "").replace(/^#/, "")] as [string, string]),
  );
}

describe.each(Object.keys(TEXTS) as Locale[])("in %s", (locale) => {
  const { prefix, booking: tb, privacy: tp, validation: tv } = TEXTS[locale];

  it("the error summary names each field, and each link puts the cursor into its field", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}${prefix}/${OFFICE}/${SERVICE}`);
      await page.getByRole("button", { name: tb.personal.submit, exact: true }).click();
      const empty = await summaryLinks(page);
      expect(empty).toEqual([
        [tv.familyNameRequired, "familyName"],
        [tv.emailRequired, "email"],
        [tv.dateOfBirthRequired, "dateOfBirth"],
        [tv.consentRequired, "privacyConsent"],
      ]);
      await expectNoAxeViolations(page, "the empty personal-data form");
      for (const [text, id] of empty) {
        await page.locator("[aria-labelledby=error-summary-title]").getByRole("link", { name: text, exact: true }).click();
        await page.waitForFunction((target) => document.activeElement?.id === target, id, { timeout: 3000 });
        // The same sentence stands at the field.
        expect((await page.locator(`#${id}-error`).textContent())?.trim()).toBe(text);
      }

      // The example: 31.2.2030 and an address without a domain ending.
      await page.locator("#familyName").fill("Haddad");
      await page.locator("#email").fill("amira@beispiel");
      await page.locator("#dateOfBirth").fill("31");
      await page.locator("#dobMonth").fill("2");
      await page.locator("#dobYear").fill("2030");
      await page.getByRole("button", { name: tb.personal.submit, exact: true }).click();
      await page.waitForFunction((text) => document.querySelector("[aria-labelledby=error-summary-title]")?.textContent?.includes(text), tv.invalidEmail);
      expect(await summaryLinks(page)).toEqual([
        [tv.invalidEmail, "email"],
        [tv.dateOfBirthNoFebruaryThirtyFirst, "dateOfBirth"],
        [tv.consentRequired, "privacyConsent"],
      ]);
      await expectNoAxeViolations(page, "the personal-data form with an impossible date");
      await page.locator("[aria-labelledby=error-summary-title]").getByRole("link", { name: tv.dateOfBirthNoFebruaryThirtyFirst, exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.id === "dateOfBirth", undefined, { timeout: 3000 });

      // A missing month sends the cursor to the month.
      await page.locator("#dobMonth").fill("");
      await page.locator("#dobYear").fill("1990");
      await page.getByRole("button", { name: tb.personal.submit, exact: true }).click();
      await page.locator("[aria-labelledby=error-summary-title]").getByRole("link", { name: tv.dateOfBirthMissingMonth, exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.id === "dobMonth", undefined, { timeout: 3000 });
    } finally {
      await page.close();
    }
  });

  it("the office page names the office without an article", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}${prefix}/${OFFICE}`);
      expect((await page.locator("h1").textContent())?.trim()).toBe(tb.office.title.replace("{office}", "Ausländerbehörde"));
      await expectNoAxeViolations(page, "the office page");
    } finally {
      await page.close();
    }
  });

  it("cancelling asks first: the manage page's link and 'Zurück' cancel nothing, the confirmation does", async () => {
    const { manage, reference: id } = await booked(locale);
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}${manage}`);
      await expectNoAxeViolations(page, "the manage page");
      await page.getByRole("link", { name: tb.manage.cancelTitle, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: tb.manage.cancelQuestion, exact: true }).waitFor();
      expect(page.url()).toBe(`${app.url}${manage}/absagen`);
      expect((await stored(id)).status).toBe("CONFIRMED");
      await expectNoAxeViolations(page, "the cancel confirmation");

      await page.getByRole("link", { name: tb.back, exact: true }).click();
      await page.waitForURL(`${app.url}${manage}`);
      expect((await stored(id)).status).toBe("CONFIRMED");

      await page.goto(`${app.url}${manage}/absagen`);
      await page.getByRole("button", { name: tb.manage.cancelTitle, exact: true }).click();
      await page.getByText(tb.manage.cancelled).waitFor();
      expect((await stored(id)).status).toBe("CANCELLED");
    } finally {
      await page.close();
    }
  });

  it("erasing asks first: the link and 'Zurück' erase nothing, the confirmation does", async () => {
    const { manage, reference: id } = await booked(locale);
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}${manage}`);
      await page.getByRole("link", { name: tp.deleteTitle, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: tp.deleteQuestion, exact: true }).waitFor();
      expect((await stored(id)).erasedAt).toBeNull();
      await expectNoAxeViolations(page, "the erase confirmation");

      await page.getByRole("link", { name: tb.back, exact: true }).click();
      await page.waitForURL(`${app.url}${manage}`);
      expect((await stored(id)).erasedAt).toBeNull();

      await page.goto(`${app.url}${manage}/loeschen`);
      await page.getByRole("button", { name: tp.deleteTitle, exact: true }).click();
      await page.getByText(tp.deleted).waitFor();
      expect(await stored(id)).toMatchObject({ status: "CANCELLED", email: null, familyName: null });
    } finally {
      await page.close();
    }
  });

  it("a tapped time on the move page shows 'bisher → neu' and moves nothing until confirmed", async () => {
    const { manage, reference: id, start } = await booked(locale);
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}${manage}/verschieben`);
      await expectNoAxeViolations(page, "the move page");
      const next = page.getByRole("button", { name: tb.slot.takeNext, exact: true });
      const chosen = (await next.getAttribute("value"))!;
      expect(chosen).not.toBe(new Date(start).toISOString());
      await next.click();
      await page.getByRole("heading", { level: 1, name: tb.manage.rescheduleQuestion, exact: true }).waitFor();
      expect(new URL(page.url()).searchParams.get("neu")).toBe(chosen);
      const rows = await page.locator("dl > div").allTextContents();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(tb.manage.rescheduleFrom);
      expect(rows[1]).toContain(tb.manage.rescheduleTo);
      expect((await stored(id)).startsAt.toISOString()).toBe(new Date(start).toISOString());
      await expectNoAxeViolations(page, "the move confirmation");

      await page.getByRole("link", { name: tb.back, exact: true }).click();
      await page.waitForURL(/\/verschieben\?tag=/);
      expect((await stored(id)).startsAt.toISOString()).toBe(new Date(start).toISOString());

      await page.goBack();
      await page.getByRole("button", { name: tb.manage.rescheduleConfirm, exact: true }).click();
      await page.getByText(tb.manage.rescheduled).waitFor();
      expect((await stored(id)).startsAt.toISOString()).toBe(chosen);
    } finally {
      await page.close();
    }
  });
});

describe("without JavaScript", () => {
  it("cancelling, moving and erasing each work through their confirmation page", async () => {
    const page = await withoutScript.newPage();
    const t = TEXTS.de;
    try {
      const first = await booked();
      await page.goto(`${app.url}${first.manage}/verschieben`);
      const next = page.getByRole("button", { name: t.booking.slot.takeNext, exact: true });
      const chosen = (await next.getAttribute("value"))!;
      await next.click();
      await page.getByRole("heading", { level: 1, name: t.booking.manage.rescheduleQuestion, exact: true }).waitFor();
      expect((await stored(first.reference)).startsAt.toISOString()).toBe(new Date(first.start).toISOString());
      await page.getByRole("button", { name: t.booking.manage.rescheduleConfirm, exact: true }).click();
      await page.getByText(t.booking.manage.rescheduled).waitFor();
      expect((await stored(first.reference)).startsAt.toISOString()).toBe(chosen);

      await page.getByRole("link", { name: t.booking.manage.cancelTitle, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: t.booking.manage.cancelQuestion, exact: true }).waitFor();
      expect((await stored(first.reference)).status).toBe("CONFIRMED");
      await page.getByRole("button", { name: t.booking.manage.cancelTitle, exact: true }).click();
      await page.getByText(t.booking.manage.cancelled).waitFor();
      expect((await stored(first.reference)).status).toBe("CANCELLED");

      const second = await booked();
      await page.goto(`${app.url}${second.manage}`);
      await page.getByRole("link", { name: t.privacy.deleteTitle, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: t.privacy.deleteQuestion, exact: true }).waitFor();
      expect((await stored(second.reference)).erasedAt).toBeNull();
      await page.getByRole("button", { name: t.privacy.deleteTitle, exact: true }).click();
      await page.getByText(t.privacy.deleted).waitFor();
      expect((await stored(second.reference)).erasedAt).not.toBeNull();
    } finally {
      await page.close();
    }
  });
});

describe("with the keyboard alone", () => {
  /** Tab from the top of a freshly loaded page until `name` has focus; every stop on the way must show focus. */
  async function tabTo(page: Page, name: string): Promise<void> {
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f = await focusInfo(page);
      stops.push(f?.description ?? "(document)");
      if (f && !f.visible) throw new Error(`no visible focus on ${f.description}`);
      if (f?.name === name) return;
    }
    throw new Error(`"${name}" is not reached with Tab; focus went: ${stops.join(" → ")}`);
  }

  it("each confirmation page: Tab to 'Zurück' and back, Tab to the button and Enter", async () => {
    const t = TEXTS.de;
    const page = await browser.newPage();
    try {
      const { manage, reference: id } = await booked();

      await page.goto(`${app.url}${manage}/absagen`);
      await tabTo(page, t.booking.manage.cancelTitle);
      await page.keyboard.press("Tab");
      expect((await focusInfo(page))?.name).toBe(t.booking.back);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${app.url}${manage}`);
      expect((await stored(id)).status).toBe("CONFIRMED");

      await page.goto(`${app.url}${manage}/verschieben`);
      await tabTo(page, t.booking.slot.takeNext);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: t.booking.manage.rescheduleQuestion, exact: true }).waitFor();
      const chosen = new URL(page.url()).searchParams.get("neu");
      await page.reload();
      await tabTo(page, t.booking.manage.rescheduleConfirm);
      await page.keyboard.press("Enter");
      await page.getByText(t.booking.manage.rescheduled).waitFor();
      expect((await stored(id)).startsAt.toISOString()).toBe(chosen);

      await page.goto(`${app.url}${manage}/absagen`);
      await tabTo(page, t.booking.manage.cancelTitle);
      await page.keyboard.press("Enter");
      await page.getByText(t.booking.manage.cancelled).waitFor();
      expect((await stored(id)).status).toBe("CANCELLED");

      await page.goto(`${app.url}${manage}/loeschen`);
      await tabTo(page, t.privacy.deleteTitle);
      await page.keyboard.press("Enter");
      await page.getByText(t.privacy.deleted).waitFor();
      expect((await stored(id)).erasedAt).not.toBeNull();
    } finally {
      await page.close();
    }
  });
});
