import { readJsonObject } from "@/lib/server/api/body";
import { parseBookingRequest } from "@/lib/server/api/booking-request";
import { ApiError, jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { bookingCreated, bookingPath } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { ANTIBOT_FIELD, guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
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
  const created = bookingCreated(booking, input.locale);
  const headers = created.status === "CONFIRMED" ? { Location: bookingPath(created.manageToken) } : undefined;
  return jsonResponse(created, { status: 201, headers });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
