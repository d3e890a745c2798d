// Data protection (DESIGN.md, invariant 7): which fields of a booking are personal data, and until when they are
// kept. The booking row itself stays for the anonymous statistics (office, service, times, status, channel, persons).

/** The personal fields of a booking: exactly what the data export shows and the erasure removes. */
export const PERSONAL_BOOKING_FIELDS = [
  "givenName",
  "familyName",
  "email",
  "phone",
  "dateOfBirth",
  "remark",
  "cancelReason",
] as const;

export type PersonalBookingField = (typeof PERSONAL_BOOKING_FIELDS)[number];

/** A booking's personal fields once erased. */
export const ERASED_BOOKING_DATA = {
  givenName: null,
  familyName: null,
  email: null,
  phone: null,
  dateOfBirth: null,
  remark: null,
  cancelReason: null,
} satisfies Record<PersonalBookingField, null>;

const DAY_MS = 86_400_000;

/** Appointments that ended before this instant are past the office's retention period (a negative one counts as 0). */
export function retentionCutoff(retentionDays: number, now: Date): Date {
  return new Date(now.getTime() - Math.max(0, retentionDays) * DAY_MS);
}
