import { localDateOf, publicHolidayOn } from "@/lib/domain";
import type { Tx } from "@/lib/server/db/client";
import { activeBookingWhere } from "../availability";

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
