import { appointmentDates, appointmentInterval } from "@/lib/domain";
import { isChangeable } from "@/lib/domain/booking-status";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { chooseAppointment } from "../appointment-choice";
import { appointmentSpec } from "../availability";
import { bookingMailPayload } from "../booking-mail";
import { manageUrl } from "../booking-urls";
import { assertSlotFree } from "../insert-booking";
import { offerFreedTime } from "../waitlist/offer-freed-time";
import { catalogueTexts, withTexts } from "../service-texts";
import { AUDIT_ACTIONS, loadBookingFor, staffBookingRules } from "./common";
import { emitBookingEvent } from "@/lib/server/webhooks/emit";

export interface ChangeServicesInput {
  bookingId: string;
  /** The further services the appointment is to have, by id, in order (its first service stays). */
  furtherServiceIds: string[];
}

/**
 * A clerk adds further services to an appointment still ahead, or takes some away, at the citizen's request: the
 * same start, the length of the new combination. Under the lock of the days it touches, the appointment must still
 * fit with the new combination (only clerks serving all its services count), checked by the rule booking uses; time
 * it gives up goes to the waiting list first. The citizen gets an e-mail with the new services and length if an
 * address is known. Audit-logged.
 */
export async function changeBookingServices(db: Db, actor: Actor, input: ChangeServicesInput, now: Date) {
  const booking = await loadBookingFor(db, actor, input.bookingId);
  if (booking.status === "CANCELLED") throw new AppError("ALREADY_CANCELLED");
  if (booking.status !== "CONFIRMED") throw new AppError("STATUS_NOT_ALLOWED");
  if (!isChangeable(booking, now)) throw new AppError("APPOINTMENT_PAST");
  const { office, service } = booking;
  if (!office.active || !service.active) throw new AppError("SLOT_NOT_OFFERED");
  const services = (await db.service.findMany({ where: { officeId: office.id }, include: catalogueTexts })).map(withTexts);
  const first = services.find((s) => s.id === service.id);
  if (!first) throw new AppError("SERVICE_NOT_FOUND");
  // The kind stays: every service of the new combination must offer it.
  const shape = chooseAppointment({ ...office, services }, first, { further: input.furtherServiceIds, by: "id", kind: booking.kind });
  const before = booking.extraServices.map((e) => e.serviceId);
  const after = shape.furtherServices.map((s) => s.id);
  if (before.join() === after.join()) return { id: booking.id, officeSlug: office.slug, changed: false, mailed: false };

  const tz = office.timeZone;
  const { end: endsAt, dates: [from, to] } = appointmentInterval(booking.startsAt, appointmentSpec(first, shape), booking.persons, tz);
  const dates = [...appointmentDates(booking.startsAt, booking.endsAt, tz), from, to];
  const names = (ids: string[]) => ids.map((id) => services.find((s) => s.id === id)?.slug ?? id);

  // Only the hash of the citizen's manage link is stored: the e-mail carries a fresh one, the old one stops working.
  const manageToken = booking.email ? createManageToken() : null;
  await bookingTransaction(db, office.id, dates, async (tx) => {
    await assertSlotFree(
      tx,
      { office: staffBookingRules(office), service, shape, persons: booking.persons, now, from, to, access: "staff", excludeBookingId: booking.id },
      booking.startsAt,
    );
    // Conditional: a booking changed meanwhile (moved, cancelled, its services edited) is not changed again.
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "CONFIRMED", startsAt: booking.startsAt, endsAt: booking.endsAt },
      data: { endsAt, ...(manageToken ? { manageTokenHash: manageToken.hash } : {}) },
    });
    if (count === 0) throw new AppError("STATUS_CHANGED");
    const current = await tx.bookingService.findMany({ where: { bookingId: booking.id }, orderBy: { position: "asc" } });
    if (current.map((e) => e.serviceId).join() !== before.join()) throw new AppError("STATUS_CHANGED");
    await tx.bookingService.deleteMany({ where: { bookingId: booking.id } });
    await tx.bookingService.createMany({ data: after.map((id, i) => ({ bookingId: booking.id, serviceId: id, position: i + 1 })) });
    // No event type of its own: the appointment's length (and its services) changed, which receivers learn as a move.
    await emitBookingEvent(tx, "booking.moved", booking, now);
    if (booking.email && manageToken) {
      await enqueueMail(tx, {
        template: "booking-changed",
        recipient: booking.email,
        officeId: office.id,
        bookingId: booking.id,
        payload: bookingMailPayload({
          office,
          service,
          furtherServices: shape.furtherServices,
          booking: { ...booking, endsAt },
          manageUrl: manageUrl(manageToken.token, booking.locale),
          previous: { startsAt: booking.startsAt, endsAt: booking.endsAt },
          previousServices: [service, ...booking.extraServices.map((e) => e.service)],
        }),
      });
    }
    // A shorter appointment frees time: the waiting list is asked first, as for any freed time.
    await offerFreedTime(tx, { officeId: office.id, dates, now });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      bookingId: booking.id,
      action: AUDIT_ACTIONS.services,
      details: { servicesBefore: names(before), servicesAfter: names(after), endsAt: endsAt.toISOString(), mailed: Boolean(booking.email) },
    });
  });
  return { id: booking.id, officeSlug: office.slug, changed: true, mailed: Boolean(booking.email) };
}
