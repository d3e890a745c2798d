import AxeBuilder from "@axe-core/playwright";
import axe, { type AxeResults, type Result } from "axe-core";
import type { Page } from "playwright-core";

// Accessibility checks shared by the end-to-end tests: axe-core with the WCAG 2.1 A/AA rules (the level BITV 2.0
// requires) plus page-level checks that axe does not make (one h1, skip link, reflow, visible focus, target size).

export const WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe-core violations of WCAG 2.1 A/AA on the page as it is now. */
export async function axeViolations(page: Page): Promise<Result[]> {
  // After a client-side navigation Next sets the title a moment after the content: audit the settled page. A page
  // that never gets a title still fails axe's document-title rule after the wait.
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 3000 }).catch(() => undefined);
  // A page with frames: AxeBuilder runs axe in every frame and merges the results in a page of its own.
  if (page.frames().length > 1) return (await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze()).violations;
  // One document: axe.run in it, as AxeBuilder's legacy mode does, with two savings that do not change what is
  // checked: axe is injected once per document (not again for the same page at another width), and only the
  // violations come back (not every passing element, which is most of the result).
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(
    async (tags) =>
      (
        await (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        })
      ).violations,
    WCAG_21_AA_TAGS,
  );
}

/** One readable block per violation: rule, impact, WCAG criteria, help link, and each element with axe's summary. */
export function formatViolations(violations: Result[]): string[] {
  return violations.map((v) => {
    const criteria = v.tags.filter((t) => /^wcag\d{3,}$/.test(t)).join(", ");
    const nodes = v.nodes.map((n) => {
      const summary = (n.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
      return `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
    });
    return `${v.id} [${v.impact ?? "?"}] ${criteria}: ${v.help}\n  ${v.helpUrl}\n${nodes.join("\n")}`;
  });
}

/**
 * The page's scroll width at `width` CSS px, which is larger than the viewport when the page scrolls sideways, and
 * what sticks out: the outermost elements and text runs that cross the right edge while their parent does not.
 */
export async function scrollWidthAt(page: Page, width: number): Promise<{ scrollWidth: number; culprits: string[] }> {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: size?.height ?? 800 });
  return page.evaluate((viewport) => {
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth <= viewport) return { scrollWidth, culprits };
    const edge = viewport + 0.5;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const right = (el: Element | null) => (el ? el.getBoundingClientRect().right : 0);
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > edge && right(el.parentElement) <= edge) {
        culprits.push(`${describe(el)} is ${Math.round(r.width)} px wide, right edge at ${r.right.toFixed(1)} px: "${(el.textContent ?? "").trim().slice(0, 50)}"`);
      }
    }
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.right > edge && right(n.parentElement) <= edge) {
        culprits.push(`text in ${describe(n.parentElement!)} runs to ${r.right.toFixed(1)} px (a word too long for the line): "${(n.textContent ?? "").trim().slice(0, 50)}"`);
      }
    }
    return { scrollWidth, culprits: culprits.slice(0, 8) };
  }, width);
}

export interface FocusInfo {
  /** e.g. `button "Weiter"` or `input#givenName`. */
  description: string;
  tag: string;
  id: string;
  name: string;
  href: string | null;
  outline: string;
  boxShadow: string;
  /** A non-none outline of positive width, or a box-shadow. */
  visible: boolean;
  rect: { x: number; y: number; width: number; height: number };
}

/** What has keyboard focus now, and whether a focus indicator is drawn around it. */
export async function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const outlineVisible =
      style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== "rgba(0, 0, 0, 0)";
    const shadowVisible = style.boxShadow !== "none" && style.boxShadow !== "";
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80);
    const tag = el.tagName.toLowerCase();
    return {
      description: `${tag}${el.id ? `#${el.id}` : ""}${name ? ` "${name}"` : ""}`,
      tag,
      id: el.id,
      name,
      href: el.getAttribute("href"),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      visible: outlineVisible || shadowVisible,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

/**
 * The skip link: the first thing Tab reaches (when `fromStart`, i.e. on a freshly loaded page; otherwise it is
 * reached with Shift+Tab from wherever focus is), visible while focused, and Enter on it moves focus to <main>.
 */
export async function checkSkipLink(page: Page, opts: { fromStart: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const link = page.locator("body a[href$='#inhalt']").first();
  if ((await link.count()) === 0) return ["no skip link (a[href='#inhalt']) on the page"];
  if (opts.fromStart) {
    await page.keyboard.press("Tab");
    const first = await focusInfo(page);
    const isSkip = await link.evaluate((a) => a === document.activeElement);
    if (!isSkip) {
      problems.push(`the first Tab reaches ${first?.description ?? "nothing"}, not the skip link`);
      return problems;
    }
  } else {
    // Back to the top with Shift+Tab, as a keyboard user would; focus() from a script would not show :focus-visible.
    for (let i = 0; i < 40 && !(await link.evaluate((a) => a === document.activeElement)); i++) {
      await page.keyboard.press("Shift+Tab");
    }
    if (!(await link.evaluate((a) => a === document.activeElement))) {
      return ["Shift+Tab from the current focus does not reach the skip link within 40 steps"];
    }
  }
  const box = await link.boundingBox();
  if (!box || box.width < 10 || box.height < 10) problems.push("the skip link stays invisible while focused");
  const focus = await focusInfo(page);
  if (!focus?.visible) problems.push(`the focused skip link has no focus indicator (outline ${focus?.outline})`);
  await page.keyboard.press("Enter");
  const landed = await page
    .waitForFunction(() => document.activeElement?.tagName === "MAIN", undefined, { timeout: 2000 })
    .then(() => true)
    .catch(() => false);
  if (!landed) {
    const now = await focusInfo(page);
    problems.push(`Enter on the skip link leaves focus on ${now?.description ?? "the document body"}, not on <main>`);
  }
  return problems;
}

/** Elements smaller than 44 x 44 CSS px among those the locator matches, described for a failure message. */
export async function smallTargets(page: Page, selector: string, min = 44): Promise<string[]> {
  return page.locator(selector).evaluateAll(
    (els, m) =>
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < m - 0.01 || r.height < m - 0.01)
        .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}" is ${r.width.toFixed(1)} x ${r.height.toFixed(1)} px`),
    min,
  );
}
