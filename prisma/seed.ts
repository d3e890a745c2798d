// Demo data for development and evaluation: the foreigners' office of Stadt Pirmasens with its four services,
// weekly clerk capacity, and existing appointments so the calendar shows both free and full times; the day the seed
// runs (or the next working day) as a working day at the office, with its queue (seed-today.ts); and two
// Bürgerbüros offering the same catalogue services (seed-buergerbueros.ts).
// Usage: tsx prisma/seed.ts [--if-empty]
import { localDateOf } from "../lib/domain";
import { createDb, type Db } from "../lib/server/db/client";
import { hashPassword } from "../lib/server/auth/password";
import { seedLegalTexts } from "../lib/server/services/legal/demo-texts";
import { minutes, mulberry32, plannedBookings } from "./seed-bookings";
import { seedBuergerbueros } from "./seed-buergerbueros";
import { seedHistory } from "./seed-history";
import { demoServices, serviceRow, translationRows } from "./seed-services";
import { demoMoment, seedToday } from "./seed-today";

/** Documented in the README; for development and demonstrations only. */
export const DEFAULT_SEED_STAFF_PASSWORD = "Demo-Passwort-2026";

export function seedStaffPassword(source: Record<string, string | undefined> = process.env): string {
  if (source.NODE_ENV === "production") {
    throw new Error("Refusing to create demo staff accounts with a known password in production.");
  }
  return source.SEED_STAFF_PASSWORD || DEFAULT_SEED_STAFF_PASSWORD;
}

const TIME_ZONE = "Europe/Berlin";

// [weekday, start "HH:MM", end "HH:MM", clerks, of them kept for urgent cases]
const weeklyCapacity: Array<[number, string, string, number, number]> = [
  [1, "08:00", "12:00", 3, 1],
  [2, "08:00", "12:00", 3, 1],
  [3, "08:00", "12:00", 2, 0],
  [4, "08:00", "12:00", 2, 0],
  [4, "14:00", "18:00", 2, 0],
  [5, "08:00", "12:00", 3, 1],
];

export async function seedDemo(db: Db, now: Date = new Date()) {
  const office = await db.office.create({
    data: {
      slug: "auslaenderbehoerde",
      name: "Ausländerbehörde",
      department: "Ordnungsamt",
      authority: "Stadt Pirmasens",
      street: "Exerzierplatzstraße 17",
      postalCode: "66953",
      locality: "Pirmasens",
      room: "1.04 (Erdgeschoss)",
      phone: "+49 6331 84-0",
      email: "auslaenderbehoerde@pirmasens.de",
      website: "https://www.pirmasens.de",
      directions: "Barrierefreier Zugang über den Seiteneingang. Bushaltestelle Exerzierplatz.",
      timeZone: TIME_ZONE,
      waitingArea: "Wartebereich im Erdgeschoss, gegenüber Raum 1.04",
      bookingHorizonDays: 60,
      minNoticeMinutes: 120,
      slotStepMinutes: 10,
      retentionDays: 30,
      maxActiveBookingsPerEmail: 3,
      senderName: "Stadt Pirmasens – Ausländerbehörde",
      replyTo: "auslaenderbehoerde@pirmasens.de",
      extensionRequestsEnabled: true,
      extensionReceiptNote:
        "Demo: Die Ausländerbehörde bestätigt, dass der Antrag auf Verlängerung des Aufenthaltstitels zum angegebenen Zeitpunkt eingegangen ist. Ob und welche Wirkung dies hat, richtet sich nach § 81 AufenthG.",
    },
  });
  const created = [];
  for (const [i, s] of demoServices.entries()) {
    // Texts in every language of the site, in the city's catalogue; the translations are demo texts for the office
    // to review.
    const { name, description, documents, ...offer } = serviceRow(s);
    created.push(
      await db.service.create({
        data: {
          ...offer,
          office: { connect: { id: office.id } },
          sortOrder: i,
          catalogueService: {
            create: { slug: s.slug, name, description, documents, sortOrder: i, translations: { create: translationRows(s) } },
          },
        },
      }),
    );
  }
  for (const [weekday, start, end, clerks, urgentClerks] of weeklyCapacity) {
    await db.capacityBlock.create({
      data: { officeId: office.id, weekday, startMinute: minutes(start), endMinute: minutes(end), clerks, urgentClerks },
    });
  }

  // The public holidays of Rhineland-Palatinate close the office by default, every year: no appointments then.
  const today = localDateOf(now, TIME_ZONE);
  const capacity = weeklyCapacity.map(([w, s, e, c]): [number, number, number, number] => [w, minutes(s), minutes(e), c]);
  // The demo day is filled from its start: its past appointments get their outcomes below.
  const demo = demoMoment(capacity, office, now);

  // Existing appointments: the next days nearly full, later weeks thinning out.
  const random = mulberry32(20261124);
  const bookings = plannedBookings({
    office,
    services: created,
    capacity: weeklyCapacity,
    today,
    random,
    keep: (date, startsAt) => startsAt > now || date === demo.date,
  });
  await db.booking.createMany({ data: bookings });

  const passwordHash = await hashPassword(seedStaffPassword());
  await db.staffUser.create({
    data: { email: "admin@terminvergabe.local", name: "Alex Admin", role: "ADMIN", passwordHash },
  });
  const clerk = await db.staffUser.create({
    data: {
      email: "sachbearbeitung@terminvergabe.local",
      name: "Sam Sachbearbeitung",
      role: "CLERK",
      passwordHash,
      memberships: { create: { officeId: office.id } },
    },
  });
  await seedLegalTexts(db);
  const tickets = await seedToday(db, { office, services: created, ...demo, clerkId: clerk.id, random });
  // Past appointments with their outcomes, and the anonymous statistics the evaluation reads.
  const history = await seedHistory(db, {
    office,
    services: created,
    capacity,
    random,
    now,
  });
  // Two Bürgerbüros sharing the city's catalogue entries for identity cards, passports and registration.
  const buergerbueros = await seedBuergerbueros(db, now);
  return { office, services: created, bookings: bookings.length + history, demoDay: demo.date, tickets, buergerbueros };
}

async function main() {
  const db = createDb(process.env.DATABASE_URL ?? "file:./data/dev.db");
  try {
    if (process.argv.includes("--if-empty") && (await db.office.count()) > 0) {
      console.log("Database already has offices; seed skipped.");
      return;
    }
    const result = await seedDemo(db);
    console.log(`Seeded office "${result.office.name}" with ${result.services.length} services and ${result.bookings} appointments.`);
    for (const b of result.buergerbueros)
      console.log(`Seeded office "${b.office.name}" with ${b.services.length} catalogue services and ${b.bookings} appointments.`);
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
