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
