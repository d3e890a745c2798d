import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { serviceFor } from "./access";

/** Offers a service online again, or stops offering it; booked appointments for it stay. */
export async function setServiceActive(db: Db, actor: Actor, input: { serviceId: string; active: boolean }) {
  const service = await serviceFor(db, actor, input.serviceId);
  if (service.active === input.active) return { id: service.id, officeId: service.officeId, active: service.active };
  return db.$transaction(async (tx) => {
    await tx.service.update({ where: { id: service.id }, data: { active: input.active } });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: service.officeId,
      action: input.active ? "service.activate" : "service.deactivate",
      details: { serviceId: service.id },
    });
    return { id: service.id, officeId: service.officeId, active: input.active };
  });
}
