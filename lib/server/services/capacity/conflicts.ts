import {
  addDays,
  canAssign,
  capacityAt,
  capacityCalendar,
  type CapacitySegment,
  type LocalDate,
  localDateOf,
  type OfficeSchedule,
  zonedInstant,
} from "@/lib/domain";
import type { Tx } from "@/lib/server/db/client";
import { loadSchedule } from "../availability";

// Which bookings a capacity change would leave without a clerk. The schedule is the one booking itself would see
// (read through loadSchedule, as booking reads it, after the change), and feasibility is the domain's per-instant rule (canAssign),
// so "a slot is free" and "this booking still has a clerk" cannot disagree.

/** Statuses of appointments that still need a clerk: the ones a capacity change can displace. */
export const ACTIVE_STATUSES = ["CONFIRMED", "ARRIVED"] as const;

export interface ActiveBooking {
  id: string;
  serviceId: string;
  /** Epoch ms, half-open [start, end). */
  start: number;
  end: number;
  /** Epoch ms; earlier bookings keep their place. */
  createdAt: number;
}

/**
 * The bookings that cannot all keep a clerk under `schedule` on `dates`, as a minimal set: bookings are admitted in
 * the order they were made (appointments already running first, they are never displaced), each one only if it
 * still fits beside those admitted before it. Everything refused is displaced, and no displaced booking could be
 * kept on its own without pushing out another, so cancelling exactly these restores a feasible plan.
 */
export function displacedBookings(
  schedule: OfficeSchedule,
  bookings: readonly ActiveBooking[],
  dates: readonly LocalDate[],
  now: number,
): string[] {
  if (bookings.length === 0) return [];
  const capacityOn = capacityCalendar(schedule);
  // The next day too: an appointment may run past midnight.
  const days = [...new Set(dates.flatMap((d) => [d, addDays(d, 1)]))].sort();
  const segments: CapacitySegment[] = days.flatMap((d) => capacityOn(d));

  const order = [...bookings].sort(
    (a, b) =>
      Number(b.start <= now) - Number(a.start <= now) || a.createdAt - b.createdAt || a.start - b.start || (a.id < b.id ? -1 : 1),
  );
  const admitted: ActiveBooking[] = [];
  const displaced: string[] = [];
  for (const booking of order) {
    if (booking.start <= now || fits(booking, admitted, segments)) admitted.push(booking);
    else displaced.push(booking.id);
  }
  return displaced;
}

/** Whether `booking` fits beside `admitted`: at every instant of it, the running appointments can each get a clerk. */
function fits(booking: ActiveBooking, admitted: readonly ActiveBooking[], segments: readonly CapacitySegment[]): boolean {
  if (booking.end <= booking.start) return true;
  const overlapping = admitted.filter((o) => o.start < booking.end && booking.start < o.end);
  // Demand only grows where an appointment starts and capacity only changes at segment bounds.
  const points = new Set<number>([booking.start]);
  for (const o of overlapping) if (o.start > booking.start) points.add(o.start);
  for (const s of segments) {
    if (s.start > booking.start && s.start < booking.end) points.add(s.start);
    if (s.end > booking.start && s.end < booking.end) points.add(s.end);
  }
  for (const t of points) {
    const demand = new Map<string, number>([[booking.serviceId, 1]]);
    for (const o of overlapping) {
      if (o.start <= t && t < o.end) demand.set(o.serviceId, (demand.get(o.serviceId) ?? 0) + 1);
    }
    if (!canAssign(demand, capacityAt(segments, t))) return false;
  }
  return true;
}

interface OfficeRules {
  id: string;
  timeZone: string;
  holidayRegion: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
}

/**
 * Reads the schedule as it stands in the transaction (after the change) and the active appointments on `dates`,
 * and returns the ids of those that would be left without a clerk.
 */
export async function findDisplacedBookings(
  tx: Tx,
  office: OfficeRules,
  dates: readonly LocalDate[],
  now: Date,
): Promise<string[]> {
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  const tz = office.timeZone;
  const rows = await tx.booking.findMany({
    where: {
      officeId: office.id,
      status: { in: [...ACTIVE_STATUSES] },
      endsAt: { gt: now },
      startsAt: { gte: new Date(zonedInstant(from, 0, tz)), lt: new Date(zonedInstant(addDays(to, 1), 0, tz)) },
    },
    select: { id: true, serviceId: true, startsAt: true, endsAt: true, createdAt: true },
  });
  const onDates = new Set(dates);
  const bookings = rows
    .filter((b) => onDates.has(localDateOf(b.startsAt, tz)))
    .map((b) => ({
      id: b.id,
      serviceId: b.serviceId,
      start: b.startsAt.getTime(),
      end: b.endsAt.getTime(),
      createdAt: b.createdAt.getTime(),
    }));
  if (bookings.length === 0) return [];
  const schedule = await loadSchedule(tx, office, from, addDays(to, 1));
  return displacedBookings(schedule, bookings, sorted, now.getTime());
}
