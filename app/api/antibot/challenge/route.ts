import { jsonResponse } from "@/lib/server/api/errors";
import { apiRoute } from "@/lib/server/api/handler";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { createBookingChallenge } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A fresh proof-of-work challenge for one booking; never cached, since each may be used once. */
export const GET = apiRoute("antibot.challenge", async (request) => {
  const now = apiNow();
  const challenge = await createBookingChallenge(apiDb(), hashClientAddress(clientAddressOf(request.headers)), now);
  return jsonResponse(challenge, { cacheControl: "no-store" });
});
