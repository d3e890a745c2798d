import { appointmentInterval, holdDeadline, needsVerification } from "@/lib/domain";
import { citizenAccess } from "@/lib/domain/access";
import { wishesFirstTransaction } from "@/lib/server/services/waitlist/offer-freed-time";
import { emailCountingCandidates, emailCountingKey } from "@/lib/domain/email-identity";
import type { PersonalData } from "@/lib/schemas/booking";
import type { Db, Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { createManageToken } from "@/lib/server/security/tokens";
import { activeBookingWhere, startOutOfRange } from "./availability";
import { insertCheckedBooking, slotError } from "./insert-booking";
import { getActiveOfficeAndService, type OfficeWithServices, type ServiceRow } from "./office-catalog";

export interface CreateBookingInput {
  officeSlug: string;
  serviceSlug: string;
  /** The active office and service of these slugs, when the caller has read them already: they are not read again. */
  loaded?: { office: OfficeWithServices; service: ServiceRow };
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
 * "s.ame@gmail.com"): the database narrows the candidates, the counting key decides.
 */
async function activeBookingsOfMailbox(tx: Tx, officeId: string, email: string, now: Date): Promise<number> {
  const { localPrefix, domains } = emailCountingCandidates(email);
  const candidates = await tx.booking.findMany({
    where: {
      officeId,
      AND: [
        { OR: domains.map((domain) => ({ email: { startsWith: localPrefix, endsWith: `@${domain}` } })) },
        // Live holds count: otherwise unconfirmed holds could block any number of times.
        activeBookingWhere(now),
      ],
      startsAt: { gt: now },
    },
    select: { email: true },
  });
  const key = emailCountingKey(email);
  return candidates.filter((b) => b.email !== null && emailCountingKey(b.email) === key).length;
}

export async function createBooking(db: Db, input: CreateBookingInput): Promise<CreatedBooking> {
  // The office and service are read once per booking, before the lock. What decides whether the booking still fits
  // (the day's bookings and schedule) is read again under the lock, in insertCheckedBooking, since another booking
  // or a capacity change may have come first; the office's settings are not: one changed meanwhile applies from the
  // next booking on.
  const { office, service } = input.loaded ?? (await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug));
  if (input.persons < 1 || input.persons > service.maxPersons) throw new AppError("INVALID_INPUT");
  const outOfRange = startOutOfRange(office, input.start, input.now);
  if (outOfRange) throw slotError(outOfRange);
  const { end: endsAt, dates } = appointmentInterval(input.start, service, input.persons, office.timeZone);
  const email = input.person.email.toLowerCase();
  // The permit's expiry is kept only where the service asks for it; it decides whether the kept places are open.
  const permitExpiresOn = service.asksPermitExpiry ? (input.person.permitExpiresOn ?? null) : null;
  const access = citizenAccess(office, service, permitExpiresOn, input.now);
  const manageToken = createManageToken();
  const holdExpiresAt = needsVerification(office, input.channel)
    ? holdDeadline(input.now, office.holdMinutes)
    : undefined;

  // Wishes first: time freed by an expired hold or a newly reachable day is offered before it can be booked here.
  const booking = await wishesFirstTransaction(db, office.id, dates, input.now, async (tx) => {
    const active = await activeBookingsOfMailbox(tx, office.id, email, input.now);
    if (active >= office.maxActiveBookingsPerEmail) throw new AppError("TOO_MANY_BOOKINGS");

    return insertCheckedBooking(tx, {
      office,
      service,
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
    });
  });

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
