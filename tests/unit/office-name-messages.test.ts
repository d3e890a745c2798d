import fs from "node:fs";
import path from "node:path";
import { PUBLIC_NAMESPACES } from "@/lib/i18n/messages";
import { locales } from "@/lib/i18n/routing";

// An office's name is whatever the city calls it ("Bürgerbüro", "Ausländerbehörde", "Standesamt"), so no text can
// know its grammatical gender: "Termin bei der {office}" reads "Termin bei der Bürgerbüro". Texts put the name
// after a colon or a dash, or first, never after an article or a preposition.

const DIR = path.join(__dirname, "../../lib/i18n/messages");

type Tree = { [key: string]: Tree | string };

function* messages(tree: Tree, prefix = ""): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") yield [name, value];
    else yield* messages(value, name);
  }
}

/** What may stand right before the name: nothing, or a colon, dash, comma or opening bracket and spaces. */
const FREE_STANDING = /(^|[:–—,(]\s*|^\s*)$/u;

describe.each(locales)("office names in %s", (locale) => {
  it.each(PUBLIC_NAMESPACES)("%s never puts a word right before {office}", (namespace) => {
    const file = path.join(DIR, locale, `${namespace}.json`);
    const tree = JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
    const bound = [...messages(tree)].filter(([, text]) =>
      text.split("{office}").slice(0, -1).some((before) => !FREE_STANDING.test(before.replace(/\u00a0/g, " "))),
    );
    expect(bound.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it("the office page's heading names the office without an article", () => {
    const booking = JSON.parse(fs.readFileSync(path.join(DIR, locale, "booking.json"), "utf8")) as { office: { title: string } };
    expect(booking.office.title).toMatch(/:\s*\{office\}$/u);
  });
});
