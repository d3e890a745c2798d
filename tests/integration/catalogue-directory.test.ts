import { getDirectoryEntry, listDirectory } from "@/lib/server/services/catalogue-directory";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";

// The public directory of services: a catalogue entry is listed with exactly the offices where citizens can book it
// now (active office, active service, clerks planned within the horizon), on SQLite and PostgreSQL.

const NOW = at("2027-03-01", "07:00");
const WEEKDAYS = openOn("Mon-Fri", "08:00-12:00", 1);

describeEachDatabase("the directory of services", (ctx) => {
  eachTestOnEmptyDatabase(ctx);

  /** An office offering the shared entry "ausweis" (and its own "beratung" where it has one). */
  async function officeOffering(slug: string, entryId: string | null, opts: { blocks?: typeof WEEKDAYS; active?: boolean } = {}) {
    const fixture = await createOfficeFixture(ctx.db, { slug, blocks: opts.blocks ?? WEEKDAYS, services: [{ slug: `beratung-${slug}`, durationMinutes: 30 }] });
    if (entryId) {
      await ctx.db.service.create({
        data: { officeId: fixture.office.id, catalogueServiceId: entryId, slug: "ausweis", durationMinutes: 20, sortOrder: 1 },
      });
    }
    if (opts.active === false) await ctx.db.office.update({ where: { id: fixture.office.id }, data: { active: false } });
    return fixture;
  }

  it("lists each entry with the offices that take bookings for it, in directory order", async () => {
    const ausweis = await ctx.db.catalogueService.create({
      data: {
        slug: "personalausweis-beantragen",
        name: "Personalausweis beantragen",
        leikaKey: "99008001012000",
        translations: { create: { locale: "en", name: "Apply for an identity card" } },
      },
    });
    await officeOffering("nord", ausweis.id);
    await officeOffering("mitte", ausweis.id);
    // Not listed: an inactive office, one without clerks, and one whose offer is switched off.
    await officeOffering("geschlossen", ausweis.id, { active: false });
    await officeOffering("ohne-personal", ausweis.id, { blocks: [] });
    const paused = await officeOffering("pausiert", ausweis.id);
    await ctx.db.service.updateMany({ where: { officeId: paused.office.id, slug: "ausweis" }, data: { active: false } });

    const directory = await listDirectory(ctx.db, NOW);
    const entry = directory.find((e) => e.slug === "personalausweis-beantragen")!;
    expect(entry.offices.map((o) => [o.slug, o.serviceSlug])).toEqual([
      ["mitte", "ausweis"],
      ["nord", "ausweis"],
    ]);
    expect(entry).toMatchObject({ name: "Personalausweis beantragen", leikaKey: "99008001012000" });
    expect(entry.translations.map((t) => t.name)).toEqual(["Apply for an identity card"]);
    // Every office's own service is an entry of its own; the paused office's is still bookable.
    expect(directory.map((e) => e.slug).sort()).toEqual(
      ["beratung-mitte", "beratung-nord", "beratung-pausiert", "personalausweis-beantragen"].sort(),
    );
    expect((await getDirectoryEntry(ctx.db, "personalausweis-beantragen", NOW))?.offices).toHaveLength(2);
  });

  it("knows no entry that no office takes bookings for, nor an address that cannot be one", async () => {
    const alone = await ctx.db.catalogueService.create({ data: { slug: "fuehrungszeugnis", name: "Führungszeugnis" } });
    await officeOffering("leer", alone.id, { blocks: [] });
    await ctx.db.catalogueService.create({ data: { slug: "niemand", name: "Von niemandem angeboten" } });
    expect(await getDirectoryEntry(ctx.db, "fuehrungszeugnis", NOW)).toBeNull();
    expect(await getDirectoryEntry(ctx.db, "niemand", NOW)).toBeNull();
    expect(await getDirectoryEntry(ctx.db, "x' OR '1'='1", NOW)).toBeNull();
    expect(await listDirectory(ctx.db, NOW)).toEqual([]);
  });
});
