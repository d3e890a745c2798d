import { randomBytes } from "node:crypto";
import { type AccessKind, checkSlot, referenceCodeFrom } from "@/lib/domain";
import type { PersonalData } from "@/lib/schemas/booking";
import type { Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { loadAvailability, type LoadAvailabilityOptions } from "./availability";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl } from "./booking-urls";
import type { TranslatableService } from "@/lib/domain/service-texts";

/** The person's data as the booking row stores it: every field present, an absent one null, the family name required. */
type StoredPersonalData = { [F in keyof PersonalData]-?: Exclude<PersonalData[F], undefined> | null } & Pick<PersonalData, "familyName">;

type Office = LoadAvailabilityOptions["office"] & Parameters<typeof bookingMailPayload>[0]["office"];
type Service = LoadAvailabilityOptions["service"] & TranslatableService;

/**
 * The heart of every booking, online or by staff, run inside the caller's bookingTransaction (after the day locks):
 * re-read the day's bookings, re-check the slot with the same rule the calendar lists by, insert (confirmed, or held
 * until `holdExpiresAt`), and write the confirmation or "please confirm" e-mail to the outbox when there is an address.
 */
export async function insertCheckedBooking(
  tx: Tx,
  args: {
    office: Office;
    service: Service;
    start: Date;
    endsAt: Date;
    persons: number;
    now: Date;
    /** Local dates the appointment touches. */
    from: string;
    to: string;
    channel: "ONLINE" | "API" | "PHONE" | "COUNTER";
    locale: string;
    person: StoredPersonalData;
    manageToken: { token: string; hash: string };
    /** Set for a booking that waits for the citizen's confirmation (e-mail verification): it is held until then. */
    holdExpiresAt?: Date;
    /** Who books: an "urgent" booking may take a kept place and is stored as urgent, filling kept places first. */
    access: AccessKind;
  },
) {
  const { office, service, access } = args;
  const load = { office, service, persons: args.persons, now: args.now, from: args.from, to: args.to, access };
  await assertSlotFree(tx, load, args.start);

  const held = args.holdExpiresAt !== undefined;
  const created = await tx.booking.create({
    data: {
      officeId: office.id,
      serviceId: service.id,
      startsAt: args.start,
      endsAt: args.endsAt,
      persons: args.persons,
      status: held ? "HELD" : "CONFIRMED",
      holdExpiresAt: args.holdExpiresAt ?? null,
      channel: args.channel,
      referenceCode: await uniqueReferenceCode(tx),
      manageTokenHash: args.manageToken.hash,
      locale: args.locale,
      urgent: access === "urgent",
      ...args.person,
    },
  });
  if (args.person.email) {
    await enqueueMail(tx, {
      // A hold asks the citizen to confirm; the confirmation follows once they have.
      template: held ? "booking-verification" : "booking-confirmation",
      recipient: args.person.email,
      officeId: office.id,
      bookingId: created.id,
      payload: bookingMailPayload({
        office,
        service,
        booking: created,
        manageUrl: manageUrl(args.manageToken.token, args.locale),
        holdExpiresAt: args.holdExpiresAt,
      }),
    });
  }
  return created;
}

/**
 * THE re-check inside a booking transaction (after the day locks): re-reads the bookings and asks the same domain
 * rule the calendar lists by; throws the slot error when `start` cannot be booked.
 */
export async function assertSlotFree(tx: Tx, load: LoadAvailabilityOptions, start: Date): Promise<void> {
  const check = checkSlot(await loadAvailability(tx, load), start);
  if (!check.ok) throw slotError(check.reason);
}

const SLOT_ERRORS = {
  "too-soon": "SLOT_TOO_SOON",
  "beyond-horizon": "SLOT_BEYOND_HORIZON",
  // A date no release round has released yet is, for the citizen, simply not offered.
  "not-released": "SLOT_NOT_OFFERED",
  "not-offered": "SLOT_NOT_OFFERED",
  full: "SLOT_TAKEN",
} as const;

export function slotError(reason: keyof typeof SLOT_ERRORS): AppError {
  return new AppError(SLOT_ERRORS[reason]);
}

/**
 * A reference code no booking and no wish has: citizens and staff look both up by it, so a booking's code must not
 * be a wish's either (and the other way round).
 */
export async function uniqueReferenceCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = referenceCodeFrom(randomBytes(8));
    const [booking, wish] = await Promise.all([
      tx.booking.findUnique({ where: { referenceCode: code }, select: { id: true } }),
      tx.wish.findUnique({ where: { referenceCode: code }, select: { id: true } }),
    ]);
    if (!booking && !wish) return code;
  }
}

/**
 * Moving a booking, for citizens and staff alike, inside the caller's bookingTransaction (old and new days locked):
 * re-check the new start without the booking itself, move it only if it is still as the caller read it, and write
 * the "rescheduled" e-mail. A `manageToken` with a hash replaces the stored link (staff moves; only hashes are kept).
 * A booking the office cancelled is booked again at the new time (the citizen picked one through the link).
 * Returns false when the booking changed meanwhile.
 */
export async function moveCheckedBooking(
  tx: Tx,
  args: {
    office: Office;
    service: Service;
    booking: Parameters<typeof bookingMailPayload>[0]["booking"] & {
      id: string;
      officeId: string;
      email: string | null;
      status: string;
    };
    start: Date;
    endsAt: Date;
    now: Date;
    from: string;
    to: string;
    manageToken: { token: string; hash?: string };
    /** Other bookings of the same bulk move that still wait at their old times: they do not compete. */
    othersMoving?: readonly string[];
    /** Why the office moved it, shown in the e-mail. */
    reason?: string;
    /** "staff" for the office's moves; a citizen's move keeps the booking's own access (`bookingAccess`). */
    access: AccessKind;
  },
): Promise<boolean> {
  const { office, service, booking, access } = args;
  const load = { office, service, persons: booking.persons, now: args.now, from: args.from, to: args.to, access };
  await assertSlotFree(tx, { ...load, excludeBookingId: [booking.id, ...(args.othersMoving ?? [])] }, args.start);
  const rebooking = booking.status === "CANCELLED";
  const { count } = await tx.booking.updateMany({
    where: { id: booking.id, status: rebooking ? "CANCELLED" : "CONFIRMED", startsAt: booking.startsAt, erasedAt: null },
    data: {
      startsAt: args.start,
      endsAt: args.endsAt,
      // The new time deserves its own reminder.
      reminderSentAt: null,
      ...(rebooking ? { status: "CONFIRMED" as const, cancelledAt: null, cancelReason: null } : {}),
      ...(args.manageToken.hash ? { manageTokenHash: args.manageToken.hash } : {}),
    },
  });
  if (count === 0) return false;
  if (booking.email) {
    await enqueueMail(tx, {
      template: "booking-rescheduled",
      recipient: booking.email,
      officeId: booking.officeId,
      bookingId: booking.id,
      payload: bookingMailPayload({
        office,
        service,
        booking: { ...booking, startsAt: args.start, endsAt: args.endsAt },
        manageUrl: manageUrl(args.manageToken.token, booking.locale),
        previous: { startsAt: booking.startsAt, endsAt: booking.endsAt },
        reason: args.reason,
      }),
    });
  }
  return true;
}
