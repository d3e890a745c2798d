"use server";

import { fieldErrorsOf, type ActionState } from "@/lib/schemas/form-errors";
import { acceptInviteFromForm, acceptInviteSchema } from "@/lib/schemas/staff-user";
import { refusalOf } from "@/lib/server/actions/refusal";
import { getDb } from "@/lib/server/db";
import { acceptInvite } from "@/lib/server/services/staff-users";
import { inviteClient } from "./invite-client";

export type AcceptInviteState = ActionState & { done?: boolean };

/**
 * Sets the password from the invitation page. No session: the one-time link is the authorisation. Passwords never
 * go back to the browser in the answer.
 */
export async function acceptInviteAction(_prev: AcceptInviteState, form: FormData): Promise<AcceptInviteState> {
  const parsed = acceptInviteSchema.safeParse(acceptInviteFromForm(form));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    // A malformed token is answered like any unusable link.
    if (fieldErrors.token) return { fieldErrors: { _form: ["inviteInvalid"] } };
    return { fieldErrors };
  }
  const now = new Date();
  try {
    await acceptInvite(getDb(), { token: parsed.data.token, password: parsed.data.password }, await inviteClient(now), now);
    return { done: true };
  } catch (e) {
    return refusalOf(e, "accept invite");
  }
}
