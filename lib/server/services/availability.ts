import {
  type AccessKind,
  addDays,
  type AvailabilityInput,
  type LocalDate,
  OCCUPYING_STATUSES,
  type OfficeSchedule,
  type Weekday,
  zonedInstant,
} from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";

// The one place that turns database rows into the domain's availability input. Slot listing and booking both use
// it, so what a citizen is shown and what the booking transaction checks cannot drift apart.

/** Bookings that hold a clerk at `now`, as a database filter: the domain's `occupiesClerk`. */
export function activeBookingWhere(now: Date) {
  return {
    OR: [{ status: { in: [...OCCUPYING_STATUSES] } }, { status: "HELD" as const, holdExpiresAt: { gt: now } }],
  };
}

/** What of an office the availability rules read. */
export interface OfficeRules {
  id: string;
  timeZone: string;
  holidayRegion: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  /** Absent or 0: a cancelled time is offered again at once (staff rules always pass 0). */
  rebookDelayMinutes?: number;
  /** The draw itself books the dates no round has released yet (as staff, whose access is never restricted to them). */
  bypassReleaseRounds?: boolean;
  /** Hours before the start at which places kept for urgent cases are released to everyone. */
  urgentReleaseHours?: number;
}

interface ServiceRules {
  id: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
  /** ROUNDS: citizens see only the dates a drawn release round has released. */
  releaseMode?: "FIRST_COME" | "ROUNDS";
}

const DAY_MS = 86_400_000;

/**
 * Cheap bounds on a requested start before any calendar arithmetic: a start far in the past or beyond the horizon
 * (e.g. year 9999 from a forged request) is refused here instead of reaching date conversions and the database.
 */
export function startOutOfRange(
  office: { bookingHorizonDays: number },
  start: Date,
  now: Date,
): "too-soon" | "beyond-horizon" | null {
  if (Number.isNaN(start.getTime()) || start.getTime() <= now.getTime()) return "too-soon";
  if (start.getTime() > now.getTime() + (office.bookingHorizonDays + 2) * DAY_MS) return "beyond-horizon";
  return null;
}

export interface LoadAvailabilityOptions {
  office: OfficeRules;
  service: ServiceRules;
  persons: number;
  now: Date;
  from: LocalDate;
  to: LocalDate;
  /** Who asks: decides whether the places kept for urgent cases count (see the domain's `AccessKind`). */
  access: AccessKind;
  /** A booking being moved does not compete with itself (nor do the others of a bulk move, not yet moved). */
  excludeBookingId?: string | readonly string[];
}

/** Weekly blocks, overrides, closures and opened holidays of an office for [from, to], as the domain reads them. */
export async function loadSchedule(
  db: Db | Tx,
  office: { id: string; timeZone: string; holidayRegion: string },
  from: LocalDate,
  to: LocalDate,
): Promise<OfficeSchedule> {
  const [blocks, overrides, closures, openings] = await Promise.all([
    db.capacityBlock.findMany({
      where: {
        officeId: office.id,
        AND: [
          { OR: [{ validFrom: null }, { validFrom: { lte: to } }] },
          { OR: [{ validUntil: null }, { validUntil: { gte: from } }] },
        ],
      },
      include: { services: { select: { id: true } } },
    }),
    db.dateOverride.findMany({
      where: { officeId: office.id, date: { gte: from, lte: to } },
      include: { services: { select: { id: true } } },
    }),
    db.closure.findMany({ where: { officeId: office.id, date: { gte: from, lte: to } } }),
    db.holidayOpening.findMany({ where: { officeId: office.id, date: { gte: from, lte: to } }, select: { date: true } }),
  ]);
  return scheduleFromRows(office, blocks, overrides, closures, openings);
}

/** Database rows to the domain's schedule. */
export function scheduleFromRows(
  office: { timeZone: string; holidayRegion: string },
  blocks: Array<{
    weekday: number;
    startMinute: number;
    endMinute: number;
    clerks: number;
    urgentClerks?: number;
    validFrom: string | null;
    validUntil: string | null;
    services: Array<{ id: string }>;
  }>,
  overrides: Array<{
    date: string;
    startMinute: number;
    endMinute: number;
    clerks: number;
    urgentClerks?: number;
    services: Array<{ id: string }>;
  }>,
  closures: Array<{ date: string; startMinute: number | null; endMinute: number | null }>,
  openings: Array<{ date: string }>,
): OfficeSchedule {
  return {
    timeZone: office.timeZone,
    holidayRegion: office.holidayRegion,
    openHolidays: openings.map((o) => o.date),
    weeklyBlocks: blocks.map((b) => ({
      weekday: b.weekday as Weekday,
      startMinute: b.startMinute,
      endMinute: b.endMinute,
      clerks: b.clerks,
      urgentClerks: b.urgentClerks ?? 0,
      validFrom: b.validFrom,
      validUntil: b.validUntil,
      serviceIds: b.services.map((s) => s.id),
    })),
    dateOverrides: overrides.map((o) => ({
      date: o.date,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
      clerks: o.clerks,
      urgentClerks: o.urgentClerks ?? 0,
      serviceIds: o.services.map((s) => s.id),
    })),
    closures: closures.map((c) => ({ date: c.date, startMinute: c.startMinute, endMinute: c.endMinute })),
  };
}

export async function loadAvailability(db: Db | Tx, opts: LoadAvailabilityOptions): Promise<AvailabilityInput> {
  const { office, service, now, from, to } = opts;
  // One day of margin on each side covers appointments that cross midnight.
  const rangeStart = new Date(zonedInstant(addDays(from, -1), 0, office.timeZone));
  const rangeEnd = new Date(zonedInstant(addDays(to, 2), 0, office.timeZone));

  const rebookDelayMinutes = office.rebookDelayMinutes ?? 0;
  // The database narrows the read; the domain decides (occupiesAt) which of these still hold a clerk at `now`.
  const recentlyCancelled =
    rebookDelayMinutes > 0
      ? [{ status: "CANCELLED" as const, cancelledAt: { gt: new Date(now.getTime() - rebookDelayMinutes * 60_000) } }]
      : [];
  const [schedule, released, bookings] = await Promise.all([
    loadSchedule(db, office, from, to),
    service.releaseMode === "ROUNDS" && opts.access !== "staff" && !office.bypassReleaseRounds
      ? releasedDates(db, office.id, service.id, from, to)
      : undefined,
    db.booking.findMany({
      where: {
        officeId: office.id,
        // A booking lies inside one local date's opening window, so it starts less than two days before it ends.
        // The lower bound lets the (officeId, startsAt) index skip the office's history instead of scanning it.
        startsAt: { gt: new Date(rangeStart.getTime() - 2 * DAY_MS), lt: rangeEnd },
        endsAt: { gt: rangeStart },
        ...(opts.excludeBookingId ? { id: { notIn: [opts.excludeBookingId].flat() } } : {}),
        OR: [...activeBookingWhere(now).OR, ...recentlyCancelled],
      },
      select: {
        startsAt: true,
        endsAt: true,
        serviceId: true,
        status: true,
        holdExpiresAt: true,
        cancelledAt: true,
        urgent: true,
      },
    }),
  ]);

  return {
    schedule,
    rules: {
      slotStepMinutes: office.slotStepMinutes,
      minNoticeMinutes: office.minNoticeMinutes,
      bookingHorizonDays: office.bookingHorizonDays,
      rebookDelayMinutes,
      urgentReleaseHours: office.urgentReleaseHours ?? 0,
    },
    service: {
      id: service.id,
      durationMinutes: service.durationMinutes,
      extraPersonMinutes: service.extraPersonMinutes,
      maxPersons: service.maxPersons,
    },
    persons: opts.persons,
    occupied: bookings.map((b) => ({
      start: b.startsAt.getTime(),
      end: b.endsAt.getTime(),
      serviceId: b.serviceId,
      ...(b.status === "HELD" && b.holdExpiresAt ? { holdExpiresAt: b.holdExpiresAt.getTime() } : {}),
      ...(b.status === "CANCELLED" && b.cancelledAt ? { cancelledAt: b.cancelledAt.getTime() } : {}),
      ...(b.urgent ? { urgent: true } : {}),
    })),
    now,
    ...(released ? { released } : {}),
    access: opts.access,
  };
}

/** Which dates of [from, to] drawn release rounds of the service (or of all ROUNDS services) have released. */
async function releasedDates(db: Db | Tx, officeId: string, serviceId: string, from: LocalDate, to: LocalDate) {
  const rounds = await db.releaseRound.findMany({
    where: {
      officeId,
      drawnAt: { not: null },
      OR: [{ serviceId }, { serviceId: null }],
      periodFrom: { lte: to },
      periodTo: { gte: from },
    },
    select: { periodFrom: true, periodTo: true },
  });
  return (date: LocalDate) => rounds.some((r) => r.periodFrom <= date && date <= r.periodTo);
}
