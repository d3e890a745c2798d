import "server-only";
import type { z } from "zod";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";
import { getDb, type Db } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { currentStaff, type StaffContext } from "./session";

export type StaffActionResult<R> = { ok: true; result: R } | { ok: false; fieldErrors?: FieldErrors; formError?: string };

/**
 * The frame of every staff server action: a signed-in, active staff member; input validated with the form's own
 * schema; errors answered in one shape (translation keys). Authorisation for the office happens in the service,
 * against the office of the record it touches, never an office id taken from the request.
 */
export async function staffAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  run: (ctx: { staff: StaffContext; data: z.output<S>; db: Db; now: Date }) => Promise<R>,
): Promise<StaffActionResult<R>> {
  const staff = await currentStaff();
  if (!staff) return { ok: false, formError: "UNAUTHENTICATED" };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, result: await run({ staff, data: parsed.data, db: getDb(), now: new Date() }) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, formError: e.code };
    console.error("staff action failed", e instanceof Error ? e.name : "unknown");
    return { ok: false, formError: "UNEXPECTED" };
  }
}
