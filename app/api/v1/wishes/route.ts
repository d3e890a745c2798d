import { readJsonObject } from "@/lib/server/api/body";
import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { guardCreation } from "@/lib/server/api/guard";
import type { WishCreated } from "@/lib/server/api/schemas";
import { parseWishRequest } from "@/lib/server/api/wish-request";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { ANTIBOT_FIELD } from "@/lib/server/security/antibot";
import { createWish } from "@/lib/server/services/waitlist/create-wish";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Puts a wish on an office's waiting list through the same service as the wish form: unconfirmed, with the
 * confirmation e-mail carrying the manage link. The token goes only to the e-mail address.
 */
export const POST = apiRoute("wishes.create", async (request, { locale }) => {
  const { [ANTIBOT_FIELD]: challengeField, ...body } = await readJsonObject(request);
  const db = apiDb();
  const input = await parseWishRequest(db, body, apiNow(), locale);
  await guardCreation(db, request, input.person.email, challengeField);
  const created = await createWish({ ...input, db, source: "WAITLIST" });
  apiMailWritten();
  const answer: WishCreated = { referenceCode: created.referenceCode, status: "UNCONFIRMED" };
  return jsonResponse(answer, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
