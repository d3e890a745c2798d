import { fieldError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { CreateServiceInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { officeFor } from "./access";
import { isUniqueViolation } from "./input-error";
import {
  assertKindsPossible,
  assertServiceSlugFree,
  freeCatalogueSlug,
  offerColumns,
  saveTranslations,
  textColumns,
} from "./service-writes";

/**
 * A new service of an office, active and listed last: a new catalogue entry with its texts and the office's offer of
 * it, in one go. Office heads of that office and administrators.
 */
export async function createService(db: Db, actor: Actor, input: CreateServiceInput) {
  const office = await officeFor(db, actor, "services:manage", input.officeId);
  assertKindsPossible(office, input.appointmentKinds);
  try {
    return await db.$transaction(async (tx) => {
      await assertServiceSlugFree(tx, office.id, input.slug);
      const last = await tx.service.findFirst({
        where: { officeId: office.id },
        orderBy: { sortOrder: "desc" },
        select: { sortOrder: true },
      });
      const entry = await tx.catalogueService.create({
        data: { slug: await freeCatalogueSlug(tx, input.slug, office.slug), ...textColumns(input) },
        select: { id: true, slug: true },
      });
      const service = await tx.service.create({
        data: {
          officeId: office.id,
          catalogueServiceId: entry.id,
          ...offerColumns(input),
          sortOrder: (last?.sortOrder ?? -1) + 1,
        },
        select: { id: true, slug: true },
      });
      const locales = await saveTranslations(tx, entry.id, input.translations);
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        action: "service.create",
        details: { serviceId: service.id, slug: service.slug, catalogueServiceId: entry.id, translations: locales },
      });
      return { id: service.id, officeId: office.id, catalogueServiceId: entry.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "serviceSlugTaken");
    throw e;
  }
}
