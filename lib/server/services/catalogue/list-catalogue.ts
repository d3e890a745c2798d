import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { entryWithOffers } from "./access";

/** Every entry of the city's catalogue by name, with the offices offering it. Administrators only. */
export async function listCatalogue(db: Db, actor: Actor) {
  assertCanGlobally(actor, "catalogue:manage");
  return db.catalogueService.findMany({ orderBy: [{ name: "asc" }, { slug: "asc" }], include: entryWithOffers });
}

export type CatalogueListEntry = Awaited<ReturnType<typeof listCatalogue>>[number];
