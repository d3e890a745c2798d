import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { catalogueEntryFor } from "./access";

/** One entry with its translations and the offices offering it, for its edit page. Administrators only. */
export async function getCatalogueEntryForAdmin(db: Db, actor: Actor, catalogueServiceId: unknown) {
  return catalogueEntryFor(db, actor, catalogueServiceId);
}
