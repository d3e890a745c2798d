import { addDays, bookingHorizon, parseAppointmentKinds, publicHolidays } from "@/lib/domain";
import type { CapacityPlan } from "@/lib/schemas/capacity";
import { germanHolidayRegions } from "@/lib/schemas/office";
import { assertCanOnOffice, canOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { officeServiceNames } from "../service-texts";

// Everything the capacity page shows for one office: the weekly plan, closures, date overrides and the public
// holidays of its region (closed unless the office opened one), as far ahead as the calendar is likely browsed.

/** Closures and overrides this far back stay visible when browsing recent weeks. */
const PAST_DAYS_SHOWN = 42;
/** Holidays are listed at least this far ahead, and up to the end of the booking horizon. */
const HOLIDAY_DAYS_AHEAD = 365;

export async function getCapacityPlan(db: Db, actor: Actor, input: { officeSlug: string }, now: Date): Promise<CapacityPlan> {
  const office = await db.office.findUnique({
    where: { slug: input.officeSlug },
    select: { id: true, slug: true, name: true, timeZone: true, bookingHorizonDays: true, holidayRegion: true },
  });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  assertCanOnOffice(actor, "capacity:edit", office.id);

  const { today, last: horizonEnd } = bookingHorizon(office, office.timeZone, now);
  const since = addDays(today, -PAST_DAYS_SHOWN);
  const lastShown = addDays(today, Math.max(HOLIDAY_DAYS_AHEAD, office.bookingHorizonDays));
  const [services, blocks, closures, overrides, openings] = await Promise.all([
    officeServiceNames(db, office.id),
    db.capacityBlock.findMany({
      where: { officeId: office.id },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }, { endMinute: "asc" }],
      include: { services: { select: { id: true } } },
    }),
    db.closure.findMany({
      where: { officeId: office.id, date: { gte: since } },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }],
    }),
    db.dateOverride.findMany({
      where: { officeId: office.id, date: { gte: since } },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      include: { services: { select: { id: true } } },
    }),
    db.holidayOpening.findMany({ where: { officeId: office.id, date: { gte: since, lte: lastShown } }, select: { date: true } }),
  ]);

  const opened = new Set(openings.map((o) => o.date));
  const holidays = publicHolidays(office.holidayRegion, since, lastShown).map((h) => ({ ...h, open: opened.has(h.date) }));

  return {
    office: { id: office.id, slug: office.slug, name: office.name, timeZone: office.timeZone },
    today,
    horizonEnd,
    services,
    blocks: blocks.map((b) => ({
      id: b.id,
      weekday: b.weekday,
      startMinute: b.startMinute,
      endMinute: b.endMinute,
      clerks: b.clerks,
      urgentClerks: b.urgentClerks,
      serviceIds: b.services.map((s) => s.id).sort(),
      appointmentKinds: parseAppointmentKinds(b.appointmentKinds),
      validFrom: b.validFrom,
      validUntil: b.validUntil,
    })),
    closures: closures.map((c) => ({
      id: c.id,
      date: c.date,
      startMinute: c.startMinute,
      endMinute: c.endMinute,
      reason: c.reason,
    })),
    overrides: overrides.map((o) => ({
      id: o.id,
      date: o.date,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
      clerks: o.clerks,
      urgentClerks: o.urgentClerks,
      serviceIds: o.services.map((s) => s.id).sort(),
      appointmentKinds: parseAppointmentKinds(o.appointmentKinds),
      note: o.note,
    })),
    holidayRegionName: germanHolidayRegions().find((r) => r.code === office.holidayRegion)?.name ?? office.holidayRegion,
    holidays,
    can: { manageHolidays: canOnOffice(actor, "holidays:manage", office.id) },
  };
}
