import "./zod-config";
import { z } from "zod";

// Staff accounts: the administrators' forms (invite, edit, activate, new link) and the invitation page where a
// person sets their password. Messages are translation keys: first looked up in "staffUsers.validation", then in
// the shared "validation" namespace.

export const STAFF_ROLES = ["CLERK", "OFFICE_ADMIN", "ADMIN"] as const;
export type StaffRoleValue = (typeof STAFF_ROLES)[number];

/** "pending": a link is open; "expired": the last link ran out unused; "none": no open link. */
export type InviteState = "pending" | "expired" | "none";

/** A person in the administrators' staff list. */
export interface StaffListEntry {
  id: string;
  name: string;
  email: string;
  role: StaffRoleValue;
  active: boolean;
  /** True once the person has set a password. */
  hasPassword: boolean;
  offices: Array<{ id: string; name: string }>;
  invite: InviteState;
  inviteExpiresAt: Date | null;
}

/** Hours an invitation link stays valid. */
export const INVITE_VALID_HOURS = 72;

// Password policy (BSI IT-Grundschutz ORP.4 / NIST SP 800-63B): length over composition rules, any characters
// allowed (passphrases welcome), and no trivially guessable values.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const COMMON_PASSWORDS = new Set([
  "passwort1234",
  "password1234",
  "123456789012",
  "qwertzuiop12",
  "qwertyuiop12",
  "willkommen123",
  "administrator",
  "passwortpasswort",
  "terminvergabe",
  "terminvergabe1",
]);

/** True for passwords built from one repeated character or a run like "abcdefghijkl" / "123456789012". */
function trivial(value: string): boolean {
  if (new Set(value).size <= 2) return true;
  const codes = [...value].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]));
  return steps.size === 1 && [1, -1].includes([...steps][0]);
}

export const newPasswordSchema = z
  .string({ error: "passwordRequired" })
  .min(1, { error: "passwordRequired", abort: true })
  .min(PASSWORD_MIN, { error: "passwordTooShort", abort: true })
  .max(PASSWORD_MAX, { error: "passwordTooLong", abort: true })
  .refine((v) => !/^\s|\s$/.test(v), "passwordSpaces")
  .refine((v) => !trivial(v) && !COMMON_PASSWORDS.has(v.toLowerCase()), "passwordWeak");

/** The password must not contain the e-mail address's local part or the name (checked where the account is known). */
export function passwordIsPersonal(password: string, person: { email: string; name: string }): boolean {
  const lower = password.toLowerCase();
  const parts = [...person.email.split("@")[0].split(/[._+-]/), ...person.name.split(/\s+/)]
    .map((p) => p.toLowerCase())
    .filter((p) => p.length >= 4);
  return parts.some((p) => lower.includes(p));
}

/** Record ids are cuids; anything else cannot name a record and is refused before the database is asked. */
export const recordIdSchema = z
  .string({ error: "invalid" })
  .min(1, "invalid")
  .max(64, "invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");

const staffName = z
  .string({ error: "nameRequired" })
  .trim()
  .min(1, { error: "nameRequired", abort: true })
  .max(120, "tooLong")
  .regex(/^[^\p{Cc}<>]*$/u, "invalidStaffName");

const staffEmail = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, { error: "emailRequired", abort: true })
  .max(254, "tooLong")
  .pipe(z.email({ error: "invalidEmail" }))
  .transform((v) => v.toLowerCase());

const role = z.enum(STAFF_ROLES, { error: "roleRequired" });

const officeIds = z
  .array(recordIdSchema, { error: "invalid" })
  .max(200, "invalid")
  .transform((ids) => [...new Set(ids)]);

/** Clerks and office admins work for at least one office; administrators act on all, so offices are dropped. */
function withOffices<T extends { role: StaffRoleValue; officeIds: string[] }>(schema: z.ZodType<T>) {
  return schema
    .refine((v) => v.role === "ADMIN" || v.officeIds.length > 0, { error: "officeRequired", path: ["officeIds"] })
    .transform((v) => ({ ...v, officeIds: v.role === "ADMIN" ? [] : v.officeIds }));
}

export const inviteStaffSchema = withOffices(z.object({ name: staffName, email: staffEmail, role, officeIds }));
export type InviteStaffData = z.output<typeof inviteStaffSchema>;

export const updateStaffSchema = withOffices(z.object({ userId: recordIdSchema, name: staffName, role, officeIds }));
export type UpdateStaffData = z.output<typeof updateStaffSchema>;

export const setStaffActiveSchema = z.object({
  userId: recordIdSchema,
  active: z.enum(["true", "false"], { error: "invalid" }).transform((v) => v === "true"),
});
export type SetStaffActiveData = z.output<typeof setStaffActiveSchema>;

export const resendInviteSchema = z.object({ userId: recordIdSchema });
export type ResendInviteData = z.output<typeof resendInviteSchema>;

/** Invitation tokens are 43 base64url characters; the bound only stops absurd input before it is hashed. */
export const inviteTokenSchema = z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/);

export const acceptInviteSchema = z
  .object({
    token: inviteTokenSchema,
    password: newPasswordSchema,
    passwordConfirm: z.string({ error: "passwordConfirmRequired" }).min(1, "passwordConfirmRequired"),
  })
  .refine((v) => v.password === v.passwordConfirm, { error: "passwordMismatch", path: ["passwordConfirm"] });
export type AcceptInviteData = z.output<typeof acceptInviteSchema>;

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

/** The invite and edit forms as posted (with or without JavaScript): office checkboxes arrive as repeated fields. */
export function staffFormFromForm(form: FormData): Record<string, unknown> {
  return {
    userId: text(form, "userId"),
    name: text(form, "name"),
    email: text(form, "email"),
    role: text(form, "role"),
    officeIds: form.getAll("officeIds").filter((v): v is string => typeof v === "string"),
  };
}

export function acceptInviteFromForm(form: FormData): Record<string, unknown> {
  return {
    token: text(form, "token"),
    password: text(form, "password"),
    passwordConfirm: text(form, "passwordConfirm"),
  };
}
