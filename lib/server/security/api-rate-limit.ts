import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/server/db";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";

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

const limitersByDb = new WeakMap<Db, { signature: string; limiter: RateLimiterPrisma }>();

function limiterFor(db: Db): RateLimiterPrisma {
  const limit = { ...DEFAULT_API_LIMIT, ...limitOverride };
  const signature = JSON.stringify(limit);
  const existing = limitersByDb.get(db);
  if (existing?.signature === signature) return existing.limiter;
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimit",
    keyPrefix: "api-slots",
    points: limit.points,
    duration: limit.windowSeconds,
  });
  limitersByDb.set(db, { signature, limiter });
  return limiter;
}

export type ApiLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one request from the client that sent these headers; refuses once it is over the limit. */
export async function consumeApiRequest(db: Db, headers: Headers): Promise<ApiLimitResult> {
  try {
    await limiterFor(db).consume(hashClientAddress(clientAddressOf(headers)));
    return { ok: true };
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
  }
}
