import { type Actor, canGlobally } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { officeFor } from "./access";

/**
 * The catalogue entries an office does not offer yet, with the offices that do: what it can start offering, or
 * (for administrators) link one of its services to. Office heads of that office and administrators.
 */
export async function catalogueChoicesFor(db: Db, actor: Actor, officeId: unknown) {
  const office = await officeFor(db, actor, "services:manage", officeId);
  const entries = await db.catalogueService.findMany({
    where: { offers: { none: { officeId: office.id } } },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      leikaKey: true,
      offers: { select: { office: { select: { name: true } } }, orderBy: { office: { name: "asc" } } },
    },
  });
  return {
    office,
    entries: entries.map(({ offers, ...entry }) => ({ ...entry, offeredBy: offers.map((o) => o.office.name) })),
    canRelink: canGlobally(actor, "catalogue:manage"),
  };
}

export type CatalogueChoice = Awaited<ReturnType<typeof catalogueChoicesFor>>["entries"][number];
