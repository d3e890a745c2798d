import { readJsonObject } from "@/lib/server/api/body";
import { parseBookingRequest } from "@/lib/server/api/booking-request";
import { jsonResponse } from "@/lib/server/api/errors";
import { guardCreation } from "@/lib/server/api/guard";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { bookingCreated, bookingPath } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { ANTIBOT_FIELD } from "@/lib/server/security/antibot";
import { createBooking } from "@/lib/server/services/create-booking";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Books an appointment through the same service as the wizard; the manage token is shown only here. */
export const POST = apiRoute("bookings.create", async (request, { locale }) => {
  const { [ANTIBOT_FIELD]: challengeField, ...body } = await readJsonObject(request);
  const db = apiDb();
  const input = await parseBookingRequest(db, body, apiNow(), locale);
  await guardCreation(db, request, input.person.email, challengeField);
  const booking = await createBooking(db, { ...input, channel: "API" });
  apiMailWritten();
  const created = bookingCreated(booking, input.locale);
  const headers = created.status === "CONFIRMED" ? { Location: bookingPath(created.manageToken) } : undefined;
  return jsonResponse(created, { status: 201, headers });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
