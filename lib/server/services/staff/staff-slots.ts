import { addDays, type AppointmentKind, bookingHorizon, listSlots, type LocalDate, type Slot } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { chooseAppointment } from "../appointment-choice";
import { type AppointmentShape, appointmentSpec, loadAvailability, shapeOfBooking } from "../availability";
import { searchFreeSlot } from "../list-slots";
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
  /** Further services and kind of the appointment; absent: the service alone, in person. */
  shape?: AppointmentShape;
  persons: number;
  date?: LocalDate;
  now: Date;
  excludeBookingId?: string;
  /** A start not to offer: the moved booking's own time. */
  skipStart?: Date;
}

async function slotDay(db: Db, q: SlotQuery): Promise<StaffSlotDay> {
  const office = staffBookingRules(q.office);
  const tz = office.timeZone;
  const { today, last: lastBookable } = bookingHorizon(office, tz, q.now);
  let date = q.date ?? today;
  if (date < today) date = today;
  if (date > lastBookable) date = lastBookable;
  const read = (from: LocalDate, to: LocalDate) =>
    loadAvailability(db, {
      office,
      service: q.service,
      shape: q.shape,
      persons: q.persons,
      now: q.now,
      from,
      to,
      // Staff booking on behalf or moving may use the places kept for urgent cases.
      access: "staff",
      excludeBookingId: q.excludeBookingId,
    });

  const offered = (slot: Slot) => slot.start.getTime() !== q.skipStart?.getTime();
  const slots = listSlots(await read(date, date), { from: date, to: date }).filter(offered);
  // The shown day was read on its own; a later slot is found by the citizens' search, from the day after.
  const next = slots[0] ?? (await searchFreeSlot(read, { from: addDays(date, 1), to: lastBookable }, q.skipStart)).slot;
  return { date, today, lastBookable, timeZone: tz, slots, next };
}

/** Free slots for a new booking on behalf: one day (default today) and the next free slot from it. */
export async function listSlotsForNewBooking(
  db: Db,
  actor: Actor,
  input: {
    officeSlug: string;
    serviceSlug: string;
    furtherServices?: readonly string[];
    kind?: AppointmentKind;
    persons: number;
    date?: LocalDate;
    now: Date;
  },
) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const service = office.services.find((s) => s.slug === input.serviceSlug && s.active);
  if (!office.active) throw new AppError("OFFICE_NOT_FOUND");
  if (!service) throw new AppError("SERVICE_NOT_FOUND");
  // The same choice bookOnBehalf checks: the listed times are those of the combination, in its kind.
  const shape = chooseAppointment(office, service, { further: input.furtherServices, by: "slug", kind: input.kind });
  if (!Number.isInteger(input.persons) || input.persons < 1 || input.persons > appointmentSpec(service, shape).maxPersons) {
    throw new AppError("INVALID_INPUT");
  }
  const day = await slotDay(db, { office, service, shape, persons: input.persons, date: input.date, now: input.now });
  return { office, service, shape, ...day };
}

/** Free slots an appointment can be moved to: its own time does not block it. */
export async function listSlotsForMove(db: Db, actor: Actor, input: { bookingId: string; date?: LocalDate; now: Date }) {
  const booking = await loadBookingFor(db, actor, input.bookingId);
  const day = await slotDay(db, {
    office: booking.office,
    service: booking.service,
    shape: shapeOfBooking(booking),
    persons: booking.persons,
    date: input.date,
    now: input.now,
    excludeBookingId: booking.id,
    skipStart: booking.startsAt,
  });
  // An office or service taken offline takes no more moves (moveBookingByStaff refuses them too).
  const offered = booking.service.active && booking.extraServices.every((e) => e.service.active);
  if (!booking.office.active || !offered) return { booking, ...day, slots: [], next: null };
  return { booking, ...day };
}
