import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/auth/permissions";
import type { OfferServiceInput } from "@/lib/schemas/office";
import type { Db, Tx } from "@/lib/server/db/client";
import { fieldError } from "@/lib/server/errors";
import { officeFor } from "./access";
import { isUniqueViolation } from "./input-error";
import { assertKindsPossible, assertServiceSlugFree, offerColumns } from "./service-writes";

/**
 * An office starts offering an entry of the city's catalogue, with its own duration, persons and rules; the texts
 * are the entry's. Active and listed last. Office heads of that office and administrators.
 */
export async function offerService(db: Db, actor: Actor, input: OfferServiceInput) {
  const office = await officeFor(db, actor, "services:manage", input.officeId);
  assertKindsPossible(office, input.appointmentKinds);
  try {
    return await db.$transaction(async (tx) => {
      await assertNotOffered(tx, office.id, input.catalogueServiceId);
      await assertServiceSlugFree(tx, office.id, input.slug);
      const last = await tx.service.findFirst({
        where: { officeId: office.id },
        orderBy: { sortOrder: "desc" },
        select: { sortOrder: true },
      });
      const service = await tx.service.create({
        data: {
          officeId: office.id,
          catalogueServiceId: input.catalogueServiceId,
          ...offerColumns(input),
          sortOrder: (last?.sortOrder ?? -1) + 1,
        },
        select: { id: true, slug: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        action: "service.offer",
        details: { serviceId: service.id, slug: service.slug, catalogueServiceId: input.catalogueServiceId },
      });
      return { id: service.id, officeId: office.id };
    });
  } catch (e) {
    // Two offers of one entry at once: the office's (officeId, catalogueServiceId) key refuses the second.
    if (isUniqueViolation(e)) throw fieldError("catalogueServiceId", "alreadyOffered");
    throw e;
  }
}

/** The entry exists and the office does not offer it yet (an office offers each entry once). */
export async function assertNotOffered(tx: Tx, officeId: string, catalogueServiceId: string) {
  const entry = await tx.catalogueService.findUnique({
    where: { id: catalogueServiceId },
    select: { offers: { where: { officeId }, select: { id: true } } },
  });
  if (!entry) throw fieldError("catalogueServiceId", "catalogueEntryUnknown");
  if (entry.offers.length > 0) throw fieldError("catalogueServiceId", "alreadyOffered");
}
