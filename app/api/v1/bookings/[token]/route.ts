import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { bookingResource } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { isChangeable } from "@/lib/domain/booking-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/** The appointment behind a manage token; a wrong token and an erased booking both answer 404. */
export const GET = apiRoute<Params>("bookings.view", async (_request, { params, locale }) => {
  const token = tokenParam(params.token);
  const booking = await getBookingByToken(apiDb(), token);
  return jsonResponse(bookingResource(booking, token, isChangeable(booking, apiNow()), locale));
});

/** Cancels the appointment; the citizen gets the same cancellation e-mail as from the manage page. */
export const DELETE = apiRoute<Params>("bookings.cancel", async (_request, { params, locale }) => {
  const token = tokenParam(params.token);
  const cancelled = await cancelBookingByToken(apiDb(), { token, now: apiNow() });
  apiMailWritten();
  return jsonResponse(bookingResource(cancelled, token, false, locale));
});

export const { POST, PUT, PATCH, OPTIONS } = otherMethods("GET", "DELETE");
