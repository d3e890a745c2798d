import { appointmentDates, appointmentInterval } from "@/lib/domain";
import { offerFreedTime } from "@/lib/server/services/waitlist/offer-freed-time";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { createManageToken } from "@/lib/server/security/tokens";
import { appointmentSpec, shapeOfBooking } from "../availability";
import { moveCheckedBooking } from "../insert-booking";
import { assertPlausibleStart, AUDIT_ACTIONS, loadBookingFor, staffBookingRules } from "./common";
import { isChangeable } from "@/lib/domain/booking-status";

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
  if (booking.status !== "CONFIRMED") throw new AppError("STATUS_NOT_ALLOWED");
  if (!isChangeable(booking, now)) throw new AppError("APPOINTMENT_PAST");
  const { office, service } = booking;
  assertPlausibleStart(office, input.start, now);
  if (input.start.getTime() === booking.startsAt.getTime()) throw new AppError("SAME_TIME");
  if (!office.active || !service.active || booking.extraServices.some((e) => !e.service.active)) throw new AppError("SLOT_NOT_OFFERED");
  const tz = office.timeZone;
  const shape = shapeOfBooking(booking);
  const { end: endsAt, dates: [newFrom, newTo] } = appointmentInterval(input.start, appointmentSpec(service, shape), booking.persons, tz);
  const previous = { startsAt: booking.startsAt, endsAt: booking.endsAt };
  const dates = [...appointmentDates(booking.startsAt, booking.endsAt, tz), newFrom, newTo];

  await bookingTransaction(db, booking.officeId, dates, async (tx) => {
    // Only the hash of the citizen's manage link is stored: a fresh link goes out with the new time, and the
    // old one stops working.
    const manageToken = booking.email ? createManageToken() : { token: "" };
    const moved = await moveCheckedBooking(tx, {
      office: staffBookingRules(office),
      service,
      shape,
      booking,
      start: input.start,
      endsAt,
      now,
      from: newFrom,
      to: newTo,
      manageToken,
      access: "staff",
    });
    if (!moved) throw new AppError("STATUS_CHANGED");
    await offerFreedTime(tx, { officeId: booking.officeId, dates, now });
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
