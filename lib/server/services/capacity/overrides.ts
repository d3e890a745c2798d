import { fieldError } from "@/lib/server/errors";
import { localDateOf } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import type { CreateOverrideInput, DeleteOverrideInput, UpdateOverrideInput } from "@/lib/schemas/capacity";
import { applyCapacityChange, assertFound, assertServicesOfOffice, assertUnchanged, type CapacityChangeResult, cancellationOf, officeForActor } from "./shared";

// Different hours or clerk counts for one date. Any override of a date replaces all of that date's weekly blocks
// (lib/domain/capacity.ts); several overrides of one date add up, e.g. 08:00-12:00 and 14:00-16:00.

interface OverrideShape {
  date: string;
  startMinute: number;
  endMinute: number;
  clerks: number;
  serviceIds: string[];
  note: string | null;
}

function shapeOf(input: CreateOverrideInput | UpdateOverrideInput): OverrideShape {
  return {
    date: input.date,
    startMinute: input.start,
    endMinute: input.end,
    clerks: input.clerks,
    serviceIds: input.serviceIds,
    note: input.note,
  };
}

async function loadOverride(db: Db | Tx, id: string) {
  const row = await db.dateOverride.findUnique({ where: { id }, include: { services: { select: { id: true } } } });
  if (!row) return null;
  return { ...row, serviceIds: row.services.map((s) => s.id).sort() };
}

/** Same rule as for weekly blocks: one date, same services, overlapping hours is one override with more clerks. */
async function assertNoOverlappingOverride(tx: Tx, officeId: string, o: OverrideShape, exceptId?: string) {
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
  const key = JSON.stringify([...o.serviceIds].sort());
  if (others.some((x) => JSON.stringify(x.services.map((s) => s.id).sort()) === key)) {
    throw fieldError("start", "overlap");
  }
}

function details(o: OverrideShape) {
  return { date: o.date, startMinute: o.startMinute, endMinute: o.endMinute, clerks: o.clerks, serviceIds: o.serviceIds };
}

export async function createDateOverride(
  db: Db,
  actor: Actor,
  input: CreateOverrideInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const office = await officeForActor(db, actor, "capacity:edit", input.officeId);
  const o = shapeOf(input);
  if (o.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");
  await assertServicesOfOffice(db, office.id, o.serviceIds);

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
          note: o.note,
          services: { connect: o.serviceIds.map((id) => ({ id })) },
        },
        select: { id: true },
      });
      return { value: created, action: "capacity.override.create", details: { overrideId: created.id, ...details(o) } };
    },
  });
}

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
  const o = shapeOf(input);
  if (o.date < localDateOf(now, office.timeZone)) throw fieldError("date", "datePast");
  await assertServicesOfOffice(db, office.id, o.serviceIds);

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
        details: { overrideId: existing.id, before: details(current), after: details(o) },
      };
    },
  });
}

/** Removing a date's last override brings back its weekly blocks, which may hold fewer clerks: checked as well. */
export async function deleteDateOverride(
  db: Db,
  actor: Actor,
  input: DeleteOverrideInput,
  now: Date,
  defaultReason = "",
): Promise<CapacityChangeResult<{ id: string }>> {
  const existing = await loadOverride(db, input.overrideId);
  assertFound(existing);
  const office = await officeForActor(db, actor, "capacity:edit", existing.officeId);

  return applyCapacityChange(db, {
    office,
    actor,
    now,
    dates: [existing.date],
    cancellation: cancellationOf(input, defaultReason),
    apply: async (tx) => {
      const { count } = await tx.dateOverride.deleteMany({ where: { id: existing.id } });
      if (count === 0) throw fieldError("_form", "notFound");
      return { value: { id: existing.id }, action: "capacity.override.delete", details: { overrideId: existing.id, ...details(existing) } };
    },
  });
}
