import type { Provider } from "@/lib/server/db/provider";
import { createDb, type Db } from "@/lib/server/db/client";
import { getActiveOffice } from "@/lib/server/services/office-catalog";
import { applicationTables, createTestDatabase, PROVIDERS, type TestDatabase } from "../helpers/databases";
import { deployAgain, upgradedDatabase } from "../helpers/integration/upgrade";
import { at, officeAddress } from "../helpers/office-fixture";

// Services used to belong to one office each, with their texts and translations on the Service row. The city
// catalogue moves the texts to one CatalogueService per service (under the service's id) and keeps everything that
// pointed at a service pointing at the same row. A database with two offices that both offer "personalausweis" is set
// up on the schema before the change, then deployed, and compared row by row.

const BEFORE = "20261205170159_queue_devices";
const CATALOGUE = "20261205203728_city_catalogue";
const NOW = at("2026-12-05", "10:00");

/**
 * Columns the catalogue migration adds to tables written below through the current client: [table, column, SQL type].
 * They exist only while the old data is written (the client reads them back), like the enum types they use.
 */
const LATER_COLUMNS: Array<[string, string, string]> = [
  ["Office", "maxServicesPerBooking", "INTEGER NOT NULL DEFAULT 1"],
  ["Office", "videoMeetingUrlTemplate", "TEXT"],
  ["Office", "feedIncludesNames", "BOOLEAN NOT NULL DEFAULT false"],
  ["CapacityBlock", "appointmentKinds", "TEXT NOT NULL DEFAULT ''"],
  ["DateOverride", "appointmentKinds", "TEXT NOT NULL DEFAULT ''"],
  ["Booking", "kind", `"AppointmentKind" NOT NULL DEFAULT 'IN_PERSON'`],
  ["Booking", "emailKey", "TEXT"],
  ["Wish", "emailKey", "TEXT"],
  ["OutboxMessage", "channel", `"OutboxChannel" NOT NULL DEFAULT 'MAIL'`],
  ["OutboxMessage", "webhookEndpointId", "TEXT"],
  ["OutboxMessage", "eventId", "TEXT"],
  ["OutboxMessage", "responseStatus", "INTEGER"],
];
const LATER_ENUMS: Array<[string, string]> = [
  ["AppointmentKind", "'IN_PERSON', 'PHONE', 'VIDEO'"],
  ["OutboxChannel", "'MAIL', 'WEBHOOK'"],
];

/** The old services: [id, office, slug, name, description, documents, sortOrder]. */
const SERVICES = [
  ["svc-mitte-ausweis", "mitte", "personalausweis", "Personalausweis beantragen", "Für alle ab 16", "Foto\nAlter Ausweis", 0],
  ["svc-mitte-melde", "mitte", "meldebescheinigung", "Meldebescheinigung", null, "", 1],
  ["svc-nord-ausweis", "nord", "personalausweis", "Personalausweis", "Im Bürgerbüro Nord", "Foto", 0],
  ["svc-nord-pass", "nord", "reisepass", "Reisepass beantragen", null, "Foto\nGeburtsurkunde", 1],
] as const;

/** The old translations: [serviceId, locale, name, description, documents]. */
const TRANSLATIONS = [
  ["svc-mitte-ausweis", "en", "Apply for an identity card", "For everyone from 16", "Photo\nOld identity card"],
  ["svc-mitte-ausweis", "ar", "طلب بطاقة الهوية", null, ""],
  ["svc-nord-ausweis", "en", "Identity card", null, "Photo"],
  ["svc-nord-pass", "tr", "Pasaport başvurusu", null, "Fotoğraf\nDoğum belgesi"],
] as const;

/** Positional parameters of a raw statement, as the provider writes them. */
const params = (provider: Provider, n: number) =>
  Array.from({ length: n }, (_, i) => (provider === "sqlite" ? "?" : `$${i + 1}`)).join(", ");

/**
 * Two offices on the schema before the catalogue, with services of the same slug, translations, capacity blocks and
 * a date override restricted to services, a counter taking some, bookings (one with its ticket and its e-mail),
 * a wish and a release round. The current client writes what it can; services and translations, whose columns
 * the migration drops, and the join tables are written as SQL.
 */
async function oldDatabase(provider: Provider): Promise<TestDatabase> {
  const database = await createTestDatabase(provider, { migrateUpTo: BEFORE });
  const old = database.db;
  const pg = provider === "postgresql";
  if (pg) for (const [name, values] of LATER_ENUMS) await old.$executeRawUnsafe(`CREATE TYPE "${name}" AS ENUM (${values})`);
  for (const [table, column, type] of LATER_COLUMNS) {
    const sqlType = pg ? type : type.replace(/"(AppointmentKind|OutboxChannel)"/, "TEXT");
    await old.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${sqlType}`);
  }

  const offices: Record<string, string> = {};
  for (const slug of ["mitte", "nord"]) {
    offices[slug] = (await old.office.create({ data: { ...officeAddress(slug), createdAt: at("2026-01-15", "08:00") } })).id;
  }
  for (const [id, office, slug, name, description, documents, sortOrder] of SERVICES) {
    // Timestamps copied from the office row: the format is the one the client writes on each database.
    await old.$executeRawUnsafe(
      `INSERT INTO "Service" ("id", "officeId", "slug", "name", "description", "documents", "sortOrder", "durationMinutes", "createdAt", "updatedAt")
       SELECT ${params(provider, 7)}, 20, "createdAt", "createdAt" FROM "Office" WHERE "id" = '${offices[office]}'`,
      id,
      offices[office],
      slug,
      name,
      description,
      documents,
      sortOrder,
    );
  }
  for (const row of TRANSLATIONS) {
    await old.$executeRawUnsafe(
      `INSERT INTO "ServiceTranslation" ("serviceId", "locale", "name", "description", "documents") VALUES (${params(provider, 5)})`,
      ...row,
    );
  }
  const join = (table: string, a: string, b: string) =>
    old.$executeRawUnsafe(`INSERT INTO "${table}" ("A", "B") VALUES (${params(provider, 2)})`, a, b);

  // Mitte: one clerk for identity cards only, one for everything; Nord: two clerks for its two services.
  const mitteCards = await old.capacityBlock.create({
    data: { officeId: offices.mitte, weekday: 1, startMinute: 480, endMinute: 720, clerks: 1 },
  });
  await join("_CapacityBlockToService", mitteCards.id, "svc-mitte-ausweis");
  await old.capacityBlock.create({ data: { officeId: offices.mitte, weekday: 1, startMinute: 480, endMinute: 720, clerks: 1 } });
  const nordBlock = await old.capacityBlock.create({
    data: { officeId: offices.nord, weekday: 2, startMinute: 480, endMinute: 720, clerks: 2 },
  });
  await join("_CapacityBlockToService", nordBlock.id, "svc-nord-ausweis");
  await join("_CapacityBlockToService", nordBlock.id, "svc-nord-pass");
  const override = await old.dateOverride.create({
    data: { officeId: offices.nord, date: "2027-03-02", startMinute: 600, endMinute: 720, clerks: 1 },
  });
  await join("_DateOverrideToService", override.id, "svc-nord-pass");
  const counter = await old.counter.create({ data: { officeId: offices.mitte, name: "Platz 3" } });
  await join("_CounterToService", counter.id, "svc-mitte-melde");

  const booking = (office: string, serviceId: string, code: string, time: string) =>
    old.booking.create({
      data: {
        officeId: offices[office],
        serviceId,
        startsAt: at("2027-03-01", time),
        endsAt: new Date(at("2027-03-01", time).getTime() + 20 * 60_000),
        referenceCode: code,
        manageTokenHash: `hash-${code}`,
        email: `${code.toLowerCase()}@example.org`,
      },
    });
  const first = await booking("mitte", "svc-mitte-ausweis", "MIG-0001", "08:00");
  await booking("mitte", "svc-mitte-melde", "MIG-0002", "08:20");
  await booking("nord", "svc-nord-pass", "MIG-0003", "09:00");
  await old.ticket.create({
    data: {
      officeId: offices.mitte,
      serviceId: "svc-mitte-ausweis",
      bookingId: first.id,
      date: "2027-03-01",
      kind: "APPOINTMENT",
      series: "T",
      number: 1,
      arrivedAt: at("2027-03-01", "07:55"),
    },
  });
  await old.outboxMessage.create({
    data: {
      officeId: offices.mitte,
      bookingId: first.id,
      template: "booking-confirmation",
      recipient: first.email!,
      subject: "Ihr Termin",
      payload: "{}",
    },
  });
  await old.wish.create({
    data: {
      officeId: offices.nord,
      serviceId: "svc-nord-ausweis",
      earliestDate: "2027-03-01",
      latestDate: "2027-03-31",
      weekdays: "1,2,3,4,5",
      dayParts: "MORNING",
      manageTokenHash: "hash-wish-1",
      referenceCode: "WISH-0001",
      email: "wunsch@example.org",
    },
  });
  await old.releaseRound.create({
    data: {
      officeId: offices.nord,
      serviceId: "svc-nord-pass",
      opensAt: at("2027-02-01", "08:00"),
      closesAt: at("2027-02-08", "08:00"),
      periodFrom: "2027-03-01",
      periodTo: "2027-03-31",
      seedHash: "seed-hash",
      seed: "seed",
    },
  });

  for (const [table, column] of LATER_COLUMNS) await old.$executeRawUnsafe(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  if (pg) for (const [name] of LATER_ENUMS) await old.$executeRawUnsafe(`DROP TYPE "${name}"`);
  await old.$disconnect();
  return database;
}

/** What points at a service, and every table's row count: read with SQL, so the same before and after. */
async function references(db: Db) {
  const rows = (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const { tables } = await applicationTables(db);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await rows(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(n);
  }
  return {
    counts,
    bookings: await rows(`SELECT "referenceCode", "officeId", "serviceId" FROM "Booking" ORDER BY "referenceCode"`),
    blocks: await rows(`SELECT "A" AS block, "B" AS service FROM "_CapacityBlockToService" ORDER BY "A", "B"`),
    overrides: await rows(`SELECT "A" AS override, "B" AS service FROM "_DateOverrideToService" ORDER BY "A", "B"`),
    counters: await rows(`SELECT "A" AS counter, "B" AS service FROM "_CounterToService" ORDER BY "A", "B"`),
    wishes: await rows(`SELECT "referenceCode", "serviceId" FROM "Wish" ORDER BY "referenceCode"`),
    rounds: await rows(`SELECT "id", "serviceId" FROM "ReleaseRound" ORDER BY "id"`),
    tickets: await rows(`SELECT "id", "serviceId", "bookingId" FROM "Ticket" ORDER BY "id"`),
    outbox: await rows(`SELECT "id", "bookingId" FROM "OutboxMessage" ORDER BY "id"`),
    services: await rows(`SELECT "id", "officeId", "slug", "durationMinutes", "sortOrder" FROM "Service" ORDER BY "id"`),
  };
}

describe.each(PROVIDERS)("the upgrade to the city catalogue [%s]", (provider) => {
  let before: Awaited<ReturnType<typeof references>>;
  // Given two offices on the schema before the catalogue (see oldDatabase), when the new version is deployed ...
  const up = upgradedDatabase(async () => {
    const database = await oldDatabase(provider);
    const reader = createDb(database.url);
    before = await references(reader);
    await reader.$disconnect();
    return database;
  }, NOW);

  it("applies the catalogue migration next", () => {
    expect(up.applied[0]).toBe(CATALOGUE);
  });

  it("loses no row, and everything that pointed at a service points at the same service", async () => {
    const after = await references(up.db);
    // The migration only adds tables (empty ones, and the catalogue with one entry per service); a later migration
    // adds the configuration revision's one row.
    const added = Object.keys(after.counts).filter((t) => !(t in before.counts));
    expect(added.sort()).toEqual(["BookingService", "Branding", "CalendarFeed", "CatalogueService", "ConfigRevision", "WebhookEndpoint"]);
    expect(after.counts.CatalogueService).toBe(SERVICES.length);
    const { CatalogueService: _entries, ...kept } = after.counts;
    expect(kept).toEqual({ ...before.counts, BookingService: 0, Branding: 0, CalendarFeed: 0, ConfigRevision: 1, WebhookEndpoint: 0 });
    expect(before.blocks).toHaveLength(3);
    expect({ ...after, counts: null }).toEqual({ ...before, counts: null });
  });

  it("gives every service a catalogue entry with its texts and translations", async () => {
    const services = await up.db.service.findMany({
      include: { office: true, catalogueService: { include: { translations: { orderBy: { locale: "asc" } } } } },
      orderBy: { id: "asc" },
    });
    expect(services.map((s) => s.id)).toEqual(SERVICES.map(([id]) => id).sort());
    for (const [id, , , name, description, documents] of SERVICES) {
      const service = services.find((s) => s.id === id)!;
      const translations = TRANSLATIONS.filter(([serviceId]) => serviceId === id)
        .map(([, locale, tName, tDescription, tDocuments]) => ({
          catalogueServiceId: id,
          locale,
          name: tName,
          description: tDescription,
          documents: tDocuments,
        }))
        .sort((a, b) => a.locale.localeCompare(b.locale));
      expect(service.catalogueService).toMatchObject({ id, name, description, documents, leikaKey: null, translations });
      expect(service.appointmentKinds).toBe("IN_PERSON");
    }
  });

  it("keeps a slug only one office used, and appends the office to a slug several offices used", async () => {
    const entries = await up.db.catalogueService.findMany({ orderBy: { slug: "asc" } });
    expect(entries.map((e) => [e.id, e.slug])).toEqual([
      ["svc-mitte-melde", "meldebescheinigung"],
      ["svc-mitte-ausweis", "personalausweis-mitte"],
      ["svc-nord-ausweis", "personalausweis-nord"],
      ["svc-nord-pass", "reisepass"],
    ]);
    // The offices' own slugs, in their booking links, are unchanged.
    const offer = await up.db.service.findUniqueOrThrow({ where: { id: "svc-nord-ausweis" } });
    expect(offer.slug).toBe("personalausweis");
  });

  it("leaves the new settings at what the offices did before: one service per appointment, in person", async () => {
    const offices = await up.db.office.findMany();
    expect(offices.map((o) => [o.maxServicesPerBooking, o.videoMeetingUrlTemplate, o.feedIncludesNames])).toEqual([
      [1, null, false],
      [1, null, false],
    ]);
    const bookings = await up.db.booking.findMany();
    expect(new Set(bookings.map((b) => b.kind))).toEqual(new Set(["IN_PERSON"]));
    const blocks = await up.db.capacityBlock.findMany();
    expect(new Set(blocks.map((b) => b.appointmentKinds))).toEqual(new Set([""]));
  });

  it("shows citizens the same services, in their language, as before", async () => {
    const mitte = await getActiveOffice(up.db, "mitte");
    expect(mitte.services.map((s) => [s.slug, s.name])).toEqual([
      ["personalausweis", "Personalausweis beantragen"],
      ["meldebescheinigung", "Meldebescheinigung"],
    ]);
    expect(mitte.services[0].translations.map((t) => [t.locale, t.name]).sort()).toEqual([
      ["ar", "طلب بطاقة الهوية"],
      ["en", "Apply for an identity card"],
    ]);
  });

  it("does not run again: a second deploy changes nothing", async () => {
    expect(await deployAgain(up, NOW)).toEqual([]);
    expect(await up.db.catalogueService.count()).toBe(SERVICES.length);
  });
});
