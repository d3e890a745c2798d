import { fieldError } from "@/lib/server/errors";
import type { SetStaffActiveData } from "@/lib/schemas/staff-user";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { assertAdministratorsRemain, auditStaff, STAFF_AUDIT, staffUsersTransaction } from "./shared";

/**
 * Deactivates or reactivates an account. A deactivated person's session ends with their next request (every
 * request re-reads the account), sign-in and single sign-on are refused, and open invitation links stop working.
 * Reactivating sends nothing: the administrator sends a new link if the person needs one.
 */
export async function setStaffActive(db: Db, actor: Actor, input: SetStaffActiveData, _now: Date): Promise<{ userId: string }> {
  return staffUsersTransaction(db, actor, async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { id: input.userId }, select: { id: true, active: true, role: true } });
    if (!user) throw fieldError("_form", "notFound");
    if (user.active === input.active) return { userId: user.id };
    await tx.staffUser.update({ where: { id: user.id }, data: { active: input.active } });
    if (!input.active) {
      await tx.staffInvite.deleteMany({ where: { userId: user.id, usedAt: null } });
      await assertAdministratorsRemain(tx);
    }
    await auditStaff(tx, actor.id, input.active ? STAFF_AUDIT.reactivate : STAFF_AUDIT.deactivate, {
      userId: user.id,
      role: user.role,
    });
    return { userId: user.id };
  });
}
