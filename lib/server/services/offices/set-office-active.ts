import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { officeFor } from "./access";

/**
 * Takes an office off the public site (directory, deep links, QR codes, API; new bookings refused) or back on.
 * Existing bookings stay as they are and the staff keep working on them. Administrators only.
 */
export async function setOfficeActive(db: Db, actor: Actor, input: { officeId: string; active: boolean }) {
  assertCanGlobally(actor, "offices:manage");
  const office = await officeFor(db, actor, "office:settings", input.officeId);
  if (office.active === input.active) return { id: office.id, slug: office.slug, active: office.active };
  return db.$transaction(async (tx) => {
    await tx.office.update({ where: { id: office.id }, data: { active: input.active } });
    await writeAudit(tx, {
      actorId: actor.id,
      officeId: office.id,
      action: input.active ? "office.reactivate" : "office.deactivate",
    });
    return { id: office.id, slug: office.slug, active: input.active };
  });
}
