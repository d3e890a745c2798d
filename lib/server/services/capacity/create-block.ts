import { formatAppointmentKinds } from "@/lib/domain";
import { fieldError, isFieldError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CreateBlockInput } from "@/lib/schemas/capacity";
import { assertNoOverlappingBlock, blockDetails, type BlockShape, checkedBlock } from "./block-rules";
import { applyCapacityChange, type CapacityChangeResult, officeForActor, weeklyDates } from "./shared";

/**
 * Adds a weekly capacity block on each chosen weekday (Mon–Fri 08:00–12:00 in one step), stored as one block per
 * weekday. All or none: one transaction under the day locks, one audit entry. More capacity never displaces a
 * booking, but the days are locked all the same, and a weekday whose new block would overlap an existing one
 * refuses the whole change.
 */
export async function createCapacityBlock(
  db: Db,
  actor: Actor,
  input: CreateBlockInput,
  now: Date,
): Promise<CapacityChangeResult<{ ids: string[] }>> {
  const office = await officeForActor(db, actor, "capacity:edit", input.officeId);
  const { block, window } = await checkedBlock(db, office, { ...input, weekday: input.weekdays[0] }, now);
  const blocks: BlockShape[] = input.weekdays.map((weekday) => ({ ...block, weekday }));

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: blocks.flatMap((b) => weeklyDates(window, b)),
    apply: async (tx) => {
      const ids: string[] = [];
      for (const b of blocks) {
        try {
          await assertNoOverlappingBlock(tx, office.id, b);
        } catch (e) {
          // With several weekdays the form says which one clashes.
          if (blocks.length > 1 && isFieldError(e)) throw fieldError("weekdays", `overlapOn${b.weekday}`);
          throw e;
        }
        const created = await tx.capacityBlock.create({
          data: {
            officeId: office.id,
            weekday: b.weekday,
            startMinute: b.startMinute,
            endMinute: b.endMinute,
            clerks: b.clerks,
            urgentClerks: b.urgentClerks,
            appointmentKinds: formatAppointmentKinds(b.appointmentKinds),
            validFrom: b.validFrom,
            validUntil: b.validUntil,
            services: { connect: b.serviceIds.map((id) => ({ id })) },
          },
          select: { id: true },
        });
        ids.push(created.id);
      }
      const { weekday: _weekday, ...shared } = blockDetails(block);
      return {
        value: { ids },
        action: "capacity.block.create",
        details: { blockIds: ids, weekdays: input.weekdays, ...shared },
      };
    },
  });
}
