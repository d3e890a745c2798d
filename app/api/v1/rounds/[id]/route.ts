import { ApiError, jsonResponse } from "@/lib/server/api/errors";
import { apiRoute, otherMethods } from "@/lib/server/api/handler";
import { roundResource } from "@/lib/server/api/resources";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { getPublicRound } from "@/lib/server/services/rounds/round-info";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A release round as published: the seed hash from the announcement on; the seed and the draw record once drawn. */
export const GET = apiRoute<{ id: string }>("rounds.view", async (_request, { params }) => {
  // getPublicRound answers null for a malformed id without a query, and for a round of an inactive office.
  const round = await getPublicRound(apiDb(), params.id ?? "", apiNow());
  if (!round) throw new ApiError("ROUND_NOT_FOUND");
  return jsonResponse(roundResource(round));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
