import { PERSONAL_BOOKING_FIELDS, type PersonalBookingField } from "@/lib/domain/erasure";
import type { Db } from "@/lib/server/db/client";
import { getBookingByToken } from "../get-booking-by-token";

// The citizen's right of access through the manage link (GDPR Art. 15): a copy of what is stored about them.

export interface BookingDataExport {
  exportedAt: string;
  booking: {
    referenceCode: string;
    status: string;
    channel: string;
    office: string;
    service: string;
    startsAt: string;
    endsAt: string;
    persons: number;
    locale: string;
    createdAt: string;
    cancelledAt: string | null;
    reminderSentAt: string | null;
  };
  /** Every personal field of the booking as stored, empty ones as null. */
  personalData: Record<PersonalBookingField, string | null>;
  /** E-mails about the booking, with their content where it is still stored. */
  emails: Array<{
    template: string;
    recipient: string;
    subject: string;
    status: string;
    createdAt: string;
    sentAt: string | null;
    content: unknown;
  }>;
  retentionDays: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportBookingData(db: Db, token: string, now: Date = new Date()): Promise<BookingDataExport> {
  const booking = await getBookingByToken(db, token);
  const emails = await db.outboxMessage.findMany({ where: { bookingId: booking.id }, orderBy: { createdAt: "asc" } });
  const personalData = Object.fromEntries(PERSONAL_BOOKING_FIELDS.map((f) => [f, booking[f] ?? null])) as BookingDataExport["personalData"];
  return {
    exportedAt: now.toISOString(),
    booking: {
      referenceCode: booking.referenceCode,
      status: booking.status,
      channel: booking.channel,
      office: booking.office.name,
      service: booking.service.name,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      persons: booking.persons,
      locale: booking.locale,
      createdAt: booking.createdAt.toISOString(),
      cancelledAt: iso(booking.cancelledAt),
      reminderSentAt: iso(booking.reminderSentAt),
    },
    personalData,
    emails: emails.map((m) => ({
      template: m.template,
      recipient: m.recipient,
      subject: m.subject,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
      content: m.payload === "{}" ? null : (JSON.parse(m.payload) as unknown),
    })),
    retentionDays: booking.office.retentionDays,
  };
}
