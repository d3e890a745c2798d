import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { UpdateOverrideInput } from "@/lib/schemas/capacity";
import { assertNoOverlappingOverride, checkedOverride, loadOverride, overrideDetails } from "./override-rules";
import { applyCapacityChange, assertFound, assertUnchanged, type CapacityChangeResult, cancellationOf, officeForActor } from "./shared";

/** Changes an override, possibly to another date: both dates are locked and checked. */
export async function updateDateOverride(
  db: Db,
  actor: Actor,
  input: UpdateOverrideInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const existing = await loadOverride(db, input.overrideId);
  assertFound(existing);
  const office = await officeForActor(db, actor, "capacity:edit", existing.officeId);
  const o = await checkedOverride(db, office, input, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [existing.date, o.date],
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      const current = await loadOverride(tx, existing.id);
      assertFound(current);
      assertUnchanged(existing, current);
      await assertNoOverlappingOverride(tx, office.id, o, existing.id);
      await tx.dateOverride.update({
        where: { id: existing.id },
        data: {
          date: o.date,
          startMinute: o.startMinute,
          endMinute: o.endMinute,
          clerks: o.clerks,
          note: o.note,
          services: { set: o.serviceIds.map((id) => ({ id })) },
        },
      });
      return {
        value: { id: existing.id },
        action: "capacity.override.update",
        details: { overrideId: existing.id, before: overrideDetails(current), after: overrideDetails(o) },
      };
    },
  });
}
