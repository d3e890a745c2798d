import { canGlobally, canOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { catalogueTexts, withTexts } from "@/lib/server/services/service-texts";
import { officeFor } from "./access";

/** One office with all its settings and its services (with their translations), for the edit page. */
export async function getOfficeForAdmin(db: Db, actor: Actor, officeId: unknown) {
  const office = await officeFor(db, actor, "office:settings", officeId);
  const services = await db.service.findMany({
    where: { officeId: office.id },
    orderBy: [{ sortOrder: "asc" }, { catalogueService: { name: "asc" } }],
    include: catalogueTexts,
  });
  return {
    office,
    services: services.map(withTexts),
    can: {
      /** Slug, activation and deactivation belong to the administration. */
      manageOffice: canGlobally(actor, "offices:manage"),
      manageServices: canOnOffice(actor, "services:manage", office.id),
    },
  };
}

export type OfficeForAdmin = Awaited<ReturnType<typeof getOfficeForAdmin>>;
