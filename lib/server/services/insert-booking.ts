import { randomBytes } from "node:crypto";
import { checkSlot, referenceCodeFrom } from "@/lib/domain";
import type { Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { loadAvailability, type LoadAvailabilityOptions } from "./availability";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl } from "./booking-urls";

type Office = LoadAvailabilityOptions["office"] & Parameters<typeof bookingMailPayload>[0]["office"];
type Service = LoadAvailabilityOptions["service"] & { name: string; documents: string };

/**
 * The heart of every booking, online or by staff, run inside the caller's bookingTransaction (after the day locks):
 * re-read the day's bookings, re-check the slot with the same rule the calendar lists by, insert, and write the
 * confirmation e-mail to the outbox when there is an address.
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
    person: {
      givenName: string | null;
      familyName: string;
      email: string | null;
      phone: string | null;
      dateOfBirth: string | null;
      remark: string | null;
    };
    manageToken: { token: string; hash: string };
  },
) {
  const { office, service } = args;
  const availability = await loadAvailability(tx, {
    office,
    service,
    persons: args.persons,
    now: args.now,
    from: args.from,
    to: args.to,
  });
  const check = checkSlot(availability, args.start);
  if (!check.ok) throw slotError(check.reason);

  const created = await tx.booking.create({
    data: {
      officeId: office.id,
      serviceId: service.id,
      startsAt: args.start,
      endsAt: args.endsAt,
      persons: args.persons,
      status: "CONFIRMED",
      channel: args.channel,
      referenceCode: await uniqueReferenceCode(tx),
      manageTokenHash: args.manageToken.hash,
      locale: args.locale,
      ...args.person,
    },
  });
  if (args.person.email) {
    await enqueueMail(tx, {
      template: "booking-confirmation",
      recipient: args.person.email,
      officeId: office.id,
      bookingId: created.id,
      payload: bookingMailPayload({
        office,
        service,
        booking: created,
        manageUrl: manageUrl(args.manageToken.token, args.locale),
      }),
    });
  }
  return created;
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

export async function uniqueReferenceCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = referenceCodeFrom(randomBytes(8));
    if (!(await tx.booking.findUnique({ where: { referenceCode: code }, select: { id: true } }))) return code;
  }
}
