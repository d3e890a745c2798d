import { addDays, bookingHorizon, datesBetween, localDateOf, zonedInstant, type LocalDate } from "@/lib/domain";
import {
  aggregateBookings,
  aggregateTickets,
  daysBetween,
  offeredClerkMinutes,
  serializeHistogram,
  SETTLING_DAYS,
  type Channel,
  type DailyBookingRow,
  type DailyQueueRow,
  type StatisticsBooking,
  type StatisticsTicket,
} from "@/lib/domain/statistics";
import type { Db } from "@/lib/server/db/client";
import { furtherServicesByBooking, loadSchedule } from "../availability";
import { isUniqueViolation } from "../offices/input-error";
import { nextFreeSlotOf } from "../list-slots";
import { catalogueTexts, officeWithTexts, serviceListOrder } from "../service-texts";

// Keeps the anonymous daily statistics (DESIGN.md, invariant 7) up to date: the bookings' and the queue's. A day stays open for corrections while
// clerks may still record arrivals and no-shows and citizens cancel, so every run recomputes the last
// SETTLING_DAYS days and the days ahead up to the booking horizon, and writes only rows that changed. Runs from the
// in-app scheduler, from `npm run jobs -- statistics`, and from the erasure for the days it is about to erase.
// Idempotent: several instances may run it at once and reach the same rows.

type OfficeRef = { id: string; timeZone: string; holidayRegion: string; callToleranceMinutes: number };

const storedHistograms = (r: DailyBookingRow) => ({
  cancelLeadHistogram: serializeHistogram(r.cancelLeadHistogram),
  leadDaysHistogram: serializeHistogram(r.leadDaysHistogram),
  punctualityHistogram: serializeHistogram(r.punctualityHistogram),
  durationHistogram: serializeHistogram(r.durationHistogram),
});

function storedRow(officeId: string, r: DailyBookingRow) {
  return {
    officeId,
    serviceId: r.serviceId,
    date: r.date,
    channel: r.channel,
    booked: r.booked,
    cancelled: r.cancelled,
    noShow: r.noShow,
    arrived: r.arrived,
    served: r.served,
    bookedMinutes: r.bookedMinutes,
    leadDaysSum: r.leadDaysSum,
    punctualityCount: r.punctualityCount,
    punctualitySum: r.punctualitySum,
    durationCount: r.durationCount,
    durationSum: r.durationSum,
    ...storedHistograms(r),
  };
}

type StoredRow = ReturnType<typeof storedRow>;
const rowKey = (r: { serviceId: string; date: string; channel: string }) => `${r.serviceId}|${r.date}|${r.channel}`;
const sameRow = (a: StoredRow, b: Record<string, unknown>) =>
  (Object.keys(a) as Array<keyof StoredRow>).every((k) => a[k] === b[k]);

/** Recomputes the rows of one office for the local dates [from, to]; returns how many rows were written or removed. */
export async function aggregateOfficeDays(db: Db, office: OfficeRef, from: LocalDate, to: LocalDate): Promise<number> {
  if (from > to) return 0;
  return (
    (await againAfterConcurrentInsert(() => aggregateBookingDays(db, office, from, to))) +
    (await againAfterConcurrentInsert(() => aggregateQueueDays(db, office, from, to)))
  );
}

/** `rows` split into those the table does not have yet (inserted together) and those it has (upserted one by one). */
function newAndKnown<T>(rows: T[], known: (row: T) => boolean): [T[], T[]] {
  return [rows.filter((r) => !known(r)), rows.filter(known)];
}

/**
 * New rows are inserted together in one statement, which fails if another instance's scheduler inserted one of them
 * after this run read the table (both at the first run after midnight): then once more, reading that instance's rows.
 */
async function againAfterConcurrentInsert(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return run();
  }
}

async function aggregateBookingDays(db: Db, office: OfficeRef, from: LocalDate, to: LocalDate): Promise<number> {
  const start = new Date(zonedInstant(from, 0, office.timeZone));
  const end = new Date(zonedInstant(addDays(to, 1), 0, office.timeZone));
  const counted = { officeId: office.id, startsAt: { gte: start, lt: end }, status: { not: "HELD" as const } };
  const [bookings, further, schedule, existingRows, existingCapacity, services] = await Promise.all([
    db.booking.findMany({
      where: counted,
      select: {
        id: true,
        serviceId: true,
        channel: true,
        status: true,
        startsAt: true,
        endsAt: true,
        createdAt: true,
        cancelledAt: true,
        arrivedAt: true,
        servedAt: true,
      },
    }),
    // Read on their own: a relation read would name every booking of the period in one query (a first run's
    // history is more than SQLite takes).
    db.bookingService.findMany({ where: { booking: counted }, orderBy: { position: "asc" }, select: { bookingId: true, serviceId: true } }),
    loadSchedule(db, office, from, to),
    db.dailyBookingStats.findMany({ where: { officeId: office.id, date: { gte: from, lte: to } } }),
    db.dailyOfficeCapacity.findMany({ where: { officeId: office.id, date: { gte: from, lte: to } } }),
    // A combined appointment's clerk-minutes are split between its services by their durations.
    db.service.findMany({ where: { officeId: office.id }, select: { id: true, durationMinutes: true } }),
  ]);

  const furtherOf = furtherServicesByBooking(further);
  const statistics: StatisticsBooking[] = bookings.map(({ id, ...b }) => ({
    ...(b as Omit<StatisticsBooking, "extraServiceIds">),
    extraServiceIds: furtherOf.get(id) ?? [],
  }));
  const durations = new Map(services.map((s) => [s.id, s.durationMinutes]));
  const rows = aggregateBookings(statistics, office.timeZone, durations).map((r) => storedRow(office.id, r));
  const previous = new Map(existingRows.map((r) => [rowKey(r), r as unknown as Record<string, unknown>]));
  const changed = rows.filter((r) => {
    const old = previous.get(rowKey(r));
    return !old || !sameRow(r, old);
  });
  const current = new Set(rows.map(rowKey));
  const gone = existingRows.filter((r) => !current.has(rowKey(r)));

  const offered = new Map(existingCapacity.map((c) => [c.date, c.offeredMinutes]));
  const capacity = datesBetween(from, to)
    .map((date) => ({ officeId: office.id, date, offeredMinutes: offeredClerkMinutes(schedule, date) }))
    .filter((c) => offered.get(c.date) !== c.offeredMinutes);

  if (changed.length + gone.length + capacity.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const r of gone) {
      await tx.dailyBookingStats.deleteMany({
        where: { officeId: office.id, serviceId: r.serviceId, date: r.date, channel: r.channel },
      });
    }
    // New rows in one statement (a first run, the seed's history or an upgrade's back-fill, writes thousands; one by
    // one that took seconds), changed ones one by one (an upsert, in case another instance has just removed one).
    const [added, kept] = newAndKnown(changed, (r) => previous.has(rowKey(r)));
    await tx.dailyBookingStats.createMany({ data: added.map((r) => ({ ...r, channel: r.channel as Channel })) });
    for (const r of kept) {
      const { officeId, serviceId, date, channel, ...counts } = r;
      await tx.dailyBookingStats.upsert({
        where: { officeId_serviceId_date_channel: { officeId, serviceId, date, channel: channel as Channel } },
        create: { ...r, channel: channel as Channel },
        update: counts,
      });
    }
    const [addedDays, keptDays] = newAndKnown(capacity, (c) => offered.has(c.date));
    await tx.dailyOfficeCapacity.createMany({ data: addedDays });
    for (const c of keptDays) {
      await tx.dailyOfficeCapacity.upsert({
        where: { officeId_date: { officeId: c.officeId, date: c.date } },
        create: c,
        update: { offeredMinutes: c.offeredMinutes },
      });
    }
    // A first run writes months of rows; on a busy machine that may take longer than Prisma's default 5 s.
  }, { maxWait: 10_000, timeout: 120_000 });
  return changed.length + gone.length + capacity.length;
}

function storedQueueRow(officeId: string, r: DailyQueueRow) {
  return {
    officeId,
    serviceId: r.serviceId,
    date: r.date,
    kind: r.kind,
    tickets: r.tickets,
    served: r.served,
    noShow: r.noShow,
    waitCount: r.waitCount,
    waitSum: r.waitSum,
    waitHistogram: serializeHistogram(r.waitHistogram),
    serveCount: r.serveCount,
    serveSum: r.serveSum,
    serveHistogram: serializeHistogram(r.serveHistogram),
    onTimeCalled: r.onTimeCalled,
  };
}

type StoredQueueRow = ReturnType<typeof storedQueueRow>;
const queueRowKey = (r: { serviceId: string; date: string; kind: string }) => `${r.serviceId}|${r.date}|${r.kind}`;

/**
 * The queue's rows (DailyQueueStats) of one office for [from, to], from its tickets. Tickets are deleted whole days
 * at a time once the bookings' retention has passed (erase-personal-data.ts), after this has run for those days: a
 * day without any ticket is therefore left alone, so its rows outlive its tickets. Within a day that has tickets, a
 * row no ticket stands for any more (a ticket forwarded to another service) is removed.
 */
export async function aggregateQueueDays(db: Db, office: OfficeRef, from: LocalDate, to: LocalDate): Promise<number> {
  if (from > to) return 0;
  const [tickets, existingRows] = await Promise.all([
    db.ticket.findMany({
      where: { officeId: office.id, date: { gte: from, lte: to } },
      select: { serviceId: true, date: true, kind: true, status: true, dueAt: true, arrivedAt: true, firstCalledAt: true, finishedAt: true },
    }),
    db.dailyQueueStats.findMany({ where: { officeId: office.id, date: { gte: from, lte: to } } }),
  ]);
  const ticketDays = new Set(tickets.map((t) => t.date));
  const rows = aggregateTickets(tickets as StatisticsTicket[], office.callToleranceMinutes).map((r) => storedQueueRow(office.id, r));
  const previous = new Map(existingRows.map((r) => [queueRowKey(r), r as unknown as Record<string, unknown>]));
  const changed = rows.filter((r) => {
    const old = previous.get(queueRowKey(r));
    return !old || !(Object.keys(r) as Array<keyof StoredQueueRow>).every((k) => r[k] === old[k]);
  });
  const current = new Set(rows.map(queueRowKey));
  const gone = existingRows.filter((r) => ticketDays.has(r.date) && !current.has(queueRowKey(r)));
  if (changed.length + gone.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const r of gone) {
      await tx.dailyQueueStats.deleteMany({ where: { officeId: office.id, serviceId: r.serviceId, date: r.date, kind: r.kind } });
    }
    const [added, kept] = newAndKnown(changed, (r) => previous.has(queueRowKey(r)));
    await tx.dailyQueueStats.createMany({ data: added });
    for (const r of kept) {
      const { officeId, serviceId, date, kind, ...counts } = r;
      await tx.dailyQueueStats.upsert({
        where: { officeId_serviceId_date_kind: { officeId, serviceId, date, kind } },
        create: r,
        update: counts,
      });
    }
  }, { maxWait: 10_000, timeout: 120_000 });
  return changed.length + gone.length;
}

/**
 * Today's sample of the days until the next free slot of every active service (one person), found by the same
 * function the booking wizard uses. The first sample of a day is kept, so the series is one value per day.
 */
export async function sampleNextFreeSlots(db: Db, now: Date): Promise<number> {
  const offices = await db.office.findMany({
    where: { active: true },
    include: {
      services: { where: { active: true }, orderBy: serviceListOrder, include: catalogueTexts },
    },
  }).then((rows) => rows.map(officeWithTexts));
  let sampled = 0;
  for (const office of offices) {
    const today = localDateOf(now, office.timeZone);
    const done = await db.nextFreeSlotSample.findMany({ where: { officeId: office.id, date: today }, select: { serviceId: true } });
    const sampledIds = new Set(done.map((d) => d.serviceId));
    for (const service of office.services) {
      if (sampledIds.has(service.id)) continue;
      const { slot } = await nextFreeSlotOf(db, { office, service }, { persons: 1, now, access: "public" });
      const days = slot ? daysBetween(today, localDateOf(slot.start, office.timeZone)) : null;
      await db.nextFreeSlotSample.upsert({
        where: { officeId_serviceId_date: { officeId: office.id, serviceId: service.id, date: today } },
        create: { officeId: office.id, serviceId: service.id, date: today, days, sampledAt: now },
        update: {},
      });
      sampled++;
    }
  }
  return sampled;
}

export interface AggregateResult {
  /** Daily rows written or removed. */
  rows: number;
  /** Next-free-slot samples taken. */
  samples: number;
}

// Rows are kept one day past the last bookable date, so the date that becomes bookable at the office's next
// midnight already has its rows before the next run.
const DAYS_PAST_HORIZON = 1;

/**
 * Recomputes every office's rows from SETTLING_DAYS ago to the end of its booking horizon (or from `from` when
 * given, e.g. to fill in history), and takes today's next-free-slot samples.
 */
export async function aggregateStatistics(db: Db, options: { now?: Date; from?: LocalDate } = {}): Promise<AggregateResult> {
  const now = options.now ?? new Date();
  const offices = await db.office.findMany({
    select: { id: true, timeZone: true, holidayRegion: true, bookingHorizonDays: true, callToleranceMinutes: true },
  });
  let rows = 0;
  for (const office of offices) {
    const { today, last } = bookingHorizon(office, office.timeZone, now);
    const from = options.from ?? addDays(today, -SETTLING_DAYS);
    rows += await aggregateOfficeDays(db, office, from, addDays(last, DAYS_PAST_HORIZON));
  }
  return { rows, samples: await sampleNextFreeSlots(db, now) };
}
