import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { assertNameFree, COUNTER_AUDIT, loadCounterForAdmin, officeServices } from "./counter-rules";

export interface UpdateCounterInput {
  counterId: string;
  name: string;
  serviceIds: string[];
}

/** Renames a counter and sets the services it serves (none: all). Tickets already called keep their counter. */
export async function updateCounter(db: Db, actor: Actor, input: UpdateCounterInput) {
  const counter = await loadCounterForAdmin(db, actor, input.counterId);
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, counter.officeId, input.name, counter.id);
    const services = await officeServices(tx, counter.officeId, input.serviceIds);
    const updated = await tx.counter.update({ where: { id: counter.id }, data: { name: input.name, services: { set: services } } });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: counter.officeId,
      action: COUNTER_AUDIT.update,
      details: { counter: updated.name, ...(counter.name !== updated.name ? { formerName: counter.name } : {}), services: services.length },
    });
    return updated;
  });
}
