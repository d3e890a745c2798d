import { type AvailabilityInput, prepareAvailability } from "./slots";
import { addDays, localDateOf } from "./time";
import type { OccupiedInterval, ServiceSpec, Slot } from "./types";

// Where appointments that a capacity change leaves without a clerk can go instead. Each one is put to the booking
// rule (`prepareAvailability`, the rule citizens book by: grid, minimum notice, horizon, capacity) on the schedule
// after the change, in the order of their old times, and every time given away occupies its clerk for the ones that
// follow, so the planned moves never compete with each other.

/** An appointment to move: its service, party size and old start (epoch ms). */
export interface BookingToRelocate {
  id: string;
  service: ServiceSpec;
  persons: number;
  start: number;
  /** Epoch ms; among equal starts the earlier booking chooses first. */
  createdAt: number;
}

/**
 * The first time from `notBefore` on that the booking rule accepts: the rest of that day, then the next day with a
 * free time, up to the horizon. Null when there is none.
 */
export function firstFreeSlotFrom(input: AvailabilityInput, notBefore: number): Slot | null {
  const availability = prepareAvailability(input);
  const date = localDateOf(notBefore, input.schedule.timeZone);
  const sameDay = availability.list({ from: date, to: date }).find((s) => s.start.getTime() >= notBefore);
  return sameDay ?? availability.next(addDays(date, 1));
}

/**
 * The new time of each booking, or null where none is free within the horizon. `base.occupied` holds every other
 * booking (not the ones to move); a booking is never moved to before its old start, so nobody is asked to come
 * earlier than they planned.
 */
export function planRelocations(
  base: Omit<AvailabilityInput, "service" | "persons">,
  bookings: readonly BookingToRelocate[],
): Map<string, Slot | null> {
  const occupied: OccupiedInterval[] = [...base.occupied];
  const order = [...bookings].sort((a, b) => a.start - b.start || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const plan = new Map<string, Slot | null>();
  for (const booking of order) {
    const slot = firstFreeSlotFrom({ ...base, occupied, service: booking.service, persons: booking.persons }, booking.start);
    plan.set(booking.id, slot);
    if (slot) occupied.push({ start: slot.start.getTime(), end: slot.end.getTime(), serviceId: booking.service.id });
  }
  return plan;
}
