import { assertCanOnOffice, type Actor, type OfficeAction } from "@/lib/server/auth/permissions";
import { recordIdSchema } from "@/lib/schemas/office";
import type { Db, Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { catalogueTexts, withTexts } from "@/lib/server/services/service-texts";

// Loading the record a request names for an actor. The office is always the record's own, never one taken from
// the request; unknown ids and ids of other offices get the same answer, so ids cannot be probed.

export async function officeFor(db: Db | Tx, actor: Actor, action: OfficeAction, officeId: unknown) {
  const id = recordIdSchema.safeParse(officeId);
  const office = id.success ? await db.office.findUnique({ where: { id: id.data } }) : null;
  if (!office) {
    assertCanOnOffice(actor, action, id.success ? id.data : "");
    throw new AppError("OFFICE_NOT_FOUND");
  }
  assertCanOnOffice(actor, action, office.id);
  return office;
}

export async function serviceFor(db: Db | Tx, actor: Actor, serviceId: unknown) {
  const id = recordIdSchema.safeParse(serviceId);
  const service = id.success
    ? await db.service.findUnique({ where: { id: id.data }, include: catalogueTexts })
    : null;
  if (!service) throw new AppError("SERVICE_NOT_FOUND");
  assertCanOnOffice(actor, "services:manage", service.officeId);
  return withTexts(service);
}
