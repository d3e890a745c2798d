import { addDays, localDateOf } from "@/lib/domain";
import { CLOSED_WISH_STATUSES, ERASED_BOOKING_DATA, ERASED_WISH_DATA, retentionCutoff } from "@/lib/domain/erasure";
import type { Db, Tx } from "@/lib/server/db/client";
import { aggregateOfficeDays, aggregateQueueDays } from "../evaluation/aggregate-statistics";

// Erasure of personal data (DESIGN.md, invariant 7), for the scheduled run and for the citizen's "delete my data"
// alike. The booking row stays for the anonymous statistics; every personal field is set to null and erasedAt is
// set. E-mails of the booking lose their payload and recipient too. Every write is conditional, so several
// instances may run it at the same time. The queue's tickets hold no personal data, but they tie a visit's times to
// its booking and to the clerk who called it: they are deleted, whole days at a time, once the day's bookings are
// past the retention period, after the queue's anonymous daily rows of those days have been written.

/** Stored instead of the address in outbox rows of an erased booking (the column is required). */
export const ERASED_RECIPIENT = "[erased]";
const ERASED_OUTBOX_ERROR = "personal data erased before sending";

const BATCH = 200;

type BookingWhere = NonNullable<Parameters<Db["booking"]["updateManyAndReturn"]>[0]>["where"];
type WishWhere = NonNullable<Parameters<Db["wish"]["updateManyAndReturn"]>[0]>["where"];

/**
 * Clears the personal data in the outbox rows of `bookingIds`. Unsent e-mails are not sent any more: without the
 * address and the payload they could not be, and they would carry data that should be gone.
 */
async function eraseOutboxOf(tx: Tx, bookingIds: string[]): Promise<void> {
  if (bookingIds.length === 0) return;
  // Webhook rows hold no personal data (the person is added at delivery, from the booking row): they stay.
  const mails = { bookingId: { in: bookingIds }, channel: "MAIL" as const };
  await tx.outboxMessage.updateMany({
    where: { ...mails, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "FAILED", lockedUntil: null, lastError: ERASED_OUTBOX_ERROR },
  });
  await tx.outboxMessage.updateMany({ where: mails, data: { payload: "{}", recipient: ERASED_RECIPIENT } });
}

/**
 * Erases the bookings matching `where` (checked in the update itself) and their e-mails, in the caller's
 * transaction; `cancel` also cancels them in the same write. Returns the ids erased.
 */
export async function eraseBookings(tx: Tx, where: BookingWhere, now: Date, cancel = false): Promise<string[]> {
  const rows = await tx.booking.updateManyAndReturn({
    where: { AND: [where ?? {}, { erasedAt: null }] },
    data: { ...ERASED_BOOKING_DATA, erasedAt: now, ...(cancel ? { status: "CANCELLED" as const, cancelledAt: now } : {}) },
    select: { id: true },
  });
  const ids = rows.map((r) => r.id);
  await eraseOutboxOf(tx, ids);
  return ids;
}

/** Erases the bookings matching `where`, in batches; returns how many. */
async function eraseWhere(db: Db, where: BookingWhere, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const candidates = await db.booking.findMany({ where, select: { id: true }, take: BATCH, orderBy: { id: "asc" } });
    if (candidates.length === 0) return total;
    // The condition is checked again on write: a hold confirmed meanwhile, or a booking erased by another instance,
    // is left alone.
    const erased = await db.$transaction((tx) =>
      eraseBookings(tx, { AND: [where ?? {}, { id: { in: candidates.map((c) => c.id) } }] }, now),
    );
    total += erased.length;
    if (candidates.length < BATCH) return total;
  }
}

/**
 * Brings the statistics of the days whose bookings are about to be erased up to date first, so that erasing (or,
 * later, deleting) booking rows never loses a figure. Same cut-off as the erasure.
 */
async function aggregateBeforeErasure(db: Db, now: Date): Promise<number> {
  const offices = await db.office.findMany({
    select: { id: true, timeZone: true, holidayRegion: true, retentionDays: true, callToleranceMinutes: true },
  });
  let rows = 0;
  for (const office of offices) {
    const range = await db.booking.aggregate({
      where: {
        officeId: office.id,
        erasedAt: null,
        status: { not: "HELD" },
        endsAt: { lt: retentionCutoff(office.retentionDays, now) },
      },
      _min: { startsAt: true },
      _max: { startsAt: true },
    });
    if (!range._min.startsAt || !range._max.startsAt) continue;
    rows += await aggregateOfficeDays(
      db,
      office,
      localDateOf(range._min.startsAt, office.timeZone),
      localDateOf(range._max.startsAt, office.timeZone),
    );
  }
  return rows;
}

/**
 * Erases the personal columns of the wishes matching `where` (checked in the update itself), in the caller's
 * transaction; returns their ids. The row stays with office, service, persons, dates, preferences, source, status
 * and times: the waiting list's anonymous figures. The e-mails about a wish that are not tied to a booking (the
 * confirmation; offers are tied to their held booking and erased with it) carry no wish id, so they are found by
 * office and address, and only once no other wish of that address at the office keeps its data: an unsent mail of
 * the other wish must not be lost.
 */
export async function eraseWishes(tx: Tx, where: WishWhere, now: Date): Promise<string[]> {
  const before = await tx.wish.findMany({ where: { AND: [where ?? {}, { erasedAt: null }] }, select: { officeId: true, email: true } });
  const rows = await tx.wish.updateManyAndReturn({
    where: { AND: [where ?? {}, { erasedAt: null }] },
    data: { ...ERASED_WISH_DATA, erasedAt: now },
    select: { id: true },
  });
  const addresses = new Map(before.filter((w) => w.email).map((w) => [`${w.officeId} ${w.email}`, { officeId: w.officeId, email: w.email! }]));
  for (const { officeId, email } of addresses.values()) {
    if ((await tx.wish.count({ where: { officeId, email, erasedAt: null } })) > 0) continue;
    const mails = { officeId, bookingId: null, recipient: email };
    await tx.outboxMessage.updateMany({
      where: { ...mails, status: { in: ["PENDING", "SENDING"] } },
      data: { status: "FAILED", lockedUntil: null, lastError: ERASED_OUTBOX_ERROR },
    });
    await tx.outboxMessage.updateMany({ where: mails, data: { payload: "{}", recipient: ERASED_RECIPIENT } });
  }
  return rows.map((r) => r.id);
}

/**
 * Erases the personal data of the wishes closed (booked, withdrawn, removed or expired) more than the office's
 * `retentionDays` ago, in batches; returns how many.
 */
async function eraseClosedWishes(db: Db, now: Date): Promise<number> {
  let total = 0;
  const offices = await db.office.findMany({ select: { id: true, retentionDays: true } });
  for (const office of offices) {
    const where: WishWhere = {
      officeId: office.id,
      erasedAt: null,
      status: { in: [...CLOSED_WISH_STATUSES] },
      closedAt: { lt: retentionCutoff(office.retentionDays, now) },
    };
    for (;;) {
      const candidates = await db.wish.findMany({ where, select: { id: true }, take: BATCH, orderBy: { id: "asc" } });
      if (candidates.length === 0) break;
      const erased = await db.$transaction((tx) => eraseWishes(tx, { AND: [where, { id: { in: candidates.map((c) => c.id) } }] }, now));
      total += erased.length;
      if (candidates.length < BATCH) break;
    }
  }
  return total;
}

/**
 * Deletes the tickets (and the queue's lock rows) of the office-local days that ended before the retention cut-off,
 * once their daily rows are written; returns how many tickets. A day goes as a whole, so its rows are never
 * recomputed from part of its tickets (aggregateQueueDays leaves days without tickets alone).
 */
async function deleteExpiredTickets(db: Db, now: Date): Promise<number> {
  const offices = await db.office.findMany({
    select: { id: true, timeZone: true, holidayRegion: true, retentionDays: true, callToleranceMinutes: true },
  });
  let deleted = 0;
  for (const office of offices) {
    // The first local day not yet past the cut-off: every ticket dated before it is deleted.
    const keptFrom = localDateOf(retentionCutoff(office.retentionDays, now), office.timeZone);
    const oldest = await db.ticket.findFirst({
      where: { officeId: office.id, date: { lt: keptFrom } },
      orderBy: { date: "asc" },
      select: { date: true },
    });
    if (!oldest) continue;
    await aggregateQueueDays(db, office, oldest.date, addDays(keptFrom, -1));
    const result = await db.$transaction(async (tx) => {
      const tickets = await tx.ticket.deleteMany({ where: { officeId: office.id, date: { lt: keptFrom } } });
      await tx.queueDay.deleteMany({ where: { officeId: office.id, date: { lt: keptFrom } } });
      return tickets.count;
    });
    deleted += result;
  }
  return deleted;
}

export interface EraseResult {
  /** Bookings whose retention period after the appointment ended. */
  expired: number;
  /** Holds that were never confirmed and have run out. */
  holds: number;
  /** Wishes whose retention period after they were closed ended. */
  wishes: number;
  /** Queue tickets of days past the retention period, deleted. */
  tickets: number;
}

/**
 * Erases the personal data of every booking whose appointment ended more than the office's `retentionDays` ago
 * (whatever its status), of unconfirmed holds as soon as they expire, and of every wish closed more than
 * `retentionDays` ago. Wishes still waiting keep theirs (the offer e-mail needs the address); they close at the
 * latest the day after their latest acceptable date (expire-wishes.ts). The queue's tickets of days past the
 * retention period are deleted.
 */
export async function erasePersonalData(db: Db, options: { now?: Date } = {}): Promise<EraseResult> {
  const now = options.now ?? new Date();
  const holds = await eraseWhere(db, { erasedAt: null, status: "HELD", holdExpiresAt: { lt: now } }, now);
  // The anonymous statistics of the days about to be erased are written first: erasure never loses a figure.
  await aggregateBeforeErasure(db, now);
  let expired = 0;
  const offices = await db.office.findMany({ select: { id: true, retentionDays: true } });
  for (const office of offices) {
    const cutoff = retentionCutoff(office.retentionDays, now);
    expired += await eraseWhere(db, { officeId: office.id, erasedAt: null, endsAt: { lt: cutoff } }, now);
  }
  const wishes = await eraseClosedWishes(db, now);
  const tickets = await deleteExpiredTickets(db, now);
  return { expired, holds, wishes, tickets };
}
