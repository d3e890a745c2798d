import { readJsonObject } from "@/lib/server/api/body";
import { parseBookingRequest } from "@/lib/server/api/booking-request";
import { ApiError, jsonResponse } from "@/lib/server/api/errors";
import { apiRoute } from "@/lib/server/api/handler";
import { bookingCalendarUrl } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { ANTIBOT_FIELD, guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { manageUrl } from "@/lib/server/services/booking-urls";
import { createBooking } from "@/lib/server/services/create-booking";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Books an appointment through the same service as the wizard; the manage token is shown only here. */
export const POST = apiRoute("bookings.create", async (request, { locale }) => {
  const { [ANTIBOT_FIELD]: challengeField, ...body } = await readJsonObject(request);
  const db = apiDb();
  const input = await parseBookingRequest(db, body, apiNow(), locale);
  // Rate limits and the proof of work before anything is written.
  const guard = await guardBooking(db, {
    ipHash: hashClientAddress(clientAddressOf(request.headers)),
    email: input.person.email,
    challenge: request.headers.get("x-altcha") ?? challengeField,
    now: apiNow(),
  });
  if (!guard.ok && guard.code === "RATE_LIMITED") throw new ApiError("RATE_LIMITED", undefined, guard.retryAfterSeconds);
  if (!guard.ok) throw new ApiError(guard.code);
  const booking = await createBooking(db, { ...input, channel: "API" });
  apiMailWritten();
  const common = {
    referenceCode: booking.referenceCode,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
  };
  if (booking.status === "HELD") {
    // E-mail verification: the manage link goes only to the address, where the citizen confirms; answering it here
    // would let a client confirm for an address it does not own.
    return jsonResponse({ ...common, holdExpiresAt: booking.holdExpiresAt?.toISOString() }, { status: 201 });
  }
  return jsonResponse(
    {
      ...common,
      manageToken: booking.manageToken,
      manageUrl: manageUrl(booking.manageToken, input.locale),
      calendarUrl: bookingCalendarUrl(booking.manageToken),
    },
    { status: 201, headers: { Location: `/api/v1/bookings/${booking.manageToken}` } },
  );
});
