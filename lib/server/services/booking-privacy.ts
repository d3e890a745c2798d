import { appointmentDates, occupiesClerk } from "@/lib/domain";
import { PERSONAL_BOOKING_FIELDS } from "@/lib/domain/erasure";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { getBookingByToken } from "./manage-booking";
import { eraseBookings } from "./privacy/erase-personal-data";

// The citizen's rights over their booking through the manage link (GDPR Art. 15 and 17): a copy of what is stored
// about them, and erasure now instead of after the retention period.

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
  personalData: Record<(typeof PERSONAL_BOOKING_FIELDS)[number], string | null>;
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

/**
 * Erases the citizen's data now. A future appointment (or a running hold) is cancelled first, under the same day
 * lock as any cancellation, so its place is free again; no e-mail is sent, since there is no address left to send
 * it to. Afterwards the link shows what an unknown link shows.
 */
export async function deleteMyData(db: Db, input: { token: string; now: Date }): Promise<void> {
  const booking = await getBookingByToken(db, input.token);
  const tokenHash = hashToken(input.token);
  const occupies = booking.startsAt > input.now && occupiesClerk(booking, input.now);
  const erase = async (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => {
    const erased = await eraseBookings(tx, { id: booking.id, manageTokenHash: tokenHash }, input.now, occupies);
    // Erased meanwhile, or the link was replaced by a reminder or a staff move.
    if (erased.length === 0) throw new AppError("BOOKING_NOT_FOUND");
  };
  if (!occupies) {
    await db.$transaction(erase);
    return;
  }
  const dates = appointmentDates(booking.startsAt, booking.endsAt, booking.office.timeZone);
  await bookingTransaction(db, booking.officeId, dates, erase);
}
