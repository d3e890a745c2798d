import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";

/**
 * A staff account with this role and these offices, as the services see the signed-in actor. Without an e-mail
 * address the account gets a unique one, so that a test may create several of one role.
 */
export async function staff(
  db: Db,
  role: Actor["role"],
  officeIds: string[],
  account: { email?: string; name?: string } = {},
): Promise<Actor> {
  const user = await db.staffUser.create({
    data: {
      email: account.email ?? `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@amt.example`,
      name: account.name ?? account.email?.split("@")[0] ?? role,
      role,
      memberships: { create: officeIds.map((officeId) => ({ officeId })) },
    },
  });
  return { id: user.id, role, officeIds };
}
