import {
  canAssign,
  capacityAt,
  capacityCalendar,
  localDateOf,
  prepareAvailability,
  type CapacitySegment,
  type LocalDate,
  type OccupiedInterval,
  type OfficeSchedule,
  type Weekday,
} from "../lib/domain";
import type { Db } from "../lib/server/db/client";

// An independent look at the stored rows: its own queries and its own mapping to the domain's types (not the
// services' loadAvailability), judged with the domain's capacity rules. It answers whether the bookings in the
// database exceed the clerks on duty at any instant, whatever the booking path did.

export interface OfficeState {
  timeZone: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  schedule: OfficeSchedule;
  /** Every booking that holds a clerk: all statuses but CANCELLED, and HELD only until its hold expires. */
  occupied: OccupiedInterval[];
}

export async function readOfficeState(db: Db, officeId: string, now: Date): Promise<OfficeState> {
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId } });
  const [blocks, overrides, closures, openings, bookings] = await Promise.all([
    db.capacityBlock.findMany({ where: { officeId }, include: { services: { select: { id: true } } } }),
    db.dateOverride.findMany({ where: { officeId }, include: { services: { select: { id: true } } } }),
    db.closure.findMany({ where: { officeId } }),
    db.holidayOpening.findMany({ where: { officeId } }),
    db.booking.findMany({
      where: { officeId, status: { not: "CANCELLED" } },
      select: { startsAt: true, endsAt: true, serviceId: true, status: true, holdExpiresAt: true },
    }),
  ]);
  return {
    timeZone: office.timeZone,
    slotStepMinutes: office.slotStepMinutes,
    minNoticeMinutes: office.minNoticeMinutes,
    bookingHorizonDays: office.bookingHorizonDays,
    schedule: {
      timeZone: office.timeZone,
      weeklyBlocks: blocks.map((b) => ({
        weekday: b.weekday as Weekday,
        startMinute: b.startMinute,
        endMinute: b.endMinute,
        clerks: b.clerks,
        validFrom: b.validFrom,
        validUntil: b.validUntil,
        serviceIds: b.services.map((s) => s.id),
      })),
      dateOverrides: overrides.map((o) => ({
        date: o.date,
        startMinute: o.startMinute,
        endMinute: o.endMinute,
        clerks: o.clerks,
        serviceIds: o.services.map((s) => s.id),
      })),
      closures: closures.map((c) => ({ date: c.date, startMinute: c.startMinute, endMinute: c.endMinute })),
      holidayRegion: office.holidayRegion,
      openHolidays: openings.map((o) => o.date),
    },
    occupied: bookings
      .filter((b) => b.status !== "HELD" || (b.holdExpiresAt !== null && b.holdExpiresAt > now))
      .map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime(), serviceId: b.serviceId })),
  };
}

export interface OverbookingReport {
  /** Bookings looked at. */
  bookings: number;
  /** Elementary time spans (between consecutive booking or capacity boundaries) where the bookings cannot all get a clerk. */
  overbookedSpans: number;
  /** Up to five of them, for the report. */
  examples: Array<{ start: string; end: string; active: number; clerks: number }>;
}

/**
 * Sweeps over every boundary at which a booking starts or ends or the capacity changes. Between two boundaries
 * the set of running bookings and the clerks on duty are constant, so checking each span checks every instant.
 */
export function countOverbookings(state: OfficeState): OverbookingReport {
  const { occupied, timeZone } = state;
  const capacityOn = capacityCalendar(state.schedule);
  const segmentsByDate = new Map<LocalDate, CapacitySegment[]>();
  const segmentsOf = (date: LocalDate) => {
    let segments = segmentsByDate.get(date);
    if (!segments) {
      segments = capacityOn(date);
      segmentsByDate.set(date, segments);
    }
    return segments;
  };

  // Local dates of instants, cached per quarter hour (every real UTC offset is a multiple of 15 minutes, so a
  // local date never changes inside one): a Temporal conversion for each of ~60,000 boundaries is slow.
  const QUARTER_MS = 15 * 60_000;
  const dateByQuarter = new Map<number, LocalDate>();
  const dateOf = (t: number) => {
    const quarter = Math.floor(t / QUARTER_MS);
    let date = dateByQuarter.get(quarter);
    if (date === undefined) {
      date = localDateOf(quarter * QUARTER_MS, timeZone);
      dateByQuarter.set(quarter, date);
    }
    return date;
  };

  const bounds = new Set<number>();
  for (const o of occupied) {
    bounds.add(o.start);
    bounds.add(o.end);
    // Capacity changes inside a booking's dates are boundaries too.
    for (const date of new Set([dateOf(o.start), dateOf(o.end - 1)])) {
      for (const s of segmentsOf(date)) {
        bounds.add(s.start);
        bounds.add(s.end);
      }
    }
  }
  const sortedBounds = [...bounds].sort((a, b) => a - b);
  const byStart = [...occupied].sort((a, b) => a.start - b.start);
  const byEnd = [...occupied].sort((a, b) => a.end - b.end);

  const running = new Map<string, number>();
  let active = 0;
  let nextStart = 0;
  let nextEnd = 0;
  let overbookedSpans = 0;
  const examples: OverbookingReport["examples"] = [];
  for (let k = 0; k + 1 < sortedBounds.length; k++) {
    const at = sortedBounds[k];
    while (nextStart < byStart.length && byStart[nextStart].start <= at) {
      const id = byStart[nextStart++].serviceId;
      running.set(id, (running.get(id) ?? 0) + 1);
      active++;
    }
    while (nextEnd < byEnd.length && byEnd[nextEnd].end <= at) {
      const id = byEnd[nextEnd++].serviceId;
      running.set(id, (running.get(id) ?? 0) - 1);
      active--;
    }
    if (active === 0) continue;
    const pools = capacityAt(segmentsOf(dateOf(at)), at);
    if (canAssign(running, pools)) continue;
    overbookedSpans++;
    if (examples.length < 5) {
      examples.push({
        start: new Date(at).toISOString(),
        end: new Date(sortedBounds[k + 1]).toISOString(),
        active,
        clerks: pools.reduce((n, p) => n + p.clerks, 0),
      });
    }
  }
  return { bookings: occupied.length, overbookedSpans, examples };
}

/**
 * Whether one more appointment of a service would still fit at a start, judged on the stored rows. Prepares the
 * domain's availability once per service, since many starts are asked about.
 */
export function bookabilityOf(state: OfficeState, now: Date) {
  const prepared = new Map<string, ReturnType<typeof prepareAvailability>>();
  return (service: { id: string; durationMinutes: number }, start: Date): boolean => {
    let availability = prepared.get(service.id);
    if (!availability) {
      availability = prepareAvailability({
        schedule: state.schedule,
        rules: {
          slotStepMinutes: state.slotStepMinutes,
          minNoticeMinutes: state.minNoticeMinutes,
          bookingHorizonDays: state.bookingHorizonDays,
        },
        service: { id: service.id, durationMinutes: service.durationMinutes, extraPersonMinutes: 0, maxPersons: 1 },
        persons: 1,
        occupied: state.occupied,
        now,
      });
      prepared.set(service.id, availability);
    }
    return availability.check(start).ok;
  };
}
