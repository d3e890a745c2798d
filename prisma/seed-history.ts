// Demo history for the evaluation: twelve weeks of past appointments of the demo office with the outcomes clerks
// record (arrived, served, no-show) and cancellations, so that the dashboard has a past to show. Appointments past
// the retention period carry no personal data, as after the real erasure. The served appointments were checked in
// and called from the queue, and walk-ins came for the services that take them: their tickets give the queue's
// figures, and are deleted past the retention period as the real erasure does. Deterministic like the rest of the seed.
import { randomBytes } from "node:crypto";
import { addDays, appointmentMinutes, localDateOf, publicHolidays, referenceCodeFrom, weekdayOf, zonedInstant } from "../lib/domain";
import { emailColumns } from "../lib/domain/email-identity";
import { TICKET_SERIES } from "../lib/domain/ticket";
import { dayPartAt, parseDayParts } from "../lib/domain/waitlist";
import type { Db } from "../lib/server/db/client";
import { aggregateStatistics } from "../lib/server/services/evaluation/aggregate-statistics";
import { createManageToken } from "../lib/server/security/tokens";
import { erasePersonalData } from "../lib/server/services/privacy/erase-personal-data";

export const HISTORY_DAYS = 84;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface HistoryInput {
  office: { id: string; timeZone: string; holidayRegion: string; retentionDays: number };
  services: Array<{ id: string; durationMinutes: number; extraPersonMinutes: number; walkInDayParts: string }>;
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
              : { givenName: "Demo", familyName: `Vergangen ${bookings.length + 1}`, ...emailColumns(`demo-vergangen-${bookings.length + 1}@example.org`) }),
          });
        }
      }
    }
  }
  await db.booking.createMany({ data: bookings });
  await seedPastQueues(db, { office, services, capacity, random, now }, first);
  // The evaluation reads the anonymous daily rows: compute them for the history and the coming weeks. Then the
  // erasure deletes the tickets of the days past the retention period, as it would have.
  await aggregateStatistics(db, { now, from: first });
  await erasePersonalData(db, { now });
  return bookings.length;
}

/** Tickets of the past days: each served appointment's T ticket, and a few walk-ins a day. */
async function seedPastQueues(db: Db, { office, services, capacity, random, now }: HistoryInput, first: string): Promise<void> {
  const tz = office.timeZone;
  const served = await db.booking.findMany({
    // The past days only: today's queue is the demo day's (seed-today.ts).
    where: { officeId: office.id, status: "SERVED", startsAt: { gte: new Date(zonedInstant(first, 0, tz)), lt: new Date(zonedInstant(localDateOf(now, tz), 0, tz)) } },
    select: { id: true, serviceId: true, startsAt: true, arrivedAt: true, servedAt: true, locale: true },
    orderBy: { arrivedAt: "asc" },
  });
  const numbers = new Map<string, { T: number; W: number }>();
  const next = (date: string, series: "T" | "W") => {
    const n = numbers.get(date) ?? { T: 0, W: 0 };
    numbers.set(date, n);
    return ++n[series];
  };
  const tickets = [];
  for (const b of served) {
    if (!b.arrivedAt || !b.servedAt) continue;
    const date = localDateOf(b.startsAt, tz);
    // Called at the time or a few minutes later, never after the visit ended.
    const calledAt = new Date(
      Math.min(Math.max(b.arrivedAt.getTime(), b.startsAt.getTime()) + Math.floor(random() * 9) * MINUTE, b.servedAt.getTime() - 3 * MINUTE),
    );
    tickets.push({
      officeId: office.id, serviceId: b.serviceId, date, kind: "APPOINTMENT" as const, series: TICKET_SERIES.APPOINTMENT,
      number: next(date, "T"), bookingId: b.id, locale: b.locale, status: "SERVED" as const, dueAt: b.startsAt,
      arrivedAt: b.arrivedAt, calledAt, firstCalledAt: calledAt, callCount: 1, finishedAt: b.servedAt,
    });
  }
  // Walk-ins on the days the office had appointments (one date per booking, not one per booking and day).
  const servedDates = new Set(served.map((b) => localDateOf(b.startsAt, tz)));
  const today = localDateOf(now, tz);
  for (let day = -HISTORY_DAYS; day < 0; day++) {
    const date = addDays(today, day);
    if (date < first || !servedDates.has(date)) continue;
    for (const [weekday, start, end] of capacity) {
      if (weekdayOf(date) !== weekday) continue;
      const arrivals = Array.from({ length: Math.floor(2 + random() * 5) }, () => start + Math.floor(random() * (end - start - 60)));
      for (const minute of arrivals.sort((a, b) => a - b)) {
        const arrivedAt = new Date(zonedInstant(date, minute, tz));
        const open = services.filter((s) => parseDayParts(s.walkInDayParts).includes(dayPartAt(arrivedAt, tz)));
        if (open.length === 0) break;
        const calledAt = new Date(arrivedAt.getTime() + Math.floor(3 + random() * 40) * MINUTE);
        tickets.push({
          officeId: office.id, serviceId: open[Math.floor(random() * open.length)].id, date, kind: "WALK_IN" as const,
          series: TICKET_SERIES.WALK_IN, number: next(date, "W"), bookingId: null, locale: "de", status: "SERVED" as const,
          dueAt: null, arrivedAt, calledAt, firstCalledAt: calledAt, callCount: 1,
          finishedAt: new Date(calledAt.getTime() + Math.floor(4 + random() * 12) * MINUTE),
        });
      }
    }
  }
  await db.ticket.createMany({ data: tickets });
  for (const [date, n] of numbers) {
    await db.queueDay.create({ data: { officeId: office.id, date, version: n.T + n.W, appointmentNumbers: n.T, walkInNumbers: n.W } });
  }
}
