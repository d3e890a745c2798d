import { type Actor, canEditCatalogueTexts, canGlobally } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { serviceFor } from "./access";

/**
 * One service with its translations and its office's name, for the edit page, and the offices sharing its catalogue
 * entry: whether this person may change the shared texts, and whether they may link it to another entry.
 */
export async function getServiceForAdmin(db: Db, actor: Actor, serviceId: unknown) {
  const service = await serviceFor(db, actor, serviceId);
  const [office, offers] = await Promise.all([
    db.office.findUniqueOrThrow({ where: { id: service.officeId }, select: { id: true, name: true, slug: true } }),
    db.service.findMany({
      where: { catalogueServiceId: service.catalogueServiceId },
      select: { officeId: true, office: { select: { name: true } } },
      orderBy: { office: { name: "asc" } },
    }),
  ]);
  return {
    service,
    office,
    entry: {
      slug: service.catalogueSlug,
      /** The other offices offering the same entry. */
      sharedWith: offers.filter((o) => o.officeId !== office.id).map((o) => o.office.name),
      canEditTexts: canEditCatalogueTexts(actor, offers.map((o) => o.officeId)),
      canRelink: canGlobally(actor, "catalogue:manage"),
    },
  };
}
