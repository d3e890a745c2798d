import { localDateOf } from "../lib/domain";
import type { Db } from "../lib/server/db/client";
import { demoCatalogue, MELDEBESCHEINIGUNG, PERSONALAUSWEIS, REISEPASS } from "./seed-catalogue";
import { minutes, mulberry32, plannedBookings, type WeeklyRow } from "./seed-bookings";
import { germanColumns, translationRows } from "./seed-services";

// Two demo Bürgerbüros of Stadt Pirmasens that offer the same entries of the city's catalogue with their own hours,
// clerks and durations: the directory lists both for each service, and "earliest at any location" has two offices
// to compare. Up to three services in one visit (identity card, passport and certificate of registration).

const TIME_ZONE = "Europe/Berlin";

interface DemoOffer {
  entry: string;
  slug: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
}

interface DemoBuergerbuero {
  slug: string;
  name: string;
  street: string;
  postalCode: string;
  room: string;
  phone: string;
  email: string;
  capacity: WeeklyRow[];
  offers: DemoOffer[];
}

const buergerbueros: DemoBuergerbuero[] = [
  {
    slug: "buergerbuero-mitte",
    name: "Bürgerbüro Mitte",
    street: "Exerzierplatzstraße 17",
    postalCode: "66953",
    room: "Erdgeschoss, Schalterhalle",
    phone: "+49 6331 84-2200",
    email: "buergerbuero-mitte@pirmasens.de",
    // Open every weekday morning and on Thursday afternoon, with three clerks in the mornings.
    capacity: [
      [1, "08:00", "12:00", 3],
      [2, "08:00", "12:00", 3],
      [3, "08:00", "12:00", 3],
      [4, "08:00", "12:00", 2],
      [4, "14:00", "18:00", 2],
      [5, "08:00", "12:00", 3],
    ],
    offers: [
      { entry: PERSONALAUSWEIS, slug: "personalausweis", durationMinutes: 20, extraPersonMinutes: 15, maxPersons: 4 },
      { entry: REISEPASS, slug: "reisepass", durationMinutes: 20, extraPersonMinutes: 15, maxPersons: 4 },
      { entry: MELDEBESCHEINIGUNG, slug: "meldebescheinigung", durationMinutes: 10, extraPersonMinutes: 0, maxPersons: 1 },
    ],
  },
  {
    slug: "buergerbuero-nord",
    name: "Bürgerbüro Nord",
    street: "Winzler Straße 120",
    postalCode: "66955",
    room: "Raum 3",
    phone: "+49 6331 84-2300",
    email: "buergerbuero-nord@pirmasens.de",
    // A smaller office: two clerks on Monday and Wednesday mornings, one on Tuesday afternoon.
    capacity: [
      [1, "08:30", "12:30", 2],
      [2, "13:00", "17:00", 1],
      [3, "08:30", "12:30", 2],
    ],
    offers: [
      { entry: PERSONALAUSWEIS, slug: "personalausweis", durationMinutes: 30, extraPersonMinutes: 20, maxPersons: 3 },
      { entry: REISEPASS, slug: "reisepass", durationMinutes: 30, extraPersonMinutes: 20, maxPersons: 3 },
      { entry: MELDEBESCHEINIGUNG, slug: "meldebescheinigung", durationMinutes: 15, extraPersonMinutes: 0, maxPersons: 1 },
    ],
  },
];

/** The catalogue entries and the two Bürgerbüros with their services, hours and some appointments from `now` on. */
export async function seedBuergerbueros(db: Db, now: Date) {
  const entries = new Map<string, string>();
  for (const [i, entry] of demoCatalogue.entries()) {
    const created = await db.catalogueService.create({
      data: {
        slug: entry.slug,
        leikaKey: entry.leikaKey,
        ...germanColumns(entry.texts),
        sortOrder: i,
        translations: { create: translationRows(entry) },
      },
    });
    entries.set(entry.slug, created.id);
  }

  const random = mulberry32(20261205);
  const offices = [];
  for (const demo of buergerbueros) {
    const office = await db.office.create({
      data: {
        slug: demo.slug,
        name: demo.name,
        department: "Bürgerdienste",
        authority: "Stadt Pirmasens",
        street: demo.street,
        postalCode: demo.postalCode,
        locality: "Pirmasens",
        room: demo.room,
        phone: demo.phone,
        email: demo.email,
        website: "https://www.pirmasens.de",
        timeZone: TIME_ZONE,
        bookingHorizonDays: 60,
        minNoticeMinutes: 60,
        slotStepMinutes: 10,
        maxActiveBookingsPerEmail: 3,
        maxServicesPerBooking: 3,
        senderName: `Stadt Pirmasens – ${demo.name}`,
        replyTo: demo.email,
        // Identity documents have no waiting list in the demo; it stays the foreigners' office's feature.
        waitlistEnabled: false,
      },
    });
    const services = [];
    for (const [i, offer] of demo.offers.entries()) {
      services.push(
        await db.service.create({
          data: {
            officeId: office.id,
            catalogueServiceId: entries.get(offer.entry)!,
            slug: offer.slug,
            durationMinutes: offer.durationMinutes,
            extraPersonMinutes: offer.extraPersonMinutes,
            maxPersons: offer.maxPersons,
            sortOrder: i,
          },
        }),
      );
    }
    for (const [weekday, start, end, clerks] of demo.capacity) {
      await db.capacityBlock.create({
        data: { officeId: office.id, weekday, startMinute: minutes(start), endMinute: minutes(end), clerks },
      });
    }
    const bookings = plannedBookings({
      office,
      services,
      capacity: demo.capacity,
      today: localDateOf(now, TIME_ZONE),
      random,
      keep: (_date, startsAt) => startsAt > now,
      emailPrefix: demo.slug,
    });
    await db.booking.createMany({ data: bookings });
    offices.push({ office, services, bookings: bookings.length });
  }
  return offices;
}
