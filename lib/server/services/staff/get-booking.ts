import type { Actor } from "@/lib/server/auth/permissions";
import { canOnOffice } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { loadBookingFor } from "./common";
import { allowedStatusActions, isChangeable } from "@/lib/domain/booking-status";

/** One appointment with everything the clerk needs at the counter, and what the clerk may do with it now. */
export async function getBookingForStaff(db: Db, actor: Actor, bookingId: string, now: Date) {
  const booking = await loadBookingFor(db, actor, bookingId);
  return {
    booking,
    actions: allowedStatusActions(booking, now, booking.office),
    changeable: isChangeable(booking, now) && booking.office.active && booking.service.active,
    canReadAudit: canOnOffice(actor, "audit:read", booking.officeId),
  };
}

export type StaffBookingDetail = Awaited<ReturnType<typeof getBookingForStaff>>;
