import { fieldError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { UpdateServiceInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { serviceFor } from "./access";
import { isUniqueViolation } from "./input-error";
import { assertServiceSlugFree, saveTranslations, serviceColumns } from "./service-writes";

/**
 * Saves a service's texts, duration and limits. Booked appointments keep the times they were booked with; a new
 * duration applies to bookings made from now on.
 */
export async function updateService(db: Db, actor: Actor, input: UpdateServiceInput) {
  const service = await serviceFor(db, actor, input.serviceId);
  const columns = serviceColumns(input);
  const changed = Object.entries(columns)
    .filter(([key, value]) => service[key as keyof typeof columns] !== value)
    .map(([key]) => key);
  try {
    return await db.$transaction(async (tx) => {
      if (columns.slug !== service.slug) await assertServiceSlugFree(tx, service.officeId, columns.slug, service.id);
      if (changed.length > 0) await tx.service.update({ where: { id: service.id }, data: columns });
      const translations = await saveTranslations(tx, service.id, input.translations, service.translations);
      if (changed.length > 0 || translations.length > 0) {
        await writeAudit(tx, {
          actorId: actor.id,
          officeId: service.officeId,
          action: "service.update",
          details: { serviceId: service.id, changed, translations },
        });
      }
      return { id: service.id, officeId: service.officeId, changed, translations };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "serviceSlugTaken");
    throw e;
  }
}
