import { formatAppointmentKinds, parseAppointmentKinds } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import type { UpdateBlockInput } from "@/lib/schemas/capacity";
import { assertNoOverlappingBlock, blockDetails, type BlockShape, checkedBlock } from "./block-rules";
import { applyCapacityChange, type CapacityChangeResult, cancellationOf, recordForActor, reloadUnchanged, weeklyDates } from "./shared";

export async function loadBlock(db: Db | Tx, id: string) {
  const row = await db.capacityBlock.findUnique({ where: { id }, include: { services: { select: { id: true } } } });
  if (!row) return null;
  const shape: BlockShape = {
    weekday: row.weekday,
    startMinute: row.startMinute,
    endMinute: row.endMinute,
    clerks: row.clerks,
    urgentClerks: row.urgentClerks,
    serviceIds: row.services.map((s) => s.id).sort(),
    appointmentKinds: parseAppointmentKinds(row.appointmentKinds),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
  return { id: row.id, officeId: row.officeId, updatedAt: row.updatedAt, ...shape };
}

/**
 * Moves, resizes or re-staffs a weekly block (weekday, times, clerks, services, validity). The dates of the old
 * and the new weekday are locked and checked: bookings the change would leave without a clerk are returned as a
 * conflict unless the input confirms their cancellation.
 */
export async function updateCapacityBlock(
  db: Db,
  actor: Actor,
  input: UpdateBlockInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const { existing, office } = await recordForActor(db, actor, loadBlock(db, input.blockId));
  const { block: next, window } = await checkedBlock(db, office, input, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [...weeklyDates(window, existing), ...weeklyDates(window, next)],
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      const current = await reloadUnchanged(existing, loadBlock(tx, existing.id));
      await assertNoOverlappingBlock(tx, office.id, next, existing.id);
      await tx.capacityBlock.update({
        where: { id: existing.id },
        data: {
          weekday: next.weekday,
          startMinute: next.startMinute,
          endMinute: next.endMinute,
          clerks: next.clerks,
          urgentClerks: next.urgentClerks,
          appointmentKinds: formatAppointmentKinds(next.appointmentKinds),
          validFrom: next.validFrom,
          validUntil: next.validUntil,
          services: { set: next.serviceIds.map((id) => ({ id })) },
        },
      });
      return {
        value: { id: existing.id },
        action: "capacity.block.update",
        details: { blockId: existing.id, before: blockDetails(current), after: blockDetails(next) },
      };
    },
  });
}
