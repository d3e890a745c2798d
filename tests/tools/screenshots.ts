// Screenshots of pages at phone and desktop width, for looking at what we build.
// Usage: tsx tests/tools/screenshots.ts http://localhost:3000 / /auslaenderbehoerde ...
// Staff pages: STAFF_EMAIL=admin@terminvergabe.local [STAFF_PASSWORD=...] signs in first.
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "../helpers/browser";
import { signIn } from "../helpers/staff-browser";

async function main() {
  const [base, ...paths] = process.argv.slice(2);
  if (!base || paths.length === 0) throw new Error("usage: screenshots.ts BASE_URL PATH...");
  const out = path.join(__dirname, "..", ".artifacts", "screenshots");
  fs.mkdirSync(out, { recursive: true });
  for (const width of [360, 1280]) {
    const browser = await launchBrowser({ width, height: 800 });
    const page = await browser.newPage();
    const staffEmail = process.env.STAFF_EMAIL;
    if (staffEmail) await signIn(page, base, staffEmail, process.env.STAFF_PASSWORD ?? "Demo-Passwort-2026");
    for (const p of paths) {
      await page.goto(new URL(p, base).toString(), { waitUntil: "networkidle" });
      const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
