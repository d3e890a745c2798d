import { createHmac } from "node:crypto";
import type { Db } from "@/lib/server/db/client";

// Sign-in throttling per account and per client address, stored in the database so all app instances share it.
// Client addresses are kept only as keyed hashes.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export function throttleKeys(email: string, clientAddress: string | undefined, secret: string): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (clientAddress) keys.push(`ip:${createHmac("sha256", secret).update(clientAddress).digest("hex").slice(0, 32)}`);
  return keys;
}

/** The time until which sign-in is locked for any of the keys, or null. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  if (rows.length === 0) return null;
  return new Date(Math.max(...rows.map((r) => r.lockedUntil!.getTime())));
}

export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil: lock },
        update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock },
      });
    });
  }
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
