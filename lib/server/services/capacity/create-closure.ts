import { fieldError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { CreateClosureInput } from "@/lib/schemas/capacity";
import { localDateOf } from "@/lib/domain";
import { applyCapacityChange, type CapacityChangeResult, cancellationOf, officeForActor } from "./shared";

// Closures of one date, whole day or some hours (a staff meeting, a works outing). Public holidays are no closures:
// they close the office by its region, and open-holiday.ts opens one as an exception.

/** Closes the office on a date (whole day, or from start to end); displaced bookings as for any capacity change. */
export async function createClosure(
  db: Db,
  actor: Actor,
  input: CreateClosureInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const office = await officeForActor(db, actor, "capacity:edit", input.officeId);
  if (input.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [input.date],
    cancellation: cancellationOf(input, defaultReason || input.reason),
    apply: async (tx) => {
      const created = await tx.closure.create({
        data: {
          officeId: office.id,
          date: input.date,
          startMinute: input.start,
          endMinute: input.end,
          reason: input.reason,
        },
        select: { id: true },
      });
      return {
        value: created,
        action: "capacity.closure.create",
        details: { closureId: created.id, date: input.date, startMinute: input.start, endMinute: input.end },
      };
    },
  });
}
