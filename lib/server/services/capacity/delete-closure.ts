import { fieldError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { DeleteClosureInput } from "@/lib/schemas/capacity";
import { applyCapacityChange, assertFound, type CapacityChangeResult, officeForActor } from "./shared";

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
