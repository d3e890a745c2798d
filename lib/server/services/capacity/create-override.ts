import { formatAppointmentKinds } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CreateOverrideInput } from "@/lib/schemas/capacity";
import { assertNoOverlappingOverride, checkedOverride, overrideDetails } from "./override-rules";
import { applyCapacityChange, type CapacityChangeResult, cancellationOf, officeForActor } from "./shared";

/** Different hours or clerk counts for one date; fewer clerks may displace bookings, as for any capacity change. */
export async function createDateOverride(
  db: Db,
  actor: Actor,
  input: CreateOverrideInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const office = await officeForActor(db, actor, "capacity:edit", input.officeId);
  const o = await checkedOverride(db, office, input, now);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [o.date],
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      await assertNoOverlappingOverride(tx, office.id, o);
      const created = await tx.dateOverride.create({
        data: {
          officeId: office.id,
          date: o.date,
          startMinute: o.startMinute,
          endMinute: o.endMinute,
          clerks: o.clerks,
          urgentClerks: o.urgentClerks,
          appointmentKinds: formatAppointmentKinds(o.appointmentKinds ?? []),
          note: o.note,
          services: { connect: o.serviceIds.map((id) => ({ id })) },
        },
        select: { id: true },
      });
      return { value: created, action: "capacity.override.create", details: { overrideId: created.id, ...overrideDetails(o) } };
    },
  });
}
