// Demo history for the evaluation: twelve weeks of past appointments of the demo office with the outcomes clerks
// record (arrived, served, no-show) and cancellations, so that the dashboard has a past to show. Appointments past
// the retention period carry no personal data, as after the real erasure. Deterministic like the rest of the seed.
import { randomBytes } from "node:crypto";
import { addDays, appointmentMinutes, localDateOf, publicHolidays, referenceCodeFrom, weekdayOf, zonedInstant } from "../lib/domain";
import type { Db } from "../lib/server/db/client";
import { aggregateStatistics } from "../lib/server/services/evaluation/aggregate-statistics";
import { createManageToken } from "../lib/server/security/tokens";

export const HISTORY_DAYS = 84;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface HistoryInput {
  office: { id: string; timeZone: string; holidayRegion: string; retentionDays: number };
  services: Array<{ id: string; durationMinutes: number; extraPersonMinutes: number }>;
  /** [weekday, start minute, end minute, clerks] */
  capacity: Array<[number, number, number, number]>;
  random: () => number;
  now: Date;
}

export async function seedHistory(db: Db, { office, services, capacity, random, now }: HistoryInput): Promise<number> {
  const tz = office.timeZone;
  const today = localDateOf(now, tz);
  const first = addDays(today, -HISTORY_DAYS);
  const holidays = new Set(publicHolidays(office.holidayRegion, first, today).map((h) => h.date));
  const bookings = [];
  for (let day = -HISTORY_DAYS; day < 0; day++) {
    const date = addDays(today, day);
    if (holidays.has(date)) continue;
    for (const [weekday, start, end, clerks] of capacity) {
      if (weekdayOf(date) !== weekday) continue;
      for (let clerk = 0; clerk < clerks; clerk++) {
        for (let minute = start; ; ) {
          const service = services[Math.floor(random() * services.length)];
          const length = appointmentMinutes({ ...service, maxPersons: 1 }, 1);
          if (minute + length > end) break;
          const startsAt = new Date(zonedInstant(date, minute, tz));
          minute += length;
          if (random() > 0.8) continue;
          const endsAt = new Date(startsAt.getTime() + length * MINUTE);
          const createdAt = new Date(startsAt.getTime() - Math.floor(1 + random() * 28) * DAY - Math.floor(random() * 600) * MINUTE);
          const outcome = random();
          const status = outcome < 0.1 ? "CANCELLED" : outcome < 0.17 ? "NO_SHOW" : outcome < 0.2 ? "CONFIRMED" : "SERVED";
          const arrivedAt = status === "SERVED" ? new Date(startsAt.getTime() + Math.round(-12 + random() * 27) * MINUTE) : null;
          const erased = endsAt.getTime() + office.retentionDays * DAY < now.getTime();
          bookings.push({
            officeId: office.id,
            serviceId: service.id,
            startsAt,
            endsAt,
            status: status as "CANCELLED" | "NO_SHOW" | "CONFIRMED" | "SERVED",
            channel: random() < 0.75 ? ("ONLINE" as const) : random() < 0.7 ? ("PHONE" as const) : ("COUNTER" as const),
            referenceCode: referenceCodeFrom(randomBytes(8)),
            manageTokenHash: createManageToken().hash,
            createdAt,
            cancelledAt: status === "CANCELLED" ? new Date(createdAt.getTime() + random() * (startsAt.getTime() - createdAt.getTime())) : null,
            arrivedAt,
            servedAt: arrivedAt ? new Date(arrivedAt.getTime() + Math.round(length * (0.7 + random() * 0.8)) * MINUTE) : null,
            ...(erased
              ? { erasedAt: new Date(endsAt.getTime() + office.retentionDays * DAY) }
              : { givenName: "Demo", familyName: `Vergangen ${bookings.length + 1}`, email: `demo-vergangen-${bookings.length + 1}@example.org` }),
          });
        }
      }
    }
  }
  await db.booking.createMany({ data: bookings });
  // The evaluation reads the anonymous daily rows: compute them for the history and the coming weeks.
  await aggregateStatistics(db, { now, from: first });
  return bookings.length;
}
