import { appointmentMinutes, checkSlot, localDateOf } from "@/lib/domain";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { loadAvailability } from "../availability";
import { bookingMailPayload } from "../booking-mail";
import { manageUrl } from "../booking-urls";
import { slotError } from "../insert-booking";
import { assertPlausibleStart, AUDIT_ACTIONS, datesOf, loadBookingFor, staffBookingRules, staffError } from "./common";
import { isChangeableByStaff } from "./status-transitions";

export interface StaffMoveInput {
  bookingId: string;
  start: Date;
}

export interface StaffMoved {
  id: string;
  officeSlug: string;
  referenceCode: string;
  startsAt: Date;
  endsAt: Date;
  previous: { startsAt: Date; endsAt: Date };
  mailed: boolean;
}

/**
 * Moves an appointment that is still ahead to another free slot, checked inside the transaction that holds the
 * lock of the old and the new days (the same rule the staff slot list uses). The citizen gets an e-mail if an
 * address is known.
 */
export async function moveBookingByStaff(db: Db, actor: Actor, input: StaffMoveInput, now: Date): Promise<StaffMoved> {
  const booking = await loadBookingFor(db, actor, input.bookingId);
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (booking.status !== "CONFIRMED") throw staffError("STATUS_NOT_ALLOWED");
  if (!isChangeableByStaff(booking, now)) throw new AppError("APPOINTMENT_PAST");
  const { office, service } = booking;
  assertPlausibleStart(office, input.start, now);
  if (input.start.getTime() === booking.startsAt.getTime()) throw staffError("SAME_TIME");
  if (!office.active || !service.active) throw new AppError("SLOT_NOT_OFFERED");
  const tz = office.timeZone;
  const endsAt = new Date(input.start.getTime() + appointmentMinutes(service, booking.persons) * 60_000);
  const newFrom = localDateOf(input.start, tz);
  const newTo = localDateOf(endsAt.getTime() - 1, tz);
  const previous = { startsAt: booking.startsAt, endsAt: booking.endsAt };

  await bookingTransaction(db, booking.officeId, [...datesOf(booking, tz), newFrom, newTo], async (tx) => {
    const availability = await loadAvailability(tx, {
      office: staffBookingRules(office),
      service,
      persons: booking.persons,
      now,
      from: newFrom,
      to: newTo,
      excludeBookingId: booking.id,
    });
    const check = checkSlot(availability, input.start);
    if (!check.ok) throw slotError(check.reason);
    // Only the hash of the citizen's manage link is stored: a fresh link goes out with the new time, and the
    // old one stops working.
    const { token, hash } = createManageToken();
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "CONFIRMED", startsAt: booking.startsAt, erasedAt: null },
      data: { startsAt: input.start, endsAt, ...(booking.email ? { manageTokenHash: hash } : {}) },
    });
    if (count === 0) throw staffError("STATUS_CHANGED");
    if (booking.email) {
      await enqueueMail(tx, {
        template: "booking-rescheduled",
        recipient: booking.email,
        officeId: booking.officeId,
        bookingId: booking.id,
        payload: bookingMailPayload({
          office,
          service,
          booking: { ...booking, startsAt: input.start, endsAt },
          manageUrl: manageUrl(token, booking.locale),
          previous,
        }),
      });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: booking.officeId,
      bookingId: booking.id,
      action: AUDIT_ACTIONS.move,
      details: {
        from: previous.startsAt.toISOString(),
        to: input.start.toISOString(),
        mailed: Boolean(booking.email),
      },
    });
  });

  return {
    id: booking.id,
    officeSlug: office.slug,
    referenceCode: booking.referenceCode,
    startsAt: input.start,
    endsAt,
    previous,
    mailed: Boolean(booking.email),
  };
}
