import type { Page } from "playwright-core";

export interface CitizenData {
  givenName: string;
  familyName: string;
  email: string;
  /** Day, month and year as the citizen types them. */
  born: [string, string, string];
}

export const AMIRA: CitizenData = {
  givenName: "Amira",
  familyName: "Haddad",
  email: "amira.haddad@example.org",
  born: ["27", "3", "1990"],
};

/**
 * Steps 1 and 2 up to the empty personal data form, as a first-time citizen meets them: the Ausländerbehörde from
 * the home page, "Weiter" without a service (its error), the Beratungsgespräch, then an empty submit of step 2 (the
 * error summary).
 */
export async function reachPersonalData(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole("link", { name: /Ausländerbehörde/ }).click();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByText("Bitte wählen Sie ein Anliegen aus.").first().waitFor();
  await page.getByLabel("Beratungsgespräch").check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.waitForURL(/\/auslaenderbehoerde\/beratungsgespraech$/);
  await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
  await page.getByRole("alert").getByText("Bitte prüfen Sie Ihre Eingaben").waitFor();
}

/** Step 2 of the wizard as a citizen fills it in, ending with "Weiter zur Terminauswahl". */
export async function fillPersonalData(page: Page, person: CitizenData = AMIRA): Promise<void> {
  await page.getByLabel("Vorname(n)").fill(person.givenName);
  await page.getByLabel("Familienname").fill(person.familyName);
  await page.getByLabel("E-Mail-Adresse").fill(person.email);
  await page.getByLabel("Tag").fill(person.born[0]);
  await page.getByLabel("Monat").fill(person.born[1]);
  await page.getByLabel("Jahr").fill(person.born[2]);
  await page.getByLabel(/Datenschutzhinweise/).check();
  await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
}

export interface ApiBooking {
  office: string;
  service: string;
  start: string;
  familyName: string;
  email: string;
  givenName?: string;
  dateOfBirth?: string;
  locale?: string;
}

/**
 * A booking through the JSON API, as a scripted client posts it (one person; unless given, a given name without
 * digits and an adult date of birth). `query` is appended to the URL, e.g. "?lang=ar".
 */
export function postBooking(
  appUrl: string,
  booking: ApiBooking,
  init: Pick<RequestInit, "signal"> & { query?: string } = {},
): Promise<Response> {
  return fetch(`${appUrl}/api/v1/bookings${init.query ?? ""}`, {
    signal: init.signal,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ persons: 1, givenName: "Lena", dateOfBirth: "1988-04-12", ...booking, privacyConsent: true }),
  });
}

/** Whether the JSON API's slot list of that day offers `start`. */
export async function slotListed(appUrl: string, office: string, service: string, start: string): Promise<boolean> {
  const day = new Date(start).toISOString().slice(0, 10);
  const res = await fetch(`${appUrl}/api/v1/offices/${office}/services/${service}/slots?from=${day}&to=${day}`);
  if (res.status !== 200) throw new Error(`listing the slots answered ${res.status}`);
  return JSON.stringify(await res.json()).includes(new Date(start).toISOString());
}

/** Other citizens take the remaining places of `start` through the JSON API, until the slot list no longer offers it. */
export async function takeAllPlaces(appUrl: string, office: string, service: string, start: string): Promise<void> {
  const listed = () => slotListed(appUrl, office, service, start);
  for (let n = 0; (await listed()) && n < 10; n++) {
    const res = await postBooking(appUrl, {
      office,
      service,
      start,
      givenName: "Jonas",
      // Names may not contain digits.
      familyName: `Nachbar ${"ABCDEFGHIJ"[n]}`,
      email: `nachbar${n}@example.org`,
      dateOfBirth: "1985-01-02",
    });
    if (res.status !== 201) throw new Error(`booking the slot through the API answered ${res.status}`);
  }
  if (await listed()) throw new Error("the slot is still offered after filling it");
}
