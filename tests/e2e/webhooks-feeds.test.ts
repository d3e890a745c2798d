import type { BrowserContext, Page } from "playwright-core";
import ICAL from "ical.js";
import { verifyWebhook } from "@/lib/server/webhooks/signature";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { checkPage as checkStaffPage, signIn } from "../helpers/staff-browser";
import { startWebhookReceiver, type TestWebhookReceiver } from "../helpers/webhook-receiver";

// An administrator connects a case-management system in the browser: registers an endpoint (its secret shown
// once), sends a test event that the app's own outbox worker delivers, signed, to a real receiver on loopback, and
// sees the delivery on the outbox page. A clerk's calendar link is created, subscribed to over HTTP, and revoked.
// Every page is checked with axe at 360 and 1280 px. The steps run in order and share one browser.

const OFFICE = "auslaenderbehoerde";
const PASSWORD = "Demo-Passwort-2026";

let receiver: TestWebhookReceiver;
let app: RunningApp;
let browser: BrowserContext;
let page: Page;
let secret = "";
let feedUrl = "";

const checkPage = (name: string) => checkStaffPage(page, name, "webhooks-feeds");

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // The receiver lives on loopback, which production refuses unless the installation allows private networks.
  app = await startApp({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" } });
  browser = await launchBrowser();
  page = await browser.newPage();
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await receiver?.stop();
});

test("the webhooks page starts empty and refuses an incomplete endpoint with an error summary", async () => {
  await page.goto(`${app.url}/staff/${OFFICE}`);
  await page.getByRole("link", { name: "Webhooks" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
  await page.getByText("Noch keine Empfänger.").waitFor();
  await checkPage("empty");
  await page.getByRole("button", { name: "Empfänger anlegen" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Der Empfänger wurde nicht angelegt" });
  await summary.getByText("Geben Sie eine Bezeichnung ein.").waitFor();
  await summary.getByText("Geben Sie die Adresse des Empfängers ein.").waitFor();
  expect(await app.db.webhookEndpoint.count()).toBe(0);
  await checkPage("error");
});

test("an administrator registers an endpoint and sees its secret once", async () => {
  await page.getByLabel("Bezeichnung").fill("Fachverfahren Ausländerwesen");
  await page.getByLabel("Adresse (URL)").fill(receiver.url("/termine"));
  await page.getByRole("button", { name: "Empfänger anlegen" }).click();
  secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole("heading", { level: 3, name: "Fachverfahren Ausländerwesen" }).waitFor();
  await checkPage("created");
  // Never shown again.
  await page.reload();
  await page.getByRole("heading", { level: 3, name: "Fachverfahren Ausländerwesen" }).waitFor();
  expect(await page.content()).not.toContain(secret);
});

test("a test event is delivered signed by the app's outbox worker and shows on the outbox page", async () => {
  await page.getByRole("button", { name: "Testereignis senden: Fachverfahren Ausländerwesen" }).click();
  await page.getByText("Das Testereignis ist unterwegs").waitFor();
  const deadline = Date.now() + 20_000;
  while (receiver.callsTo("/termine").length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const [call] = receiver.callsTo("/termine");
  expect(JSON.parse(call.body)).toMatchObject({ type: "webhook.test", office: { slug: OFFICE } });
  const delivered = { id: call.id, timestamp: String(call.headers["webhook-timestamp"]), signature: String(call.headers["webhook-signature"]), body: call.body };
  expect(verifyWebhook(secret, delivered, new Date())).toBe(true);

  await page.getByRole("link", { name: "Zustellungen im Postausgang ansehen" }).click();
  const delivery = page.getByTestId("webhook-delivery").first();
  await delivery.waitFor();
  await expect(delivery.getAttribute("data-status")).resolves.toBe("SENT");
  expect(await delivery.getByTestId("webhook-response-status").textContent()).toBe("200");
  await checkPage("outbox");
});

test("the endpoint is edited in place", async () => {
  await page.goto(`${app.url}/staff/${OFFICE}/schnittstellen`);
  await page.getByLabel("Bearbeiten: Fachverfahren Ausländerwesen").click();
  const edit = page.locator("details[open]");
  await edit.getByLabel("Termin gebucht").uncheck();
  await edit.getByRole("button", { name: "Änderungen speichern" }).click();
  await edit.getByText("Die Änderungen sind gespeichert.").waitFor();
  expect((await app.db.webhookEndpoint.findFirstOrThrow()).events).not.toContain("booking.created");
  await checkPage("edited");
});

test("a clerk's calendar link works until it is revoked, then answers 404", async () => {
  await page.goto(`${app.url}/staff/${OFFICE}`);
  await page.getByRole("link", { name: "Kalender-Abo" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Kalender-Abo" }).waitFor();
  await checkPage("feeds-empty");
  await page.getByLabel("Bezeichnung").fill("Outlook Teamleitung");
  await page.getByRole("button", { name: "Link anlegen" }).click();
  feedUrl = await page.getByTestId("feed-url").inputValue();
  expect(feedUrl).toMatch(new RegExp(`^${app.url}/api/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
  await page.getByRole("heading", { level: 3, name: "Outlook Teamleitung" }).waitFor();
  await checkPage("feeds-created");

  const response = await fetch(feedUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const text = await response.text();
  // The demo office's seeded appointments, without their e-mail addresses.
  expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").length).toBeGreaterThan(0);
  expect(text).not.toContain("@example.org");

  await page.getByRole("button", { name: "Widerrufen: Outlook Teamleitung" }).click();
  await page.getByText("Der Kalender-Link wurde widerrufen.").waitFor();
  expect((await fetch(feedUrl)).status).toBe(404);
  await checkPage("feeds-revoked");
});
