"use server";

import { redirect } from "next/navigation";
import type { ActionState, FieldErrors } from "@/lib/schemas/form-errors";
import { inviteStaffSchema, resendInviteSchema, setStaffActiveSchema, staffFormFromForm, updateStaffSchema } from "@/lib/schemas/staff-user";
import { staffAction } from "@/lib/server/auth/staff-action";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { inviteStaff, resendInvite, setStaffActive, updateStaff } from "@/lib/server/services/staff-users";

// The administrators' staff actions. Each is a public POST endpoint: staffAction checks the session and validates
// with the form's own schema, the service checks "users:manage" and the last-administrator rule in its
// transaction. Refusals come back in the one ActionState shape; success redirects with a note for the page.

const LIST = "/staff/verwaltung/personal";

/** A refusal, with what was typed back in the form (the office checkboxes as one comma-separated value). */
function refused(answer: { fieldErrors?: FieldErrors; formError?: string }, input: Record<string, unknown>): ActionState {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === "string").join(",");
  }
  return { fieldErrors: answer.fieldErrors, formError: answer.formError, values };
}

export async function inviteStaffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = staffFormFromForm(form);
  const answer = await staffAction(inviteStaffSchema, input, ({ db, staff, data, now }) => inviteStaff(db, staff, data, now));
  if (!answer.ok) return refused(answer, input);
  kickOutbox();
  redirect(`${LIST}?erfolg=invited#person-${answer.result.userId}`);
}

export async function updateStaffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = staffFormFromForm(form);
  const answer = await staffAction(updateStaffSchema, input, ({ db, staff, data, now }) => updateStaff(db, staff, data, now));
  if (!answer.ok) return refused(answer, input);
  // An administrator who gave up the role can no longer open this area.
  const selfDemoted = answer.result.userId === answer.staff.id && form.get("role") !== "ADMIN";
  redirect(selfDemoted ? "/staff" : `${LIST}?erfolg=updated#person-${answer.result.userId}`);
}

export async function setStaffActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { userId: form.get("userId"), active: form.get("active") };
  const answer = await staffAction(setStaffActiveSchema, input, ({ db, staff, data, now }) =>
    setStaffActive(db, staff, data, now),
  );
  if (!answer.ok) return refused(answer, input);
  const self = answer.result.userId === answer.staff.id && input.active === "false";
  redirect(
    self
      ? "/staff/login"
      : `${LIST}?erfolg=${input.active === "true" ? "reactivated" : "deactivated"}#person-${answer.result.userId}`,
  );
}

export async function resendInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { userId: form.get("userId") };
  const answer = await staffAction(resendInviteSchema, input, ({ db, staff, data, now }) => resendInvite(db, staff, data, now));
  if (!answer.ok) return refused(answer, input);
  kickOutbox();
  redirect(`${LIST}?erfolg=${answer.result.reset ? "reset-sent" : "invite-sent"}#person-${answer.result.userId}`);
}
