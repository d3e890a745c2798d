import { addDays, datesBetween, type LocalDate, localDateOf, weekdayOf } from "@/lib/domain";
import { writeAudit } from "@/lib/server/audit";
import { assertCanOnOffice, type Actor, type OfficeAction } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { bookingMailPayload } from "../booking-mail";
import { officeUrl, serviceUrl } from "../booking-urls";
import { serviceWithTranslations } from "../office-catalog";
import { ACTIVE_STATUSES, findDisplacedBookings } from "./conflicts";

// The frame every capacity change runs in: the actor's right on the record's own office, the per-day lock of every
// date whose availability changes (the same lock booking takes), the change itself, a check that no active booking
// is left without a clerk, and the audit entry, all in one transaction. A conflict rolls the change back and is
// answered with the bookings concerned, unless the staff member already saw exactly those and chose to cancel them.

/** A booking that a change would leave without a clerk, as the staff member is shown it. */
export interface ConflictBooking {
  id: string;
  referenceCode: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  serviceName: string;
  name: string;
  /** Without an address the citizen has to be told another way (e.g. by phone). */
  hasEmail: boolean;
}

export type CapacityChangeResult<T> =
  | { status: "applied"; value: T; cancelledBookingIds: string[] }
  | { status: "conflict"; bookings: ConflictBooking[] };

/** The bookings the staff member agreed to cancel, and the reason the citizens are told. */
export interface Cancellation {
  bookingIds: string[];
  reason: string;
}

/**
 * Input the form could not check on its own (an overlapping block, a service of another office, a date in the
 * past): refused with a field and a key of "capacity.validation".
 */
export class CapacityInputError extends AppError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super("INVALID_INPUT", `${field}: ${reason}`);
    this.name = "CapacityInputError";
  }
}

export function isCapacityInputError(e: unknown): e is CapacityInputError {
  return e instanceof CapacityInputError;
}

/** Thrown inside the transaction to roll the change back; never leaves this module. */
class ConflictFound extends Error {
  constructor(readonly bookings: ConflictBooking[]) {
    super("capacity change rolled back: bookings affected");
  }
}

export type OfficeRow = NonNullable<Awaited<ReturnType<Db["office"]["findUnique"]>>>;

export async function loadOffice(db: Db | Tx, officeId: string): Promise<OfficeRow> {
  const office = await db.office.findUnique({ where: { id: officeId } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  return office;
}

/**
 * Loads the office a request names and checks the actor's right on it. Unknown offices and offices of others get
 * the same answer, so ids of other offices cannot be probed.
 */
export async function officeForActor(db: Db, actor: Actor, action: OfficeAction, officeId: string): Promise<OfficeRow> {
  const office = await db.office.findUnique({ where: { id: officeId } });
  if (!office) {
    assertCanOnOffice(actor, action, officeId);
    throw new AppError("OFFICE_NOT_FOUND");
  }
  assertCanOnOffice(actor, action, office.id);
  return office;
}

/** A record that is gone, typically deleted by a colleague while this page was open. */
export function assertFound<T>(record: T | null): asserts record is T {
  if (!record) throw new CapacityInputError("_form", "notFound");
}

/** Refuses when a colleague changed the record between our first read and the lock. */
export function assertUnchanged(before: { updatedAt: Date }, now: { updatedAt: Date }) {
  if (before.updatedAt.getTime() !== now.updatedAt.getTime()) throw new CapacityInputError("_form", "changedMeanwhile");
}

/** First and last local date a change can matter for: today up to the horizon, or later if bookings lie beyond. */
export async function planningWindow(db: Db | Tx, office: OfficeRow, now: Date): Promise<{ from: LocalDate; to: LocalDate }> {
  const from = localDateOf(now, office.timeZone);
  let to = addDays(from, office.bookingHorizonDays);
  // Bookings made before the horizon was shortened still need their clerk.
  const last = await db.booking.findFirst({
    where: { officeId: office.id, status: { in: [...ACTIVE_STATUSES] }, startsAt: { gt: now } },
    orderBy: { startsAt: "desc" },
    select: { startsAt: true },
  });
  if (last) {
    const lastDate = localDateOf(last.startsAt, office.timeZone);
    if (lastDate > to) to = lastDate;
  }
  return { from, to };
}

/** The dates in the window on which a weekly block of `weekday` with this validity applies. */
export function weeklyDates(
  window: { from: LocalDate; to: LocalDate },
  block: { weekday: number; validFrom: LocalDate | null; validUntil: LocalDate | null },
): LocalDate[] {
  const from = block.validFrom && block.validFrom > window.from ? block.validFrom : window.from;
  const to = block.validUntil && block.validUntil < window.to ? block.validUntil : window.to;
  return datesBetween(from, to).filter((d) => weekdayOf(d) === block.weekday);
}

/** Ids of services that are not the office's, for refusing forged selections. */
export async function assertServicesOfOffice(tx: Db | Tx, officeId: string, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const found = await tx.service.count({ where: { officeId, id: { in: [...serviceIds] } } });
  if (found !== new Set(serviceIds).size) throw new CapacityInputError("serviceIds", "unknownService");
}

export function cancellationOf(input: { cancelBookingIds?: string[]; cancelReason?: string }, fallbackReason: string): Cancellation | undefined {
  if (!input.cancelBookingIds) return undefined;
  return { bookingIds: input.cancelBookingIds, reason: input.cancelReason || fallbackReason };
}

export interface CapacityChange<T> {
  office: OfficeRow;
  actor: Actor;
  now: Date;
  /** Local dates whose capacity may change; they are locked and checked for displaced bookings. */
  dates: LocalDate[];
  cancellation?: Cancellation;
  apply: (tx: Tx) => Promise<{ value: T; action: string; details?: Record<string, unknown> }>;
}

/** Runs a capacity change under the day locks; see the comment at the top of this file. */
export async function applyCapacityChange<T>(db: Db, change: CapacityChange<T>): Promise<CapacityChangeResult<T>> {
  const { office, actor, now } = change;
  const dates = [...new Set(change.dates)].sort();
  // Today's row as well: every capacity change of the office then waits for the others, also one whose dates lie
  // beyond the booking window (its overlap check must not race another change's).
  const lockDates = [...dates, localDateOf(now, office.timeZone)];
  try {
    return await bookingTransaction(db, office.id, lockDates, async (tx) => {
      const { value, action, details } = await change.apply(tx);
      const displaced = await findDisplacedBookings(tx, office, dates, now);
      if (displaced.length > 0) {
        const agreed = new Set(change.cancellation?.bookingIds ?? []);
        // Only bookings the staff member was shown are ever cancelled; new ones mean asking again.
        if (!change.cancellation || displaced.some((id) => !agreed.has(id))) {
          throw new ConflictFound(await describeBookings(tx, displaced));
        }
        await cancelBookings(tx, office, actor, displaced, change.cancellation.reason, now);
      }
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        action,
        details: { ...details, cancelledBookings: displaced.length },
      });
      return { status: "applied" as const, value, cancelledBookingIds: displaced };
    });
  } catch (e) {
    if (e instanceof ConflictFound) return { status: "conflict", bookings: e.bookings };
    throw e;
  }
}

async function describeBookings(tx: Tx, ids: string[]): Promise<ConflictBooking[]> {
  const rows = await tx.booking.findMany({
    where: { id: { in: ids } },
    include: { service: { select: { name: true } } },
    orderBy: [{ startsAt: "asc" }, { referenceCode: "asc" }],
  });
  return rows.map((b) => ({
    id: b.id,
    referenceCode: b.referenceCode,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    serviceName: b.service.name,
    name: [b.givenName, b.familyName].filter(Boolean).join(" "),
    hasEmail: Boolean(b.email),
  }));
}

async function cancelBookings(tx: Tx, office: OfficeRow, actor: Actor, ids: string[], reason: string, now: Date) {
  const rows = await tx.booking.findMany({ where: { id: { in: ids } }, include: { service: serviceWithTranslations } });
  for (const booking of rows) {
    // Conditional, like every other cancellation: a booking cancelled meanwhile is not cancelled twice.
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...ACTIVE_STATUSES] } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason },
    });
    if (count === 0) continue;
    if (booking.email) {
      // Manage tokens are stored hashed, so the e-mail links to the office page and to booking the service again.
      await enqueueMail(tx, {
        template: "booking-cancelled",
        recipient: booking.email,
        officeId: office.id,
        bookingId: booking.id,
        payload: bookingMailPayload({
          office,
          service: booking.service,
          booking,
          manageUrl: officeUrl(office.slug, booking.locale),
          bookAgainUrl: serviceUrl(office.slug, booking.service.slug, booking.locale),
          reason,
        }),
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      bookingId: booking.id,
      action: "booking.cancel",
      details: { cause: "capacity-change", notified: Boolean(booking.email) },
    });
  }
}
