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
  /** Office settings (horizon, notice, contact, ...); the slug and the active state need "offices:manage". */
  | "office:settings"
  /** Create, edit, reorder, activate and deactivate the office's services and their translations. */
  | "services:manage"
  /** The office's own addition to the privacy statement. */
  | "legal:office"
  /** See the office's outgoing e-mails and send failed ones again. */
  | "outbox:manage"
  /** The evaluation dashboard and its exports for the office (anonymous statistics). */
  | "evaluation:office"
  /** Register, pair and revoke the office's kiosks and call-up displays. */
  | "devices:manage"
  /**
   * The office's webhook endpoints: where booking events (and, if enabled, personal data) go. Administrators only:
   * connecting a case-management system is the city's decision, not one office's.
   */
  | "webhooks:manage";

export type GlobalAction =
  | "offices:manage"
  | "users:manage"
  | "evaluation:all"
  /** The site's Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit, in every language. */
  | "legal:site"
  /** The city's look: name, site title, logo, primary colour and footer contact. */
  | "branding:manage"
  /**
   * The city's service catalogue: its entries' texts, translations and LeiKa keys, shared by every office offering
   * them, and which entry an office's service belongs to (merging duplicates).
   */
  | "catalogue:manage";

// An office's head adjusts notice, horizon and services of their own office; creating, renaming (slug) and closing
// offices stays with the administration. Administrators may do on every office what a head may do on theirs.
const OFFICE_HEAD_ACTIONS: ReadonlySet<OfficeAction> = new Set([
  "bookings:work",
  "capacity:edit",
  "holidays:manage",
  "audit:read",
  "office:settings",
  "services:manage",
  "legal:office",
  "outbox:manage",
  "evaluation:office",
  "devices:manage",
]);

const OFFICE_ACTIONS_BY_ROLE: Record<StaffRole, ReadonlySet<OfficeAction>> = {
  CLERK: new Set(["bookings:work", "capacity:edit"]),
  OFFICE_ADMIN: OFFICE_HEAD_ACTIONS,
  ADMIN: new Set([...OFFICE_HEAD_ACTIONS, "webhooks:manage"]),
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

/**
 * Whether the actor may change the texts of a catalogue entry offered by `offeringOfficeIds`: they are shared by all
 * those offices, so an office's head may only while no other office offers the entry; administrators always.
 */
export function canEditCatalogueTexts(actor: Actor, offeringOfficeIds: readonly string[]): boolean {
  if (canGlobally(actor, "catalogue:manage")) return true;
  return offeringOfficeIds.length > 0 && offeringOfficeIds.every((id) => canOnOffice(actor, "services:manage", id));
}
