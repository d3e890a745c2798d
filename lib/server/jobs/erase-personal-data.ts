import type { Db, Tx } from "@/lib/server/db/client";
import { aggregateBeforeErasure } from "./aggregate-statistics";

// Erasure of personal data (DESIGN.md, invariant 7). The booking row stays for the anonymous statistics (office,
// service, times, status, channel, persons); every personal field is set to null and erasedAt is set. E-mails of
// the booking lose their payload and recipient too. Runs from `npm run jobs -- erase` and the in-app scheduler;
// every write is conditional, so several instances may run it at the same time.

/** Stored instead of the address in outbox rows of an erased booking (the column is required). */
export const ERASED_RECIPIENT = "[erased]";
export const ERASED_OUTBOX_ERROR = "personal data erased before sending";

/** The personal fields of a booking: exactly what the data export shows and the erasure removes. */
export const PERSONAL_BOOKING_FIELDS = [
  "givenName",
  "familyName",
  "email",
  "phone",
  "dateOfBirth",
  "remark",
  "cancelReason",
] as const;

export const ERASED_BOOKING_DATA = {
  givenName: null,
  familyName: null,
  email: null,
  phone: null,
  dateOfBirth: null,
  remark: null,
  cancelReason: null,
} satisfies Record<(typeof PERSONAL_BOOKING_FIELDS)[number], null>;

const DAY_MS = 24 * 60 * 60_000;
const BATCH = 200;

/**
 * Clears the personal data in the outbox rows of `bookingIds`. Unsent e-mails are not sent any more: without the
 * address and the payload they could not be, and they would carry data that should be gone.
 */
export async function eraseOutboxOf(tx: Tx, bookingIds: string[]): Promise<void> {
  if (bookingIds.length === 0) return;
  await tx.outboxMessage.updateMany({
    where: { bookingId: { in: bookingIds }, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "FAILED", lockedUntil: null, lastError: ERASED_OUTBOX_ERROR },
  });
  await tx.outboxMessage.updateMany({
    where: { bookingId: { in: bookingIds } },
    data: { payload: "{}", recipient: ERASED_RECIPIENT },
  });
}

type BookingWhere = NonNullable<Parameters<Db["booking"]["updateManyAndReturn"]>[0]>["where"];

/** Erases the bookings matching `where` (re-checked in the update itself), in batches; returns how many. */
async function eraseWhere(db: Db, where: BookingWhere, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const candidates = await db.booking.findMany({ where, select: { id: true }, take: BATCH, orderBy: { id: "asc" } });
    if (candidates.length === 0) return total;
    const erased = await db.$transaction(async (tx) => {
      // The condition is checked again on write: a hold confirmed meanwhile, or a booking erased by another
      // instance, is left alone.
      const rows = await tx.booking.updateManyAndReturn({
        where: { AND: [where ?? {}, { id: { in: candidates.map((c) => c.id) } }] },
        data: { ...ERASED_BOOKING_DATA, erasedAt: now },
        select: { id: true },
      });
      await eraseOutboxOf(
        tx,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
    total += erased;
    if (candidates.length < BATCH) return total;
  }
}

export interface EraseResult {
  /** Bookings whose retention period after the appointment ended. */
  expired: number;
  /** Holds that were never confirmed and have run out. */
  holds: number;
}

/**
 * Erases the personal data of every booking whose appointment ended more than the office's `retentionDays` ago
 * (whatever its status), and of unconfirmed holds as soon as they expire.
 */
export async function erasePersonalData(db: Db, options: { now?: Date } = {}): Promise<EraseResult> {
  const now = options.now ?? new Date();
  const holds = await eraseWhere(db, { erasedAt: null, status: "HELD", holdExpiresAt: { lt: now } }, now);
  // The anonymous statistics of the days about to be erased are written first: erasure never loses a figure.
  await aggregateBeforeErasure(db, now);
  let expired = 0;
  const offices = await db.office.findMany({ select: { id: true, retentionDays: true } });
  for (const office of offices) {
    const cutoff = new Date(now.getTime() - Math.max(0, office.retentionDays) * DAY_MS);
    expired += await eraseWhere(db, { officeId: office.id, erasedAt: null, endsAt: { lt: cutoff } }, now);
  }
  return { expired, holds };
}
