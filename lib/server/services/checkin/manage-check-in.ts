import "server-only";
import { checkInWindow, isCheckInOpen } from "@/lib/domain/check-in";
import { localDateOf } from "@/lib/domain";
import type { TranslatableService } from "@/lib/domain/service-texts";
import type { Db } from "@/lib/server/db/client";
import { qrSvgDataUrl } from "@/lib/server/qr";
import { checkInToken, isPosterVisit } from "@/lib/server/security/check-in-tokens";
import { ticketWaitMinutes } from "@/lib/server/services/queue/wait-times";
import type { TicketView } from "@/lib/schemas/checkin";
import { type KioskTicket, ticketView } from "./kiosk";

interface ManagedBooking {
  id: string;
  status: string;
  startsAt: Date;
  kind: string;
  locale: string;
  officeId: string;
  office: { timeZone: string; checkInEarlyMinutes: number; checkInLateMinutes: number; waitingArea: string | null };
  service: TranslatableService;
}

/** What the manage page shows about checking in: the QR code before, the waiting number after. */
export interface ManageCheckIn {
  /** The check-in QR code (SVG data: URL) while the appointment can still be checked in. */
  qrDataUrl: string | null;
  opensAt: Date;
  closesAt: Date;
  /** "Jetzt einchecken" is offered: the window is open and this phone came through the office's door poster. */
  phoneCheckIn: boolean;
  /** The waiting ticket once checked in (today's only). */
  ticket: (KioskTicket & Pick<TicketView, "waitMinutes">) | null;
}

export async function manageCheckIn(db: Db, booking: ManagedBooking, posterVisit: string | undefined, locale: string, now: Date): Promise<ManageCheckIn> {
  const { office } = booking;
  const { opensAt, closesAt } = checkInWindow(booking.startsAt, office);
  const date = localDateOf(booking.startsAt, office.timeZone);
  // A phone or video appointment has no check-in at the office.
  const stillAhead = booking.status === "CONFIRMED" && booking.kind === "IN_PERSON" && now <= closesAt;
  const ticket =
    booking.status === "ARRIVED" ? await db.ticket.findUnique({ where: { bookingId: booking.id } }) : null;
  return {
    qrDataUrl: stillAhead ? await qrSvgDataUrl(checkInToken(booking.id, date)) : null,
    opensAt,
    closesAt,
    phoneCheckIn: isCheckInOpen(booking, now, office) && isPosterVisit(booking.officeId, posterVisit, now),
    ticket:
      ticket && ticket.date === localDateOf(now, office.timeZone)
        ? { ...ticketView(ticket, booking.service, office, locale), waitMinutes: await ticketWaitMinutes(db, ticket.id, now) }
        : null,
  };
}
