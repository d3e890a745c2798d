import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";
import { fillPersonalData, reachPersonalData, slotListed, takeAllPlaces } from "../helpers/citizen";

// A citizen who has never used the site books an appointment in five steps, receives the e-mail, follows its link,
// cancels, and the time is free again: against the built app, a real SMTP server and headless Chromium.

let app: RunningApp;
let smtp: TestSmtpServer;
let browser: BrowserContext;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  browser = await launchBrowser({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});


async function chosenSlotStart(page: Page): Promise<string> {
  return page.getByRole("button", { name: "Diesen Termin wählen" }).getAttribute("value") as Promise<string>;
}

it("books in five steps, mails a confirmation, and cancelling from the link frees the slot", async () => {
  const page = await browser.newPage();

  // Steps 1 and 2: the home page lists the office, the service is chosen; an empty submit of the personal data shows
  // the error summary in German first.
  await reachPersonalData(page, app.url);
  await fillPersonalData(page);

  // Step 3: the calendar opens on the next free appointment.
  await page.waitForURL(/\/termin/);
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();

  // A reload keeps the wizard where it was, and Back shows the data entered before.
  await page.reload();
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  await page.getByRole("link", { name: "Zurück" }).click();
  await page.waitForURL(/\/auslaenderbehoerde\/beratungsgespraech$/);
  expect(await page.getByLabel("Familienname").inputValue()).toBe("Haddad");
  expect(await page.getByLabel("Jahr").inputValue()).toBe("1990");
  expect(await page.getByLabel(/Datenschutzhinweise/).isChecked()).toBe(true);
  await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await page.waitForURL(/\/termin/);
  await page.getByRole("heading", { name: "Nächster freier Termin" }).waitFor();
  const start = await chosenSlotStart(page);
  await page.getByRole("button", { name: "Diesen Termin wählen" }).click();

  // Step 4: review, then book.
  await page.waitForURL(/\/pruefen$/);
  await page.getByText("amira.haddad@example.org").waitFor();
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();

  // Step 5: confirmation with a reference code.
  await page.waitForURL(/\/bestaetigung$/);
  const reference = (await page.getByTestId("reference-code").textContent())?.trim();
  expect(reference).toMatch(/^TV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // The confirmation e-mail arrives over SMTP with the manage link and a calendar file at the booked instant.
  const mail = await waitForMail(smtp, "amira.haddad@example.org", new RegExp(reference!));
  const ics = mail.attachments.find((a) => a.filename?.endsWith(".ics"));
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent")!);
  expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
  const link = (mail.text ?? "").match(/https?:\/\/\S+\/termin\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeDefined();

  const booked = await app.db.booking.findFirstOrThrow({ where: { referenceCode: reference } });
  expect(booked.startsAt.toISOString()).toBe(new Date(start).toISOString());

  // Other citizens take the remaining places of that time through the public API, until it is full.
  await takeAllPlaces(app.url, "auslaenderbehoerde", "beratungsgespraech", start);

  // Follow the link from the e-mail and cancel: the question first, then the answer.
  await page.goto(link!);
  await page.getByText(reference!, { exact: true }).waitFor();
  await page.getByRole("link", { name: "Termin absagen" }).click();
  await page.getByRole("heading", { level: 1, name: "Möchten Sie diesen Termin absagen?" }).waitFor();
  await page.getByRole("button", { name: "Termin absagen" }).click();
  await page.getByText("Ihr Termin wurde abgesagt.").waitFor();
  const cancelled = await app.db.booking.findUniqueOrThrow({ where: { id: booked.id } });
  expect(cancelled.status).toBe("CANCELLED");
  await waitForMail(smtp, "amira.haddad@example.org", /abgesagt|Absage/i);

  // The time is free again.
  expect(await slotListed(app.url, "auslaenderbehoerde", "beratungsgespraech", start)).toBe(true);
});
