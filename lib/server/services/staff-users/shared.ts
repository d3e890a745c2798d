import { INVITE_VALID_HOURS, type StaffRoleValue } from "@/lib/schemas/staff-user";
import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import { retryingTransaction } from "@/lib/server/db/transaction";
import { env } from "@/lib/server/env";
import { AppError, fieldError } from "@/lib/server/errors";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { createManageToken } from "@/lib/server/security/tokens";

// Shared by the staff-account use cases: the one transaction every change runs in (serialised against other
// administrators' changes, so that two of them cannot together remove the last administrator), refusals that
// belong to a form field, issuing invitation links, and the audit action names.

export const STAFF_AUDIT = {
  invite: "staff.invite",
  inviteResend: "staff.invite-resend",
  inviteAccept: "staff.invite-accept",
  update: "staff.update",
  deactivate: "staff.deactivate",
  reactivate: "staff.reactivate",
} as const;

/**
 * Runs an administrator's change to staff accounts. The first statement writes every administrator row (a no-op
 * update): on PostgreSQL it row-locks them, so concurrent changes that could reduce the administrators wait for
 * one another and then re-read the committed state; on SQLite it takes the write lock up front. Inside, the actor
 * is re-read: an administrator demoted or deactivated a moment ago can no longer act.
 */
export async function staffUsersTransaction<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertCanGlobally(actor, "users:manage");
  return retryingTransaction(db, async (tx) => {
    await tx.$executeRaw`UPDATE "StaffUser" SET "role" = "role" WHERE "role" = 'ADMIN'`;
    const me = await tx.staffUser.findUnique({ where: { id: actor.id }, select: { role: true, active: true } });
    if (!me?.active || me.role !== "ADMIN") throw new AppError("FORBIDDEN");
    return fn(tx);
  });
}

/** Inside `staffUsersTransaction`, after the change: refuses (and so rolls back) if no active administrator is left. */
export async function assertAdministratorsRemain(tx: Tx, field = "_form"): Promise<void> {
  const admins = await tx.staffUser.count({ where: { role: "ADMIN", active: true } });
  if (admins === 0) throw fieldError(field, "lastAdmin");
}

/** The offices behind ids from a request; any unknown id refuses the whole change. */
export async function assertOfficesExist(tx: Tx, officeIds: readonly string[]): Promise<void> {
  if (officeIds.length === 0) return;
  const found = await tx.office.count({ where: { id: { in: [...officeIds] } } });
  if (found !== officeIds.length) throw fieldError("officeIds", "unknownOffice");
}

export function inviteUrl(token: string): string {
  return `${env().APP_URL}/staff/einladung/${token}`;
}

/**
 * A fresh one-time link for `userId` (256 random bits, only the hash stored, valid INVITE_VALID_HOURS), written
 * with its e-mail in the caller's transaction. Earlier unused links of the person stop working.
 */
export async function issueInvite(
  tx: Tx,
  input: { userId: string; actorId: string; kind: "invite" | "reset" },
  now: Date,
): Promise<{ inviteId: string; expiresAt: Date }> {
  const user = await tx.staffUser.findUniqueOrThrow({
    where: { id: input.userId },
    include: { memberships: { include: { office: { select: { name: true, authority: true, timeZone: true } } } } },
  });
  await tx.staffInvite.deleteMany({ where: { userId: user.id, usedAt: null } });
  const { token, hash } = createManageToken();
  const expiresAt = new Date(now.getTime() + INVITE_VALID_HOURS * 3600_000);
  const invite = await tx.staffInvite.create({
    data: { userId: user.id, tokenHash: hash, expiresAt, createdById: input.actorId },
    select: { id: true },
  });
  const offices = user.memberships.map((m) => m.office).sort((a, b) => a.name.localeCompare(b.name, "de"));
  // The sender line names the city: from the person's first office, else from any office (administrators).
  const home = offices[0] ?? (await tx.office.findFirst({ orderBy: { name: "asc" }, select: { authority: true, timeZone: true } }));
  await enqueueMail(tx, {
    template: "staff-invite",
    recipient: user.email,
    payload: {
      locale: "de",
      authority: home?.authority ?? "Terminvergabe",
      timeZone: home?.timeZone ?? "Europe/Berlin",
      name: user.name,
      role: user.role as StaffRoleValue,
      offices: offices.map((o) => o.name),
      inviteUrl: inviteUrl(token),
      expiresAt: expiresAt.toISOString(),
      kind: input.kind,
    },
  });
  return { inviteId: invite.id, expiresAt };
}

/** Audit entry about a staff account: ids and roles only, never names, addresses, passwords or tokens. */
export function auditStaff(tx: Tx, actorId: string | null, action: string, details: Record<string, unknown>): Promise<void> {
  return writeAudit(tx, { actorId, action, details });
}
