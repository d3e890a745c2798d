import { addDays, bookableDates, listSlots, prepareAvailability, type LocalDate, type Slot } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { loadAvailability } from "../availability";
import { loadBookingFor, loadOfficeFor, staffBookingRules } from "./common";

// Free slots as staff see them when booking on behalf or moving: the same availability and the same domain rule as
// bookOnBehalf and moveBookingByStaff check inside their transactions (staffBookingRules), one day at a time.

export interface StaffSlotDay {
  /** The day shown: the asked one, kept between today and the last bookable date. */
  date: LocalDate;
  today: LocalDate;
  lastBookable: LocalDate;
  timeZone: string;
  slots: Slot[];
  /** The first free slot on or after `date`, up to the horizon. */
  next: Slot | null;
}

interface SlotQuery {
  office: Parameters<typeof staffBookingRules>[0] & {
    id: string;
    timeZone: string;
    holidayRegion: string;
    slotStepMinutes: number;
    bookingHorizonDays: number;
  };
  service: { id: string; durationMinutes: number; extraPersonMinutes: number; maxPersons: number };
  persons: number;
  date?: LocalDate;
  now: Date;
  excludeBookingId?: string;
  /** A start not to offer: the moved booking's own time. */
  skipStart?: Date;
}

// Searching in windows keeps the common case (a slot within days) to a small read; the availability is read
// for exactly the window, so only slots inside it are taken. Each further window is twice as long, so a fully
// booked horizon takes a handful of reads.
const SEARCH_WINDOW_DAYS = 14;

async function slotDay(db: Db, q: SlotQuery): Promise<StaffSlotDay> {
  const office = staffBookingRules(q.office);
  const tz = office.timeZone;
  const { today, last: lastBookable } = bookableDates(office, tz, q.now);
  let date = q.date ?? today;
  if (date < today) date = today;
  if (date > lastBookable) date = lastBookable;
  const read = (from: LocalDate, to: LocalDate) =>
    loadAvailability(db, {
      office,
      service: q.service,
      persons: q.persons,
      now: q.now,
      from,
      to,
      excludeBookingId: q.excludeBookingId,
    });

  const offered = (slot: Slot) => slot.start.getTime() !== q.skipStart?.getTime();
  const slots = listSlots(await read(date, date), { from: date, to: date }).filter(offered);
  let next: Slot | null = slots[0] ?? null;
  for (let from = addDays(date, 1), days = SEARCH_WINDOW_DAYS; !next && from <= lastBookable; days *= 2) {
    const to = addDays(from, days - 1);
    const last = to < lastBookable ? to : lastBookable;
    // Day by day, so that a long window is listed only up to its first free day.
    const availability = prepareAvailability(await read(from, last));
    for (let day = from; !next && day <= last; day = addDays(day, 1)) {
      next = availability.list({ from: day, to: day }).find(offered) ?? null;
    }
    from = addDays(last, 1);
  }
  return { date, today, lastBookable, timeZone: tz, slots, next };
}

/** Free slots for a new booking on behalf: one day (default today) and the next free slot from it. */
export async function listSlotsForNewBooking(
  db: Db,
  actor: Actor,
  input: { officeSlug: string; serviceSlug: string; persons: number; date?: LocalDate; now: Date },
) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const service = office.services.find((s) => s.slug === input.serviceSlug && s.active);
  if (!office.active) throw new AppError("OFFICE_NOT_FOUND");
  if (!service) throw new AppError("SERVICE_NOT_FOUND");
  if (!Number.isInteger(input.persons) || input.persons < 1 || input.persons > service.maxPersons) {
    throw new AppError("INVALID_INPUT");
  }
  return { office, service, ...(await slotDay(db, { office, service, persons: input.persons, date: input.date, now: input.now })) };
}

/** Free slots an appointment can be moved to: its own time does not block it. */
export async function listSlotsForMove(db: Db, actor: Actor, input: { bookingId: string; date?: LocalDate; now: Date }) {
  const booking = await loadBookingFor(db, actor, input.bookingId);
  const day = await slotDay(db, {
    office: booking.office,
    service: booking.service,
    persons: booking.persons,
    date: input.date,
    now: input.now,
    excludeBookingId: booking.id,
    skipStart: booking.startsAt,
  });
  // An office or service taken offline takes no more moves (moveBookingByStaff refuses them too).
  if (!booking.office.active || !booking.service.active) return { booking, ...day, slots: [], next: null };
  return { booking, ...day };
}
