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

/** A booking through the JSON API, as a scripted client posts it (names without digits, adult date of birth). */
export function postBooking(
  appUrl: string,
  booking: { office: string; service: string; start: string; familyName: string; email: string },
  init: Pick<RequestInit, "signal"> = {},
): Promise<Response> {
  return fetch(`${appUrl}/api/v1/bookings`, {
    ...init,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...booking, persons: 1, givenName: "Lena", dateOfBirth: "1988-04-12", privacyConsent: true }),
  });
}
