import { localDateOf } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import type { AcceptHolidayInput, RemoveHolidayInput } from "@/lib/schemas/capacity";
import { deleteClosure } from "./closures";
import { holidayRegionOf, publicHolidays } from "./public-holidays";
import {
  applyCapacityChange,
  assertFound,
  CapacityInputError,
  type CapacityChangeResult,
  cancellationOf,
  officeForActor,
} from "./shared";

/**
 * Accepts a computed public holiday: the office is closed that whole day (a Closure of kind HOLIDAY). Only dates that
 * are holidays of the office's region are accepted, and the name comes from the computation, not the request.
 * Bookings already made for that day are a conflict like any other capacity change.
 */
export async function acceptHoliday(
  db: Db,
  actor: Actor,
  input: AcceptHolidayInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const office = await officeForActor(db, actor, "holidays:manage", input.officeId);
  if (input.date < localDateOf(now, office.timeZone)) throw new CapacityInputError("date", "datePast");
  const holiday = publicHolidays(holidayRegionOf(office), input.date, input.date)[0];
  if (!holiday) throw new CapacityInputError("date", "notAHoliday");

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [holiday.date],
    cancellation: cancellationOf(input, defaultReason || holiday.name),
    apply: async (tx) => {
      // Accepting twice (two tabs, a double click) keeps the one closure.
      const existing = await tx.closure.findFirst({
        where: { officeId: office.id, date: holiday.date, kind: "HOLIDAY" },
        select: { id: true },
      });
      const closure =
        existing ??
        (await tx.closure.create({
          data: { officeId: office.id, date: holiday.date, kind: "HOLIDAY", reason: holiday.name },
          select: { id: true },
        }));
      return {
        value: closure,
        action: "capacity.holiday.accept",
        details: { closureId: closure.id, date: holiday.date, alreadyAccepted: Boolean(existing) },
      };
    },
  });
}

/** Takes a holiday back: the office opens by its weekly plan that day. */
export async function removeHoliday(
  db: Db,
  actor: Actor,
  input: RemoveHolidayInput,
  now: Date,
): Promise<CapacityChangeResult<{ id: string }>> {
  const closure = await db.closure.findUnique({ where: { id: input.closureId }, select: { kind: true, officeId: true } });
  assertFound(closure);
  await officeForActor(db, actor, "holidays:manage", closure.officeId);
  if (closure.kind !== "HOLIDAY") throw new CapacityInputError("_form", "notFound");
  return deleteClosure(db, actor, input, now);
}
