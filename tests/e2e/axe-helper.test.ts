import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations, WCAG_21_AA_TAGS } from "../helpers/axe";
import { launchBrowser } from "../helpers/browser";

// The accessibility helper itself: on one document it runs axe directly (injected once per document, violations
// only); it must find exactly what @axe-core/playwright finds, again after the viewport changes and after a
// navigation to a new document, and it must still look inside frames.

const FAULTY = `<!doctype html><html lang="de"><head><title>Fehlerhaft</title></head><body><main>
  <h1>Seite mit Fehlern</h1>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#bbb;background:#fff">Kaum lesbar</p>
  <input type="text">
  <button></button>
</main></body></html>`;

const CLEAN = `<!doctype html><html lang="de"><head><title>Sauber</title></head><body><main><h1>In Ordnung</h1>
  <label>Name <input type="text"></label></main></body></html>`;

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
});

afterAll(() => browser?.close());

const ids = (violations: { id: string }[]) => violations.map((v) => v.id).sort();

async function reference(): Promise<string[]> {
  return ids((await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze()).violations);
}

it("finds what AxeBuilder finds on one document, at both widths and after a navigation", async () => {
  await page.setContent(FAULTY);
  const found = ids(await axeViolations(page));
  expect(found).toEqual(expect.arrayContaining(["button-name", "color-contrast", "image-alt", "label"]));
  expect(found).toEqual(await reference());

  // The same document at phone width: axe is already there and runs again.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(ids(await axeViolations(page))).toEqual(found);

  // A new document: nothing left over from the last one, in either direction.
  await page.setContent(CLEAN);
  expect(await axeViolations(page)).toEqual([]);
  await page.setContent(FAULTY);
  expect(ids(await axeViolations(page))).toEqual(found);
  await page.setViewportSize({ width: 1280, height: 900 });
});

it("reports the nodes of each violation", async () => {
  await page.setContent(FAULTY);
  const image = (await axeViolations(page)).find((v) => v.id === "image-alt");
  expect(image?.nodes.map((n) => n.target.join(" "))).toEqual(["img"]);
});

it("looks inside frames", async () => {
  const inner = FAULTY.replace(/"/g, "&quot;");
  await page.setContent(`<!doctype html><html lang="de"><head><title>Rahmen</title></head><body><main><h1>Außen</h1>
    <iframe title="Innen" srcdoc="${inner}"></iframe></main></body></html>`);
  await page.frames()[1].waitForLoadState();
  const found = ids(await axeViolations(page));
  expect(found).toEqual(expect.arrayContaining(["button-name", "image-alt", "label"]));
  expect(found).toEqual(await reference());
});
