import { formatAppointmentKinds } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { UpdateOverrideInput } from "@/lib/schemas/capacity";
import { assertNoOverlappingOverride, checkedOverride, loadOverride, overrideDetails } from "./override-rules";
import { applyCapacityChange, type CapacityChangeResult, cancellationOf, recordForActor, reloadUnchanged } from "./shared";

/** Changes an override, possibly to another date: both dates are locked and checked. */
export async function updateDateOverride(
  db: Db,
  actor: Actor,
  input: UpdateOverrideInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const { existing, office } = await recordForActor(db, actor, loadOverride(db, input.overrideId));
  const o = await checkedOverride(db, office, input, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [existing.date, o.date],
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      const current = await reloadUnchanged(existing, loadOverride(tx, existing.id));
      await assertNoOverlappingOverride(tx, office.id, o, existing.id);
      await tx.dateOverride.update({
        where: { id: existing.id },
        data: {
          date: o.date,
          startMinute: o.startMinute,
          endMinute: o.endMinute,
          clerks: o.clerks,
          urgentClerks: o.urgentClerks,
          appointmentKinds: formatAppointmentKinds(o.appointmentKinds ?? []),
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
