import { createBooking, type CreateBookingInput } from "@/lib/server/services/create-booking";
import type { Db } from "@/lib/server/db/client";
import { person } from "../office-fixture";

export type CitizenBooking = Pick<CreateBookingInput, "start" | "now"> & Partial<CreateBookingInput>;

/** One person's online booking of the fixture's office and service, by citizen `n`; the booking says what differs. */
export function citizenBooking(booking: CitizenBooking, n = 1): CreateBookingInput {
  return {
    officeSlug: "testamt",
    serviceSlug: "beratung",
    persons: 1,
    person: person(n),
    channel: "ONLINE",
    locale: "de",
    ...booking,
  };
}

/** Citizen `n` books through the real service, as the wizard does. */
export function bookOnline(db: Db, booking: CitizenBooking, n = 1) {
  return createBooking(db, citizenBooking(booking, n));
}
