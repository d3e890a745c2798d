import { canGlobally, canOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";

/**
 * The offices an actor administers, grouped like the public directory (by department), with what the list shows:
 * active state, number of services, and what the actor may do. Administrators see all offices, an office's head
 * their own; clerks none.
 */
export async function listAdministeredOffices(db: Db, actor: Actor) {
  const all = canGlobally(actor, "offices:manage");
  const ids = actor.officeIds.filter((id) => canOnOffice(actor, "office:settings", id));
  if (!all && ids.length === 0) return { offices: [], canCreate: false };
  const offices = await db.office.findMany({
    where: all ? {} : { id: { in: ids } },
    orderBy: [{ department: "asc" }, { name: "asc" }],
    include: { _count: { select: { services: { where: { active: true } } } } },
  });
  return {
    canCreate: all,
    offices: offices.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      department: o.department,
      authority: o.authority,
      active: o.active,
      activeServices: o._count.services,
    })),
  };
}

export type AdministeredOffice = Awaited<ReturnType<typeof listAdministeredOffices>>["offices"][number];

/** Department names in use, suggested when typing one, so that offices of one department group together. */
export async function departmentNames(db: Db): Promise<string[]> {
  const rows = await db.office.findMany({
    where: { department: { not: null } },
    select: { department: true },
    distinct: ["department"],
  });
  return rows.map((r) => r.department!).sort((a, b) => a.localeCompare(b, "de"));
}
