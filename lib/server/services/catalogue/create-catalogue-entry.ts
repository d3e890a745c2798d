import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { CatalogueEntryInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { fieldError } from "@/lib/server/errors";
import { isUniqueViolation } from "../offices/input-error";
import { saveTranslations, textColumns } from "../offices/service-writes";

/** A new entry of the city's catalogue, offered by no office yet. Administrators only. */
export async function createCatalogueEntry(db: Db, actor: Actor, input: CatalogueEntryInput) {
  assertCanGlobally(actor, "catalogue:manage");
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.catalogueService.findUnique({ where: { slug: input.slug }, select: { id: true } }))
        throw fieldError("slug", "catalogueSlugTaken");
      const entry = await tx.catalogueService.create({
        data: { slug: input.slug, leikaKey: input.leikaKey, ...textColumns(input) },
        select: { id: true, slug: true },
      });
      const translations = await saveTranslations(tx, entry.id, input.translations);
      await writeAudit(tx, {
        actorId: actor.id,
        action: "catalogue.create",
        details: { catalogueServiceId: entry.id, slug: entry.slug, translations },
      });
      return { id: entry.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "catalogueSlugTaken");
    throw e;
  }
}
