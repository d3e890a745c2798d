import "server-only";
import { slugSchema } from "@/lib/schemas/booking";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { officeServiceNames } from "../service-texts";
import { COUNTER_PERMISSION } from "./counter-rules";

/** The counters of an office, active and inactive, with their services, and the services to choose from. */
export async function listCounters(db: Db, actor: Actor, officeSlug: string) {
  if (!slugSchema.safeParse(officeSlug).success) throw new AppError("OFFICE_NOT_FOUND");
  const office = await db.office.findUnique({ where: { slug: officeSlug }, select: { id: true, slug: true, name: true, authority: true } });
  if (!office) throw new AppError("OFFICE_NOT_FOUND");
  assertCanOnOffice(actor, COUNTER_PERMISSION, office.id);
  const [counters, services] = await Promise.all([
    db.counter.findMany({
      where: { officeId: office.id },
      include: { services: { select: { id: true }, orderBy: { sortOrder: "asc" } } },
      orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    }),
    officeServiceNames(db, office.id),
  ]);
  return {
    office,
    counters: counters.map((c) => ({ id: c.id, name: c.name, active: c.active, serviceIds: c.services.map((s) => s.id) })),
    services,
  };
}
