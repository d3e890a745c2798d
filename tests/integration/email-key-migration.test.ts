import type { Provider } from "@/lib/server/db/provider";
import type { Db } from "@/lib/server/db/client";
import { createBooking } from "@/lib/server/services/create-booking";
import { createWish } from "@/lib/server/services/waitlist/create-wish";
import { fillEmailKeys } from "@/prisma/migrate/data-steps";
import { codeOf } from "../helpers/app-error-code";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../helpers/databases";
import { citizenBooking } from "../helpers/integration/bookings";
import { upgradedDatabase } from "../helpers/integration/upgrade";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// Jest cannot run the CommonJS build's native import of react-dom/server; the ES build is transformed like the app.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Bookings and wishes count per mailbox by a stored key (emailKey) that SQL cannot compute. The upgrade adds the
// column, fills it for the rows already there (a data step) and then indexes it: rows written before it, spelt in
// every way one mailbox can be, must count together afterwards.

const BEFORE = "20261206072144_config_revision";
const NEW_MIGRATIONS = ["20261206105520_email_key", "20261206105530_email_key_index"];
const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
/** More rows than one batch of the data step. */
const BULK = 1_100;

/** Bookings before the upgrade: [reference code, e-mail, time on Monday]. */
const BOOKINGS: Array<[string, string | null, string]> = [
  ["MIG-GMAIL-1", "A.b+x@googlemail.com", "08:00"],
  ["MIG-GMAIL-2", "ab@gmail.com", "08:30"],
  ["MIG-OTHER", "Same+1@Example.org", "09:00"],
  ["MIG-ERASED", null, "09:30"],
];
/** Wishes before the upgrade: [reference code, e-mail]. */
const WISHES: Array<[string, string | null]> = [
  ["WL-GMAIL-1", "A.B+warteliste@GoogleMail.com"],
  ["WL-GMAIL-2", "a.b@gmail.com"],
  ["WL-ERASED", null],
];
const EXPECTED_KEYS: Record<string, string | null> = {
  "MIG-GMAIL-1": "ab@gmail.com",
  "MIG-GMAIL-2": "ab@gmail.com",
  "MIG-OTHER": "same@example.org",
  "MIG-ERASED": null,
  "WL-GMAIL-1": "ab@gmail.com",
  "WL-GMAIL-2": "ab@gmail.com",
  "WL-ERASED": null,
};

/**
 * A database on the schema before the upgrade, with the fixture's office (at most two bookings or open wishes per
 * address), the bookings and wishes above and BULK more bookings of other addresses. Its client is disconnected.
 */
async function oldDatabase(provider: Provider): Promise<TestDatabase> {
  const database = await createTestDatabase(provider, { migrateUpTo: BEFORE });
  const old = database.db;
  // The current client writes and reads back emailKey: the column exists only while the old rows are written.
  for (const table of ["Booking", "Wish"]) await old.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN "emailKey" TEXT`);
  const { office, service } = await createOfficeFixture(old, { maxActiveBookingsPerEmail: 2 });
  const row = (code: string, email: string | null, startsAt: Date) => ({
    officeId: office.id,
    serviceId: service.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    referenceCode: code,
    manageTokenHash: `hash-${code}`,
    email,
  });
  await old.booking.createMany({ data: BOOKINGS.map(([code, email, time]) => row(code, email, at(MONDAY, time))) });
  const bulk = Array.from({ length: BULK }, (_, i) => row(`MIG-BULK-${i}`, `bestand${i}@example.org`, at("2027-03-08", "08:00")));
  for (let i = 0; i < bulk.length; i += 500) await old.booking.createMany({ data: bulk.slice(i, i + 500) });
  for (const [code, email] of WISHES) {
    await old.wish.create({
      data: {
        officeId: office.id,
        serviceId: service.id,
        earliestDate: "2027-03-08",
        latestDate: "2027-04-30",
        weekdays: "1,3",
        dayParts: "MORNING",
        status: "ACTIVE",
        referenceCode: code,
        manageTokenHash: `hash-${code}`,
        email,
      },
    });
  }
  for (const table of ["Booking", "Wish"]) await old.$executeRawUnsafe(`ALTER TABLE "${table}" DROP COLUMN "emailKey"`);
  await old.$disconnect();
  return database;
}

/** Every booking's and wish's key by reference code. */
async function storedKeys(db: Db): Promise<Record<string, string | null>> {
  const select = { referenceCode: true, emailKey: true } as const;
  const rows = [...(await db.booking.findMany({ select })), ...(await db.wish.findMany({ select }))];
  return Object.fromEntries(rows.map((r) => [r.referenceCode, r.emailKey]));
}

describe.each(PROVIDERS)("the upgrade to a stored e-mail counting key [%s]", (provider) => {
  const up = upgradedDatabase(() => oldDatabase(provider), NOW);

  it("applies both migrations, with the data step in between", () => {
    expect(up.applied.slice(0, 2)).toEqual(NEW_MIGRATIONS);
  });

  it("gives every existing booking and wish the key of its mailbox, and none to a row without an address", async () => {
    const keys = await storedKeys(up.db);
    expect(Object.fromEntries(Object.keys(EXPECTED_KEYS).map((code) => [code, keys[code]]))).toEqual(EXPECTED_KEYS);
    // Beyond the first batch too.
    expect(keys[`MIG-BULK-${BULK - 1}`]).toBe(`bestand${BULK - 1}@example.org`);
    expect(await up.db.booking.count({ where: { email: { not: null }, emailKey: null } })).toBe(0);
    expect(await up.db.wish.count({ where: { email: { not: null }, emailKey: null } })).toBe(0);
  });

  it("counts the bookings and wishes written before the upgrade against the limit, however they were spelt", async () => {
    const newcomer = { ...person(1), email: "a.b@gmail.com" };
    expect(await codeOf(createBooking(up.db, citizenBooking({ start: at(MONDAY, "10:00"), now: NOW, person: newcomer })))).toBe(
      "TOO_MANY_BOOKINGS",
    );
    const service = await up.db.service.findFirstOrThrow({ select: { id: true, officeId: true } });
    const wish = createWish({
      db: up.db,
      officeId: service.officeId,
      serviceId: service.id,
      persons: 1,
      person: { ...newcomer, email: "AB+neu@googlemail.com" },
      preferences: { earliestDate: "2027-03-08", latestDate: "2027-04-30", weekdays: [1], dayParts: ["MORNING"] },
      locale: "de",
      source: "WAITLIST",
      now: NOW,
    });
    expect(await codeOf(wish)).toBe("TOO_MANY_WISHES");
  });

  it("does not change a key again: running the step once more leaves every row as it was", async () => {
    const before = await storedKeys(up.db);
    await fillEmailKeys(up.db);
    expect(await storedKeys(up.db)).toEqual(before);
  });
});

describe.each(PROVIDERS)("an upgrade stopped between the key step and the index [%s]", (provider) => {
  // The deploy added the column, filled the keys and stopped before the index; the next one finishes it.
  const up = upgradedDatabase(() => oldDatabase(provider), NOW, { upTo: NEW_MIGRATIONS[0], step: fillEmailKeys });

  it("runs the step again on the next deploy and then creates the indexes", async () => {
    expect(up.applied.slice(0, 1)).toEqual([NEW_MIGRATIONS[1]]);
    const keys = await storedKeys(up.db);
    expect(Object.fromEntries(Object.keys(EXPECTED_KEYS).map((code) => [code, keys[code]]))).toEqual(EXPECTED_KEYS);
  });
});
