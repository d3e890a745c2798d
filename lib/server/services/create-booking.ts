import { randomBytes } from "node:crypto";
import { appointmentMinutes, checkSlot, localDateOf, referenceCodeFrom } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { loadAvailability, OCCUPYING_STATUSES, startOutOfRange } from "./availability";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl } from "./booking-urls";
import { getActiveOfficeAndService } from "./office-catalog";

export interface CreateBookingInput {
  officeSlug: string;
  serviceSlug: string;
  start: Date;
  persons: number;
  person: {
    givenName?: string;
    familyName: string;
    email: string;
    phone?: string;
    dateOfBirth: string;
    remark?: string;
  };
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
}

const SLOT_ERRORS = {
  "too-soon": "SLOT_TOO_SOON",
  "beyond-horizon": "SLOT_BEYOND_HORIZON",
  "not-offered": "SLOT_NOT_OFFERED",
  full: "SLOT_TAKEN",
} as const;

export function slotError(reason: keyof typeof SLOT_ERRORS): AppError {
  return new AppError(SLOT_ERRORS[reason]);
}

export async function createBooking(db: Db, input: CreateBookingInput): Promise<CreatedBooking> {
  const { office, service } = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
  if (input.persons < 1 || input.persons > service.maxPersons) throw new AppError("INVALID_INPUT");
  const outOfRange = startOutOfRange(office, input.start, input.now);
  if (outOfRange) throw slotError(outOfRange);
  const endsAt = new Date(input.start.getTime() + appointmentMinutes(service, input.persons) * 60_000);
  const startDate = localDateOf(input.start, office.timeZone);
  const endDate = localDateOf(endsAt.getTime() - 1, office.timeZone);
  const email = input.person.email.toLowerCase();
  const { token, hash } = createManageToken();

  const booking = await bookingTransaction(db, office.id, [startDate, endDate], async (tx) => {
    const active = await tx.booking.count({
      where: {
        officeId: office.id,
        email,
        status: { in: [...OCCUPYING_STATUSES] },
        startsAt: { gt: input.now },
      },
    });
    if (active >= office.maxActiveBookingsPerEmail) throw new AppError("TOO_MANY_BOOKINGS");

    const availability = await loadAvailability(tx, {
      office,
      service,
      persons: input.persons,
      now: input.now,
      from: startDate,
      to: endDate,
    });
    const check = checkSlot(availability, input.start);
    if (!check.ok) throw slotError(check.reason);

    const created = await tx.booking.create({
      data: {
        officeId: office.id,
        serviceId: service.id,
        startsAt: input.start,
        endsAt,
        persons: input.persons,
        status: "CONFIRMED",
        channel: input.channel,
        referenceCode: await uniqueReferenceCode(tx),
        manageTokenHash: hash,
        locale: input.locale,
        givenName: input.person.givenName ?? null,
        familyName: input.person.familyName,
        email,
        phone: input.person.phone ?? null,
        dateOfBirth: input.person.dateOfBirth,
        remark: input.person.remark ?? null,
      },
    });
    await enqueueMail(tx, {
      template: "booking-confirmation",
      recipient: email,
      officeId: office.id,
      bookingId: created.id,
      payload: bookingMailPayload({ office, service, booking: created, manageUrl: manageUrl(token, input.locale) }),
    });
    return created;
  });

  return {
    id: booking.id,
    referenceCode: booking.referenceCode,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    manageToken: token,
  };
}

export async function uniqueReferenceCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = referenceCodeFrom(randomBytes(8));
    if (!(await tx.booking.findUnique({ where: { referenceCode: code }, select: { id: true } }))) return code;
  }
}
