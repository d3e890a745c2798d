// Walks through the booking wizard on a running app and screenshots every step (phone and desktop width).
// Usage: tsx tests/tools/walkthrough.ts http://localhost:3000 [outDir]
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData } from "../helpers/citizen";

async function main() {
  const base = process.argv[2] ?? "http://localhost:3000";
  const out = process.argv[3] ?? path.join(__dirname, "..", ".artifacts", "walkthrough");
  fs.mkdirSync(out, { recursive: true });
  for (const width of [360, 1280]) {
    const browser = await launchBrowser({ width, height: 800 });
    const page = await browser.newPage();
    const shot = async (name: string) => {
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    };
    await page.goto(`${base}/auslaenderbehoerde`);
    await page.getByLabel("Beratungsgespräch").check();
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.waitForURL(/beratungsgespraech$/);
    await page.getByRole("button", { name: "Weiter zur Terminauswahl" }).click();
    await page.getByRole("alert").first().waitFor();
    await shot("2-errors");
    await fillPersonalData(page, { givenName: "Amira", familyName: "Haddad", email: `amira${width}@example.org`, born: ["27", "3", "1990"] });
    await page.waitForURL(/termin/);
    await shot("3-calendar");
    await page.getByRole("button", { name: "Diesen Termin wählen" }).click();
    await page.waitForURL(/pruefen/);
    await shot("4-review");
    await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
    await page.waitForURL(/bestaetigung/);
    await shot("5-confirmation");
    await page.getByRole("link", { name: "Termin ansehen, verschieben oder absagen" }).click();
    await page.waitForURL(/\/termin\//);
    await shot("6-manage");
    await page.getByRole("link", { name: "Termin verschieben" }).click();
    await page.waitForURL(/verschieben/);
    await shot("7-reschedule");
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
