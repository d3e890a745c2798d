import { fieldError } from "@/lib/server/errors";
import type { InviteStaffData } from "@/lib/schemas/staff-user";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { assertOfficesExist, auditStaff, issueInvite, STAFF_AUDIT, staffUsersTransaction } from "./shared";

/**
 * An administrator adds a person: the account exists without a password until the person follows the one-time
 * link in the invitation e-mail (or signs in through single sign-on, where configured).
 */
export async function inviteStaff(db: Db, actor: Actor, input: InviteStaffData, now: Date): Promise<{ userId: string }> {
  return staffUsersTransaction(db, actor, async (tx) => {
    await assertOfficesExist(tx, input.officeIds);
    if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw fieldError("email", "emailTaken");
    }
    const user = await tx.staffUser.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: null,
        passwordChangedAt: now,
        memberships: { create: input.officeIds.map((officeId) => ({ officeId })) },
      },
      select: { id: true },
    });
    const invite = await issueInvite(tx, { userId: user.id, actorId: actor.id, kind: "invite" }, now);
    await auditStaff(tx, actor.id, STAFF_AUDIT.invite, {
      userId: user.id,
      role: input.role,
      officeIds: input.officeIds,
      inviteId: invite.inviteId,
    });
    return { userId: user.id };
  });
}
