import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { RelinkServiceInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { fieldError } from "@/lib/server/errors";
import { serviceFor } from "./access";
import { isUniqueViolation } from "./input-error";
import { assertNotOffered } from "./offer-service";

/**
 * Links an office's service to another entry of the catalogue, to merge the duplicates the catalogue's migration
 * made of services several offices named alike. The office's settings, bookings and address stay; the texts are
 * then the other entry's. The entry left behind is removed once no office offers it any more. Refused where the
 * office already offers the other entry. Administrators only.
 */
export async function relinkService(db: Db, actor: Actor, input: RelinkServiceInput) {
  assertCanGlobally(actor, "catalogue:manage");
  const service = await serviceFor(db, actor, input.serviceId);
  const from = service.catalogueServiceId;
  if (input.catalogueServiceId === from) throw fieldError("catalogueServiceId", "sameEntry");
  try {
    return await db.$transaction(async (tx) => {
      await assertNotOffered(tx, service.officeId, input.catalogueServiceId);
      await tx.service.update({ where: { id: service.id }, data: { catalogueServiceId: input.catalogueServiceId } });
      const left = await tx.service.count({ where: { catalogueServiceId: from } });
      const removed = left === 0 ? await tx.catalogueService.delete({ where: { id: from }, select: { slug: true } }) : null;
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: service.officeId,
        action: "service.relink",
        details: { serviceId: service.id, from, to: input.catalogueServiceId, removedEntry: removed?.slug ?? null },
      });
      return { id: service.id, officeId: service.officeId, catalogueServiceId: input.catalogueServiceId, removed: removed !== null };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("catalogueServiceId", "alreadyOffered");
    throw e;
  }
}
