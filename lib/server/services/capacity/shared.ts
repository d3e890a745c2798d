import { addDays, appointmentInterval, bookingHorizon, datesBetween, type LocalDate, localDateOf, planRelocations, STILL_TO_SERVE_STATUSES, weekdayOf } from "@/lib/domain";
import { offerFreedTime } from "@/lib/server/services/waitlist/offer-freed-time";
import { writeAudit } from "@/lib/server/audit";
import { assertCanOnOffice, type Actor, type OfficeAction } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError, fieldError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { appointmentSpec, loadAvailability, shapeOfBooking } from "../availability";
import { bookingMailPayload } from "../booking-mail";
import { manageUrl, moveUrl, officeUrl, serviceUrl } from "../booking-urls";
import { moveCheckedBooking } from "../insert-booking";
import { furtherServicesWithTranslations, serviceWithTranslations } from "../office-catalog";
import { catalogueName, nameOf, withBookingServiceTexts } from "../service-texts";
import { AUDIT_ACTIONS } from "../staff/common";
import { findDisplacedBookings } from "./conflicts";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

// The frame every capacity change runs in: the actor's right on the record's own office, the per-day lock of every
// date whose availability changes (the same lock booking takes), the change itself, a check that no active booking
// is left without a clerk, and the audit entry, all in one transaction. A conflict rolls the change back and is
// answered with the bookings concerned, unless the staff member already saw exactly those and chose what happens to
// them: each moved to the next free time (cancelled where none is free), or all cancelled. Moves happen in the same
// transaction, under the locks of their new days too, so nobody can take those times in between.

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
  | { status: "applied"; value: T; cancelledBookingIds: string[]; movedBookingIds: string[] }
  | { status: "conflict"; bookings: ConflictBooking[] };

/** The bookings the staff member agreed to give up at their times, what happens to them, and the citizens' message. */
export interface Cancellation {
  bookingIds: string[];
  reason: string;
  /** Move each to the next free time; only those without one are cancelled. */
  move: boolean;
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
function assertFound<T>(record: T | null): asserts record is T {
  if (!record) throw fieldError("_form", "notFound");
}

/**
 * The record a change is about and its office, if the actor may edit that office's capacity. The record's own
 * office decides; an office id in the request would prove nothing.
 */
export async function recordForActor<R extends { officeId: string }>(
  db: Db,
  actor: Actor,
  record: Promise<R | null>,
): Promise<{ existing: R; office: OfficeRow }> {
  const existing = await record;
  assertFound(existing);
  return { existing, office: await officeForActor(db, actor, "capacity:edit", existing.officeId) };
}

/**
 * The record re-read under the locks. The locked dates were derived from it as read before the transaction, so it
 * refuses when a colleague deleted or changed it in between.
 */
export async function reloadUnchanged<R extends { updatedAt: Date }>(before: R, record: Promise<R | null>): Promise<R> {
  const current = await record;
  assertFound(current);
  if (before.updatedAt.getTime() !== current.updatedAt.getTime()) throw fieldError("_form", "changedMeanwhile");
  return current;
}

/** A conditional delete that removed nothing: a colleague deleted the record first. */
export function assertDeleted({ count }: { count: number }): void {
  if (count === 0) throw fieldError("_form", "notFound");
}

/** First and last local date a change can matter for: today up to the horizon, or later if bookings lie beyond. */
export async function planningWindow(db: Db | Tx, office: OfficeRow, now: Date): Promise<{ from: LocalDate; to: LocalDate }> {
  const horizon = bookingHorizon(office, office.timeZone, now);
  const from = horizon.today;
  let to = horizon.last;
  // Bookings made before the horizon was shortened still need their clerk.
  const last = await db.booking.findFirst({
    where: { officeId: office.id, status: { in: [...STILL_TO_SERVE_STATUSES] }, startsAt: { gt: now } },
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
  if (found !== new Set(serviceIds).size) throw fieldError("serviceIds", "unknownService");
}

export function cancellationOf(
  input: { cancelBookingIds?: string[]; cancelReason?: string; resolution?: "move" | "cancel" },
  fallbackReason: string,
): Cancellation | undefined {
  if (!input.cancelBookingIds) return undefined;
  return { bookingIds: input.cancelBookingIds, reason: input.cancelReason || fallbackReason, move: input.resolution === "move" };
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
  const { today, last } = bookingHorizon(office, office.timeZone, now);
  // A move lands between today and the end of the booking window (the day after, for one that crosses midnight).
  // The new times must stay free until commit, and locks are taken in ascending order before anything is read, so
  // a change that moves locks that whole window up front; the new days are not known before the change is applied.
  const moveDays = change.cancellation?.move
    ? datesBetween(today, addDays(last, 1))
    : [];
  try {
    return await bookingTransaction(db, office.id, [...dates, today, ...moveDays], async (tx) => {
      const { value, action, details } = await change.apply(tx);
      const displaced = await findDisplacedBookings(tx, office, dates, now);
      let moved: string[] = [];
      let cancelled = displaced;
      if (displaced.length > 0) {
        const agreed = new Set(change.cancellation?.bookingIds ?? []);
        // Only bookings the staff member was shown are ever moved or cancelled; new ones mean asking again.
        if (!change.cancellation || displaced.some((id) => !agreed.has(id))) {
          throw new ConflictFound(await describeBookings(tx, displaced));
        }
        const { reason } = change.cancellation;
        if (change.cancellation.move) {
          const plan = await planMoves(tx, office, displaced, now);
          moved = await moveBookings(tx, office, actor, plan, displaced, reason, now);
          cancelled = displaced.filter((id) => !moved.includes(id));
        }
        await cancelBookings(tx, office, actor, cancelled, reason, now);
      }
      // Capacity added (or freed by moves) goes to the waiting list before anyone else sees it.
      await offerFreedTime(tx, { officeId: office.id, dates, now });
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        action,
        details: {
          ...details,
          cancelledBookings: cancelled.length,
          ...(change.cancellation?.move ? { movedBookings: moved.length } : {}),
        },
      });
      return { status: "applied" as const, value, cancelledBookingIds: cancelled, movedBookingIds: moved };
      // The changed dates' schedule version tells bookings that read their schedule before the lock to read it again.
    }, { scheduleChange: dates });
  } catch (e) {
    if (e instanceof ConflictFound) return { status: "conflict", bookings: e.bookings };
    throw e;
  }
}

async function loadBookings(tx: Tx, ids: string[]) {
  const bookings = await tx.booking.findMany({
    where: { id: { in: ids } },
    include: { service: serviceWithTranslations, extraServices: furtherServicesWithTranslations },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return bookings.map(withBookingServiceTexts);
}

type DisplacedBooking = Awaited<ReturnType<typeof loadBookings>>[number];

/**
 * The new time of each displaced booking that can move, found with the booking rule citizens book by on the
 * schedule as it stands in the transaction (after the change), beside every other booking and the moves planned
 * before it. An appointment already checked in, or of a service or office no longer offered, is not moved.
 */
async function planMoves(tx: Tx, office: OfficeRow, ids: string[], now: Date) {
  const bookings = await loadBookings(tx, ids);
  const movable = bookings.filter((b) => b.status === "CONFIRMED" && stillOffered(b) && office.active);
  if (movable.length === 0) return [];
  const from = localDateOf(movable[0].startsAt, office.timeZone);
  const to = bookingHorizon(office, office.timeZone, now).last;
  if (from > to) return movable.map((booking) => ({ booking, slot: null }));
  // Schedule and bookings do not depend on the service: one read serves every booking to move.
  const { schedule, rules, occupied } = await loadAvailability(tx, {
    office,
    service: movable[0].service,
    persons: movable[0].persons,
    now,
    from,
    to,
    // Moving appointments out of a changed plan is the office's doing: every place may take them.
    access: "staff",
    excludeBookingId: ids,
  });
  const plan = planRelocations(
    { schedule, rules, occupied, now },
    movable.map((b) => ({
      id: b.id,
      // A combined or remote appointment keeps its length and needs a clerk for all its services and its kind.
      service: appointmentSpec(b.service, shapeOfBooking(b)),
      persons: b.persons,
      start: b.startsAt.getTime(),
      createdAt: b.createdAt.getTime(),
    })),
  );
  return movable.map((booking) => ({ booking, slot: plan.get(booking.id) ?? null }));
}

/**
 * Moves the planned bookings, each re-checked by the booking rule under the lock and told its new time with a fresh
 * manage link (the old one stops working) and the calendar file. Returns the ids moved.
 */
async function moveBookings(
  tx: Tx,
  office: OfficeRow,
  actor: Actor,
  plan: Array<{ booking: DisplacedBooking; slot: { start: Date; end: Date } | null }>,
  displaced: readonly string[],
  reason: string,
  now: Date,
): Promise<string[]> {
  const moved: string[] = [];
  for (const { booking, slot } of plan) {
    if (!slot) continue;
    const shape = shapeOfBooking(booking);
    const spec = appointmentSpec(booking.service, shape);
    const { end: endsAt, dates: [from, to] } = appointmentInterval(slot.start, spec, booking.persons, office.timeZone);
    const ok = await moveCheckedBooking(tx, {
      office,
      service: booking.service,
      shape,
      booking,
      start: slot.start,
      endsAt,
      now,
      from,
      to,
      manageToken: booking.email ? createManageToken() : { token: "" },
      access: "staff",
      // Those not moved yet still sit at their old times, which the plan already gave up.
      othersMoving: displaced.filter((id) => id !== booking.id && !moved.includes(id)),
      reason,
    });
    if (!ok) continue;
    moved.push(booking.id);
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      bookingId: booking.id,
      action: AUDIT_ACTIONS.move,
      details: {
        cause: "capacity-change",
        from: booking.startsAt.toISOString(),
        to: slot.start.toISOString(),
        mailed: Boolean(booking.email),
      },
    });
  }
  return moved;
}

/** Whether every service of the booking is still offered. */
function stillOffered(booking: DisplacedBooking): boolean {
  return booking.service.active && booking.extraServices.every((e) => e.service.active);
}

async function describeBookings(tx: Tx, ids: string[]): Promise<ConflictBooking[]> {
  const rows = await tx.booking.findMany({
    where: { id: { in: ids } },
    include: { service: { select: catalogueName } },
    orderBy: [{ startsAt: "asc" }, { referenceCode: "asc" }],
  });
  return rows.map((b) => ({
    id: b.id,
    referenceCode: b.referenceCode,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    serviceName: nameOf(b.service),
    name: [b.givenName, b.familyName].filter(Boolean).join(" "),
    hasEmail: Boolean(b.email),
  }));
}

/**
 * Cancels the bookings with the staff member's message. Where the office still offers the service, the e-mail links
 * to the move page under a fresh manage link, so the citizen picks a new time without typing anything again.
 */
async function cancelBookings(tx: Tx, office: OfficeRow, actor: Actor, ids: string[], reason: string, now: Date) {
  if (ids.length === 0) return;
  for (const booking of await loadBookings(tx, ids)) {
    const rebookable = office.active && stillOffered(booking);
    // Only the hash is stored, so a link to send needs a new token; without an address the old one stays.
    const token = booking.email && rebookable ? createManageToken() : null;
    // Conditional, like every other cancellation: a booking cancelled meanwhile is not cancelled twice.
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...STILL_TO_SERVE_STATUSES] } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, ...(token ? { manageTokenHash: token.hash } : {}) },
    });
    if (count === 0) continue;
    await emitBookingEvent(tx, "booking.cancelled", { id: booking.id, officeId: office.id }, now);
    if (booking.email) {
      await enqueueMail(tx, {
        template: "booking-cancelled",
        recipient: booking.email,
        officeId: office.id,
        bookingId: booking.id,
        payload: bookingMailPayload({
          office,
          service: booking.service,
          booking,
          manageUrl: token ? manageUrl(token.token, booking.locale) : officeUrl(office.slug, booking.locale),
          bookAgainUrl: serviceUrl(office.slug, booking.service.slug, booking.locale),
          newTimeUrl: token ? moveUrl(token.token, booking.locale) : undefined,
          reason,
        }),
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      bookingId: booking.id,
      action: AUDIT_ACTIONS.cancel,
      details: { cause: "capacity-change", notified: Boolean(booking.email) },
    });
  }
}
