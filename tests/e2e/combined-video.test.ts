import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, focusInfo, formatViolations, type FocusInfo } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";

// Two services in one appointment, by video, with the keyboard alone: a citizen picks the identity card, adds the
// passport with a checkbox, chooses "Per Video" in the personal-data step, books the first free time of the
// combination (its summed length), and receives the meeting link in the e-mail (over real SMTP) and in its calendar
// file; the confirmation and manage pages show the link, no address and no check-in. axe finds no violation of
// WCAG 2.1 AA on any page of the way.

const OFFICE = "buergerbuero-mitte";
const TEMPLATE = "https://meet.pirmasens.example/{reference}";
const EMAIL = "amira.video@example.org";

let app: RunningApp;
let smtp: TestSmtpServer;
let browser: BrowserContext;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  // The office's own video meetings, and both services offered in person or by video.
  const office = await app.db.office.update({ where: { slug: OFFICE }, data: { videoMeetingUrlTemplate: TEMPLATE } });
  await app.db.service.updateMany({
    where: { officeId: office.id, slug: { in: ["personalausweis", "reisepass"] } },
    data: { appointmentKinds: "IN_PERSON,VIDEO" },
  });
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});

/** Tab (Shift+Tab with `back`) until `target` has focus; fails naming every stop. */
async function tabTo(page: Page, what: string, target: (f: FocusInfo) => boolean, back = false): Promise<FocusInfo> {
  const path: string[] = [];
  for (let i = 0; i < 60; i++) {
    const current = await focusInfo(page);
    if (current && target(current)) {
      if (!current.visible) throw new Error(`${what} has no visible focus indicator`);
      return current;
    }
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    path.push((await focusInfo(page))?.description ?? "(document)");
  }
  throw new Error(`${what} is not reached with the keyboard; focus went: ${path.join(" → ")}`);
}

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect({ where, violations: formatViolations(violations) }).toEqual({ where, violations: [] });
}

it("books an identity card and a passport in one video appointment by keyboard, and the link arrives", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/${OFFICE}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await expectNoAxeViolations(page, "step 1");

  // Step 1: the first service by its radio button, the second by its checkbox, which appears after the choice.
  await tabTo(page, "the identity card", (f) => f.id === "service-personalausweis");
  await page.keyboard.press("Space");
  expect(await page.locator("#service-personalausweis").isChecked()).toBe(true);
  // The first choice is not offered again as a further service.
  expect(await page.locator("#further-personalausweis").count()).toBe(0);
  await tabTo(page, "the passport checkbox", (f) => f.id === "further-reisepass");
  await page.keyboard.press("Space");
  expect(await page.locator("#further-reisepass").isChecked()).toBe(true);
  await tabTo(page, 'the "Weiter" button', (f) => f.tag === "button" && f.name === "Weiter");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/${OFFICE}/personalausweis$`));
  await page.getByRole("heading", { level: 1, name: "Ihre Angaben" }).waitFor();

  // Step 2: both services and their summed length (20 + 20 minutes); how the appointment takes place, then the person.
  await expect(page.locator("main").innerText()).resolves.toMatch(/Personalausweis[\s\S]*Reisepass[\s\S]*40 Minuten/);
  await expectNoAxeViolations(page, "step 2");
  await tabTo(page, "the kind radio group", (f) => f.id === "kind-IN_PERSON");
  await page.keyboard.press("ArrowDown");
  expect(await page.locator("#kind-VIDEO").isChecked()).toBe(true);
  await tabTo(page, "the family name", (f) => f.id === "familyName");
  await page.keyboard.type("Haddad");
  await tabTo(page, "the e-mail address", (f) => f.id === "email");
  await page.keyboard.type(EMAIL);
  await tabTo(page, "the day of birth", (f) => f.id === "dateOfBirth");
  await page.keyboard.type("27");
  await page.keyboard.press("Tab");
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  await page.keyboard.type("1990");
  await tabTo(page, "the consent", (f) => f.id === "privacyConsent");
  await page.keyboard.press("Space");
  await tabTo(page, "the submit button", (f) => f.tag === "button" && f.name === "Weiter zur Terminauswahl");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/termin$/);

  // Step 3: the next free time of the combination, as the calendar shows it.
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  await expect(page.locator("main").innerText()).resolves.toMatch(/Per Video/);
  await expectNoAxeViolations(page, "step 3");
  const take = await tabTo(page, "the next free time", (f) => f.tag === "button" && f.name === "Diesen Termin wählen");
  expect(take).toBeTruthy();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/pruefen$/);

  // Step 4: review: both services, by video (the link comes with the confirmation), no address.
  await page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihre Angaben" }).waitFor();
  const review = await page.locator("main").innerText();
  expect(review).toMatch(/Personalausweis[\s\S]*Reisepass/);
  expect(review).toContain("Den Link erhalten Sie mit der Bestätigung");
  expect(review).not.toContain("Exerzierplatzstraße");
  await expectNoAxeViolations(page, "step 4");
  await tabTo(page, "the book button", (f) => f.tag === "button" && f.name === "Termin verbindlich buchen");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/bestaetigung$/);

  // Step 5: the confirmation shows the meeting link.
  await page.getByRole("heading", { level: 1, name: "Ihr Termin ist gebucht" }).waitFor();
  const reference = (await page.getByTestId("reference-code").textContent())!.trim();
  const link = `https://meet.pirmasens.example/${reference}`;
  expect(await page.getByTestId("video-link").getAttribute("href")).toBe(link);
  await expectNoAxeViolations(page, "confirmation");

  const booking = await app.db.booking.findFirstOrThrow({ where: { referenceCode: reference }, include: { extraServices: { include: { service: true } } } });
  expect(booking.kind).toBe("VIDEO");
  expect(booking.extraServices.map((e) => e.service.slug)).toEqual(["reisepass"]);
  expect((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000).toBe(40);

  // The e-mail over SMTP: the link, both services, no check-in code; the calendar file at the link.
  const mail = await waitForMail(smtp, EMAIL, new RegExp(reference));
  expect(mail.text).toContain(link);
  expect(mail.subject).toContain("Personalausweis beantragen + Reisepass beantragen");
  expect(mail.attachments.some((a) => a.contentType === "image/png")).toBe(false);
  const ics = mail.attachments.find((a) => a.filename === "termin.ics")!;
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content.toString("utf8"))).getFirstSubcomponent("vevent")!);
  expect(event.location).toBe(link);

  // The manage page from the e-mail: the link, and no check-in at the office.
  const manage = mail.text!.match(/https?:\/\/\S+\/termin\/[A-Za-z0-9_-]{43}/)![0];
  await page.goto(manage.replace(/^https?:\/\/[^/]+/, app.url));
  await page.getByRole("heading", { level: 1, name: "Ihr Termin" }).waitFor();
  expect(await page.getByTestId("video-link").getAttribute("href")).toBe(link);
  expect(await page.locator("main").innerText()).not.toMatch(/einchecken/i);
  await expectNoAxeViolations(page, "manage page");
  await page.close();
});
