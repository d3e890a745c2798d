import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { wishResource } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { declineOffer } from "@/lib/server/services/waitlist/decline-offer";
import { getWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/**
 * Declines the appointment held for the wish: the wish stays on the waiting list (never offered that time again)
 * and the time goes to the next matching wish at once. Afterwards the wish has no offer to decline (404).
 */
export const POST = apiRoute<Params>("wishes.offer.decline", async (_request, { params, locale }) => {
  const token = tokenParam(params.token, "WISH_NOT_FOUND");
  const db = apiDb();
  await getWishByToken(db, token);
  await declineOffer(db, { wishToken: token, now: apiNow() });
  // Passing the time on may have written an offer e-mail to the next wish.
  apiMailWritten();
  return jsonResponse(wishResource(await getWishByToken(db, token), token, locale));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
