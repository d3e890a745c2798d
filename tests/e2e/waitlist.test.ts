import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData, postBooking, type CitizenData } from "../helpers/citizen";
import { officeAddress } from "../helpers/office-fixture";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";
import { screenshot, signIn } from "../helpers/staff-browser";

// A citizen finds nothing free at an office whose every place is booked, leaves a wish on the waiting list through
// the wizard, confirms it on the page the e-mail links to (opening the link alone confirms nothing), changes it,
// a clerk cancels an appointment in the staff area, the citizen receives the offer by e-mail, accepts it on the wish's
// page and the confirmation with the calendar file arrives; and every new page passes axe at phone and desktop width:
// against the built app, real SMTP and headless Chromium.

const OFFICE = "wartelistenamt";
const SERVICE = "aufenthaltstitel";
const CITIZEN: CitizenData = { givenName: "Samir", familyName: "Nasser", email: "samir.nasser@example.org", born: ["4", "11", "1987"] };

let app: RunningApp;
let smtp: TestSmtpServer;
let browser: BrowserContext;
let bookedTokens: string[] = [];

/** The free starts of the office's service over its whole horizon (searched as a range, never one fixed day). */
async function freeStarts(): Promise<string[]> {
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?from=${from}&to=${to}`);
  if (res.status !== 200) throw new Error(`listing the slots answered ${res.status}`);
  const { slots } = (await res.json()) as { slots: Array<{ start: string }> };
  return slots.map((s) => s.start);
}

/**
 * An office open every weekday 08:00-08:30 with one clerk and a 30-minute service, booking 14 days ahead: a handful
 * of places, all of which other citizens take through the API.
 */
async function fullyBookedOffice(): Promise<void> {
  const office = await app.db.office.create({
    data: { ...officeAddress(OFFICE), bookingHorizonDays: 14, minNoticeMinutes: 60, slotStepMinutes: 30, maxActiveBookingsPerEmail: 3 },
  });
  await app.db.service.create({
    data: {
      office: { connect: { id: office.id } },
      slug: SERVICE,
      catalogueService: { create: { slug: SERVICE, name: "Aufenthaltstitel verlängern", documents: "Reisepass" } },
      durationMinutes: 30,
      maxPersons: 1,
    },
  });
  for (const weekday of [1, 2, 3, 4, 5]) {
    await app.db.capacityBlock.create({ data: { officeId: office.id, weekday, startMinute: 480, endMinute: 510, clerks: 1 } });
  }
  const starts = await freeStarts();
  if (starts.length === 0) throw new Error("the new office offers no time at all");
  for (const [n, start] of starts.entries()) {
    const res = await postBooking(app.url, {
      office: OFFICE,
      service: SERVICE,
      start,
      familyName: `Nachbar ${"ABCDEFGHIJKLMNOP"[n]}`,
      email: `nachbar.${n}@example.org`,
    });
    if (res.status !== 201) throw new Error(`booking ${start} answered ${res.status}`);
    bookedTokens.push(((await res.json()) as { manageToken: string }).manageToken);
  }
  if ((await freeStarts()).length > 0) throw new Error("the office still offers times after booking them all");
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  browser = await launchBrowser({ width: 360, height: 800 });
  bookedTokens = [];
  await fullyBookedOffice();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});


/** axe at phone and desktop width, no sideways scrolling at 360 px, and a screenshot at both widths to look at. */
async function checkPage(page: Page, name: string): Promise<void> {
  // Next streams a dynamic page's metadata: on a slow machine the <title> may follow the body by a moment.
  await page.waitForFunction(() => document.title.trim() !== "");
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const problems = formatViolations(await axeViolations(page));
    if (problems.length > 0) throw new Error(`axe at ${width} px on ${name} (${page.url()}):\n\n${problems.join("\n\n")}`);
    await screenshot(page, `${name}-${width}`, { prefix: "waitlist" });
  }
  const { scrollWidth, culprits } = await scrollWidthAt(page, 360);
  expect({ name, scrollWidth, culprits }).toEqual({ name, scrollWidth: 360, culprits: [] });
  await page.setViewportSize({ width: 360, height: 800 });
}

let manageUrl = "";

it("offers the waiting list when nothing is free and takes a wish through the wizard", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/${OFFICE}/${SERVICE}`);
  await fillPersonalData(page, CITIZEN);
  await page.waitForURL(/\/termin$/);
  await page.getByRole("heading", { name: "Zurzeit ist kein Termin frei" }).waitFor();
  // With the waiting list on offer, the calendar does not also send people back to refresh in a few days.
  await page.getByText("Zurzeit sind keine Termine frei.", { exact: true }).waitFor();
  expect(await page.getByText("wieder vorbei").count()).toBe(0);
  await checkPage(page, "calendar-nothing-free");
  await page.getByRole("link", { name: "Auf die Warteliste" }).click();

  await page.waitForURL(/\/warteliste$/);
  await page.getByRole("heading", { level: 1, name: "Auf die Warteliste" }).waitFor();
  // The wish is for the person entered before: nothing is typed again.
  await page.getByText(CITIZEN.email).waitFor();
  await checkPage(page, "wish-form");

  // Nothing chosen: the error summary names both questions, and its link puts the focus into the first one.
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "Auf die Warteliste setzen" }).click();
  const summary = page.getByRole("alert");
  await summary.getByText("Wählen Sie mindestens einen Wochentag").waitFor();
  await summary.getByText("Wählen Sie mindestens eine Tageszeit").waitFor();
  await checkPage(page, "wish-form-errors");
  await summary.getByRole("link", { name: "Wählen Sie mindestens einen Wochentag" }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("weekday-1");

  for (const day of ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]) await page.getByLabel(day).check();
  await page.getByLabel(/Vormittags/).check();
  await page.getByRole("button", { name: "Auf die Warteliste setzen" }).click();
  await page.waitForURL(/\/warteliste\/eingetragen$/);
  await page.getByRole("heading", { name: /Bitte bestätigen Sie Ihren Wunsch/ }).waitFor();
  await checkPage(page, "wish-mail-sent");

  const wish = await app.db.wish.findFirstOrThrow({ where: { email: CITIZEN.email } });
  expect(wish).toMatchObject({ status: "UNCONFIRMED", weekdays: "1,2,3,4,5", dayParts: "MORNING", persons: 1, familyName: "Nasser" });

  const mail = await waitForMail(smtp, CITIZEN.email, /Bitte bestätigen: Ihr Wunsch auf der Warteliste/);
  expect(mail.attachments).toHaveLength(0);
  manageUrl = /https?:\/\/\S+\/warteliste\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0] ?? "";
  expect(manageUrl).not.toBe("");
  await page.close();
});

it("confirms the wish only with the button on the linked page, then changes and keeps its place", async () => {
  const page = await browser.newPage();
  // Opening the link (as a mail scanner would) confirms nothing.
  await page.goto(manageUrl);
  await page.getByRole("heading", { name: "Bitte bestätigen Sie Ihren Wunsch" }).waitFor();
  expect((await app.db.wish.findFirstOrThrow({ where: { email: CITIZEN.email } })).status).toBe("UNCONFIRMED");
  await checkPage(page, "manage-unconfirmed");

  await page.getByRole("button", { name: "Wunsch bestätigen" }).click();
  await page.getByText("Danke! Ihr Wunsch steht jetzt auf der Warteliste.").waitFor();
  const confirmed = await app.db.wish.findFirstOrThrow({ where: { email: CITIZEN.email } });
  expect(confirmed.status).toBe("ACTIVE");
  expect(confirmed.confirmedAt).not.toBeNull();
  await checkPage(page, "manage-active");

  // The position is never shown; the status is.
  await page.getByText("Auf der Warteliste", { exact: true }).waitFor();

  await page.getByLabel(/Nachmittags/).check();
  await page.getByRole("button", { name: "Änderungen speichern" }).click();
  await page.getByText("Ihre Änderungen sind gespeichert.", { exact: false }).waitFor();
  const changed = await app.db.wish.findFirstOrThrow({ where: { email: CITIZEN.email } });
  expect(changed).toMatchObject({ status: "ACTIVE", dayParts: "MORNING,AFTERNOON", confirmedAt: confirmed.confirmedAt });

  // A wrong link is the 404 page with the wish's own words.
  const wrong = await page.goto(manageUrl.replace(/[A-Za-z0-9_-]{43}$/, "A".repeat(43)));
  expect(wrong?.status()).toBe(404);
  await page.getByText("Dieser Link ist ungültig, oder der Wunsch ist nicht mehr gespeichert.").waitFor();
  await checkPage(page, "manage-unknown");
  await page.close();
});

it("offers a time a clerk cancels to the wish; accepting on the wish's page books it and mails the calendar file", async () => {
  // The clerk (here the administrator, who may act for every office) cancels the office's last appointment.
  const office = await app.db.office.findUniqueOrThrow({ where: { slug: OFFICE } });
  const last = await app.db.booking.findFirstOrThrow({ where: { officeId: office.id, status: "CONFIRMED" }, orderBy: { startsAt: "desc" } });
  const staff = await browser.newPage();
  await signIn(staff, app.url, "admin@terminvergabe.local", process.env.SEED_STAFF_PASSWORD ?? "Demo-Passwort-2026");
  await staff.goto(`${app.url}/staff/${OFFICE}/termine/${last.id}`);
  await staff.getByLabel("Grund der Absage").fill("Die Sachbearbeiterin ist an diesem Tag krank.");
  await staff.getByRole("button", { name: "Termin absagen" }).click();
  await staff.getByText("Der Termin ist abgesagt.", { exact: false }).waitFor();
  await staff.close();

  // Before anyone else can book it, the time is held for the wish and offered by e-mail.
  expect(await freeStarts()).not.toContain(last.startsAt.toISOString());
  const offerMail = await waitForMail(smtp, CITIZEN.email, /Termin frei für Sie/);
  expect(offerMail.attachments).toHaveLength(0);

  const page = await browser.newPage();
  await page.goto(manageUrl);
  const offer = page.getByTestId("wish-offer");
  await offer.getByRole("heading", { name: "Ein Termin für Sie" }).waitFor();
  await checkPage(page, "manage-offer");
  await offer.getByRole("button", { name: "Termin annehmen" }).click();

  // The appointment's own page opens (accepting gave it a new link), and the wish is fulfilled.
  await page.waitForURL(/\/termin\/[A-Za-z0-9_-]{43}\?angenommen=1$/);
  const wish = await app.db.wish.findFirstOrThrow({ where: { email: CITIZEN.email } });
  expect(wish.status).toBe("BOOKED");
  const booking = await app.db.booking.findUniqueOrThrow({ where: { id: wish.bookingId ?? "" } });
  expect(booking).toMatchObject({ status: "CONFIRMED", startsAt: last.startsAt, email: CITIZEN.email });

  const confirmation = await waitForMail(smtp, CITIZEN.email, /Terminbestätigung/);
  const ics = confirmation.attachments.find((a) => a.filename === "termin.ics");
  expect(ics?.contentType).toContain("text/calendar");
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics?.content.toString("utf8") ?? "")).getFirstSubcomponent("vevent")!);
  expect(event.startDate.toJSDate().toISOString()).toBe(last.startsAt.toISOString());

  // The wish's page now shows the appointment, not the form.
  await page.goto(manageUrl);
  await page.getByRole("heading", { name: "Ihr Termin" }).waitFor();
  await page.getByText("Termin gebucht", { exact: true }).waitFor();
  expect(await page.getByRole("button", { name: "Änderungen speichern" }).count()).toBe(0);
  await checkPage(page, "manage-booked");
  await page.close();
});

it("withdraws a second wish only after asking", async () => {
  const page = await browser.newPage();
  // Another citizen's wish, withdrawn through its link: the first step only asks.
  const other: CitizenData = { ...CITIZEN, givenName: "Lea", email: "lea.nasser@example.org" };
  await page.goto(`${app.url}/${OFFICE}/${SERVICE}`);
  await fillPersonalData(page, other);
  await page.getByRole("link", { name: "Auf die Warteliste" }).click();
  await page.getByRole("button", { name: "Auf die Warteliste setzen" }).click();
  await page.waitForURL(/\/warteliste\/eingetragen$/);
  const mail = await waitForMail(smtp, other.email, /Ihr Wunsch auf der Warteliste/);
  const link = /https?:\/\/\S+\/warteliste\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0] ?? "";
  await page.goto(link);
  await page.getByRole("link", { name: "Wunsch zurückziehen" }).click();
  await page.getByRole("heading", { name: "Möchten Sie Ihren Wunsch wirklich zurückziehen?" }).waitFor();
  expect((await app.db.wish.findFirstOrThrow({ where: { email: other.email } })).status).toBe("UNCONFIRMED");
  await checkPage(page, "withdraw-question");
  await page.getByRole("button", { name: "Wunsch zurückziehen" }).click();
  await page.getByText("Ihr Wunsch ist zurückgezogen.").waitFor();
  expect((await app.db.wish.findFirstOrThrow({ where: { email: other.email } })).status).toBe("WITHDRAWN");
  await checkPage(page, "manage-withdrawn");
  await page.close();
});

it("shows only a quiet way to the waiting list where the calendar has free times", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/auslaenderbehoerde/beratungsgespraech`);
  await fillPersonalData(page, { ...CITIZEN, email: "mira.nasser@example.org" });
  await page.waitForURL(/\/termin$/);
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  expect(await page.getByRole("heading", { name: "Zurzeit ist kein Termin frei" }).count()).toBe(0);
  await page.getByText("Nichts Passendes dabei, oder möchten Sie einen früheren Termin?").waitFor();
  await checkPage(page, "calendar-quiet-link");
  await page.getByRole("link", { name: "Auf die Warteliste setzen lassen" }).click();
  await page.waitForURL(/\/auslaenderbehoerde\/beratungsgespraech\/warteliste$/);
  await page.close();
});
