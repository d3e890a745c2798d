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

const limitersByDb = new WeakMap<Db, Map<string, RateLimiterPrisma>>();

/**
 * The limiter for one kind of counter on the RateLimit table, made once per database and limit. None runs the
 * library's own clean-up timer: a timer per limiter outlives its database (tests, a closed client) and sweeps the
 * same table again and again. The jobs clear expired counters instead (`clearExpiredCounters`).
 */
export function tableLimiter(db: Db, keyPrefix: string, points: number, windowSeconds: number): RateLimiterPrisma {
  let limiters = limitersByDb.get(db);
  if (!limiters) limitersByDb.set(db, (limiters = new Map()));
  const id = `${keyPrefix}/${points}/${windowSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix,
      points,
      duration: windowSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/** How long an ended counter is kept: the library's own clean-up rule (an hour after its window ended). */
const COUNTER_GRACE_MS = 3_600_000;

/** Deletes the counters of every limiter whose window ended more than an hour before `now`; returns how many. */
export async function clearExpiredCounters(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expire: { lt: new Date(now.getTime() - COUNTER_GRACE_MS) } } });
  return count;
}

/** Counts one point for `key`: null when allowed, else the seconds until the next point is free. */
export async function consumePoint(limiter: RateLimiterPrisma, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  }
}

function bookingIpLimiter(db: Db): RateLimiterPrisma {
  const limits = currentLimits();
  return tableLimiter(db, "booking-ip", limits.perIp, limits.windowSeconds);
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; scope: "ip" | "email" };

/** Counts one booking attempt for the client and the e-mail address; refuses once either is over its limit. */
export async function consumeBookingAttempt(
  db: Db,
  input: { ipHash: string; email?: string; now?: Date },
): Promise<LimitResult> {
  const limits = currentLimits();
  const attempts: Array<[RateLimiterPrisma, string, "ip" | "email"]> = [[bookingIpLimiter(db), input.ipHash, "ip"]];
  if (input.email?.trim()) {
    const emailLimiter = tableLimiter(db, "booking-email", limits.perEmail, limits.windowSeconds);
    attempts.push([emailLimiter, hashEmailForCounting(input.email, input.now), "email"]);
  }
  let refused: LimitResult = { ok: true };
  for (const [limiter, key, scope] of attempts) {
    const seconds = await consumePoint(limiter, key);
    if (seconds !== null && (refused.ok || seconds > refused.retryAfterSeconds)) {
      refused = { ok: false, retryAfterSeconds: seconds, scope };
    }
  }
  return refused;
}

/** Booking attempts counted for this client in the current window (0 when none): raises the proof-of-work cost. */
export async function recentAttemptsFrom(db: Db, ipHash: string): Promise<number> {
  const res = await bookingIpLimiter(db).get(ipHash);
  return res?.consumedPoints ?? 0;
}
