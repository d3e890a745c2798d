import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import { recordIdSchema } from "@/lib/schemas/office";
import type { Db, Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

// The city's catalogue is the administration's: every use case here checks that first, then loads the entry the
// request names (an unknown id is "not found", like a service of an office).

/** Prisma `include` of an entry's translations and the offices offering it, in the order the pages list them. */
export const entryWithOffers = {
  translations: { orderBy: { locale: "asc" } },
  offers: {
    include: { office: { select: { id: true, name: true, slug: true, active: true } } },
    orderBy: { office: { name: "asc" } },
  },
} as const;

export async function catalogueEntryFor(db: Db | Tx, actor: Actor, catalogueServiceId: unknown) {
  assertCanGlobally(actor, "catalogue:manage");
  const id = recordIdSchema.safeParse(catalogueServiceId);
  const entry = id.success
    ? await db.catalogueService.findUnique({ where: { id: id.data }, include: entryWithOffers })
    : null;
  if (!entry) throw new AppError("SERVICE_NOT_FOUND");
  return entry;
}
