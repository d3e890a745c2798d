import type { Tx } from "@/lib/server/db/client";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl } from "./booking-urls";

type MailArgs = Parameters<typeof bookingMailPayload>[0];

/** The confirmation e-mail with its calendar file, for a held booking just confirmed (a verified hold, an accepted offer). */
export async function enqueueConfirmation(
  tx: Tx,
  booking: MailArgs["booking"] & {
    id: string;
    officeId: string;
    email: string | null;
    office: MailArgs["office"];
    service: MailArgs["service"];
  },
  manageToken: string,
): Promise<void> {
  if (!booking.email) return;
  await enqueueMail(tx, {
    template: "booking-confirmation",
    recipient: booking.email,
    officeId: booking.officeId,
    bookingId: booking.id,
    payload: bookingMailPayload({ office: booking.office, service: booking.service, booking, manageUrl: manageUrl(manageToken, booking.locale) }),
  });
}
