import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { bookingPath, offerAccepted } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { acceptOffer } from "@/lib/server/services/waitlist/accept-offer";
import { getWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/**
 * Accepts the appointment held for the wish, as the wish's manage page does: it is booked with the usual
 * confirmation e-mail, and its new manage token is answered once, here and in that e-mail.
 */
export const POST = apiRoute<Params>("wishes.offer.accept", async (_request, { params }) => {
  const token = tokenParam(params.token, "WISH_NOT_FOUND");
  const db = apiDb();
  // A wrong wish token reads as one, not as a wish without an offer.
  const wish = await getWishByToken(db, token);
  const accepted = await acceptOffer(db, { wishToken: token, now: apiNow() });
  apiMailWritten();
  const answer = offerAccepted(accepted, wish.locale);
  return jsonResponse(answer, { headers: answer.manageToken ? { Location: bookingPath(answer.manageToken) } : undefined });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
