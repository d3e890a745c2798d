import { readJsonObject } from "@/lib/server/api/body";
import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { tokenParam } from "@/lib/server/api/params";
import { wishResource } from "@/lib/server/api/resources";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { parseWishPreferences } from "@/lib/server/api/wish-request";
import { getWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";
import { updateWishByToken } from "@/lib/server/services/waitlist/update-wish";
import { withdrawWishByToken } from "@/lib/server/services/waitlist/withdraw-wish";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { token: string };

/** The wish behind a manage token (reading never confirms it); a wrong token and an erased wish both answer 404. */
export const GET = apiRoute<Params>("wishes.view", async (_request, { params, locale }) => {
  const token = tokenParam(params.token, "WISH_NOT_FOUND");
  return jsonResponse(wishResource(await getWishByToken(apiDb(), token), token, locale));
});

/** New preferences, checked like the wish form; the wish keeps its place in the order. */
export const PATCH = apiRoute<Params>("wishes.update", async (request, { params, locale }) => {
  const token = tokenParam(params.token, "WISH_NOT_FOUND");
  const body = await readJsonObject(request);
  const db = apiDb();
  const now = apiNow();
  const wish = await getWishByToken(db, token);
  const preferences = parseWishPreferences(body, wish.office, now);
  return jsonResponse(wishResource(await updateWishByToken(db, { token, preferences, now }), token, locale));
});

/** Withdraws the wish from the waiting list (harmless twice). */
export const DELETE = apiRoute<Params>("wishes.withdraw", async (_request, { params, locale }) => {
  const token = tokenParam(params.token, "WISH_NOT_FOUND");
  const db = apiDb();
  await withdrawWishByToken(db, { token, now: apiNow() });
  // Withdrawing declines an open offer, which passes the time on and may have written an offer e-mail to the next wish.
  apiMailWritten();
  return jsonResponse(wishResource(await getWishByToken(db, token), token, locale));
});

export const { POST, PUT, OPTIONS } = otherMethods("GET", "PATCH", "DELETE");
