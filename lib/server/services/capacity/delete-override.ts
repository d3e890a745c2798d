import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { DeleteOverrideInput } from "@/lib/schemas/capacity";
import { loadOverride, overrideDetails } from "./override-rules";
import { applyCapacityChange, assertDeleted, type CapacityChangeResult, cancellationOf, recordForActor } from "./shared";

/** Removing a date's last override brings back its weekly blocks, which may hold fewer clerks: checked as well. */
export async function deleteDateOverride(
  db: Db,
  actor: Actor,
  input: DeleteOverrideInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const { existing, office } = await recordForActor(db, actor, loadOverride(db, input.overrideId));

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [existing.date],
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      assertDeleted(await tx.dateOverride.deleteMany({ where: { id: existing.id } }));
      return {
        value: { id: existing.id },
        action: "capacity.override.delete",
        details: { overrideId: existing.id, ...overrideDetails(existing) },
      };
    },
  });
}
