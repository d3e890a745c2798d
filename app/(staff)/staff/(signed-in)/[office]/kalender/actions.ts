import { isFieldError } from "@/lib/server/errors";
"use server";

import type { z } from "zod";
import { closeHolidaySchema, createBlockSchema, createClosureSchema, createOverrideSchema, deleteBlockSchema, deleteClosureSchema, deleteOverrideSchema, openHolidaySchema, updateBlockSchema, updateOverrideSchema } from "@/lib/schemas/capacity";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import { staffAction } from "@/lib/server/auth/staff-action";
import type { StaffContext } from "@/lib/server/auth/session";
import type { Db } from "@/lib/server/db";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { type CapacityChangeResult, closeHoliday, type ConflictBooking, createCapacityBlock, createClosure, createDateOverride, deleteCapacityBlock, deleteClosure, deleteDateOverride, openHoliday, updateCapacityBlock, updateDateOverride } from "@/lib/server/services/capacity";

// The capacity page's server actions: public POST endpoints, so each one validates with the form's own schema
// and the service checks the signed-in staff member against the office of the record it touches.

export type CapacityActionResult =
  | { ok: true; status: "applied"; cancelled: number; moved: number }
  | { ok: true; status: "conflict"; bookings: ConflictBooking[] }
  | { ok: false; fieldErrors?: FieldErrors; formError?: string };

type Refused = { refused: true; field: string; reason: string };

async function run<S extends z.ZodType>(
  schema: S,
  input: unknown,
  change: (ctx: { staff: StaffContext; data: z.output<S>; db: Db; now: Date }) => Promise<CapacityChangeResult<unknown>>,
): Promise<CapacityActionResult> {
  const answer = await staffAction(schema, input, async (ctx): Promise<CapacityChangeResult<unknown> | Refused> => {
    try {
      return await change(ctx);
    } catch (e) {
      // Refusals that need the database (overlaps, foreign services, stale records) go back to their field.
      if (isFieldError(e)) return { refused: true, field: e.field, reason: e.reason };
      throw e;
    }
  });
  if (!answer.ok) return { ok: false, fieldErrors: answer.fieldErrors, formError: answer.formError };
  const result = answer.result;
  if ("refused" in result) return { ok: false, fieldErrors: { [result.field]: [result.reason] } };
  if (result.status === "conflict") return { ok: true, status: "conflict", bookings: result.bookings };
  const cancelled = result.cancelledBookingIds.length;
  const moved = result.movedBookingIds.length;
  if (cancelled + moved > 0) kickOutbox();
  return { ok: true, status: "applied", cancelled, moved };
}

export async function createBlockAction(input: unknown): Promise<CapacityActionResult> {
  return run(createBlockSchema, input, ({ db, staff, data, now }) => createCapacityBlock(db, staff, data, now));
}

export async function updateBlockAction(input: unknown): Promise<CapacityActionResult> {
  return run(updateBlockSchema, input, ({ db, staff, data, now }) => updateCapacityBlock(db, staff, data, now));
}

export async function deleteBlockAction(input: unknown): Promise<CapacityActionResult> {
  return run(deleteBlockSchema, input, ({ db, staff, data, now }) => deleteCapacityBlock(db, staff, data, now));
}

export async function createClosureAction(input: unknown): Promise<CapacityActionResult> {
  return run(createClosureSchema, input, ({ db, staff, data, now }) => createClosure(db, staff, data, now));
}

export async function deleteClosureAction(input: unknown): Promise<CapacityActionResult> {
  return run(deleteClosureSchema, input, ({ db, staff, data, now }) => deleteClosure(db, staff, data, now));
}

export async function createOverrideAction(input: unknown): Promise<CapacityActionResult> {
  return run(createOverrideSchema, input, ({ db, staff, data, now }) => createDateOverride(db, staff, data, now));
}

export async function updateOverrideAction(input: unknown): Promise<CapacityActionResult> {
  return run(updateOverrideSchema, input, ({ db, staff, data, now }) => updateDateOverride(db, staff, data, now));
}

export async function deleteOverrideAction(input: unknown): Promise<CapacityActionResult> {
  return run(deleteOverrideSchema, input, ({ db, staff, data, now }) => deleteDateOverride(db, staff, data, now));
}

export async function openHolidayAction(input: unknown): Promise<CapacityActionResult> {
  return run(openHolidaySchema, input, ({ db, staff, data, now }) => openHoliday(db, staff, data, now));
}

export async function closeHolidayAction(input: unknown): Promise<CapacityActionResult> {
  return run(closeHolidaySchema, input, ({ db, staff, data, now }) => closeHoliday(db, staff, data, now));
}
