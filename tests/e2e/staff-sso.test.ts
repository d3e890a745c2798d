import type { BrowserContext, Page } from "playwright-core";
import { startApp, freePort, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { startOidcProvider, type RunningOidcProvider } from "../helpers/oidc";
import { screenshot } from "../helpers/staff-browser";

// Single sign-on through the city's OpenID Connect provider, against a real provider on loopback: people the
// administrators added sign in with their city account; anyone else, and deactivated accounts, are refused.

const ADMIN_EMAIL = "admin@terminvergabe.local";
const CLERK_EMAIL = "sachbearbeitung@terminvergabe.local";

let app: RunningApp;
let oidc: RunningOidcProvider;
let browser: BrowserContext;

beforeAll(async () => {
  const port = await freePort();
  oidc = await startOidcProvider({
    redirectUri: `http://localhost:${port}/api/auth/callback/oidc`,
    accounts: {
      "a.admin": { email: ADMIN_EMAIL.toUpperCase(), name: "Anna Admin" },
      "s.clerk": { email: CLERK_EMAIL, name: "Sam Sachbearbeitung" },
      "x.stranger": { email: "stranger@pirmasens.example", name: "Not Added" },
    },
  });
  app = await startApp({
    port,
    env: { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret },
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await oidc?.stop();
});

beforeEach(async () => {
  await browser?.close();
  browser = await launchBrowser();
});

/** From the staff login through the provider's own login and consent pages, back to the app. */
async function signInWithCityAccount(page: Page, login: string): Promise<void> {
  await page.goto(`${app.url}/staff/login`);
  await page.getByRole("button", { name: "Mit dem Konto der Stadtverwaltung anmelden" }).click();
  await page.waitForURL((url) => url.origin === oidc.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === app.url);
}

it("an administrator signs in with the city account and works in the staff area", async () => {
  const page = await browser.newPage();
  await signInWithCityAccount(page, "a.admin");
  await page.waitForURL((url) => url.pathname === "/staff");
  await page.getByText(/Angemeldet als .* · Administration/).waitFor();
  await page.goto(`${app.url}/staff/auslaenderbehoerde/kalender`);
  expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toContain("Öffnungszeiten");
  await screenshot(page, "sso-signed-in", { prefix: "staff-e2e" });
});

it("a clerk signs in with the city account and sees their office", async () => {
  const page = await browser.newPage();
  await signInWithCityAccount(page, "s.clerk");
  // A clerk of one office lands on its day list.
  await page.waitForURL((url) => url.pathname === "/staff/auslaenderbehoerde");
  await page.getByText("Ausländerbehörde", { exact: false }).first().waitFor();
});

it("a city account the administrators have not added is refused, without a session", async () => {
  const page = await browser.newPage();
  await signInWithCityAccount(page, "x.stranger");
  await page.waitForURL((url) => url.pathname === "/staff/login");
  await page.getByText("Die Anmeldung über das Konto der Stadtverwaltung ist fehlgeschlagen").waitFor();
  await screenshot(page, "sso-refused", { prefix: "staff-e2e" });
  const res = await page.goto(`${app.url}/staff`);
  expect(new URL(page.url()).pathname).toBe("/staff/login");
  expect(res?.ok()).toBe(true);
});

it("a deactivated staff member is refused even though the city account still works", async () => {
  await app.db.staffUser.update({ where: { email: CLERK_EMAIL }, data: { active: false } });
  try {
    const page = await browser.newPage();
    await signInWithCityAccount(page, "s.clerk");
    await page.waitForURL((url) => url.pathname === "/staff/login");
    await page.getByText("Die Anmeldung über das Konto der Stadtverwaltung ist fehlgeschlagen").waitFor();
  } finally {
    await app.db.staffUser.update({ where: { email: CLERK_EMAIL }, data: { active: true } });
  }
});
