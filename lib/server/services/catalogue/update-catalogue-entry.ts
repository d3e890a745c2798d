import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { UpdateCatalogueEntryInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { fieldError } from "@/lib/server/errors";
import { isUniqueViolation } from "../offices/input-error";
import { changedKeys, saveTranslations, textColumns } from "../offices/service-writes";
import { catalogueEntryFor } from "./access";

/**
 * Saves an entry's address, LeiKa key and texts in every language; they change at once for every office offering
 * it. The offices' own addresses of the service (their booking links) stay. Administrators only.
 */
export async function updateCatalogueEntry(db: Db, actor: Actor, input: UpdateCatalogueEntryInput) {
  const entry = await catalogueEntryFor(db, actor, input.catalogueServiceId);
  const columns = { slug: input.slug, leikaKey: input.leikaKey, ...textColumns(input) };
  const changed = changedKeys(entry, columns);
  try {
    return await db.$transaction(async (tx) => {
      if (columns.slug !== entry.slug && (await tx.catalogueService.count({ where: { slug: columns.slug } })) > 0)
        throw fieldError("slug", "catalogueSlugTaken");
      if (changed.length > 0) await tx.catalogueService.update({ where: { id: entry.id }, data: columns });
      const translations = await saveTranslations(tx, entry.id, input.translations, entry.translations);
      if (changed.length > 0 || translations.length > 0) {
        await writeAudit(tx, {
          actorId: actor.id,
          action: "catalogue.update",
          details: { catalogueServiceId: entry.id, changed, translations },
        });
      }
      return { id: entry.id, changed, translations };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "catalogueSlugTaken");
    throw e;
  }
}
