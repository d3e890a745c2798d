import { readJsonObject } from "@/lib/server/api/body";
import { ApiError, jsonResponse } from "@/lib/server/api/errors";
import { guardCreation } from "@/lib/server/api/guard";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import type { WishCreated } from "@/lib/server/api/schemas";
import { apiDb, apiMailWritten, apiNow } from "@/lib/server/api/runtime";
import { parseWishRequest } from "@/lib/server/api/wish-request";
import { ANTIBOT_FIELD } from "@/lib/server/security/antibot";
import { getPublicRound } from "@/lib/server/services/rounds/round-info";
import { submitRoundRequest } from "@/lib/server/services/rounds/submit-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A request in a release round's open window, through the same service as the round's request form: a wish of the
 * round, unconfirmed until the e-mail's link is confirmed, which it must be before the close to count in the draw.
 */
export const POST = apiRoute<{ id: string }>("rounds.request", async (request, { params, locale }) => {
  const db = apiDb();
  const now = apiNow();
  const round = await getPublicRound(db, params.id ?? "", now);
  if (!round) throw new ApiError("ROUND_NOT_FOUND");
  const { [ANTIBOT_FIELD]: challengeField, ...body } = await readJsonObject(request);
  const input = await parseWishRequest(db, body, now, locale);
  await guardCreation(db, request, input.person.email, challengeField);
  const created = await submitRoundRequest(db, { ...input, roundId: round.id });
  apiMailWritten();
  const answer: WishCreated = { referenceCode: created.referenceCode, status: "UNCONFIRMED" };
  return jsonResponse(answer, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
