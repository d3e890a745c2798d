import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { assertNameFree, COUNTER_AUDIT, COUNTER_PERMISSION, officeServices } from "./counter-rules";

export interface CreateCounterInput {
  officeId: string;
  name: string;
  /** Empty: the counter serves every service. */
  serviceIds: string[];
}

/** Adds a counter ("Platz 4") to an office, at the end of its list. */
export async function createCounter(db: Db, actor: Actor, input: CreateCounterInput) {
  const office = await db.office.findUnique({ where: { id: input.officeId }, select: { id: true } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  assertCanOnOffice(actor, COUNTER_PERMISSION, office.id);
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, office.id, input.name);
    const services = await officeServices(tx, office.id, input.serviceIds);
    const last = await tx.counter.aggregate({ where: { officeId: office.id }, _max: { sortOrder: true } });
    const counter = await tx.counter.create({
      data: { officeId: office.id, name: input.name, sortOrder: (last._max.sortOrder ?? -1) + 1, services: { connect: services } },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      action: COUNTER_AUDIT.create,
      details: { counter: counter.name, services: services.length },
    });
    return counter;
  });
}
