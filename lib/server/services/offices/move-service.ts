import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { serviceFor } from "./access";

/** Moves a service one place up or down in the office's list (the order citizens see in step 1). */
export async function moveService(db: Db, actor: Actor, input: { serviceId: string; direction: "up" | "down" }) {
  const service = await serviceFor(db, actor, input.serviceId);
  return db.$transaction(async (tx) => {
    const order = await tx.service.findMany({
      where: { officeId: service.officeId },
      orderBy: [{ sortOrder: "asc" }, { catalogueService: { name: "asc" } }],
      select: { id: true, sortOrder: true },
    });
    const from = order.findIndex((s) => s.id === service.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return { id: service.id, officeId: service.officeId, moved: false };
    [order[from], order[to]] = [order[to], order[from]];
    // Renumbered from 0: equal or missing numbers (e.g. from an import) end up in a clear order too.
    for (const [i, s] of order.entries()) {
      if (s.sortOrder !== i) await tx.service.update({ where: { id: s.id }, data: { sortOrder: i } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: service.officeId,
      action: "service.reorder",
      details: { serviceId: service.id, direction: input.direction, position: to + 1 },
    });
    return { id: service.id, officeId: service.officeId, moved: true };
  });
}
