import type { BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { startSmtpServer, waitForMail, type TestSmtpServer } from "../helpers/smtp";
import { checkPage as checkStaffPage, signIn, submitLogin } from "../helpers/staff-browser";

// An administrator invites a new clerk in the browser; the invitation arrives over real SMTP; the clerk opens the
// link, sets a password, signs in and sees their office. Every new page is checked with axe at 360 and 1280 px
// and must not scroll sideways on a phone. The steps run in order and share the two browsers.

const ADMIN_EMAIL = "admin@terminvergabe.local";
const PASSWORD = "Demo-Passwort-2026";
const CLERK_EMAIL = "neue.kollegin@terminvergabe.local";
const CLERK_NAME = "Nora Neumann";
const CLERK_PASSWORD = "Mein sicheres Kennwort 2026";
const OFFICE_NAME = "Ausländerbehörde";

let smtp: TestSmtpServer;
let app: RunningApp;
let adminBrowser: BrowserContext;
let clerkBrowser: BrowserContext;
let admin: Page;
let clerk: Page;
let inviteLink: string | undefined;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startApp({ smtpUrl: smtp.url });
  adminBrowser = await launchBrowser();
  clerkBrowser = await launchBrowser();
  admin = await adminBrowser.newPage();
  clerk = await clerkBrowser.newPage();
});

afterAll(async () => {
  await adminBrowser?.close();
  await clerkBrowser?.close();
  await app?.stop();
  await smtp?.stop();
});

/** The shared page check (axe, reflow, screenshots) under this test's prefix. */
const checkPage = (page: Page, name: string) => checkStaffPage(page, name, "staff-invite");

test("the administrator sees the staff list", async () => {
  await signIn(admin, app.url, ADMIN_EMAIL, PASSWORD);
  await admin.goto(`${app.url}/staff/verwaltung/personal`);
  await admin.getByRole("heading", { level: 1, name: "Personal" }).waitFor();
  await admin.getByRole("heading", { name: "Sam Sachbearbeitung" }).waitFor();
  await checkPage(admin, "list");
});

test("an incomplete invitation is answered with an error summary and changes nothing", async () => {
  await admin.getByRole("link", { name: "Person einladen" }).click();
  await admin.getByRole("heading", { level: 1, name: "Person einladen" }).waitFor();
  await checkPage(admin, "invite-form");
  await admin.getByLabel("Name", { exact: true }).fill(CLERK_NAME);
  await admin.getByLabel("E-Mail-Adresse").fill(CLERK_EMAIL);
  await admin.getByRole("button", { name: "Einladung senden" }).click();
  const summary = admin.getByRole("alert").filter({ hasText: "Die Einladung wurde nicht verschickt" });
  await summary.getByText("Bitte wählen Sie mindestens eine Stelle.").waitFor();
  // What was typed stays.
  expect(await admin.getByLabel("Name", { exact: true }).inputValue()).toBe(CLERK_NAME);
  expect(await app.db.staffUser.count({ where: { email: CLERK_EMAIL } })).toBe(0);
  await checkPage(admin, "invite-form-error");
});

test("the administrator invites a clerk for the Ausländerbehörde, and the e-mail arrives over SMTP", async () => {
  await admin.getByLabel("Sachbearbeitung", { exact: false }).first().check();
  await admin.getByLabel(OFFICE_NAME).check();
  await admin.getByRole("button", { name: "Einladung senden" }).click();
  await admin.getByText("Die Einladung ist verschickt.").waitFor();
  const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: CLERK_NAME }) });
  await card.getByText(/Einladung offen bis/).waitFor();
  await card.getByText(OFFICE_NAME).waitFor();

  // Waited for by its recipient: the outbox may send the seed's reminders first.
  const mail = await waitForMail(smtp, CLERK_EMAIL, /./);
  expect(mail?.subject).toBe("Ihr Zugang zur Online-Terminvergabe");
  expect(mail?.text).toContain(`Guten Tag ${CLERK_NAME},`);
  inviteLink = /(https?:\/\/\S+\/staff\/einladung\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
  expect(inviteLink?.startsWith(`${app.url}/staff/einladung/`)).toBe(true);
  expect(mail?.html).toContain(`href="${inviteLink}"`);
});

test("the edit page shows the open invitation and the account actions", async () => {
  const user = await app.db.staffUser.findUniqueOrThrow({ where: { email: CLERK_EMAIL } });
  await admin.goto(`${app.url}/staff/verwaltung/personal/${user.id}`);
  await admin.getByRole("heading", { level: 1, name: CLERK_NAME }).waitFor();
  await admin.getByRole("button", { name: "Neuen Einladungslink senden" }).waitFor();
  await admin.getByRole("button", { name: "Zugang sperren" }).waitFor();
  await checkPage(admin, "edit");
});

test("the clerk opens the link without a session, sets a password and signs in to see the office", async () => {
  expect(inviteLink).toBeDefined();
  await clerk.goto(inviteLink!);
  await clerk.getByRole("heading", { level: 1, name: "Passwort festlegen" }).waitFor();
  await clerk.getByText(CLERK_EMAIL).waitFor();
  await checkPage(clerk, "accept");

  // Two different passwords: refused, nothing stored.
  await clerk.getByLabel("Neues Passwort", { exact: true }).fill(CLERK_PASSWORD);
  await clerk.getByLabel("Neues Passwort wiederholen").fill("Ein anderes Kennwort 2026");
  await clerk.getByRole("button", { name: "Passwort speichern" }).click();
  await clerk.getByRole("alert").getByText("Die beiden Passwörter stimmen nicht überein.").waitFor();
  expect((await app.db.staffUser.findUniqueOrThrow({ where: { email: CLERK_EMAIL } })).passwordHash).toBeNull();
  await checkPage(clerk, "accept-error");

  await clerk.getByLabel("Neues Passwort", { exact: true }).fill(CLERK_PASSWORD);
  await clerk.getByLabel("Neues Passwort wiederholen").fill(CLERK_PASSWORD);
  await clerk.getByRole("button", { name: "Passwort speichern" }).click();
  await clerk.getByText("Ihr Passwort ist gespeichert").waitFor();
  await checkPage(clerk, "accept-done");

  await clerk.getByRole("link", { name: "Zur Anmeldung" }).click();
  await clerk.waitForURL((url) => url.pathname === "/staff/login");
  await submitLogin(clerk, CLERK_EMAIL, CLERK_PASSWORD);
  // A clerk of one office lands on that office's day list.
  await clerk.waitForURL((url) => url.pathname === "/staff/auslaenderbehoerde");
  await clerk.getByRole("heading", { level: 1, name: /^Termine am / }).waitFor();
  await clerk.getByText(`· ${OFFICE_NAME}`).waitFor();
});

test("the used link is refused with the same message as an unknown one", async () => {
  await clerk.goto(inviteLink!);
  await clerk.getByRole("heading", { level: 1, name: "Dieser Link funktioniert nicht" }).waitFor();
  const used = await clerk.locator("main [role=alert]").textContent();
  await clerk.goto(`${app.url}/staff/einladung/${"x".repeat(43)}`);
  await clerk.getByRole("heading", { level: 1, name: "Dieser Link funktioniert nicht" }).waitFor();
  expect(await clerk.locator("main [role=alert]").textContent()).toBe(used);
  await checkPage(clerk, "invalid");
});

test("the clerk cannot open the staff administration", async () => {
  await clerk.goto(`${app.url}/staff/verwaltung/personal`);
  await clerk.getByText("Dafür fehlt Ihnen die Berechtigung").waitFor();
  expect(await clerk.getByText(ADMIN_EMAIL).count()).toBe(0);
});

test("after the administrator locks the account, the clerk's open session ends at once", async () => {
  const user = await app.db.staffUser.findUniqueOrThrow({ where: { email: CLERK_EMAIL } });
  await admin.goto(`${app.url}/staff/verwaltung/personal/${user.id}`);
  await admin.getByRole("button", { name: "Zugang sperren" }).click();
  await admin.getByText("Der Zugang ist gesperrt.").waitFor();
  await clerk.goto(`${app.url}/staff`);
  await clerk.waitForURL((url) => url.pathname === "/staff/login");
});
