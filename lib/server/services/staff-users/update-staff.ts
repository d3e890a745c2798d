import { fieldError } from "@/lib/server/errors";
import type { UpdateStaffData } from "@/lib/schemas/staff-user";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { assertAdministratorsRemain, assertOfficesExist, auditStaff, STAFF_AUDIT, staffUsersTransaction } from "./shared";

/**
 * Name, role and offices of a person. A change that would leave no active administrator (the last one demoting
 * themself, or two administrators demoting each other at the same moment) is refused.
 */
export async function updateStaff(db: Db, actor: Actor, input: UpdateStaffData, _now: Date): Promise<{ userId: string }> {
  return staffUsersTransaction(db, actor, async (tx) => {
    const before = await tx.staffUser.findUnique({
      where: { id: input.userId },
      include: { memberships: { select: { officeId: true } } },
    });
    if (!before) throw fieldError("_form", "notFound");
    await assertOfficesExist(tx, input.officeIds);
    await tx.staffUser.update({ where: { id: before.id }, data: { name: input.name, role: input.role } });
    await tx.officeMembership.deleteMany({ where: { userId: before.id } });
    if (input.officeIds.length > 0) {
      await tx.officeMembership.createMany({ data: input.officeIds.map((officeId) => ({ userId: before.id, officeId })) });
    }
    await assertAdministratorsRemain(tx, "role");
    await auditStaff(tx, actor.id, STAFF_AUDIT.update, {
      userId: before.id,
      role: input.role,
      previousRole: before.role,
      officeIds: input.officeIds,
      previousOfficeIds: before.memberships.map((m) => m.officeId).sort(),
      renamed: before.name !== input.name,
    });
    return { userId: before.id };
  });
}
