import { addDays, demandKey, displacedBookings, type LocalDate, localDateOf, STILL_TO_SERVE_STATUSES, zonedInstant } from "@/lib/domain";
import type { Tx } from "@/lib/server/db/client";
import { furtherServicesByBooking, loadSchedule, type OfficeRules } from "../availability";

// Which bookings a capacity change would leave without a clerk: the schedule is the one booking itself would see
// (read through loadSchedule, as booking reads it, after the change), and the rule is the domain's displacedBookings.

/**
 * Reads the schedule as it stands in the transaction (after the change) and the appointments still to be served on `dates`,
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
  const stillToServe = {
    officeId: office.id,
    status: { in: [...STILL_TO_SERVE_STATUSES] },
    endsAt: { gt: now },
    startsAt: { gte: new Date(zonedInstant(from, 0, tz)), lt: new Date(zonedInstant(addDays(to, 1), 0, tz)) },
  };
  const rows = await tx.booking.findMany({
    where: stillToServe,
    select: { id: true, serviceId: true, kind: true, startsAt: true, endsAt: true, createdAt: true },
  });
  // Read on their own, as availability does: a change of a weekly block spans the whole horizon.
  const furtherOf = furtherServicesByBooking(
    await tx.bookingService.findMany({ where: { booking: stillToServe }, select: { bookingId: true, serviceId: true } }),
  );
  const onDates = new Set(dates);
  const bookings = rows
    .filter((b) => onDates.has(localDateOf(b.startsAt, tz)))
    .map((b) => ({
      id: b.id,
      // Its demand: a clerk for all its services, in its kind.
      serviceId: demandKey([b.serviceId, ...(furtherOf.get(b.id) ?? [])], b.kind),
      start: b.startsAt.getTime(),
      end: b.endsAt.getTime(),
      createdAt: b.createdAt.getTime(),
    }));
  if (bookings.length === 0) return [];
  const schedule = await loadSchedule(tx, office, from, addDays(to, 1));
  return displacedBookings(schedule, bookings, sorted, now.getTime());
}
