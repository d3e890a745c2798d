import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/server/db";
import { emailCountingKey } from "@/lib/domain/email-identity";
import { env } from "@/lib/server/env";

// Rate limits on booking, per client address and per e-mail address. The counters live in the project's database
// (rate-limiter-flexible's Prisma store on the RateLimit table), so every app instance counts against the same
// numbers. Client and e-mail addresses are never stored or logged in clear: only an HMAC with a key that changes
// every day. An e-mail address counts as the mailbox it reaches, so "same+1@..." is no new person.

// Who the client is, decided in one place (see client-address.ts); re-exported for the callers that count here.
export { clientAddressOf } from "./client-address";

export interface BookingLimits {
  /** Booking attempts per hashed client address per window. Generous: offices, shelters and libraries share one. */
  perIp: number;
  /** Booking attempts per e-mail address per window. */
  perEmail: number;
  windowSeconds: number;
}

export const DEFAULT_LIMITS: BookingLimits = { perIp: 30, perEmail: 5, windowSeconds: 3600 };

let limitsOverride: Partial<BookingLimits> | undefined;

/** For tests: other limits until the returned function is called. */
export function overrideBookingLimits(limits: Partial<BookingLimits>): () => void {
  const previous = limitsOverride;
  limitsOverride = { ...limitsOverride, ...limits };
  return () => {
    limitsOverride = previous;
  };
}

function currentLimits(): BookingLimits {
  return { ...DEFAULT_LIMITS, ...limitsOverride };
}

/** The UTC day, so the key rotates daily and yesterday's hashes cannot be linked to today's. */
function dailyKey(now: Date): Buffer {
  const day = now.toISOString().slice(0, 10);
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`client-address:${day}`).digest();
}

/** A pseudonym for a client address: stable for one day, useless without the server secret. */
export function hashClientAddress(address: string, now = new Date()): string {
  return createHmac("sha256", dailyKey(now)).update(address.trim().toLowerCase()).digest("hex").slice(0, 32);
}

/** A pseudonym for the mailbox an e-mail address reaches (all its spellings alike), like a client address's. */
export function hashEmailForCounting(email: string, now = new Date()): string {
  return createHmac("sha256", dailyKey(now)).update(`email:${emailCountingKey(email)}`).digest("hex").slice(0, 32);
}

interface Limiters {
  signature: string;
  ip: RateLimiterPrisma;
  email: RateLimiterPrisma;
}

const limitersByDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  const limits = currentLimits();
  const signature = JSON.stringify(limits);
  const existing = limitersByDb.get(db);
  if (existing?.signature === signature) return existing;
  const common = { storeClient: db, tableName: "rateLimit", duration: limits.windowSeconds };
  const created: Limiters = {
    signature,
    ip: new RateLimiterPrisma({ ...common, keyPrefix: "booking-ip", points: limits.perIp }),
    email: new RateLimiterPrisma({ ...common, keyPrefix: "booking-email", points: limits.perEmail }),
  };
  limitersByDb.set(db, created);
  return created;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; scope: "ip" | "email" };

function retryAfter(e: unknown): number | undefined {
  if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  return undefined;
}

/** Counts one booking attempt for the client and the e-mail address; refuses once either is over its limit. */
export async function consumeBookingAttempt(
  db: Db,
  input: { ipHash: string; email?: string; now?: Date },
): Promise<LimitResult> {
  const limiters = limitersFor(db);
  const attempts: Array<[RateLimiterPrisma, string, "ip" | "email"]> = [[limiters.ip, input.ipHash, "ip"]];
  if (input.email?.trim()) attempts.push([limiters.email, hashEmailForCounting(input.email, input.now), "email"]);
  let refused: LimitResult = { ok: true };
  for (const [limiter, key, scope] of attempts) {
    try {
      await limiter.consume(key);
    } catch (e) {
      const seconds = retryAfter(e);
      if (seconds === undefined) throw e;
      if (refused.ok || seconds > refused.retryAfterSeconds) refused = { ok: false, retryAfterSeconds: seconds, scope };
    }
  }
  return refused;
}

/** Booking attempts counted for this client in the current window (0 when none): raises the proof-of-work cost. */
export async function recentAttemptsFrom(db: Db, ipHash: string): Promise<number> {
  const res = await limitersFor(db).ip.get(ipHash);
  return res?.consumedPoints ?? 0;
}
