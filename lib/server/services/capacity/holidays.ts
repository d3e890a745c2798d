import { fieldError } from "@/lib/server/errors";
import { localDateOf, publicHolidayOn, type PublicHoliday } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import type { CloseHolidayInput, OpenHolidayInput } from "@/lib/schemas/capacity";
import { activeBookingWhere } from "../availability";
import { applyCapacityChange, type CapacityChangeResult, cancellationOf, officeForActor, type OfficeRow } from "./shared";

// The statutory public holidays of an office's region close it by default (lib/domain/holidays.ts). Those allowed
// to manage holidays open a single one as an exception (a HolidayOpening row) and may close it again.

/**
 * The office, if the actor may manage its holidays, and the holiday the requested date is; refuses past dates and
 * dates that are no holiday of the office's region.
 */
async function upcomingHoliday(
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

/** Opens the office on a public holiday by its weekly plan (or that day's overrides): more capacity, no conflict. */
export async function openHoliday(
  db: Db,
  actor: Actor,
  input: OpenHolidayInput,
  now: Date,
): Promise<CapacityChangeResult<{ date: string }>> {
  const { office, holiday } = await upcomingHoliday(db, actor, input, now);
  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [holiday.date],
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
  });
}

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
  const { office, holiday } = await upcomingHoliday(db, actor, input, now);
  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [holiday.date],
    cancellation: cancellationOf(input, holiday.name),
    apply: async (tx) => {
      const { count } = await tx.holidayOpening.deleteMany({ where: { officeId: office.id, date: holiday.date } });
      return {
        value: { date: holiday.date },
        action: "capacity.holiday.close",
        details: { date: holiday.date, holiday: holiday.name, alreadyClosed: count === 0 },
      };
    },
  });
}

/**
 * When an office moves to another holiday region, the new region's holidays on which appointments are already
 * booked stay open (as exceptions staff can take back), so that no booking is left on a closed day. Returns them.
 */
export async function openBookedHolidays(
  tx: Tx,
  office: { id: string; timeZone: string },
  region: string,
  now: Date,
): Promise<string[]> {
  const [bookings, openings] = await Promise.all([
    tx.booking.findMany({
      where: { officeId: office.id, endsAt: { gt: now }, ...activeBookingWhere(now) },
      select: { startsAt: true },
    }),
    tx.holidayOpening.findMany({ where: { officeId: office.id }, select: { date: true } }),
  ]);
  const opened = new Set(openings.map((o) => o.date));
  const dates = [...new Set(bookings.map((b) => localDateOf(b.startsAt, office.timeZone)))]
    .filter((date) => !opened.has(date) && publicHolidayOn(region, date))
    .sort();
  if (dates.length > 0) await tx.holidayOpening.createMany({ data: dates.map((date) => ({ officeId: office.id, date })) });
  return dates;
}
