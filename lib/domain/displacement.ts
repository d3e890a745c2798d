import { type CapacitySegment, canAssign, capacityAt, capacityCalendar } from "./capacity";
import { addDays } from "./time";
import type { LocalDate, OfficeSchedule } from "./types";

// Which appointments a capacity change would leave without a clerk. Feasibility is the per-instant rule booking
// uses (canAssign), on the schedule after the change, so "a slot is free" and "this booking still has a clerk"
// cannot disagree.

/** An appointment still to be served (STILL_TO_SERVE_STATUSES), as the displacement rule reads it. */
export interface DisplaceableBooking {
  id: string;
  /** Its demand key (`demandKey`): all its services, in its kind. */
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
  bookings: readonly DisplaceableBooking[],
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
  const admitted: DisplaceableBooking[] = [];
  const displaced: string[] = [];
  for (const booking of order) {
    if (booking.start <= now || fits(booking, admitted, segments)) admitted.push(booking);
    else displaced.push(booking.id);
  }
  return displaced;
}

/** Whether `booking` fits beside `admitted`: at every instant of it, the running appointments can each get a clerk. */
function fits(booking: DisplaceableBooking, admitted: readonly DisplaceableBooking[], segments: readonly CapacitySegment[]): boolean {
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
