import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { loadMessages, PUBLIC_NAMESPACES, STAFF_NAMESPACES } from "@/lib/i18n/messages";
import { defaultLocale, locales } from "@/lib/i18n/routing";

// Every text a citizen can meet exists in every language, with the same placeholders, plurals and tags as the
// German original, and every message parses. The runtime falls back to German for a missing text; this test does
// not: a missing translation fails here, not on a citizen's screen.

const DIR = path.join(__dirname, "../../lib/i18n/messages");
const translated = locales.filter((l) => l !== defaultLocale);

type Tree = { [key: string]: Tree | string };

function read(locale: string, namespace: string): Tree | undefined {
  const file = path.join(DIR, locale, `${namespace}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Tree) : undefined;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The placeholders, plurals, selects and tags of a message, e.g. ["count:plural", "link:tag"]. */
function structure(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        out.add(`${el.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        out.add(`${el.value}:${TYPE[el.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        out.add(`${el.value}:${TYPE[el.type]}`);
        for (const option of Object.values(el.options)) structure(option.value, out);
        break;
      case TYPE.tag:
        out.add(`${el.value}:tag`);
        structure(el.children, out);
        break;
    }
  }
  return out;
}

/**
 * Problems with the plural forms of a message for `locale`: every category a whole number (our counts) can take in
 * that language, plus "other", and no category the language does not have.
 */
function pluralProblems(elements: MessageFormatElement[], locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  const categories = rules.resolvedOptions().pluralCategories as string[];
  const needed = new Set(["other", ...Array.from({ length: 1001 }, (_, n) => rules.select(n))]);
  const problems: string[] = [];
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      const keys = Object.keys(el.options).filter((k) => !k.startsWith("="));
      const missing = [...needed].filter((c) => !keys.includes(c));
      const unknown = keys.filter((k) => !categories.includes(k));
      if (missing.length) problems.push(`plural {${el.value}} lacks ${missing.join(", ")}`);
      if (unknown.length) problems.push(`plural {${el.value}} has ${unknown.join(", ")}, which ${locale} does not use`);
      for (const option of Object.values(el.options)) problems.push(...pluralProblems(option.value, locale));
    }
    if (el.type === TYPE.select) {
      for (const option of Object.values(el.options)) problems.push(...pluralProblems(option.value, locale));
    }
    if (el.type === TYPE.tag) problems.push(...pluralProblems(el.children, locale));
  }
  return problems;
}

function parsed(message: string): MessageFormatElement[] {
  return parse(message, { ignoreTag: false, requiresOtherClause: true });
}

describe("message files", () => {
  it("every German file is registered as a public or a staff namespace", () => {
    const files = fs.readdirSync(path.join(DIR, defaultLocale)).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...PUBLIC_NAMESPACES, ...STAFF_NAMESPACES].sort());
  });

  it.each(translated)("%s has exactly the public namespaces (the staff area is German only)", (locale) => {
    const files = fs.readdirSync(path.join(DIR, locale)).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...PUBLIC_NAMESPACES].sort());
  });
});

describe.each(PUBLIC_NAMESPACES)("namespace %s", (namespace) => {
  const german = flatten(read(defaultLocale, namespace) ?? {});

  it("parses in German, with the plural forms German has", () => {
    const problems = [...german].flatMap(([key, message]) => {
      try {
        return pluralProblems(parsed(message), defaultLocale).map((p) => `${key}: ${p}`);
      } catch (e) {
        return [`${key}: ${(e as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  describe.each(translated)("in %s", (locale) => {
    const tree = read(locale, namespace);
    const own = flatten(tree ?? {});

    it("has every German key and no other", () => {
      expect(tree).toBeDefined();
      expect({
        missing: [...german.keys()].filter((k) => !own.has(k)),
        extra: [...own.keys()].filter((k) => !german.has(k)),
      }).toEqual({ missing: [], extra: [] });
    });

    it("has no empty text", () => {
      expect([...own].filter(([, m]) => m.trim() === "").map(([k]) => k)).toEqual([]);
    });

    it("parses, with the placeholders, tags and plural forms of the German text", () => {
      const problems: string[] = [];
      for (const [key, message] of own) {
        const original = german.get(key);
        if (original === undefined) continue;
        try {
          const elements = parsed(message);
          const expected = [...structure(parsed(original))].sort();
          const actual = [...structure(elements)].sort();
          if (expected.join() !== actual.join()) problems.push(`${key}: has {${actual}}, German has {${expected}}`);
          problems.push(...pluralProblems(elements, locale).map((p) => `${key}: ${p}`));
        } catch (e) {
          problems.push(`${key}: ${(e as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});

describe("loadMessages", () => {
  it("gives the staff namespaces in German whatever the locale", async () => {
    const messages = await loadMessages("ar");
    for (const namespace of STAFF_NAMESPACES) {
      expect(messages[namespace]).toEqual(read(defaultLocale, namespace));
    }
    expect((messages.booking as Tree).back).toBe(read("ar", "booking")!.back);
  });
});
