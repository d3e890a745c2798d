import { locales } from "@/lib/i18n/routing";
import { documentsOf, localizeService } from "@/lib/domain/service-texts";
import { getActiveOffice } from "@/lib/server/services/office-catalog";
import { seedDemo } from "@/prisma/seed";
import { demoServices } from "@/prisma/seed-services";
import { describeEachDatabase } from "../helpers/databases";

// The seeded demo office, read the way its pages read it: in every language of the site, each service shows its
// own name, description and documents, none of them a German stand-in.

const NOW = new Date("2026-11-24T08:00:00Z");

describeEachDatabase("the demo seed", (ctx) => {
  it("writes every text of the office's four services in all eight languages", async () => {
    await seedDemo(ctx.db, NOW);
    const office = await getActiveOffice(ctx.db, "auslaenderbehoerde");
    expect(office.services.map((s) => s.slug)).toEqual(demoServices.map((s) => s.slug));
    for (const service of office.services) {
      const demo = demoServices.find((s) => s.slug === service.slug)!;
      for (const locale of locales) {
        const shown = localizeService(service, locale);
        expect({ slug: service.slug, locale, textLocales: shown.textLocales }).toEqual({
          slug: service.slug,
          locale,
          textLocales: { name: locale, description: locale, documents: locale },
        });
        const { name, description, documents } = demo.texts[locale];
        expect({ name: shown.name, description: shown.description, documents: documentsOf(shown) }).toEqual({
          name,
          description,
          documents,
        });
      }
    }
  });
});
