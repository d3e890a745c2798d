import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { DeleteBlockInput } from "@/lib/schemas/capacity";
import { blockDetails } from "./block-rules";
import { loadBlock } from "./update-block";
import {
  applyCapacityChange,
  type CapacityChangeResult,
  cancellationOf,
  planningWindow,
  recordForActor,
  reloadUnchanged,
  weeklyDates,
} from "./shared";

/** Removes a weekly block; bookings that would lose their clerk are a conflict unless their cancellation is confirmed. */
export async function deleteCapacityBlock(
  db: Db,
  actor: Actor,
  input: DeleteBlockInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const { existing, office } = await recordForActor(db, actor, loadBlock(db, input.blockId));
  const window = await planningWindow(db, office, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: weeklyDates(window, existing),
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      const current = await reloadUnchanged(existing, loadBlock(tx, existing.id));
      await tx.capacityBlock.delete({ where: { id: existing.id } });
      return {
        value: { id: existing.id },
        action: "capacity.block.delete",
        details: { blockId: existing.id, before: blockDetails(current) },
      };
    },
  });
}
