import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { DeleteClosureInput } from "@/lib/schemas/capacity";
import { applyCapacityChange, assertDeleted, type CapacityChangeResult, recordForActor } from "./shared";

/** Reopens a date: more capacity, so nothing can be displaced. */
export async function deleteClosure(
  db: Db,
  actor: Actor,
  input: DeleteClosureInput,
  now: Date,
): Promise<CapacityChangeResult<{ id: string }>> {
  const { existing, office } = await recordForActor(db, actor, db.closure.findUnique({ where: { id: input.closureId } }));

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [existing.date],
    apply: async (tx) => {
      assertDeleted(await tx.closure.deleteMany({ where: { id: existing.id } }));
      return {
        value: { id: existing.id },
        action: "capacity.closure.delete",
        details: { closureId: existing.id, date: existing.date, startMinute: existing.startMinute, endMinute: existing.endMinute },
      };
    },
  });
}
