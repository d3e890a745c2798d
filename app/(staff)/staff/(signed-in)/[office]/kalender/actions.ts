"use server";

import { closeHolidaySchema, createBlockSchema, createClosureSchema, createOverrideSchema, deleteBlockSchema, deleteClosureSchema, deleteOverrideSchema, openHolidaySchema, updateBlockSchema, updateOverrideSchema } from "@/lib/schemas/capacity";
import type { FieldErrors } from "@/lib/schemas/form-errors";
import { staffAction, type StaffActionResult } from "@/lib/server/auth/staff-action";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { type CapacityChangeResult, closeHoliday, type ConflictBooking, createCapacityBlock, createClosure, createDateOverride, deleteCapacityBlock, deleteClosure, deleteDateOverride, openHoliday, updateCapacityBlock, updateDateOverride } from "@/lib/server/services/capacity";

// The capacity page's server actions: public POST endpoints, so each one validates with the form's own schema
// and the service checks the signed-in staff member against the office of the record it touches.

export type CapacityActionResult =
  | { ok: true; status: "applied"; cancelled: number; moved: number }
  | { ok: true; status: "conflict"; bookings: ConflictBooking[] }
  | { ok: false; fieldErrors?: FieldErrors; formError?: string };

/** What the calendar is told: the counts of an applied change (mails on their way), or the bookings in conflict. */
function capacityAnswer(answer: StaffActionResult<CapacityChangeResult<unknown>>): CapacityActionResult {
  if (!answer.ok) return answer;
  const result = answer.result;
  if (result.status === "conflict") return { ok: true, status: "conflict", bookings: result.bookings };
  const cancelled = result.cancelledBookingIds.length;
  const moved = result.movedBookingIds.length;
  if (cancelled + moved > 0) kickOutbox();
  return { ok: true, status: "applied", cancelled, moved };
}

export async function createBlockAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(createBlockSchema, input, ({ db, staff, data, now }) => createCapacityBlock(db, staff, data, now)),
  );
}

export async function updateBlockAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(updateBlockSchema, input, ({ db, staff, data, now }) => updateCapacityBlock(db, staff, data, now)),
  );
}

export async function deleteBlockAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(deleteBlockSchema, input, ({ db, staff, data, now }) => deleteCapacityBlock(db, staff, data, now)),
  );
}

export async function createClosureAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(createClosureSchema, input, ({ db, staff, data, now }) => createClosure(db, staff, data, now)),
  );
}

export async function deleteClosureAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(deleteClosureSchema, input, ({ db, staff, data, now }) => deleteClosure(db, staff, data, now)),
  );
}

export async function createOverrideAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(createOverrideSchema, input, ({ db, staff, data, now }) => createDateOverride(db, staff, data, now)),
  );
}

export async function updateOverrideAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(updateOverrideSchema, input, ({ db, staff, data, now }) => updateDateOverride(db, staff, data, now)),
  );
}

export async function deleteOverrideAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(deleteOverrideSchema, input, ({ db, staff, data, now }) => deleteDateOverride(db, staff, data, now)),
  );
}

export async function openHolidayAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(openHolidaySchema, input, ({ db, staff, data, now }) => openHoliday(db, staff, data, now)),
  );
}

export async function closeHolidayAction(input: unknown): Promise<CapacityActionResult> {
  return capacityAnswer(
    await staffAction(closeHolidaySchema, input, ({ db, staff, data, now }) => closeHoliday(db, staff, data, now)),
  );
}
