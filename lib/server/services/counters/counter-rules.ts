import "server-only";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db, Tx } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";

// Shared by the counters' administration: who may set counters up (the office's heads), and the services a counter
// may be given (its own office's only).

export const COUNTER_PERMISSION = "office:settings" as const;

export const COUNTER_AUDIT = {
  create: "counter.create",
  update: "counter.update",
  deactivate: "counter.deactivate",
  reactivate: "counter.reactivate",
} as const;

/** A counter by id for an actor who may administer its office. */
export async function loadCounterForAdmin(db: Db, actor: Actor, counterId: string) {
  const counter = await db.counter.findUnique({ where: { id: counterId } });
  if (!counter) throw new AppError("COUNTER_NOT_FOUND");
  assertCanOnOffice(actor, COUNTER_PERMISSION, counter.officeId);
  return counter;
}

/** The ids as connections, refused for the field when one is not a service of the office. */
export async function officeServices(tx: Tx, officeId: string, serviceIds: readonly string[]) {
  const ids = [...new Set(serviceIds)];
  const found = await tx.service.count({ where: { officeId, id: { in: ids } } });
  if (found !== ids.length) throw fieldError("serviceIds", "invalid");
  return ids.map((id) => ({ id }));
}

/** A second counter of the same name would be indistinguishable on the display. */
export async function assertNameFree(tx: Tx, officeId: string, name: string, exceptId?: string) {
  const clash = await tx.counter.findFirst({ where: { officeId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw fieldError("name", "counterNameTaken");
}
