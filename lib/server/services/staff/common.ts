import { slugSchema } from "@/lib/schemas/booking";
import { bookingIdSchema } from "@/lib/schemas/staff-booking";
import { assertCanOnOffice, type Actor, type OfficeAction } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { startOutOfRange } from "../availability";
import { slotError } from "../insert-booking";
import { furtherServicesWithTranslations, serviceWithTranslations } from "../office-catalog";
import { officeWithTexts, serviceListOrder, withBookingServiceTexts } from "../service-texts";

// Shared by the clerks' services: loading a booking for an actor, the audit action names and the booking rules that
// apply when staff book or move.

// Named like the capacity calendar's entries ("capacity.block.create", "booking.cancel"), so that a cancellation
// shows under one action whichever screen it came from.
export const AUDIT_ACTIONS = {
  arrive: "booking.arrive",
  serve: "booking.serve",
  "no-show": "booking.no-show",
  undo: "booking.status-undo",
  cancel: "booking.cancel",
  move: "booking.move",
  create: "booking.create",
  services: "booking.services",
} as const;

export type AgendaAuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

/**
 * The booking behind an id from a request, with its office and service, for an actor allowed to `action` on that
 * booking's office. The office comes from the booking row, never from the request. Malformed and unknown ids, and
 * bookings whose personal data has been erased, are all BOOKING_NOT_FOUND.
 */
export async function loadBookingFor(db: Db | Tx, actor: Actor, bookingId: unknown, action: OfficeAction = "bookings:work") {
  const id = bookingIdSchema.safeParse(bookingId);
  if (!id.success) throw new AppError("BOOKING_NOT_FOUND");
  const booking = await db.booking.findUnique({
    where: { id: id.data },
    include: { office: true, service: serviceWithTranslations, extraServices: furtherServicesWithTranslations },
  });
  if (!booking) throw new AppError("BOOKING_NOT_FOUND");
  assertCanOnOffice(actor, action, booking.officeId);
  if (booking.erasedAt) throw new AppError("BOOKING_NOT_FOUND");
  return withBookingServiceTexts(booking);
}

export type StaffBooking = Awaited<ReturnType<typeof loadBookingFor>>;

/** An office by its slug, for an actor allowed to `action` on it (inactive offices included: their past work). */
export async function loadOfficeFor(db: Db, actor: Actor, slug: string, action: OfficeAction) {
  if (!slugSchema.safeParse(slug).success) throw new AppError("OFFICE_NOT_FOUND");
  const office = await db.office.findUnique({
    where: { slug },
    include: { services: { orderBy: serviceListOrder, ...serviceWithTranslations } },
  });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  assertCanOnOffice(actor, action, office.id);
  return officeWithTexts(office);
}

/**
 * The booking rules when staff book or move: the office's own, without the minimum notice, so that a walk-in can
 * take the next free slot at once, and without the rebook delay (it only keeps bots from grabbing a freed time).
 * Capacity, opening hours, slot grid and horizon stay exactly as for citizens.
 */
export function staffBookingRules<O extends { minNoticeMinutes: number }>(office: O): O {
  return { ...office, minNoticeMinutes: 0, rebookDelayMinutes: 0 };
}

/**
 * A cheap bound on a requested start before any calendar arithmetic or lock: an invalid date, a start in the past
 * or one far beyond the horizon (e.g. year 9999 from a forged request) is refused at once.
 */
export function assertPlausibleStart(office: { bookingHorizonDays: number }, start: Date, now: Date): void {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) throw new AppError("SLOT_NOT_OFFERED");
  const outOfRange = startOutOfRange(office, start, now);
  if (outOfRange) throw slotError(outOfRange);
}

/** "Given Family", or null once the personal data is erased. */
export function displayName(b: { givenName: string | null; familyName: string | null }): string | null {
  const name = [b.givenName, b.familyName].filter(Boolean).join(" ").trim();
  return name === "" ? null : name;
}
