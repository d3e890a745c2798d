import { recordIdSchema, type StaffListEntry, type StaffRoleValue } from "@/lib/schemas/staff-user";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";

const include = {
  memberships: { include: { office: { select: { id: true, name: true } } } },
  invites: { where: { usedAt: null }, orderBy: { expiresAt: "desc" as const }, take: 1, select: { expiresAt: true } },
};

type Row = Awaited<ReturnType<Db["staffUser"]["findMany"]>>[number] & {
  memberships: Array<{ office: { id: string; name: string } }>;
  invites: Array<{ expiresAt: Date }>;
};

function entryOf(row: Row, now: Date): StaffListEntry {
  const open = row.invites[0];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as StaffRoleValue,
    active: row.active,
    hasPassword: row.passwordHash !== null,
    offices: row.memberships.map((m) => m.office).sort((a, b) => a.name.localeCompare(b.name, "de")),
    invite: !open || !row.active ? "none" : open.expiresAt > now ? "pending" : "expired",
    inviteExpiresAt: open?.expiresAt ?? null,
  };
}

/** Every staff account with role, offices and invitation state, active ones first, for administrators only. */
export async function listStaff(db: Db, actor: Actor, now: Date): Promise<StaffListEntry[]> {
  assertCanGlobally(actor, "users:manage");
  const rows = await db.staffUser.findMany({ include, orderBy: [{ active: "desc" }, { name: "asc" }] });
  return rows.map((row) => entryOf(row, now));
}

/** One account for the edit page, or null for a malformed or unknown id. */
export async function getStaff(db: Db, actor: Actor, userId: unknown, now: Date): Promise<StaffListEntry | null> {
  assertCanGlobally(actor, "users:manage");
  const id = recordIdSchema.safeParse(userId);
  if (!id.success) return null;
  const row = await db.staffUser.findUnique({ where: { id: id.data }, include });
  return row ? entryOf(row, now) : null;
}

/** The offices a person can be assigned to, for the forms' checkboxes. */
export async function assignableOffices(db: Db, actor: Actor): Promise<Array<{ id: string; name: string; authority: string }>> {
  assertCanGlobally(actor, "users:manage");
  return db.office.findMany({ select: { id: true, name: true, authority: true }, orderBy: [{ department: "asc" }, { name: "asc" }] });
}
