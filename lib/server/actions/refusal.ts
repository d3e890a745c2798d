import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import { isBusyError } from "@/lib/server/db/transaction";
import { isAppError, isFieldError } from "@/lib/server/errors";
import { componentLog } from "@/lib/server/log";

// How every server action answers a use case that failed: with translation keys the page shows in the user's
// language, never a stack trace or an error's message (which may name data).

/**
 * The code of a failed use case: an AppError's own, BUSY when the database was too busy (nothing was written, and
 * trying again shortly works), anything else UNEXPECTED, logged by the action's name and the error's type only.
 * Next's own control flow (a redirect, notFound) is passed on.
 */
export function failureCode(e: unknown, action: string): string {
  unstable_rethrow(e);
  if (isAppError(e)) return e.code;
  if (isBusyError(e)) {
    componentLog("actions").warn({ action }, "database busy");
    return "BUSY";
  }
  componentLog("actions").error({ action, error: e instanceof Error ? e.name : typeof e }, "unexpected error");
  return "UNEXPECTED";
}

/** A failed use case in the one form shape: a refused field under its name, anything else as the form's error. */
export function refusalOf(e: unknown, action: string): Pick<ActionState, "fieldErrors" | "formError"> {
  if (isFieldError(e)) return { fieldErrors: { [e.field]: [e.reason] } };
  return { formError: failureCode(e, action) };
}
