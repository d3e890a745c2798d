import { fieldError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CreateClosureInput, DeleteClosureInput } from "@/lib/schemas/capacity";
import { localDateOf } from "@/lib/domain";
import { applyCapacityChange, assertFound, type CapacityChangeResult, cancellationOf, officeForActor } from "./shared";

// Closures of one date, whole day or some hours (a staff meeting, a works outing). Public holidays are no closures:
// they close the office by its region, and holidays.ts opens one as an exception.

/** Closes the office on a date (whole day, or from start to end); displaced bookings as for any capacity change. */
export async function createClosure(
  db: Db,
  actor: Actor,
  input: CreateClosureInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const office = await officeForActor(db, actor, "capacity:edit", input.officeId);
  if (input.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [input.date],
    cancellation: cancellationOf(input, defaultReason || input.reason),
    apply: async (tx) => {
      const created = await tx.closure.create({
        data: {
          officeId: office.id,
          date: input.date,
          startMinute: input.start,
          endMinute: input.end,
          reason: input.reason,
        },
        select: { id: true },
      });
      return {
        value: created,
        action: "capacity.closure.create",
        details: { closureId: created.id, date: input.date, startMinute: input.start, endMinute: input.end },
      };
    },
  });
}

/** Reopens a date: more capacity, so nothing can be displaced. */
export async function deleteClosure(
  db: Db,
  actor: Actor,
  input: DeleteClosureInput,
  now: Date,
): Promise<CapacityChangeResult<{ id: string }>> {
  const existing = await db.closure.findUnique({ where: { id: input.closureId } });
  assertFound(existing);
  const office = await officeForActor(db, actor, "capacity:edit", existing.officeId);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [existing.date],
    apply: async (tx) => {
      const { count } = await tx.closure.deleteMany({ where: { id: existing.id } });
      if (count === 0) throw fieldError("_form", "notFound");
      return {
        value: { id: existing.id },
        action: "capacity.closure.delete",
        details: { closureId: existing.id, date: existing.date, startMinute: existing.startMinute, endMinute: existing.endMinute },
      };
    },
  });
}
