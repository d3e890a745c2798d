import { localDateOf } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl } from "./booking-urls";
import { furtherServicesWithTranslations, serviceWithTranslations } from "./office-catalog";
import { withBookingServiceTexts, withTexts } from "./service-texts";

// Reminder e-mails `Office.reminderHours` before the appointment (0 = off), with the link to cancel: a citizen who
// cannot come frees the place with one click instead of not showing up.
//
// Manage tokens are stored only as hashes, so the link from the confirmation cannot be rebuilt. The reminder
// therefore rotates the token: the new hash is stored and the new link goes into the reminder, in the same
// transaction that enqueues the e-mail; the link from the confirmation stops working (the reminder says so).

const HOUR_MS = 60 * 60_000;

export interface ReminderResult {
  enqueued: number;
}

/**
 * Writes one reminder per confirmed future booking whose appointment starts within its office's reminder window.
 * Exactly once per booking, even with several instances running this at the same time: the conditional update on
 * `reminderSentAt IS NULL` and the outbox row commit together or not at all. Bookings made inside the window are
 * skipped: their confirmation has just arrived, and a reminder would needlessly replace its link.
 */
export async function sendReminders(db: Db, options: { now?: Date } = {}): Promise<ReminderResult> {
  const now = options.now ?? new Date();
  const offices = await db.office.findMany({ where: { reminderHours: { gt: 0 } } });
  let enqueued = 0;
  for (const office of offices) {
    const windowMs = office.reminderHours * HOUR_MS;
    const due = await db.booking.findMany({
      where: {
        officeId: office.id,
        status: "CONFIRMED",
        reminderSentAt: null,
        erasedAt: null,
        email: { not: null },
        startsAt: { gt: now, lte: new Date(now.getTime() + windowMs) },
      },
      include: { service: serviceWithTranslations, extraServices: furtherServicesWithTranslations },
      orderBy: { startsAt: "asc" },
    });
    for (const booking of due) {
      if (booking.createdAt.getTime() > booking.startsAt.getTime() - windowMs) continue;
      const { token, hash } = createManageToken();
      // Under the day lock of the appointment, like a cancellation or a move by the citizen: the token and the
      // time cannot change underneath, and busy or conflicting transactions are retried.
      const written = await bookingTransaction(db, office.id, [localDateOf(booking.startsAt, office.timeZone)], async (tx) => {
        const { count } = await tx.booking.updateMany({
          where: { id: booking.id, status: "CONFIRMED", reminderSentAt: null, erasedAt: null, startsAt: booking.startsAt },
          data: { reminderSentAt: now, manageTokenHash: hash },
        });
        if (count === 0) return false; // another run reminded it, or it was cancelled or moved meanwhile
        await enqueueMail(tx, {
          template: "booking-reminder",
          recipient: booking.email!,
          officeId: office.id,
          bookingId: booking.id,
          payload: bookingMailPayload({
            office,
            service: withTexts(booking.service),
            booking: withBookingServiceTexts(booking),
            manageUrl: manageUrl(token, booking.locale),
          }),
        });
        return true;
      });
      if (written) enqueued++;
    }
  }
  return { enqueued };
}
