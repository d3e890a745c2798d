import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { DeleteBlockInput } from "@/lib/schemas/capacity";
import { blockDetails } from "./block-rules";
import { loadBlock } from "./update-block";
import {
  applyCapacityChange,
  assertFound,
  assertUnchanged,
  type CapacityChangeResult,
  cancellationOf,
  officeForActor,
  planningWindow,
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
  const existing = await loadBlock(db, input.blockId);
  assertFound(existing);
  const office = await officeForActor(db, actor, "capacity:edit", existing.officeId);
  const window = await planningWindow(db, office, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: weeklyDates(window, existing),
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      const current = await loadBlock(tx, existing.id);
      assertFound(current);
      // The locked dates were derived from the block as read before the transaction.
      assertUnchanged(existing, current);
      await tx.capacityBlock.delete({ where: { id: existing.id } });
      return {
        value: { id: existing.id },
        action: "capacity.block.delete",
        details: { blockId: existing.id, before: blockDetails(current) },
      };
    },
  });
}
