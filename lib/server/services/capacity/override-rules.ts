import { fieldError } from "@/lib/server/errors";
import { localDateOf, parseAppointmentKinds } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import type { CapacityPlan, CreateOverrideInput, UpdateOverrideInput } from "@/lib/schemas/capacity";
import { assertServicesOfOffice } from "./shared";

// Different hours or clerk counts for one date. Any override of a date replaces all of that date's weekly blocks
// (lib/domain/capacity.ts); several overrides of one date add up, e.g. 08:00-12:00 and 14:00-16:00.

/** An override without its id: as the form describes it, or as stored. */
export type OverrideShape = Omit<CapacityPlan["overrides"][number], "id">;

/**
 * An override as the form describes it, checked against what does not need the locks: a date not past, the
 * office's own services.
 */
export async function checkedOverride(
  db: Db,
  office: { id: string; timeZone: string },
  input: CreateOverrideInput | UpdateOverrideInput,
  now: Date,
): Promise<OverrideShape> {
  if (input.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");
  await assertServicesOfOffice(db, office.id, input.serviceIds);
  return {
    date: input.date,
    startMinute: input.start,
    endMinute: input.end,
    clerks: input.clerks,
    urgentClerks: input.urgentClerks,
    serviceIds: input.serviceIds,
    appointmentKinds: input.appointmentKinds,
    note: input.note,
  };
}

export async function loadOverride(db: Db | Tx, id: string) {
  const row = await db.dateOverride.findUnique({ where: { id }, include: { services: { select: { id: true } } } });
  if (!row) return null;
  return { ...row, serviceIds: row.services.map((s) => s.id).sort(), appointmentKinds: parseAppointmentKinds(row.appointmentKinds) };
}

/** Same rule as for weekly blocks: one date, same services and kinds, overlapping hours is one override with more clerks. */
export async function assertNoOverlappingOverride(tx: Tx, officeId: string, o: OverrideShape, exceptId?: string) {
  const others = await tx.dateOverride.findMany({
    where: {
      officeId,
      date: o.date,
      startMinute: { lt: o.endMinute },
      endMinute: { gt: o.startMinute },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    include: { services: { select: { id: true } } },
  });
  const key = JSON.stringify([[...o.serviceIds].sort(), o.appointmentKinds]);
  if (others.some((x) => JSON.stringify([x.services.map((s) => s.id).sort(), parseAppointmentKinds(x.appointmentKinds)]) === key)) {
    throw fieldError("start", "overlap");
  }
}

export function overrideDetails(o: OverrideShape) {
  return {
    date: o.date,
    startMinute: o.startMinute,
    endMinute: o.endMinute,
    clerks: o.clerks,
    urgentClerks: o.urgentClerks,
    serviceIds: o.serviceIds,
    appointmentKinds: o.appointmentKinds,
  };
}
