import "server-only";
import type { Db } from "@/lib/server/db";
import { clientAddressOf } from "@/lib/server/security/client-address";
import { consumePoint, hashClientAddress, tableLimiter } from "@/lib/server/security/rate-limit";

// Requests to the public slot API per client address. A search over a long booking horizon reads the database in
// earnest, so one client must not be able to keep the server busy for everyone else. Like the booking limits, the
// counters live in the RateLimit table (shared by every app instance) under the hashed address.

export interface ApiLimit {
  /** Requests per hashed client address per window. */
  points: number;
  windowSeconds: number;
}

/** As Munich's appointment system (ZMS) allows its clients: 60 requests per minute. */
export const DEFAULT_API_LIMIT: ApiLimit = { points: 60, windowSeconds: 60 };

let limitOverride: Partial<ApiLimit> | undefined;

/** For tests: another limit until the returned function is called. */
export function overrideApiLimit(limit: Partial<ApiLimit>): () => void {
  const previous = limitOverride;
  limitOverride = { ...limitOverride, ...limit };
  return () => {
    limitOverride = previous;
  };
}

export type ApiLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one request from the client that sent these headers; refuses once it is over the limit. */
export async function consumeApiRequest(db: Db, headers: Headers): Promise<ApiLimitResult> {
  const { points, windowSeconds } = { ...DEFAULT_API_LIMIT, ...limitOverride };
  const limiter = tableLimiter(db, "api-slots", points, windowSeconds);
  const wait = await consumePoint(limiter, hashClientAddress(clientAddressOf(headers)));
  return wait === null ? { ok: true } : { ok: false, retryAfterSeconds: wait };
}
