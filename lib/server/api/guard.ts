import "server-only";
import { guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { ApiError } from "./errors";
import { apiNow } from "./runtime";

/**
 * What every public POST that creates something must pass before anything is written: the rate limits for the
 * client and the e-mail address, then a freshly solved proof of work (the `X-Altcha` header, else the body field).
 */
export async function guardCreation(
  db: Parameters<typeof guardBooking>[0],
  request: Request,
  email: string | undefined,
  challengeField: unknown,
): Promise<void> {
  const guard = await guardBooking(db, {
    ipHash: hashClientAddress(clientAddressOf(request.headers)),
    email,
    challenge: request.headers.get("x-altcha") ?? challengeField,
    now: apiNow(),
  });
  if (!guard.ok && guard.code === "RATE_LIMITED") throw new ApiError("RATE_LIMITED", undefined, guard.retryAfterSeconds);
  if (!guard.ok) throw new ApiError(guard.code);
}
