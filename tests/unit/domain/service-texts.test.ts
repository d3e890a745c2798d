import { documentsOf, localizeService, OFFICE_TEXT_LOCALE, SOURCE_LOCALE } from "@/lib/domain/service-texts";
import { defaultLocale } from "@/lib/i18n/routing";

// Given a service the office translated in part, a citizen reads each text in their language where there is one, and
// in German (marked as German) where there is none; never a blank.

const beratung = {
  name: "Beratungsgespräch",
  description: "Allgemeine Beratung zu Aufenthalt, Einbürgerung und Familiennachzug.",
  documents: "Gültiger Reisepass\nUnterlagen zu Ihrer Frage",
  translations: [
    // Arabic: the name only. Turkish: everything, but the description is blank (whitespace), so it stays German.
    { locale: "ar", name: "استشارة", description: null, documents: "" },
    { locale: "tr", name: "Danışma görüşmesi", description: "  ", documents: "Geçerli pasaport" },
  ],
};

describe("localizeService says which language each text is in", () => {
  it("the page's language where the office translated the field, German where it did not", () => {
    expect(localizeService(beratung, "ar")).toMatchObject({
      name: "استشارة",
      description: beratung.description,
      documents: beratung.documents,
      textLocales: { name: "ar", description: "de", documents: "de" },
    });
    expect(localizeService(beratung, "tr")).toMatchObject({
      name: "Danışma görüşmesi",
      description: beratung.description,
      documents: "Geçerli pasaport",
      textLocales: { name: "tr", description: "de", documents: "tr" },
    });
    expect(localizeService(beratung, "fr").textLocales).toEqual({ name: "de", description: "de", documents: "de" });
    expect(localizeService(beratung, "de")).toMatchObject({ name: beratung.name, textLocales: { name: "de" } });
  });

  it("keeps the service's other fields", () => {
    const service = { ...beratung, slug: "beratung", durationMinutes: 20 };
    expect(localizeService(service, "ar")).toMatchObject({ slug: "beratung", durationMinutes: 20, translations: beratung.translations });
  });

  it("writes German texts in the site's default language, and offices' own texts in German", () => {
    expect(SOURCE_LOCALE).toBe(defaultLocale);
    expect(OFFICE_TEXT_LOCALE).toBe(SOURCE_LOCALE);
  });
});

describe("documentsOf", () => {
  it("lists one document per line, without blank lines or surrounding spaces", () => {
    expect(documentsOf({ documents: " Gültiger Reisepass \n\n  \nMeldebescheinigung\n" })).toEqual(["Gültiger Reisepass", "Meldebescheinigung"]);
  });

  it("lists nothing for a service that asks for no documents", () => {
    expect(documentsOf({ documents: "" })).toEqual([]);
    expect(documentsOf({ documents: "\n \n" })).toEqual([]);
  });

  it("lists the translated documents of a localized service", () => {
    expect(documentsOf(localizeService(beratung, "tr"))).toEqual(["Geçerli pasaport"]);
    expect(documentsOf(localizeService(beratung, "ar"))).toEqual(["Gültiger Reisepass", "Unterlagen zu Ihrer Frage"]);
  });
});
