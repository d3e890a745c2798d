import { randomBytes } from "node:crypto";
import { addDays, appointmentMinutes, type LocalDate, publicHolidayOn, referenceCodeFrom, weekdayOf, zonedInstant } from "../lib/domain";
import { emailColumns } from "../lib/domain/email-identity";
import { createManageToken } from "../lib/server/security/tokens";

// Demo appointments that fill an office's weekly capacity: the next days nearly full, later weeks thinning out, so
// that calendars show both free and full times. Deterministic given `random`, apart from codes and tokens.

/** [weekday, start "HH:MM", end "HH:MM", clerks, ...] as the seeds write an office's week. */
export type WeeklyRow = [number, string, string, number, ...number[]];

export const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Deterministic pseudo-random numbers so every fresh demo looks alike. */
export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Appointments of 42 days from `today`, one clerk after another through each capacity block, with a random service
 * each; `keep` decides which starts to book (e.g. only future ones).
 */
export function plannedBookings(opts: {
  office: { id: string; timeZone: string; holidayRegion: string };
  services: ReadonlyArray<{ id: string; durationMinutes: number; extraPersonMinutes: number; maxPersons: number }>;
  capacity: readonly WeeklyRow[];
  today: LocalDate;
  random: () => number;
  keep: (date: LocalDate, startsAt: Date) => boolean;
  /** The demo addresses' local part before the number, e.g. "demo" for demo-1@example.org. */
  emailPrefix?: string;
}) {
  const { office, services, capacity, today, random } = opts;
  const bookings = [];
  for (let day = 0; day < 42; day++) {
    const date = addDays(today, day);
    const fill = day < 4 ? 0.95 : day < 14 ? 0.6 : 0.25;
    for (const [weekday, start, end, clerks] of capacity) {
      if (weekdayOf(date) !== weekday || publicHolidayOn(office.holidayRegion, date)) continue;
      for (let clerk = 0; clerk < clerks; clerk++) {
        let minute = minutes(start);
        while (minute < minutes(end)) {
          const service = services[Math.floor(random() * services.length)];
          const length = appointmentMinutes(service, 1);
          if (minute + length > minutes(end)) break;
          const startsAt = new Date(zonedInstant(date, minute, office.timeZone));
          if (random() < fill && opts.keep(date, startsAt)) {
            bookings.push({
              officeId: office.id,
              serviceId: service.id,
              startsAt,
              endsAt: new Date(startsAt.getTime() + length * 60_000),
              persons: 1,
              status: "CONFIRMED" as const,
              channel: random() < 0.8 ? ("ONLINE" as const) : ("PHONE" as const),
              referenceCode: referenceCodeFrom(randomBytes(8)),
              manageTokenHash: createManageToken().hash,
              givenName: "Demo",
              familyName: `Termin ${bookings.length + 1}`,
              // example.org never receives mail; in development the messages land in the local inbox.
              ...emailColumns(`${opts.emailPrefix ?? "demo"}-${bookings.length + 1}@example.org`),
            });
          }
          minute += length;
        }
      }
    }
  }
  return bookings;
}
