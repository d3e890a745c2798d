import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";
import { refusalOf } from "@/lib/server/actions/refusal";
import { getDb, type Db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { DEFAULT_CALLBACK, safeCallbackPath } from "./callback-url";
import { currentStaff, type StaffContext } from "./session";

export type StaffActionResult<R> =
  | { ok: true; result: R; staff: StaffContext }
  | { ok: false; fieldErrors?: FieldErrors; formError?: string };

/**
 * The frame of every staff server action: a signed-in, active staff member (else the sign-in page, which leads
 * back to the page the action was sent from); input validated with the form's own schema; refusals answered in one
 * shape of translation keys: a field the service refused under that field, any other error as the form's error.
 * Authorisation for the office happens in the service, against the office of the record it touches, never an
 * office id taken from the request.
 */
export async function staffAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  run: (ctx: { staff: StaffContext; data: z.output<S>; db: Db; now: Date }) => Promise<R>,
): Promise<StaffActionResult<R>> {
  const staff = await currentStaff();
  if (!staff) redirect(await signInPath());
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, result: await run({ staff, data: parsed.data, db: getDb(), now: new Date() }), staff };
  } catch (e) {
    return { ok: false, ...refusalOf(e, "staff") };
  }
}

/** The sign-in page; afterwards back to the page that sent the action (its Referer), if that is a page of this site. */
async function signInPath(): Promise<string> {
  const back = safeCallbackPath((await headers()).get("referer"), env().APP_URL);
  return back === DEFAULT_CALLBACK ? "/staff/login" : `/staff/login?callbackUrl=${encodeURIComponent(back)}`;
}
