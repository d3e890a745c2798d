import { AppError } from "@/lib/server/errors";

// Who may do what, for which office. Pure: the session layer supplies the actor, every staff service asks here.

export type StaffRole = "CLERK" | "OFFICE_ADMIN" | "ADMIN";

export interface Actor {
  id: string;
  role: StaffRole;
  /** Offices the person is assigned to; administrators act on all offices. */
  officeIds: readonly string[];
}

export type OfficeAction =
  /** See the day's appointments, record arrivals, served and no-shows, cancel, move, book on behalf. */
  | "bookings:work"
  /** Weekly capacity blocks, closures and date overrides. */
  | "capacity:edit"
  /** Accept or remove public holidays. */
  | "holidays:manage"
  /** Read the audit log of the office. */
  | "audit:read"
  /** Office settings (horizon, notice, contact, ...). */
  | "office:settings"
  /** The evaluation dashboard and its exports for the office (anonymous statistics). */
  | "evaluation:office";

export type GlobalAction = "offices:manage" | "users:manage" | "evaluation:all";

const OFFICE_ACTIONS_BY_ROLE: Record<StaffRole, ReadonlySet<OfficeAction>> = {
  CLERK: new Set(["bookings:work", "capacity:edit"]),
  OFFICE_ADMIN: new Set(["bookings:work", "capacity:edit", "holidays:manage", "audit:read", "office:settings", "evaluation:office"]),
  ADMIN: new Set(["bookings:work", "capacity:edit", "holidays:manage", "audit:read", "office:settings", "evaluation:office"]),
};

export function canOnOffice(actor: Actor, action: OfficeAction, officeId: string): boolean {
  if (!OFFICE_ACTIONS_BY_ROLE[actor.role].has(action)) return false;
  return actor.role === "ADMIN" || actor.officeIds.includes(officeId);
}

export function canGlobally(actor: Actor, _action: GlobalAction): boolean {
  return actor.role === "ADMIN";
}

/** For services: refuses with AppError("FORBIDDEN") unless the actor may do `action` on the office. */
export function assertCanOnOffice(actor: Actor, action: OfficeAction, officeId: string): void {
  if (!canOnOffice(actor, action, officeId)) throw new AppError("FORBIDDEN");
}

export function assertCanGlobally(actor: Actor, action: GlobalAction): void {
  if (!canGlobally(actor, action)) throw new AppError("FORBIDDEN");
}
