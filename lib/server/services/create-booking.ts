import { type AppointmentKind, appointmentInterval, holdDeadline, needsVerification } from "@/lib/domain";
import { citizenAccess } from "@/lib/domain/access";
import { offeringFirst, settled, waitingListMayOffer } from "@/lib/server/services/waitlist/offer-freed-time";
import { emailCountingKey } from "@/lib/domain/email-identity";
import type { PersonalData } from "@/lib/schemas/booking";
import type { Db, Tx } from "@/lib/server/db/client";
import { readConfigRevision } from "@/lib/server/db/config-cache";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { createManageToken } from "@/lib/server/security/tokens";
import { assertReachable, chooseAppointment } from "./appointment-choice";
import { activeBookingWhere, appointmentSpec, startOutOfRange } from "./availability";
import { insertCheckedBooking, prepareBooking, slotError } from "./insert-booking";
import { cachedOfficeAndService, type OfficeWithServices, type ServiceRow } from "./office-catalog";

export interface CreateBookingInput {
  officeSlug: string;
  serviceSlug: string;
  /** The active office and service of these slugs, when the caller has read them already: they are not read again. */
  loaded?: { office: OfficeWithServices; service: ServiceRow };
  /** Slugs of further services of the same office to take care of in the same appointment. */
  furtherServices?: readonly string[];
  /** How the appointment takes place; absent: the only kind offered, else in person. */
  kind?: AppointmentKind | null;
  start: Date;
  persons: number;
  person: PersonalData;
  channel: "ONLINE" | "API" | "PHONE" | "COUNTER";
  locale: string;
  now: Date;
}

export interface CreatedBooking {
  id: string;
  referenceCode: string;
  startsAt: Date;
  endsAt: Date;
  /** Shown once (in the e-mail and API answer); only its hash is stored. */
  manageToken: string;
  /** HELD until the citizen confirms through the e-mail (offices with e-mail verification), else CONFIRMED. */
  status: "HELD" | "CONFIRMED";
  holdExpiresAt: Date | null;
}

/**
 * Future active bookings of the office for the mailbox `email` reaches, however each was spelt ("same+1@...",
 * "s.ame@gmail.com"): every booking stores its address's counting key, and an index serves this count.
 */
async function activeBookingsOfMailbox(db: Db | Tx, officeId: string, email: string, now: Date): Promise<number> {
  return db.booking.count({
    where: {
      officeId,
      emailKey: emailCountingKey(email),
      startsAt: { gt: now },
      // Live holds count: otherwise unconfirmed holds could block any number of times.
      ...activeBookingWhere(now),
    },
  });
}

export async function createBooking(db: Db, input: CreateBookingInput): Promise<CreatedBooking> {
  // The office and service are read once per booking, before the lock, and so is the day's schedule (prepareBooking).
  // What decides whether the booking still fits is read again under the lock, in insertCheckedBooking: the day's
  // bookings always, the schedule when a capacity change of the day committed meanwhile (its schedule version); the
  // office's settings are not: one changed meanwhile applies from the next booking on.
  // In a rush the same office is booked hundreds of times a second: its settings come from the configuration cache
  // while the revision read here is unchanged (config-cache.ts), so a booking reads little more than the mailbox.
  const { office, service, configRevision: revision } = input.loaded
    ? { ...input.loaded, configRevision: await readConfigRevision(db) }
    : await cachedOfficeAndService(db, input.officeSlug, input.serviceSlug);
  const shape = chooseAppointment(office, service, { further: input.furtherServices, by: "slug", kind: input.kind });
  assertReachable(shape.kind, input.person.phone);
  const spec = appointmentSpec(service, shape);
  if (input.persons < 1 || input.persons > spec.maxPersons) throw new AppError("INVALID_INPUT");
  const outOfRange = startOutOfRange(office, input.start, input.now);
  if (outOfRange) throw slotError(outOfRange);
  const { end: endsAt, dates } = appointmentInterval(input.start, spec, input.persons, office.timeZone);
  const email = input.person.email.toLowerCase();
  // The permit's expiry is kept only where the service asks for it; it decides whether the kept places are open.
  const permitExpiresOn = service.asksPermitExpiry ? (input.person.permitExpiresOn ?? null) : null;
  const access = citizenAccess(office, service, permitExpiresOn, input.now);
  const manageToken = createManageToken();
  const holdExpiresAt = needsVerification(office, input.channel)
    ? holdDeadline(input.now, office.holdMinutes)
    : undefined;

  const args = {
    office,
    service,
    shape,
    start: input.start,
    endsAt,
    persons: input.persons,
    now: input.now,
    from: dates[0],
    to: dates[1],
    channel: input.channel,
    locale: input.locale,
    person: {
      givenName: input.person.givenName ?? null,
      familyName: input.person.familyName,
      email,
      phone: input.person.phone ?? null,
      dateOfBirth: input.person.dateOfBirth,
      remark: input.person.remark ?? null,
      permitExpiresOn,
    },
    manageToken,
    holdExpiresAt,
    access,
  };
  const [active, prepared, waitingList] = await Promise.all([
    activeBookingsOfMailbox(db, office.id, email, input.now),
    prepareBooking(db, args, revision),
    waitingListMayOffer(db, office.id, dates, input.now),
  ]);
  if (active >= office.maxActiveBookingsPerEmail) throw new AppError("TOO_MANY_BOOKINGS");

  // Under the lock: the waiting list first when it may take the freed time (offeringFirst), then the re-read of the
  // day's bookings, the insert and the prepared e-mail.
  const booking = settled(
    await bookingTransaction(db, office.id, dates, async (tx, locks) => {
      const insert = () => insertCheckedBooking(tx, { ...args, prepared: { booking: prepared, locks } });
      return waitingList ? offeringFirst(tx, { officeId: office.id, dates, now: input.now }, insert) : { value: await insert() };
    }),
  );

  return {
    id: booking.id,
    referenceCode: booking.referenceCode,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    manageToken: manageToken.token,
    status: booking.status === "HELD" ? "HELD" : "CONFIRMED",
    holdExpiresAt: booking.holdExpiresAt,
  };
}
