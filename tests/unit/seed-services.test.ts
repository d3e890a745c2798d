import { defaultLocale, locales } from "@/lib/i18n/routing";
import { serviceSchema, TRANSLATED_LOCALES } from "@/lib/schemas/office";
import { demoCatalogue } from "@/prisma/seed-catalogue";
import { demoServices, serviceRow, translationRows } from "@/prisma/seed-services";

// The demo office's services speak every language of the site: each text exists in all eight, is a translation
// (not a German copy), is written in the language's script, and is something an administrator could save again.

const SCRIPTS: Record<string, RegExp> = {
  uk: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
};

// The foreigners' office's services and the catalogue entries the Bürgerbüros share.
const everyDemoService = [
  ...demoServices,
  ...demoCatalogue.map(({ slug, texts }) => ({ slug, texts, durationMinutes: 15, extraPersonMinutes: 0, maxPersons: 1 })),
];

describe.each(everyDemoService.map((s) => [s.slug, s] as const))("the demo service %s", (_slug, service) => {
  const german = service.texts[defaultLocale];

  it.each(locales.map((l) => [l]))("has its name, description and every document in %s", (locale) => {
    const texts = service.texts[locale];
    expect(texts.name.trim()).not.toBe("");
    expect(texts.description.trim()).not.toBe("");
    expect(texts.documents).toHaveLength(german.documents.length);
    for (const text of [texts.name, texts.description, ...texts.documents]) {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\n/); // documents are stored one per line
      if (SCRIPTS[locale]) expect(text).toMatch(SCRIPTS[locale]);
    }
    if (locale !== defaultLocale) {
      expect(texts.name).not.toBe(german.name);
      expect(texts.description).not.toBe(german.description);
      texts.documents.forEach((d, i) => expect(d).not.toBe(german.documents[i]));
    }
  });

  it("is written as German Service columns and one translation row per other language, valid for the service form", () => {
    const row = serviceRow(service);
    const translations = translationRows(service);
    expect(translations.map((t) => t.locale)).toEqual(TRANSLATED_LOCALES);
    expect(row.documents.split("\n")).toEqual(german.documents);
    const parsed = serviceSchema(TRANSLATED_LOCALES).safeParse({
      ...row,
      durationMinutes: String(row.durationMinutes),
      extraPersonMinutes: String(row.extraPersonMinutes),
      maxPersons: String(row.maxPersons),
      releaseMode: "FIRST_COME",
      asksPermitExpiry: String(row.asksPermitExpiry ?? false),
      // The form sends the ticked parts of the day as repeated fields.
      walkInDayParts: row.walkInDayParts ? row.walkInDayParts.split(",") : [],
      translations: Object.fromEntries(translations.map(({ locale, ...texts }) => [locale, texts])),
    });
    expect(parsed.error?.issues).toBeUndefined();
  });
});
