import "server-only";
import { createHash, createHmac } from "node:crypto";
import { type Challenge, createChallenge, randomInt, type Solution, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { consumeBookingAttempt, recentAttemptsFrom } from "./rate-limit";

// Proof of work before a booking (ALTCHA, self-hosted: no third party, no cookies). The browser solves a signed
// challenge in a worker; the server checks the signature and the solution with one key derivation, and stores a hash
// of the challenge's signature so that one solution books once, whichever instance receives it.

const ALGORITHM = "PBKDF2/SHA-256";
/** PBKDF2 iterations per attempt; the number of attempts (the counter) sets the work. */
const ITERATIONS = 1000;
/** Base counter: about 1.5 million iterations on average, roughly a second on a mid-range phone. */
const BASE_COUNTER = 1000;
/** Each this many recent attempts from one client doubles the work, up to MAX_FACTOR. */
const ATTEMPTS_PER_DOUBLING = 3;
const MAX_FACTOR = 32;
const LIFETIME_MS = 30 * 60 * 1000;

export const ANTIBOT_FIELD = "altcha";

interface AntibotSettings {
  enabled: boolean;
  baseCounter: number;
}

let override: Partial<AntibotSettings> | undefined;

/** For tests: switch the checks or make challenges cheaper until the returned function is called. */
export function overrideAntibot(settings: Partial<AntibotSettings>): () => void {
  const previous = override;
  override = { ...override, ...settings };
  return () => {
    override = previous;
  };
}

/** Whether challenges and rate limits are enforced (ANTIBOT=off turns both off, refused in production). */
export function antibotEnabled(): boolean {
  return override?.enabled ?? env().ANTIBOT === "on";
}

function secret(purpose: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`altcha:${purpose}`).digest("hex");
}

/** The counter range for a client: doubles with every few recent booking attempts from the same hashed address. */
export function counterFor(recentAttempts: number): number {
  const base = override?.baseCounter ?? BASE_COUNTER;
  const factor = Math.min(MAX_FACTOR, 2 ** Math.floor(recentAttempts / ATTEMPTS_PER_DOUBLING));
  return base * factor;
}

/** A fresh signed challenge, harder for a client that booked repeatedly. */
export async function createBookingChallenge(db: Db, ipHash: string, now = new Date()): Promise<Challenge> {
  const max = counterFor(await recentAttemptsFrom(db, ipHash));
  return createChallenge({
    algorithm: ALGORITHM,
    cost: ITERATIONS,
    counter: randomInt(Math.ceil(max / 2), max),
    deriveKey,
    expiresAt: new Date(now.getTime() + LIFETIME_MS),
    hmacSignatureSecret: secret("signature"),
    hmacKeySignatureSecret: secret("key-signature"),
  });
}

/** The widget's payload: base64 of JSON { challenge, solution }. */
function decodePayload(raw: unknown): { challenge: Challenge; solution: Solution } | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 4000) return null;
  try {
    const data = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    const challenge = data?.challenge;
    const solution = data?.solution;
    if (typeof challenge?.signature !== "string" || typeof challenge?.parameters !== "object") return null;
    if (challenge.parameters.algorithm !== ALGORITHM || typeof challenge.parameters.expiresAt !== "number") return null;
    if (!Number.isInteger(solution?.counter) || typeof solution?.derivedKey !== "string") return null;
    return { challenge, solution };
  } catch {
    return null;
  }
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

export type ChallengeProblem = "missing" | "invalid" | "expired" | "replayed";

/** Checks a solved challenge and marks it used; returns the problem, or null when it may book. */
export async function verifyAndSpendChallenge(db: Db, raw: unknown, now = new Date()): Promise<ChallengeProblem | null> {
  if (raw === undefined || raw === null || raw === "") return "missing";
  const payload = decodePayload(raw);
  if (!payload) return "invalid";
  let result;
  try {
    result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: secret("signature"),
      hmacKeySignatureSecret: secret("key-signature"),
    });
  } catch {
    return "invalid";
  }
  if (result.expired) return "expired";
  if (!result.verified) return "invalid";
  const expiresAt = new Date(payload.challenge.parameters.expiresAt! * 1000);
  if (expiresAt <= now) return "expired";
  const signatureHash = createHash("sha256").update(payload.challenge.signature!).digest("hex");
  try {
    await db.usedChallenge.create({ data: { signatureHash, expiresAt } });
  } catch (e) {
    if (isUniqueViolation(e)) return "replayed";
    throw e;
  }
  // Expired rows can go: their challenges are refused by their expiry anyway.
  await db.usedChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return null;
}

/** Logs refused attempts by event and hashed client address only (no clear IP, no e-mail address). */
export function logAbuse(event: string, ipHash: string, detail?: string): void {
  console.warn("antibot: refused", { event, client: ipHash, ...(detail ? { detail } : {}) });
}

export type BookingGuardResult =
  | { ok: true }
  | { ok: false; code: "ANTIBOT_FAILED" }
  | { ok: false; code: "RATE_LIMITED"; retryAfterSeconds: number };

/**
 * Everything that must pass before a booking is written: the rate limits for the client and the e-mail address
 * (counted on every attempt, so failed ones count too), then the proof of work.
 */
export async function guardBooking(
  db: Db,
  input: { ipHash: string; email?: string; challenge: unknown; now?: Date },
): Promise<BookingGuardResult> {
  if (!antibotEnabled()) return { ok: true };
  const limit = await consumeBookingAttempt(db, { ipHash: input.ipHash, email: input.email, now: input.now });
  if (!limit.ok) {
    logAbuse("rate-limited", input.ipHash, limit.scope);
    return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const problem = await verifyAndSpendChallenge(db, input.challenge, input.now);
  if (problem) {
    logAbuse("challenge", input.ipHash, problem);
    return { ok: false, code: "ANTIBOT_FAILED" };
  }
  return { ok: true };
}
