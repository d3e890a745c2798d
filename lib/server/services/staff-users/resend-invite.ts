import { fieldError } from "@/lib/server/errors";
import type { ResendInviteData } from "@/lib/schemas/staff-user";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { auditStaff, issueInvite, STAFF_AUDIT, staffUsersTransaction } from "./shared";

/**
 * A new one-time link for an active person: after an expired invitation, and as the way to reset a forgotten
 * password. Earlier links stop working; the current password stays valid until the person sets a new one.
 */
export async function resendInvite(db: Db, actor: Actor, input: ResendInviteData, now: Date): Promise<{ userId: string; reset: boolean }> {
  return staffUsersTransaction(db, actor, async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.userId }, select: { id: true, active: true, passwordHash: true } });
    if (!user) throw fieldError("_form", "notFound");
    if (!user.active) throw fieldError("_form", "inactive");
    const reset = user.passwordHash !== null;
    const invite = await issueInvite(tx, { userId: user.id, actorId: actor.id, kind: reset ? "reset" : "invite" }, now);
    await auditStaff(tx, actor.id, STAFF_AUDIT.inviteResend, { userId: user.id, inviteId: invite.inviteId, reset });
    return { userId: user.id, reset };
  });
}
