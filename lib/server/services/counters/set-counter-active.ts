import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { COUNTER_AUDIT, loadCounterForAdmin } from "./counter-rules";

/**
 * Deactivates or reactivates a counter. A deactivated counter is no longer offered on the counter screen and cannot
 * call; its past tickets keep it for the figures, and tickets forwarded to it go back to every counter.
 */
export async function setCounterActive(db: Db, actor: Actor, input: { counterId: string; active: boolean }) {
  const counter = await loadCounterForAdmin(db, actor, input.counterId);
  return db.$transaction(async (tx) => {
    const updated = await tx.counter.update({ where: { id: counter.id }, data: { active: input.active } });
    if (!input.active) {
      await tx.ticket.updateMany({ where: { forwardedToCounterId: counter.id, status: "WAITING" }, data: { forwardedToCounterId: null } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: counter.officeId,
      action: input.active ? COUNTER_AUDIT.reactivate : COUNTER_AUDIT.deactivate,
      details: { counter: updated.name },
    });
    return updated;
  });
}
