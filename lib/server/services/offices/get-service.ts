import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { serviceFor } from "./access";

/** One service with its translations and its office's name, for the edit page. */
export async function getServiceForAdmin(db: Db, actor: Actor, serviceId: unknown) {
  const service = await serviceFor(db, actor, serviceId);
  const office = await db.office.findUniqueOrThrow({
    where: { id: service.officeId },
    select: { id: true, name: true, slug: true },
  });
  return { service, office };
}
