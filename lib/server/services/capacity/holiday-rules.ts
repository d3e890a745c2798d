import { fieldError } from "@/lib/server/errors";
import { localDateOf, publicHolidayOn, type PublicHoliday } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { officeForActor, type OfficeRow } from "./shared";

// The statutory public holidays of an office's region close it by default (lib/domain/holidays.ts). Those allowed
// to manage holidays open a single one as an exception (a HolidayOpening row) and may close it again.

/**
 * The office, if the actor may manage its holidays, and the holiday the requested date is; refuses past dates and
 * dates that are no holiday of the office's region.
 */
export async function upcomingHoliday(
  db: Db,
  actor: Actor,
  input: { officeId: string; date: string },
  now: Date,
): Promise<{ office: OfficeRow; holiday: PublicHoliday }> {
  const office = await officeForActor(db, actor, "holidays:manage", input.officeId);
  if (input.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");
  const holiday = publicHolidayOn(office.holidayRegion, input.date);
  if (!holiday) throw fieldError("date", "notAHoliday");
  return { office, holiday };
}
