import { inviteTokenSchema, passwordIsPersonal } from "@/lib/schemas/staff-user";
import { hashPassword } from "@/lib/server/auth/password";
import { lockedUntil, recordFailure } from "@/lib/server/auth/throttle";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/security/tokens";
import { auditStaff, STAFF_AUDIT } from "./shared";

// The invitation page, reached without a session. Unknown, expired, used and revoked links, and links of
// deactivated accounts, all get the same answer, so the page reveals nothing about accounts. Failed attempts are
// counted per client (a keyed hash of the address, shared by all instances through the sign-in throttle table).

export interface InviteClient {
  /** A keyed hash of the client's address (never the address itself). */
  clientKey: string;
}

const throttleKey = (client: InviteClient) => [`invite:${client.clientKey}`];

async function assertNotThrottled(db: Db, client: InviteClient, now: Date): Promise<void> {
  if (await lockedUntil(db, throttleKey(client), now)) throw new AppError("RATE_LIMITED");
}

async function validInvite(db: Db, token: unknown, now: Date) {
  const parsed = inviteTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const invite = await db.staffInvite.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    include: { user: { select: { id: true, email: true, name: true, active: true } } },
  });
  if (!invite || invite.usedAt || invite.expiresAt <= now || !invite.user.active) return null;
  return invite;
}

/**
 * The person behind a link that can still be used, for the page's greeting; a refusal ("inviteInvalid") otherwise
 * (counted as a failed attempt), AppError("RATE_LIMITED") after too many failures from the client.
 */
export async function findInvite(db: Db, token: unknown, client: InviteClient, now: Date): Promise<{ name: string; email: string }> {
  await assertNotThrottled(db, client, now);
  const invite = await validInvite(db, token, now);
  if (!invite) {
    await recordFailure(db, throttleKey(client), now);
    throw fieldError("_form", "inviteInvalid");
  }
  return { name: invite.user.name, email: invite.user.email };
}

/**
 * Sets the password of the link's person and uses the link up, in one transaction: of two simultaneous posts of
 * the same link exactly one succeeds. `passwordChangedAt` moves on, so any session the person still had ends.
 */
export async function acceptInvite(
  db: Db,
  input: { token: string; password: string },
  client: InviteClient,
  now: Date,
): Promise<{ userId: string }> {
  await assertNotThrottled(db, client, now);
  const invite = await validInvite(db, input.token, now);
  if (!invite) {
    await recordFailure(db, throttleKey(client), now);
    throw fieldError("_form", "inviteInvalid");
  }
  if (passwordIsPersonal(input.password, invite.user)) throw fieldError("password", "passwordPersonal");
  const passwordHash = await hashPassword(input.password);
  const done = await db.$transaction(async (tx) => {
    const claimed = await tx.staffInvite.updateMany({
      where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return false;
    const user = await tx.staffUser.updateMany({
      where: { id: invite.userId, active: true },
      data: { passwordHash, passwordChangedAt: now },
    });
    if (user.count !== 1) throw fieldError("_form", "inviteInvalid");
    await auditStaff(tx, invite.userId, STAFF_AUDIT.inviteAccept, { userId: invite.userId, inviteId: invite.id });
    return true;
  });
  if (!done) throw fieldError("_form", "inviteInvalid");
  return { userId: invite.userId };
}
