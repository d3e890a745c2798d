import "server-only";
import { type CapacityPool, capacityAt, capacityForDate, localDateOf } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import { loadSchedule } from "@/lib/server/services/availability";

/**
 * The clerks on duty at an office at `now` by its schedule (weekly blocks, overrides, closures, holidays): the same
 * capacity rules the booking uses, so an office closed for bookings is closed for walk-ins too.
 */
export async function clerksOnDutyAt(
  db: Db | Tx,
  office: { id: string; timeZone: string; holidayRegion: string },
  now: Date,
): Promise<CapacityPool[]> {
  const today = localDateOf(now, office.timeZone);
  const schedule = await loadSchedule(db, office, today, today);
  return capacityAt(capacityForDate(schedule, today), now.getTime());
}
