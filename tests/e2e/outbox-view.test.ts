import type { BrowserContext } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { axeViolations, formatViolations, scrollWidthAt } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";
import { startSmtpServer, type TestSmtpServer, waitForMail } from "../helpers/smtp";
import { screenshot, signIn } from "../helpers/staff-browser";
import { postBooking } from "../helpers/citizen";

// The office admins' outbox page in the built app: a message that failed during an SMTP outage is listed with a
// masked address and its error, passes axe-core (WCAG 2.1 AA) at 360 and 1280 px, and "Erneut senden" delivers it
// exactly once when the server is back. Clerks get neither the link nor the page.

const OFFICE = "auslaenderbehoerde";
const SERVICE = "beratungsgespraech";
const PASSWORD = "Demo-Passwort-2026";
const EMAIL = "postausgang.test@example.org";

let app: RunningApp;
let smtp: TestSmtpServer;
const browsers: BrowserContext[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await app.stop();
  await smtp.stop();
});

async function failedConfirmation(): Promise<string> {
  await smtp.outage("down");
  const res = await fetch(`${app.url}/api/v1/offices/${OFFICE}/services/${SERVICE}/slots?next=1`);
  const { nextFree } = (await res.json()) as { nextFree: { start: string } };
  const booked = await postBooking(app.url, {
    office: OFFICE,
    service: SERVICE,
    start: nextFree.start,
    givenName: "Paula",
    familyName: "Postausgang",
    email: EMAIL,
    dateOfBirth: "1985-01-02",
  });
  expect(booked.status).toBe(201);
  const { referenceCode } = (await booked.json()) as { referenceCode: string };
  // The worker tries while the server is down and schedules a retry.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const row = await app.db.outboxMessage.findFirst({ where: { booking: { referenceCode } } });
    if (row && row.attempts >= 1 && row.status === "PENDING" && row.lastError) break;
    if (Date.now() > deadline) throw new Error("the confirmation was not attempted");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Given that it has used up its attempts (hours of retries in real life):
  const row = await app.db.outboxMessage.findFirstOrThrow({ where: { booking: { referenceCode } } });
  await app.db.outboxMessage.update({ where: { id: row.id }, data: { status: "FAILED", attempts: 12 } });
  await smtp.restore();
  return row.subject;
}

it("lists a failed message with a masked address, passes axe, and sends it again once", async () => {
  const subject = await failedConfirmation();
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage();
  await signIn(page, app.url, "admin@terminvergabe.local", PASSWORD);

  await page.goto(`${app.url}/staff/${OFFICE}`);
  await page.getByRole("link", { name: "Postausgang", exact: true }).click();
  await page.waitForURL(`**/staff/${OFFICE}/postausgang`);
  await page.getByRole("heading", { level: 1, name: "Postausgang" }).waitFor();

  const failed = page.locator('[data-testid="outbox-entry"][data-status="FAILED"]');
  await expect(failed.count()).resolves.toBe(1);
  await expect(failed.getByTestId("outbox-recipient").textContent()).resolves.toBe("p***@example.org");
  expect(await page.content()).not.toContain(EMAIL);

  expect(formatViolations(await axeViolations(page))).toEqual([]);
  for (const width of [360, 1280]) {
    expect((await scrollWidthAt(page, width)).culprits).toEqual([]);
    await screenshot(page, `outbox-${width}`, { prefix: "outbox" });
  }

  await page.getByRole("button", { name: `Nachricht „${subject}“ erneut senden` }).click();
  await page.getByText("Die Nachricht steht wieder in der Warteschlange").waitFor();
  // Waited for by its recipient (the outbox may send the seed's reminders too), then a second for a duplicate.
  await waitForMail(smtp, EMAIL, /./);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(smtp.messages.filter((m) => m.envelope.to.includes(EMAIL))).toHaveLength(1);
  expect(formatViolations(await axeViolations(page))).toEqual([]);
  const audit = await app.db.auditLog.findMany({ where: { action: "outbox.resend" } });
  expect(audit).toHaveLength(1);
});

it("shows clerks neither the link nor the page", async () => {
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage();
  await signIn(page, app.url, "sachbearbeitung@terminvergabe.local", PASSWORD);
  await page.goto(`${app.url}/staff/${OFFICE}`);
  await expect(page.getByRole("link", { name: "Postausgang", exact: true }).count()).resolves.toBe(0);
  await page.goto(`${app.url}/staff/${OFFICE}/postausgang`);
  await page.getByText("Dafür fehlt Ihnen die Berechtigung.").first().waitFor();
  expect(await page.locator('[data-testid="outbox-entry"]').count()).toBe(0);
});
