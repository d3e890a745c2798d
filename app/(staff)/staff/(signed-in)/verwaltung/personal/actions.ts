import { isFieldError } from "@/lib/server/errors";
"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/schemas/form-errors";
import { inviteStaffSchema, resendInviteSchema, setStaffActiveSchema, staffFormFromForm, updateStaffSchema } from "@/lib/schemas/staff-user";
import type { StaffContext } from "@/lib/server/auth/session";
import { staffAction } from "@/lib/server/auth/staff-action";
import type { Db } from "@/lib/server/db";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { inviteStaff, resendInvite, setStaffActive, updateStaff } from "@/lib/server/services/staff-users";

// The administrators' staff actions. Each is a public POST endpoint: staffAction checks the session and validates
// with the form's own schema, the service checks "users:manage" and the last-administrator rule in its
// transaction. Refusals come back in the one ActionState shape; success redirects with a note for the page.

const LIST = "/staff/verwaltung/personal";

type Refused = { refused: true; field: string; reason: string };

async function run<S extends z.ZodType, R>(
  schema: S,
  input: Record<string, unknown>,
  change: (ctx: { staff: StaffContext; data: z.output<S>; db: Db; now: Date }) => Promise<R>,
): Promise<{ ok: true; result: R; staff: StaffContext } | { ok: false; state: ActionState }> {
  let actor: StaffContext | undefined;
  const answer = await staffAction(schema, input, async (ctx): Promise<R | Refused> => {
    actor = ctx.staff;
    try {
      return await change(ctx);
    } catch (e) {
      // Refusals that need the database (address taken, unknown office, last administrator) go to their field.
      if (isFieldError(e)) return { refused: true, field: e.field, reason: e.reason };
      throw e;
    }
  });
  // What was typed goes back into the form; the office checkboxes as one comma-separated value.
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v) => typeof v === "string").join(",");
  }
  if (!answer.ok) {
    if (answer.formError === "UNAUTHENTICATED") redirect("/staff/login");
    return { ok: false, state: { fieldErrors: answer.fieldErrors, formError: answer.formError, values } };
  }
  const result = answer.result;
  if (result && typeof result === "object" && "refused" in result) {
    const refused = result as Refused;
    return { ok: false, state: { fieldErrors: { [refused.field]: [refused.reason] }, values } };
  }
  return { ok: true, result: result as R, staff: actor! };
}

export async function inviteStaffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const answer = await run(inviteStaffSchema, staffFormFromForm(form), ({ db, staff, data, now }) =>
    inviteStaff(db, staff, data, now),
  );
  if (!answer.ok) return answer.state;
  kickOutbox();
  redirect(`${LIST}?erfolg=invited#person-${answer.result.userId}`);
}

export async function updateStaffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const answer = await run(updateStaffSchema, staffFormFromForm(form), ({ db, staff, data, now }) =>
    updateStaff(db, staff, data, now),
  );
  if (!answer.ok) return answer.state;
  // An administrator who gave up the role can no longer open this area.
  const selfDemoted = answer.result.userId === answer.staff.id && form.get("role") !== "ADMIN";
  redirect(selfDemoted ? "/staff" : `${LIST}?erfolg=updated#person-${answer.result.userId}`);
}

export async function setStaffActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { userId: form.get("userId"), active: form.get("active") };
  const answer = await run(setStaffActiveSchema, input, ({ db, staff, data, now }) =>
    setStaffActive(db, staff, data, now),
  );
  if (!answer.ok) return answer.state;
  const self = answer.result.userId === answer.staff.id && input.active === "false";
  redirect(
    self
      ? "/staff/login"
      : `${LIST}?erfolg=${input.active === "true" ? "reactivated" : "deactivated"}#person-${answer.result.userId}`,
  );
}

export async function resendInviteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const answer = await run(resendInviteSchema, { userId: form.get("userId") }, ({ db, staff, data, now }) =>
    resendInvite(db, staff, data, now),
  );
  if (!answer.ok) return answer.state;
  kickOutbox();
  redirect(`${LIST}?erfolg=${answer.result.reset ? "reset-sent" : "invite-sent"}#person-${answer.result.userId}`);
}
