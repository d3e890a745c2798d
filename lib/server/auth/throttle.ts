import { createHmac } from "node:crypto";
import type { Db } from "@/lib/server/db/client";

// Throttling of failed attempts, stored in the database so all app instances share it. Client addresses are kept
// only as keyed hashes.
//
// Staff sign-in counts failures three ways, so that nobody can lock someone else out:
// - per account and client address: 5 failures lock that pair for 15 minutes (the guesser is stopped);
// - per client address: 10 failures on any accounts lock the address (a sprayer trying many accounts is stopped);
// - per account: from the 5th failure on, from anywhere, the account is slowed with a delay that doubles with each
//   failure up to 5 minutes. The delay only refuses addresses that have failed on this account themselves, so the
//   real person signing in from an address of their own is never kept out, while a guesser using many addresses
//   gets one try per address and then waits like everyone else.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** Failures on any accounts from one address before the address is locked. */
export const ADDRESS_MAX_FAILURES = 10;
/** Failures on one account, from anywhere, before each further failure delays the next try. */
export const ACCOUNT_FREE_FAILURES = 5;
/** Account failures are remembered this long (or until the next successful sign-in). */
export const ACCOUNT_WINDOW_MS = 24 * 3600_000;
export const ACCOUNT_MAX_DELAY_MS = 5 * 60_000;

function keyedHash(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value).digest("hex").slice(0, 32);
}

/** The time until which any of the keys is locked, or null. For counters with a hard lock (e.g. invitations). */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  if (rows.length === 0) return null;
  return new Date(Math.max(...rows.map((r) => r.lockedUntil!.getTime())));
}

/** One failure to count on `key`: its window, and the lock (ms) the new count earns, or null. */
interface FailureCounter {
  key: string;
  windowMs: number;
  lockFor: (failures: number) => number | null;
}

const lockAfter = (limit: number) => (failures: number) => (failures >= limit ? LOCK_MS : null);

/** Counts one failure per key in a window of WINDOW_MS; MAX_FAILURES failures lock the key for LOCK_MS. */
export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  await countFailures(db, keys.map((key) => ({ key, windowMs: WINDOW_MS, lockFor: lockAfter(MAX_FAILURES) })), now);
}

/** Counts the failures in one transaction: one read of all their rows, then one write each. */
async function countFailures(db: Db, counters: FailureCounter[], now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.loginThrottle.findMany({ where: { key: { in: counters.map((c) => c.key) } } });
    for (const { key, windowMs, lockFor } of counters) {
      const row = rows.find((r) => r.key === key);
      const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockMs = lockFor(failures);
      const lock = lockMs === null ? null : new Date(now.getTime() + lockMs);
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil: lock },
        update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock },
      });
    }
  });
}

export interface SignInKeys {
  account: string;
  /** The account together with the client address. */
  pair: string;
  address: string;
}

export function signInKeys(email: string, clientAddress: string, secret: string): SignInKeys {
  const account = email.trim().toLowerCase();
  return {
    account: `account:${account}`,
    pair: `pair:${keyedHash(secret, `${account}\n${clientAddress}`)}`,
    address: `ip:${keyedHash(secret, clientAddress)}`,
  };
}

/** The account's delay after `failures` failures: none for the first few, then 1 s doubling up to the maximum. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_MS, 1000 * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

/** Seconds this client must wait before trying this account again, or null when it may try now. */
export async function signInWait(db: Db, keys: SignInKeys, now: Date): Promise<number | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: [keys.account, keys.pair, keys.address] } } });
  const row = (key: string) => rows.find((r) => r.key === key);
  const pair = row(keys.pair);
  const pairFailedRecently = pair !== undefined && now.getTime() - pair.windowStart.getTime() <= ACCOUNT_WINDOW_MS;
  const until = [row(keys.pair), row(keys.address), pairFailedRecently ? row(keys.account) : undefined]
    .map((r) => r?.lockedUntil?.getTime() ?? 0)
    .reduce((a, b) => Math.max(a, b), 0);
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : null;
}

export async function recordSignInFailure(db: Db, keys: SignInKeys, now: Date): Promise<void> {
  await countFailures(
    db,
    [
      { key: keys.pair, windowMs: WINDOW_MS, lockFor: lockAfter(MAX_FAILURES) },
      { key: keys.address, windowMs: WINDOW_MS, lockFor: lockAfter(ADDRESS_MAX_FAILURES) },
      { key: keys.account, windowMs: ACCOUNT_WINDOW_MS, lockFor: (failures) => accountDelayMs(failures) || null },
    ],
    now,
  );
  // Counters that can no longer refuse anyone go, so the table does not grow with every guess ever made.
  await db.loginThrottle.deleteMany({
    where: {
      windowStart: { lt: new Date(now.getTime() - ACCOUNT_WINDOW_MS) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
}

/** After a successful sign-in: the account's delay and this address's failures on it are forgotten. */
export async function clearSignInFailures(db: Db, keys: SignInKeys): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: [keys.account, keys.pair] } } });
}
