import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { OpenHolidayInput } from "@/lib/schemas/capacity";
import { applyHolidayChange } from "./holiday-rules";
import type { CapacityChangeResult } from "./shared";

/** Opens the office on a public holiday by its weekly plan (or that day's overrides): more capacity, no conflict. */
export async function openHoliday(
  db: Db,
  actor: Actor,
  input: OpenHolidayInput,
  now: Date,
): Promise<CapacityChangeResult<{ date: string }>> {
  return applyHolidayChange(db, actor, input, now, (office, holiday) => ({
    apply: async (tx) => {
      const key = { officeId_date: { officeId: office.id, date: holiday.date } };
      // Opening twice (two tabs, a double click) keeps the one exception.
      const existing = await tx.holidayOpening.findUnique({ where: key, select: { id: true } });
      if (!existing) await tx.holidayOpening.create({ data: { officeId: office.id, date: holiday.date } });
      return {
        value: { date: holiday.date },
        action: "capacity.holiday.open",
        details: { date: holiday.date, holiday: holiday.name, alreadyOpen: Boolean(existing) },
      };
    },
  }));
}
