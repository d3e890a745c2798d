import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CreateBlockInput } from "@/lib/schemas/capacity";
import { assertNoOverlappingBlock, blockDetails, checkedBlock } from "./block-rules";
import {
  applyCapacityChange,
  type CapacityChangeResult,
  officeForActor,
  weeklyDates,
} from "./shared";

/** Adds a weekly capacity block. More capacity never displaces a booking, but the days are locked all the same. */
export async function createCapacityBlock(
  db: Db,
  actor: Actor,
  input: CreateBlockInput,
  now: Date,
): Promise<CapacityChangeResult<{ id: string }>> {
  const office = await officeForActor(db, actor, "capacity:edit", input.officeId);
  const { block, window } = await checkedBlock(db, office, input, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: weeklyDates(window, block),
    apply: async (tx) => {
      await assertNoOverlappingBlock(tx, office.id, block);
      const created = await tx.capacityBlock.create({
        data: {
          officeId: office.id,
          weekday: block.weekday,
          startMinute: block.startMinute,
          endMinute: block.endMinute,
          clerks: block.clerks,
          validFrom: block.validFrom,
          validUntil: block.validUntil,
          services: { connect: block.serviceIds.map((id) => ({ id })) },
        },
        select: { id: true },
      });
      return { value: created, action: "capacity.block.create", details: { blockId: created.id, ...blockDetails(block) } };
    },
  });
}
