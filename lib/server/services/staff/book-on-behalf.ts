import { z } from "zod";
import { type AppointmentKind, appointmentInterval } from "@/lib/domain";
import { localDateSchema, type PersonalData } from "@/lib/schemas/booking";
import type { StaffChannel } from "@/lib/schemas/staff-booking";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { createManageToken } from "@/lib/server/security/tokens";
import { assertReachable, chooseAppointment } from "../appointment-choice";
import { appointmentSpec } from "../availability";
import { insertCheckedBooking } from "../insert-booking";
import { assertPlausibleStart, AUDIT_ACTIONS, loadOfficeFor, staffBookingRules } from "./common";

export interface BookOnBehalfInput {
  officeSlug: string;
  serviceSlug: string;
  /** Slugs of further services of the same appointment. */
  furtherServices?: readonly string[];
  kind?: AppointmentKind;
  start: Date;
  persons: number;
  channel: StaffChannel;
  /** Only the family name is required: some people have one name only, and a caller may give no address. */
  person: Partial<PersonalData> & Pick<PersonalData, "familyName">;
  /** Language of the confirmation e-mail. */
  locale?: string;
}

export interface BookedOnBehalf {
  id: string;
  officeSlug: string;
  referenceCode: string;
  startsAt: Date;
  endsAt: Date;
  mailed: boolean;
}

/**
 * A clerk books for a caller (PHONE) or a walk-in (COUNTER). The capacity rule, the lock and the in-transaction
 * re-check are those of createBooking; differences: e-mail optional (a confirmation only when given, with the
 * citizen's own manage link), no per-address limit, no minimum notice, and an audit entry in the same transaction.
 */
export async function bookOnBehalf(db: Db, actor: Actor, input: BookOnBehalfInput, now: Date): Promise<BookedOnBehalf> {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const service = office.services.find((s) => s.slug === input.serviceSlug && s.active);
  if (!office.active) throw new AppError("OFFICE_NOT_FOUND");
  if (!service) throw new AppError("SERVICE_NOT_FOUND");
  if (input.channel !== "PHONE" && input.channel !== "COUNTER") throw new AppError("INVALID_INPUT");
  const shape = chooseAppointment(office, service, { further: input.furtherServices, by: "slug", kind: input.kind });
  assertReachable(shape.kind, input.person.phone);
  const spec = appointmentSpec(service, shape);
  if (!Number.isInteger(input.persons) || input.persons < 1 || input.persons > spec.maxPersons) {
    throw new AppError("INVALID_INPUT");
  }
  assertPlausibleStart(office, input.start, now);
  const givenName = input.person.givenName?.trim() || null;
  const familyName = input.person.familyName.trim();
  if (!familyName) throw new AppError("INVALID_INPUT");

  const { end: endsAt, dates } = appointmentInterval(input.start, spec, input.persons, office.timeZone);
  const email = input.person.email?.trim().toLowerCase() || null;
  if (email && !z.email().safeParse(email).success) throw new AppError("INVALID_INPUT");
  if (input.person.dateOfBirth && !localDateSchema.safeParse(input.person.dateOfBirth).success) {
    throw new AppError("INVALID_INPUT");
  }
  const locale = input.locale ?? "de";

  const booking = await bookingTransaction(db, office.id, dates, async (tx) => {
    const created = await insertCheckedBooking(tx, {
      office: staffBookingRules(office),
      service,
      shape,
      start: input.start,
      endsAt,
      persons: input.persons,
      now,
      from: dates[0],
      to: dates[1],
      channel: input.channel,
      locale,
      person: {
        givenName,
        familyName,
        email,
        phone: input.person.phone?.trim() || null,
        dateOfBirth: input.person.dateOfBirth || null,
        remark: input.person.remark?.trim() || null,
        permitExpiresOn: null,
      },
      manageToken: createManageToken(),
      // Booking on behalf may use the places kept for urgent cases.
      access: "staff",
    });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      bookingId: created.id,
      action: AUDIT_ACTIONS.create,
      details: {
        channel: input.channel,
        serviceId: service.id,
        ...(shape.furtherServices.length > 0 ? { furtherServiceIds: shape.furtherServices.map((s) => s.id) } : {}),
        ...(shape.kind !== "IN_PERSON" ? { kind: shape.kind } : {}),
        persons: input.persons,
        startsAt: input.start.toISOString(),
        mailed: Boolean(email),
      },
    });
    return created;
  });

  return {
    id: booking.id,
    officeSlug: office.slug,
    referenceCode: booking.referenceCode,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    mailed: Boolean(email),
  };
}
