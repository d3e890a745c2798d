import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { renderMail } from "@/lib/server/mail/render";
import { bookingMailPayload } from "@/lib/server/services/booking-mail";
import { manageUrl } from "@/lib/server/services/booking-urls";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The appointment as an .ics download for the confirmation and manage pages. It is the very calendar entry the
 * e-mails attach (same UID and texts), so importing both never yields two entries; a cancelled booking gives the
 * entry that removes it.
 */
export const GET = apiRoute<{ token: string }>("bookings.calendar", async (_request, { params }) => {
  const token = tokenParam(params.token);
  const booking = await getBookingByToken(apiDb(), token);
  const cancelled = booking.status === "CANCELLED";
  const payload = bookingMailPayload({
    office: booking.office,
    service: booking.service,
    booking,
    manageUrl: manageUrl(token, booking.locale),
  });
  const mail = await renderMail(cancelled ? "booking-cancelled" : "booking-confirmation", payload, {
    now: apiNow(),
    issuedAt: booking.cancelledAt ?? undefined,
  });
  const entry = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!entry) throw new Error("the booking e-mail has no calendar entry");
  return new Response(entry.content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="termin.ics"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
