import type { Db } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/auth/permissions";

/** The offices a staff member works for (all offices for administrators). */
export function officesOf(db: Db, actor: Actor) {
  return db.office.findMany({
    where: actor.role === "ADMIN" ? {} : { id: { in: [...actor.officeIds] } },
    orderBy: [{ department: "asc" }, { name: "asc" }],
  });
}
