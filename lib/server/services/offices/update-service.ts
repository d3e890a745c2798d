import { fieldError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit";
import { type Actor, canEditCatalogueTexts } from "@/lib/server/auth/permissions";
import type { UpdateServiceInput } from "@/lib/schemas/office";
import type { Db } from "@/lib/server/db/client";
import { serviceFor } from "./access";
import { isUniqueViolation } from "./input-error";
import {
  assertKindsPossible,
  assertServiceSlugFree,
  changedKeys,
  offerColumns,
  saveTranslations,
  textColumns,
} from "./service-writes";

/**
 * Saves a service's texts, duration and limits. The texts belong to its catalogue entry and change for every office
 * that offers it: an office's head may change them only while no other office offers the entry. Booked
 * appointments keep the times they were booked with; a new duration applies to bookings made from now on.
 */
export async function updateService(db: Db, actor: Actor, input: UpdateServiceInput) {
  const service = await serviceFor(db, actor, input.serviceId);
  const offer = offerColumns(input);
  const texts = textColumns(input);
  const changedOffer = changedKeys(service, offer);
  const changedTexts = changedKeys(service, texts);
  try {
    return await db.$transaction(async (tx) => {
      const office = await tx.office.findUniqueOrThrow({
        where: { id: service.officeId },
        select: { videoMeetingUrlTemplate: true },
      });
      if (changedOffer.includes("appointmentKinds")) assertKindsPossible(office, offer.appointmentKinds);
      if (offer.slug !== service.slug) await assertServiceSlugFree(tx, service.officeId, offer.slug, service.id);
      if (changedOffer.length > 0) await tx.service.update({ where: { id: service.id }, data: offer });
      if (changedTexts.length > 0)
        await tx.catalogueService.update({ where: { id: service.catalogueServiceId }, data: texts });
      const translations = await saveTranslations(
        tx,
        service.catalogueServiceId,
        input.translations,
        service.translations,
      );
      if (changedTexts.length > 0 || translations.length > 0) {
        const offering = await tx.service.findMany({
          where: { catalogueServiceId: service.catalogueServiceId },
          select: { officeId: true },
        });
        // Refused after the writes: the transaction takes them back.
        if (!canEditCatalogueTexts(actor, offering.map((s) => s.officeId))) throw fieldError("name", "sharedTextsAdminOnly");
      }
      const changed = [...changedOffer, ...changedTexts];
      if (changed.length > 0 || translations.length > 0) {
        await writeAudit(tx, {
          actorId: actor.id,
          officeId: service.officeId,
          action: "service.update",
          details: { serviceId: service.id, catalogueServiceId: service.catalogueServiceId, changed, translations },
        });
      }
      return { id: service.id, officeId: service.officeId, changed, translations };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("slug", "serviceSlugTaken");
    throw e;
  }
}
