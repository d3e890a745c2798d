import { readConfigRevision } from "@/lib/server/db/config-cache";
import type { Db } from "@/lib/server/db/client";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { bookOnline } from "../helpers/integration/bookings";
import { findNextFreeSlot, listFreeSlots } from "@/lib/server/services/list-slots";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The configuration revision and the cache it validates, on SQLite and PostgreSQL: every write to a table a booking's
// settings come from raises the revision in the database (triggers), whoever writes, and a booking never does; a
// booking after such a write sees it at once, even one made behind the app's back (no day lock, no version).

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const MONDAY = "2027-03-01";
const NOW = at("2027-02-26", "07:00");

/** The revision, which the test database always has (the migration writes its row). */
async function revision(db: Db): Promise<number> {
  const value = await readConfigRevision(db);
  if (value === null) throw new Error("no configuration revision row");
  return value;
}

/** Statements per Prisma model a client runs while `fn` runs (raw statements as "$queryRaw"). */
function countingModels(db: Db) {
  const counts = new Map<string, number>();
  const counted = db.$extends({
    query: {
      $allModels: {
        $allOperations({ model, args, query }) {
          counts.set(model, (counts.get(model) ?? 0) + 1);
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { db: counted, counts };
}

describeEachDatabase("configuration revision", (ctx) => {
  eachTestOnEmptyDatabase(ctx, async (db) => {
    await createOfficeFixture(db, { blocks: [[1, "08:00", "12:00", 1]] });
  });

  it("is raised by every write to the tables a booking's settings come from, in the writing transaction", async () => {
    const db = ctx.db;
    const office = await db.office.findUniqueOrThrow({ where: { slug: "testamt" }, include: { services: true } });
    const service = office.services[0];
    const writes: Array<[string, () => Promise<unknown>]> = [
      ["Office", () => db.office.update({ where: { id: office.id }, data: { name: "Amt Neu" } })],
      ["Service", () => db.service.update({ where: { id: service.id }, data: { durationMinutes: 45 } })],
      ["CatalogueService", () => db.catalogueService.update({ where: { id: service.catalogueServiceId }, data: { name: "Neu" } })],
      [
        "ServiceTranslation",
        () => db.serviceTranslation.create({ data: { catalogueServiceId: service.catalogueServiceId, locale: "en", name: "New" } }),
      ],
      [
        "CapacityBlock and its services",
        () =>
          db.capacityBlock.create({
            data: { officeId: office.id, weekday: 2, startMinute: 480, endMinute: 600, clerks: 1, services: { connect: { id: service.id } } },
          }),
      ],
      [
        "DateOverride",
        () => db.dateOverride.create({ data: { officeId: office.id, date: MONDAY, startMinute: 480, endMinute: 540, clerks: 1 } }),
      ],
      ["Closure", () => db.closure.create({ data: { officeId: office.id, date: MONDAY, reason: "Betriebsausflug" } })],
      ["Closure (delete)", () => db.closure.deleteMany({ where: { officeId: office.id } })],
      ["HolidayOpening", () => db.holidayOpening.create({ data: { officeId: office.id, date: "2027-05-01" } })],
      [
        "WebhookEndpoint",
        () => db.webhookEndpoint.create({ data: { officeId: office.id, label: "Fachverfahren", url: "http://127.0.0.1:9/", secret: "s" } }),
      ],
      ["Branding", () => db.branding.create({ data: { cityName: "Teststadt" } })],
      ["Office in a transaction", () => db.$transaction([db.office.update({ where: { id: office.id }, data: { holdMinutes: 20 } })])],
    ];
    const unchanged: string[] = [];
    for (const [table, write] of writes) {
      const before = await revision(db);
      await write();
      if ((await revision(db)) <= before) unchanged.push(table);
    }
    expect(unchanged).toEqual([]);

    // The implicit relation tables of capacity and services raise it on their own too.
    const block = await db.capacityBlock.findFirstOrThrow({ where: { weekday: 2 } });
    const before = await revision(db);
    await db.capacityBlock.update({ where: { id: block.id }, data: { services: { set: [] } } });
    expect(await revision(db)).toBeGreaterThan(before);
  });

  it("is not raised by a booking, so that a rush keeps what is cached", async () => {
    const before = await revision(ctx.db);
    await bookOnline(ctx.db, { start: at(MONDAY, "08:00"), now: NOW });
    await bookOnline(ctx.db, { start: at(MONDAY, "08:30"), now: NOW }, 2);
    expect(await revision(ctx.db)).toBe(before);
  });

  it("lets a booking skip the office, schedule, webhook and branding reads while unchanged, and not after a change", async () => {
    const { db, counts } = countingModels(ctx.db);
    await bookOnline(db, { start: at(MONDAY, "08:00"), now: NOW });
    counts.clear();
    await bookOnline(db, { start: at(MONDAY, "08:30"), now: NOW }, 2);
    const settingsReads = ["Office", "CapacityBlock", "DateOverride", "Closure", "HolidayOpening", "WebhookEndpoint", "Branding"];
    expect(settingsReads.filter((m) => counts.has(m))).toEqual([]);

    await ctx.db.office.update({ where: { slug: "testamt" }, data: { name: "Amt Neu" } });
    counts.clear();
    await bookOnline(db, { start: at(MONDAY, "09:00"), now: NOW }, 3);
    expect(counts.get("Office")).toBe(1);
    expect(counts.get("CapacityBlock")).toBe(1);
  });

  it("applies a change made behind the app's back to the next booking: duration, closure, capacity", async () => {
    const db = ctx.db;
    const first = await bookOnline(db, { start: at(MONDAY, "08:00"), now: NOW });
    expect(first.endsAt).toEqual(at(MONDAY, "08:30"));

    // Written directly, without the day lock: no schedule version is raised, only the revision.
    await db.service.updateMany({ data: { durationMinutes: 60 } });
    const longer = await bookOnline(db, { start: at(MONDAY, "09:00"), now: NOW }, 2);
    expect(longer.endsAt).toEqual(at(MONDAY, "10:00"));

    const office = await db.office.findUniqueOrThrow({ where: { slug: "testamt" } });
    await db.closure.create({ data: { officeId: office.id, date: MONDAY, startMinute: 600, endMinute: 720, reason: "Personalversammlung" } });
    await expect(bookOnline(db, { start: at(MONDAY, "10:00"), now: NOW }, 3)).rejects.toMatchObject({ code: "SLOT_NOT_OFFERED" });

    await db.closure.deleteMany({});
    await db.capacityBlock.updateMany({ data: { clerks: 2 } });
    // The second clerk makes 08:00 bookable once more.
    const second = await bookOnline(db, { start: at(MONDAY, "08:00"), now: NOW }, 4);
    expect(second.startsAt).toEqual(at(MONDAY, "08:00"));
  });

  it("serves the calendar's settings from memory too, and a change at once: the next free slot and the list", async () => {
    const { db, counts } = countingModels(ctx.db);
    const query = { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW };
    const list = async () => (await listFreeSlots(db, { ...query, from: MONDAY, to: MONDAY })).slots.map((s) => s.start.toISOString());
    expect((await findNextFreeSlot(db, query)).slot?.start).toEqual(at(MONDAY, "08:00"));
    expect(await list()).toHaveLength(8);
    counts.clear();
    expect((await findNextFreeSlot(db, query)).slot?.start).toEqual(at(MONDAY, "08:00"));
    expect(await list()).toHaveLength(8);
    expect(["Office", "CapacityBlock", "DateOverride", "Closure", "HolidayOpening"].filter((m) => counts.has(m))).toEqual([]);

    const office = await ctx.db.office.findUniqueOrThrow({ where: { slug: "testamt" } });
    await ctx.db.closure.create({ data: { officeId: office.id, date: MONDAY, startMinute: 480, endMinute: 600, reason: "Schulung" } });
    expect((await findNextFreeSlot(db, query)).slot?.start).toEqual(at(MONDAY, "10:00"));
    expect(await list()).toEqual(["10:00", "10:30", "11:00", "11:30"].map((t) => at(MONDAY, t).toISOString()));
  });
});
