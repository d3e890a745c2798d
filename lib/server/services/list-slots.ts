import {
  type AccessKind,
  type AppointmentKind,
  type Availability,
  type AvailabilityInput,
  addDays,
  bookingHorizon,
  type DateRange,
  listSlots,
  localDateOf,
  prepareAvailability,
  type LocalDate,
  searchWindows,
  type Slot,
} from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { citizenAccess } from "@/lib/domain/access";
import { chooseAppointment } from "./appointment-choice";
import { type AppointmentShape, loadAvailability, type LoadAvailabilityOptions } from "./availability";
import { cachedOfficeAndService, type OfficeWithServices, type ServiceRow } from "./office-catalog";

export interface SlotQuery {
  persons: number;
  now: Date;
  /**
   * Who asks; absent: a citizen, "urgent" when the service asks for the permit's expiry and `permitExpiresOn` makes
   * the case urgent, else "public" (who does not see the places kept for urgent cases).
   */
  access?: AccessKind;
  permitExpiresOn?: string | null;
  /** When moving a booking, it does not block its own time. */
  excludeBookingId?: string;
  /** Further services of the same appointment and its kind; absent: the service alone, in person. */
  shape?: AppointmentShape;
}

/** Further services (slugs) of one appointment and its kind, as a citizen asks for them. */
export interface SlotAppointment {
  further?: readonly string[];
  kind?: AppointmentKind | null;
}

export interface ListFreeSlotsInput extends SlotQuery {
  officeSlug: string;
  serviceSlug: string;
  appointment?: SlotAppointment;
  from: LocalDate;
  to: LocalDate;
}

/** Longest range one request may ask for; the calendar browses week by week. */
export const MAX_SLOT_RANGE_DAYS = 62;

/** One office's offer of a service: what the slot rule reads for it. */
export interface SlotTarget {
  office: Omit<OfficeWithServices, "services">;
  service: ServiceRow;
  /** The configuration revision the office was read under (cachedOfficeAndService): the schedule is cached too. */
  configRevision?: number | null;
}
type Target = SlotTarget;

/** Availability prepared for a window of dates, to be reused (with the days it has planned) for dates inside it. */
export type Read = { availability: Availability; from: LocalDate; to: LocalDate } | null;

/** The part of [from, to] that can be booked: from today to the horizon, at most MAX_SLOT_RANGE_DAYS long. */
export function bookableRange(office: Target["office"], now: Date, from: LocalDate, to: LocalDate) {
  return clampedRange(bookingHorizon(office, office.timeZone, now), from, to);
}

/** The part of [from, to] inside a booking window (today to its last date), at most MAX_SLOT_RANGE_DAYS long. */
export function clampedRange({ today, last: lastBookable }: { today: LocalDate; last: LocalDate }, from: LocalDate, to: LocalDate) {
  const start = from < today ? today : from;
  let end = to > lastBookable ? lastBookable : to;
  if (end > addDays(start, MAX_SLOT_RANGE_DAYS - 1)) end = addDays(start, MAX_SLOT_RANGE_DAYS - 1);
  return { from: start, to: end };
}

/** What the availability read of an office's offer for [from, to] takes, for the one asking `q`. */
export function availabilityOptions({ office, service, configRevision }: Target, q: SlotQuery, from: LocalDate, to: LocalDate): LoadAvailabilityOptions {
  const { persons, now, excludeBookingId } = q;
  const access = q.access ?? citizenAccess(office, service, q.permitExpiresOn, now);
  return { office, service, shape: q.shape, persons, now, from, to, access, excludeBookingId, configRevision };
}

function availabilityFor(db: Db, target: Target, q: SlotQuery, from: LocalDate, to: LocalDate) {
  return loadAvailability(db, availabilityOptions(target, q, from, to));
}

/** A booked appointment's further services and kind, asked again (moving it lists and checks its combination). */
export function appointmentOfBooking(booking: { kind: AppointmentKind; extraServices: ReadonlyArray<{ service: { slug: string } }> }): SlotAppointment {
  return { further: booking.extraServices.map((e) => e.service.slug), kind: booking.kind };
}

/** The further services and kind asked for, checked against the office as booking checks them. */
export function appointmentShapeOf(
  { office, service }: { office: OfficeWithServices; service: ServiceRow },
  appointment: SlotAppointment | undefined,
): AppointmentShape<ServiceRow> {
  return chooseAppointment(office, service, { further: appointment?.further, by: "slug", kind: appointment?.kind });
}

export async function freeSlotsOf(db: Db, target: Target, q: SlotQuery & { from: LocalDate; to: LocalDate }) {
  const { from, to } = bookableRange(target.office, q.now, q.from, q.to);
  if (from > to) return { slots: [] as Slot[], from, to };
  const availability = await availabilityFor(db, target, q, from, to);
  return { slots: listSlots(availability, { from, to }), from, to };
}

/**
 * THE search for the next free slot, for citizens and staff: the earliest slot in `range` (but `except`), read in
 * the domain's growing windows (searchWindows). Each window's availability is read for exactly that window and only
 * searched inside it, since bookings beyond it were not read. The first window's availability is returned too, so
 * that a caller showing those weeks needs no second read.
 */
export async function searchFreeSlot(
  read: (from: LocalDate, to: LocalDate) => Promise<AvailabilityInput>,
  range: DateRange,
  except?: Date,
): Promise<{ slot: Slot | null; first: Read }> {
  let first: Read = null;
  for (const window of searchWindows(range.from, range.to)) {
    const availability = prepareAvailability(await read(window.from, window.to));
    first ??= { availability, from: window.from, to: window.to };
    const slot = availability.next(window.from, { until: window.to, except });
    if (slot) return { slot, first };
  }
  return { slot: null, first };
}

/** The dates a search for the next free slot covers: from `from` (default today) to the horizon. */
export function searchRange(target: Target, q: { now: Date; from?: LocalDate }): DateRange {
  const { today, last } = bookingHorizon(target.office, target.office.timeZone, q.now);
  return { from: q.from && q.from > today ? q.from : today, to: last };
}

/** The earliest free slot from `from` (default today) to the horizon (see searchFreeSlot). */
export async function nextFreeSlotOf(db: Db, target: Target, q: SlotQuery & { from?: LocalDate }) {
  const read = (from: LocalDate, to: LocalDate) => availabilityFor(db, target, q, from, to);
  return searchFreeSlot(read, searchRange(target, q));
}

export async function listFreeSlots(db: Db, input: ListFreeSlotsInput) {
  const target = await cachedOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const shape = appointmentShapeOf(target, input.appointment);
  return { ...target, shape, ...(await freeSlotsOf(db, target, { ...input, shape })) };
}

export async function findNextFreeSlot(
  db: Db,
  input: SlotQuery & { officeSlug: string; serviceSlug: string; from?: LocalDate; appointment?: SlotAppointment },
) {
  const target = await cachedOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const shape = appointmentShapeOf(target, input.appointment);
  const { slot } = await nextFreeSlotOf(db, target, { ...input, shape });
  return { ...target, shape, slot };
}

/**
 * Availability for the bookable part of [from, to], from availability already read for a covering window, else
 * from a fresh read; null when nothing in the range can be booked.
 */
export async function availabilityWithin(
  db: Db,
  target: Target,
  q: SlotQuery & { from: LocalDate; to: LocalDate },
  read: Read,
): Promise<{ availability: Availability; from: LocalDate; to: LocalDate } | null> {
  const { from, to } = bookableRange(target.office, q.now, q.from, q.to);
  if (from > to) return null;
  const availability =
    read && from >= read.from && to <= read.to ? read.availability : prepareAvailability(await availabilityFor(db, target, q, from, to));
  return { availability, from, to };
}

/** Slots of [from, to] from availability already read for a covering window, else from a fresh read. */
export async function freeSlotsWithin(db: Db, target: Target, q: SlotQuery & { from: LocalDate; to: LocalDate }, read: Read) {
  const within = await availabilityWithin(db, target, q, read);
  return within ? within.availability.list({ from: within.from, to: within.to }) : [];
}

/** Up to `count` free slots on the day of the next free one. */
export async function firstFreeSlots(db: Db, target: Target, q: SlotQuery, count: number): Promise<Slot[]> {
  const { slot, first } = await nextFreeSlotOf(db, target, q);
  if (!slot) return [];
  const date = localDateOf(slot.start, target.office.timeZone);
  return (await freeSlotsWithin(db, target, { ...q, from: date, to: date }, first)).slice(0, count);
}
