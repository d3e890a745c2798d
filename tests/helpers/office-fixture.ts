import { zonedInstant } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { catalogueTexts, withTexts } from "@/lib/server/services/service-texts";
import { weekdays } from "./scenario";

// Builds an office in a test database the way an administrator would set it up: "an office in Europe/Berlin, open
// Monday 08:00-12:00 with two clerks, offering a 30-minute service".

export interface OfficeFixtureOptions {
  slug?: string;
  timeZone?: string;
  slotStepMinutes?: number;
  minNoticeMinutes?: number;
  bookingHorizonDays?: number;
  maxActiveBookingsPerEmail?: number;
  /** [weekday 1-7, "HH:MM", "HH:MM", clerks] */
  blocks?: Array<[number, string, string, number]>;
  services?: Array<{
    slug: string;
    durationMinutes: number;
    extraPersonMinutes?: number;
    maxPersons?: number;
    /** The catalogue entry (its slug) the service is an offer of, shared with other offices; made if missing. */
    catalogue?: string;
  }>;
}

const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The name and address of a test office. */
export function officeAddress(slug: string) {
  return { slug, name: `Amt ${slug}`, authority: "Stadt Teststadt", street: "Rathausplatz 1", postalCode: "12345", locality: "Teststadt" };
}

export async function createOfficeFixture(db: Db, opts: OfficeFixtureOptions = {}) {
  const slug = opts.slug ?? "testamt";
  const office = await db.office.create({
    data: {
      ...officeAddress(slug),
      timeZone: opts.timeZone ?? "Europe/Berlin",
      slotStepMinutes: opts.slotStepMinutes ?? 30,
      minNoticeMinutes: opts.minNoticeMinutes ?? 60,
      bookingHorizonDays: opts.bookingHorizonDays ?? 30,
      maxActiveBookingsPerEmail: opts.maxActiveBookingsPerEmail ?? 100,
    },
  });
  const services = [];
  for (const [i, s] of (opts.services ?? [{ slug: "beratung", durationMinutes: 30, maxPersons: 3, extraPersonMinutes: 15 }]).entries()) {
    // Catalogue slugs are city-wide: a second office's service of the same slug gets the office's slug appended,
    // as the migration does.
    const entrySlug = s.catalogue ?? ((await db.catalogueService.count({ where: { slug: s.slug } })) > 0 ? `${s.slug}-${slug}` : s.slug);
    const entry = { slug: entrySlug, name: `Leistung ${s.slug}`, documents: "Reisepass\nFoto", sortOrder: i };
    const service = await db.service.create({
      data: {
        office: { connect: { id: office.id } },
        slug: s.slug,
        catalogueService: { connectOrCreate: { where: { slug: entrySlug }, create: entry } },
        durationMinutes: s.durationMinutes,
        extraPersonMinutes: s.extraPersonMinutes ?? 0,
        maxPersons: s.maxPersons ?? 1,
        sortOrder: i,
      },
      include: catalogueTexts,
    });
    services.push(withTexts(service));
  }
  for (const [weekday, start, end, clerks] of opts.blocks ?? [[1, "08:00", "12:00", 2]]) {
    await db.capacityBlock.create({
      data: { officeId: office.id, weekday, startMinute: minute(start), endMinute: minute(end), clerks },
    });
  }
  return { office, services, service: services[0] };
}

/** An instant given as office wall-clock time, e.g. at("2027-03-01", "09:00"). */
export function at(date: string, time: string, timeZone = "Europe/Berlin"): Date {
  return new Date(zonedInstant(date, minute(time), timeZone));
}

export function person(n: number) {
  return {
    givenName: "Amira",
    familyName: `Beispiel ${n}`,
    email: `person${n}@example.org`,
    dateOfBirth: "1990-03-27",
  };
}

/** Weekly opening hours as a scenario says them, for `blocks`: openOn("Mon-Fri", "08:00-10:00", 1). */
export function openOn(days: string, range: string, clerks: number): Array<[number, string, string, number]> {
  const [start, end] = range.split("-");
  return weekdays(days).map((weekday) => [weekday, start, end, clerks]);
}
