import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { bookingResource } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { declineOffer } from "@/lib/server/services/waitlist/decline-offer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/** Declines an offer by the held booking's own token: the held booking is cancelled and the time passed on. */
export const POST = apiRoute<Params>("bookings.offer.decline", async (_request, { params, locale }) => {
  const token = tokenParam(params.token);
  const db = apiDb();
  await declineOffer(db, { bookingToken: token, now: apiNow() });
  // Passing the time on may have written an offer e-mail to the next wish.
  apiMailWritten();
  return jsonResponse(bookingResource(await getBookingByToken(db, token), token, false, locale));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
