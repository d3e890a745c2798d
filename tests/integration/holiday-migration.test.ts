import { capacityForDate, datesBetween, type LocalDate, publicHolidayOn } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { loadSchedule } from "@/lib/server/services/availability";
import { openUnacceptedHolidays } from "@/prisma/migrate/data-steps";
import { readMigrationList } from "@/prisma/migrate/engine";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../helpers/databases";
import { deployAgain, upgradedDatabase } from "../helpers/integration/upgrade";
import { at, officeAddress } from "../helpers/office-fixture";

// Holidays used to close an office only when someone accepted each date (a closure of kind HOLIDAY). The upgrade
// to "closed by default, opened as an exception" must not change a single day the office had already decided:
// an office is set up on the schema before the change, with accepted and unaccepted holidays, then deployed.

const BEFORE = "20261124130154_evaluation_statistics";
const NEW_MIGRATIONS = ["20261205062308_holiday_openings", "20261205062316_closure_kind_dropped"];
const NOW = at("2026-12-05", "10:00");

/** Accepted holidays of office A; 2027-01-06 was accepted while the office was still in Bavaria. */
const ACCEPTED = ["2026-12-25", "2026-12-26", "2027-01-01", "2027-01-06", "2027-03-29"];
const LAST_ACCEPTED = "2027-03-29";

async function officeOnOldSchema(db: Db, slug: string, region: string, createdAt: string) {
  const office = await db.office.create({
    data: {
      ...officeAddress(slug),
      holidayRegion: region,
      bookingHorizonDays: 180,
      createdAt: at(createdAt, "08:00"),
    },
  });
  // Open every day 08:00-12:00, so that "closed" can only come from a closure or a holiday.
  for (let weekday = 1; weekday <= 7; weekday++) {
    await db.capacityBlock.create({ data: { officeId: office.id, weekday, startMinute: 480, endMinute: 720, clerks: 1 } });
  }
  return office;
}

/**
 * Columns of the tables written below that migrations after the holiday change added: [table, column, SQL type].
 * On SQLite the enum is a text column; on PostgreSQL its type exists only while the data is written, like them.
 * Services are written as SQL (below), so none of their columns is needed here.
 */
const LATER_COLUMNS: Array<[string, string, string]> = [
  ["Office", "statusCorrectionDays", "INTEGER NOT NULL DEFAULT 7"],
  ["Office", "waitlistEnabled", "BOOLEAN NOT NULL DEFAULT true"],
  ["Office", "offerHours", "INTEGER NOT NULL DEFAULT 12"],
  ["Office", "urgentWithinDays", "INTEGER NOT NULL DEFAULT 28"],
  ["Office", "urgentReleaseHours", "INTEGER NOT NULL DEFAULT 48"],
  ["Office", "extensionRequestsEnabled", "BOOLEAN NOT NULL DEFAULT false"],
  ["Office", "extensionReceiptNote", "TEXT"],
  ["Office", "checkInEarlyMinutes", "INTEGER NOT NULL DEFAULT 30"],
  ["Office", "checkInLateMinutes", "INTEGER NOT NULL DEFAULT 15"],
  ["Office", "callToleranceMinutes", "INTEGER NOT NULL DEFAULT 10"],
  ["Office", "walkInQueueLimit", "INTEGER NOT NULL DEFAULT 30"],
  ["Office", "announceCalls", "BOOLEAN NOT NULL DEFAULT false"],
  ["Office", "waitingArea", "TEXT"],
  ["Office", "maxServicesPerBooking", "INTEGER NOT NULL DEFAULT 1"],
  ["Office", "videoMeetingUrlTemplate", "TEXT"],
  ["Office", "feedIncludesNames", "BOOLEAN NOT NULL DEFAULT false"],
  ["CapacityBlock", "urgentClerks", "INTEGER NOT NULL DEFAULT 0"],
  ["CapacityBlock", "appointmentKinds", "TEXT NOT NULL DEFAULT ''"],
  ["Booking", "permitExpiresOn", "TEXT"],
  ["Booking", "urgent", "BOOLEAN NOT NULL DEFAULT false"],
  ["Booking", "kind", `"AppointmentKind" NOT NULL DEFAULT 'IN_PERSON'`],
  ["Booking", "emailKey", "TEXT"],
];

type OfficeRef = { id: string; timeZone: string; holidayRegion: string };

/**
 * A database on the schema before the change with two offices: A (in Rhineland-Palatinate since 15 January 2026)
 * accepted five holidays, the last on Easter Monday 2027, not Good Friday 2027, and has an appointment on
 * Ascension Day 2027, after its last accepted holiday, and an ordinary closure; B (in Bavaria since 1 November
 * 2026) accepted none. Its client is disconnected, ready for a deploy.
 */
async function oldDatabase(provider: (typeof PROVIDERS)[number]): Promise<{ database: TestDatabase; a: OfficeRef; b: OfficeRef }> {
  const database = await createTestDatabase(provider, { migrateUpTo: BEFORE });
  const old = database.db;
  // The current client writes and reads back every column it knows; the columns added by later migrations exist
  // only while the old data is written, so that those migrations then apply as on a real database of that age.
  const enumType = provider === "postgresql";
  if (enumType) await old.$executeRawUnsafe(`CREATE TYPE "AppointmentKind" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO')`);
  for (const [table, column, type] of LATER_COLUMNS) {
    const sqlType = enumType ? type : type.replace(`"AppointmentKind"`, "TEXT");
    await old.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${sqlType}`);
  }
  const a = await officeOnOldSchema(old, "amt-a", "DE-RP", "2026-01-15");
  const b = await officeOnOldSchema(old, "amt-b", "DE-BY", "2026-11-01");
  // The current client knows services only with a catalogue entry, which this schema has not: written as SQL.
  const service = { id: "service-beratung" };
  await old.$executeRawUnsafe(
    `INSERT INTO "Service" ("id", "officeId", "slug", "name", "durationMinutes", "updatedAt")
     VALUES ('${service.id}', '${a.id}', 'beratung', 'Beratung', 30, CURRENT_TIMESTAMP)`,
  );
  for (const date of ACCEPTED) {
    await old.closure.create({ data: { officeId: a.id, date, reason: publicHolidayOn("DE-BY", date)?.name ?? "Feiertag" } });
  }
  await old.$executeRawUnsafe(`UPDATE "Closure" SET "kind" = 'HOLIDAY'`);
  await old.closure.create({ data: { officeId: a.id, date: "2027-02-10", reason: "Personalversammlung" } });
  await old.booking.create({
    data: {
      officeId: a.id,
      serviceId: service.id,
      startsAt: at("2027-05-06", "09:00"),
      endsAt: at("2027-05-06", "09:30"),
      referenceCode: "MIG-0001",
      manageTokenHash: "hash-mig-0001",
    },
  });
  for (const [table, column] of LATER_COLUMNS) await old.$executeRawUnsafe(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  if (enumType) await old.$executeRawUnsafe(`DROP TYPE "AppointmentKind"`);
  await old.$disconnect();
  return { database, a, b };
}

/** Whether the office offers no capacity on each date, as the slot engine reads its schedule. */
async function closedDays(db: Db, office: OfficeRef, from: LocalDate, to: LocalDate) {
  const schedule = await loadSchedule(db, office, from, to);
  return new Map(datesBetween(from, to).map((date) => [date, capacityForDate(schedule, date).length === 0]));
}

describe.each(PROVIDERS)("the upgrade to holidays closed by default [%s]", (provider) => {
  let a: OfficeRef;
  let b: OfficeRef;
  // Given two offices on the schema before the change (see oldDatabase), when the new version is deployed ...
  const up = upgradedDatabase(async () => {
    const old = await oldDatabase(provider);
    ({ a, b } = old);
    return old.database;
  }, NOW);

  it("applies both migrations, with the data step in between", () => {
    // The two come first after the old schema, in this order; later migrations may follow them.
    expect(up.applied.slice(0, 2)).toEqual(NEW_MIGRATIONS);
    const all = readMigrationList(provider).migrationDirectories.map((d) => d.path);
    expect(all.slice(all.indexOf(NEW_MIGRATIONS[0]), all.indexOf(NEW_MIGRATIONS[0]) + 2)).toEqual(NEW_MIGRATIONS);
  });

  it("keeps every decided day of office A as it was, from its creation to its last accepted holiday", async () => {
    const closedBefore = new Set([...ACCEPTED, "2027-02-10"]);
    const after = await closedDays(up.db, a, "2026-01-15", LAST_ACCEPTED);
    const changed = [...after].filter(([date, closed]) => closed !== closedBefore.has(date));
    expect(changed).toEqual([]);
    // Good Friday 2027 was not accepted: it stays open, as an exception the office can take back.
    expect(after.get("2027-03-26")).toBe(false);
    expect((await up.db.holidayOpening.findMany({ where: { officeId: a.id, date: "2027-03-26" } })).length).toBe(1);
  });

  it("keeps a later holiday with an appointment open, and closes the other later holidays", async () => {
    const after = await closedDays(up.db, a, "2027-05-01", "2028-12-31");
    expect(after.get("2027-05-06")).toBe(false);
    expect(after.get("2027-05-01")).toBe(true);
    expect(after.get("2027-05-17")).toBe(true);
    expect(after.get("2028-04-14")).toBe(true);
    expect(after.get("2028-04-13")).toBe(false);
  });

  it("counts nothing twice: accepted holidays lose their closure; one that is no holiday here stays a closure", async () => {
    const closures = await up.db.closure.findMany({ where: { officeId: a.id }, orderBy: { date: "asc" } });
    expect(closures.map((c) => [c.date, c.reason])).toEqual([
      ["2027-01-06", "Heilige Drei Könige"],
      ["2027-02-10", "Personalversammlung"],
    ]);
    const columns = await up.db.$queryRawUnsafe<unknown[]>(
      provider === "sqlite"
        ? `SELECT name FROM pragma_table_info('Closure') WHERE name = 'kind'`
        : `SELECT column_name FROM information_schema.columns WHERE table_name = 'Closure' AND column_name = 'kind'`,
    );
    expect(columns).toEqual([]);
  });

  it("an office that accepted nothing keeps its past and is closed on holidays from now on", async () => {
    const after = await closedDays(up.db, b, "2026-11-01", "2027-01-06");
    // All Saints' Day 2026 (a Bavarian holiday) was open when it passed; Christmas and Epiphany now close.
    expect(after.get("2026-11-01")).toBe(false);
    expect(after.get("2026-12-25")).toBe(true);
    expect(after.get("2027-01-06")).toBe(true);
  });

  it("writes what it did to each office's audit log, without an actor", async () => {
    const entries = await up.db.auditLog.findMany({ where: { action: "capacity.holiday.migrate" } });
    const byOffice = new Map(entries.map((e) => [e.officeId, { actorId: e.actorId, ...JSON.parse(e.details!) }]));
    expect(byOffice.get(a.id)).toMatchObject({ actorId: null, acceptedRemoved: 4, until: LAST_ACCEPTED });
    expect(byOffice.get(b.id)).toMatchObject({ actorId: null, acceptedRemoved: 0, until: "2026-12-05" });
  });

  it("does not run again: a second deploy changes nothing", async () => {
    const before = await up.db.holidayOpening.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] });
    expect(await deployAgain(up, NOW)).toEqual([]);
    expect(await up.db.holidayOpening.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] })).toEqual(before);
  });
});

describe.each(PROVIDERS)("an upgrade stopped between the data step and its migration [%s]", (provider) => {
  let a: OfficeRef;
  // The deploy got as far as the data step and stopped before the migration that needs it; the next one finishes it.
  const up = upgradedDatabase(
    async () => {
      const old = await oldDatabase(provider);
      a = old.a;
      return old.database;
    },
    NOW,
    { upTo: NEW_MIGRATIONS[0], step: (db) => openUnacceptedHolidays(db, NOW) },
  );

  it("runs the step again on the next deploy without opening the holidays the office had accepted", async () => {
    expect(up.applied.slice(0, 1)).toEqual([NEW_MIGRATIONS[1]]);
    const after = await closedDays(up.db, a, "2026-01-15", LAST_ACCEPTED);
    expect([...after].filter(([, closed]) => closed).map(([date]) => date)).toEqual([...ACCEPTED, "2027-02-10"].sort());
    expect(await up.db.auditLog.count({ where: { action: "capacity.holiday.migrate", officeId: a.id } })).toBe(1);
  });
});
