import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { authOptions, SESSION_HOURS } from "./options";
import { type Actor, canGlobally, canOnOffice, type GlobalAction, type OfficeAction, type StaffRole } from "./permissions";

export interface StaffContext extends Actor {
  email: string;
  name: string;
}

interface StaffSession {
  uid?: string;
  pwdAt?: number;
  loginAt?: number;
}

/**
 * The signed-in staff member, re-read from the database on every call: a deactivated account, a changed password
 * (sign-out everywhere) or a session older than a working day ends access at once.
 */
export async function currentStaff(now: Date = new Date()): Promise<StaffContext | null> {
  const session = (await getServerSession(authOptions())) as StaffSession | null;
  if (!session?.uid || !session.loginAt) return null;
  if (now.getTime() - session.loginAt > SESSION_HOURS * 3600_000) return null;
  const user = await getDb().staffUser.findUnique({
    where: { id: session.uid },
    include: { memberships: { select: { officeId: true } } },
  });
  if (!user?.active || user.passwordChangedAt.getTime() !== session.pwdAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as StaffRole,
    officeIds: user.memberships.map((m) => m.officeId),
  };
}

/** For server actions and route handlers: the staff member allowed to do `action` on `officeId`, or an error. */
export async function requireOfficePermission(action: OfficeAction, officeId: string): Promise<StaffContext> {
  const staff = await currentStaff();
  if (!staff) throw new AppError("UNAUTHENTICATED");
  if (!canOnOffice(staff, action, officeId)) throw new AppError("FORBIDDEN");
  return staff;
}

export async function requireGlobalPermission(action: GlobalAction): Promise<StaffContext> {
  const staff = await currentStaff();
  if (!staff) throw new AppError("UNAUTHENTICATED");
  if (!canGlobally(staff, action)) throw new AppError("FORBIDDEN");
  return staff;
}
