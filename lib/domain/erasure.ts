import type { LocalDate } from "./types";

// Data protection (DESIGN.md, invariant 7): which fields of a booking are personal data, and until when they are
// kept. The booking row itself stays for the anonymous statistics (office, service, times, status, channel, persons).

/**
 * The personal fields of a booking: exactly what the data export shows and the erasure removes. The e-mail's
 * counting key (email-identity.ts) is derived from the address and goes with it.
 */
export const PERSONAL_BOOKING_FIELDS = [
  "givenName",
  "familyName",
  "email",
  "emailKey",
  "phone",
  "dateOfBirth",
  "remark",
  "cancelReason",
] as const;

export type PersonalBookingField = (typeof PERSONAL_BOOKING_FIELDS)[number];

/** A booking's personal fields once erased. */
export const ERASED_BOOKING_DATA = erased(PERSONAL_BOOKING_FIELDS);

/** Every one of `fields` set to null: a row's personal data once erased. */
function erased<F extends string>(fields: readonly F[]): Record<F, null> {
  return Object.fromEntries(fields.map((field) => [field, null])) as Record<F, null>;
}

const DAY_MS = 86_400_000;

/** Appointments that ended before this instant are past the office's retention period (a negative one counts as 0). */
export function retentionCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - Math.max(0, retentionDays) * DAY_MS);
}

// Wishes on the waiting list: the row stays for the anonymous figures (office, service, persons, dates, weekdays,
// parts of the day, source, status, times), its personal columns go once the wish has been closed for the
// office's retention period. The permit's expiry date counts as personal: with the office and dates it narrows down
// who the person is. The identity hash too: it is derived from name and date of birth.

// An extension request's receipt (ExtensionReceipt) is NOT erased with its wish. Its signed statement is personal
// data (given and family name, date of birth, the permit's expiry date, with office, service and the time of
// filing), but it is what the citizen was given as proof of having filed the request in time: the office keeps it
// as the record of an application received, under the retention of its case files rather than the waiting list's,
// and the public check page must be able to confirm the receipt for as long as it may be shown (GDPR Art. 17(3)(b)
// and (e): a legal obligation and legal claims). Neither the scheduled erasure nor "delete my data" touches it; the
// check page shows nothing beyond what the receipt presented to it already says, and whether it is genuine.

/** The personal fields of a wish: exactly what the erasure removes (the counting key with the address). */
export const PERSONAL_WISH_FIELDS = [
  "givenName",
  "familyName",
  "email",
  "emailKey",
  "phone",
  "dateOfBirth",
  "permitExpiresOn",
  "identityHash",
] as const;

export type PersonalWishField = (typeof PERSONAL_WISH_FIELDS)[number];

/** A wish's personal fields once erased. */
export const ERASED_WISH_DATA = erased(PERSONAL_WISH_FIELDS);

/** Wishes still waiting: unconfirmed ones and those that receive offers. */
export const OPEN_WISH_STATUSES = ["UNCONFIRMED", "ACTIVE"] as const;

/** Whether a wish still waits: the citizen may change or withdraw it, staff may remove it. */
export function isOpenWish(wish: { status: string }): boolean {
  return (OPEN_WISH_STATUSES as readonly string[]).includes(wish.status);
}

/** Wishes that have ended (booked, withdrawn, removed by staff, expired): their retention period runs from closedAt. */
export const CLOSED_WISH_STATUSES = ["BOOKED", "WITHDRAWN", "REMOVED", "EXPIRED"] as const;

/**
 * A wish has expired once its latest acceptable date lies before the office's local `today`: no appointment can
 * suit it any more. On the latest date itself it still waits (a time freed that morning may be offered).
 */
export function wishExpired(latestDate: LocalDate, today: LocalDate): boolean {
  return latestDate < today;
}
