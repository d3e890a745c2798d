import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { bookingPath, offerAccepted } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { acceptOffer } from "@/lib/server/services/waitlist/accept-offer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/** Accepts an offer by the held booking's own token (the offer e-mail's link), as the booking's manage page does. */
export const POST = apiRoute<Params>("bookings.offer.accept", async (_request, { params }) => {
  const token = tokenParam(params.token);
  const db = apiDb();
  const booking = await getBookingByToken(db, token);
  const accepted = await acceptOffer(db, { bookingToken: token, now: apiNow() });
  apiMailWritten();
  return jsonResponse(offerAccepted(accepted, booking.locale), { headers: { Location: bookingPath(token) } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
