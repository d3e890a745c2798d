import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CloseHolidayInput } from "@/lib/schemas/capacity";
import { applyHolidayChange } from "./holiday-rules";
import { type CapacityChangeResult, cancellationOf } from "./shared";

/**
 * Takes the exception back: the holiday closes the office again. Bookings made for that day meanwhile are a
 * conflict like any other capacity change; the citizens are told the holiday's name unless staff write otherwise.
 */
export async function closeHoliday(
  db: Db,
  actor: Actor,
  input: CloseHolidayInput,
  now: Date,
): Promise<CapacityChangeResult<{ date: string }>> {
  return applyHolidayChange(db, actor, input, now, (office, holiday) => ({
    cancellation: cancellationOf(input, holiday.name),
    apply: async (tx) => {
      const { count } = await tx.holidayOpening.deleteMany({ where: { officeId: office.id, date: holiday.date } });
      return {
        value: { date: holiday.date },
        action: "capacity.holiday.close",
        details: { date: holiday.date, holiday: holiday.name, alreadyClosed: count === 0 },
      };
    },
  }));
}
