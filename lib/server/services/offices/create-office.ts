import { fieldError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit";
import { assertCanGlobally, type Actor } from "@/lib/server/auth/permissions";
import type { CreateOfficeInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { isUniqueViolation } from "./input-error";
import { assertSlugFree, officeColumns } from "./office-writes";

/**
 * A new office, active at once: with services and capacity it is bookable under /<slug> without a restart (the
 * public pages read the offices per request). Administrators only.
 */
export async function createOffice(
  db: Db,
  actor: Actor,
  input: CreateOfficeInput,
): Promise<{ id: string; slug: string }> {
  assertCanGlobally(actor, "offices:manage");
  try {
    return await db.$transaction(async (tx) => {
      await assertSlugFree(tx, input.slug);
      const office = await tx.office.create({
        data: { slug: input.slug, ...officeColumns(input) },
        select: { id: true, slug: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        officeId: office.id,
        action: "office.create",
        details: { slug: office.slug },
      });
      return office;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "slugTaken");
    throw e;
  }
}
