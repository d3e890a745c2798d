import { fieldError } from "@/lib/server/errors";
import { localDateOf, publicHolidayOn, type PublicHoliday } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { applyCapacityChange, type CapacityChange, type CapacityChangeResult, officeForActor, type OfficeRow } from "./shared";

// The statutory public holidays of an office's region close it by default (lib/domain/holidays.ts). Those allowed
// to manage holidays open a single one as an exception (a HolidayOpening row) and may close it again.

/**
 * Applies a change to the holiday on the requested date, as a capacity change of that one date, if the actor may
 * manage the office's holidays; refuses past dates and dates that are no holiday of the office's region.
 */
export async function applyHolidayChange<T>(
  db: Db,
  actor: Actor,
  input: { officeId: string; date: string },
  now: Date,
  change: (office: OfficeRow, holiday: PublicHoliday) => Pick<CapacityChange<T>, "cancellation" | "apply">,
): Promise<CapacityChangeResult<T>> {
  const office = await officeForActor(db, actor, "holidays:manage", input.officeId);
  if (input.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");
  const holiday = publicHolidayOn(office.holidayRegion, input.date);
  if (!holiday) throw fieldError("date", "notAHoliday");
  return applyCapacityChange(db, { office, actor, now, dates: [holiday.date], ...change(office, holiday) });
}
