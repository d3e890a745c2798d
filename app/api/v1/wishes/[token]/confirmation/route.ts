import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { wishResource } from "@/lib/server/api/resources";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { confirmWishByToken } from "@/lib/server/services/waitlist/confirm-wish";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/**
 * Confirms the wish, as the button of the e-mail link's page does (never a GET: mail scanners prefetch links).
 * Confirming again changes nothing; the first confirmation's time stays its place in the order.
 */
export const POST = apiRoute<Params>("wishes.confirm", async (_request, { params, locale }) => {
  const token = tokenParam(params.token, "WISH_NOT_FOUND");
  return jsonResponse(wishResource(await confirmWishByToken(apiDb(), { token, now: apiNow() }), token, locale));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
