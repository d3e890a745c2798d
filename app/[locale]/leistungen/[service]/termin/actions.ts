"use server";

import { anyLocationChoiceSchema } from "@/lib/schemas/any-location";
import { slugSchema } from "@/lib/schemas/booking";
import { go, redirectingStep } from "@/lib/server/actions/citizen-step";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { combinationOffers, loadCatalogueOffers } from "@/lib/server/services/any-location";
import { findSlotProblem } from "@/lib/server/services/check-slot";
import { readWizardState, writeWizardState } from "@/lib/server/wizard-state";

/**
 * A time taken in the "earliest at any location" calendar: checked like any chosen slot, for the combination and kind
 * it was listed for, then the citizen continues in that office's own wizard with the time, the office's services for
 * the further entries and the kind kept for the persons it was listed for.
 */
export async function chooseAnyLocationSlot(catalogueSlug: string, form: FormData): Promise<void> {
  if (!slugSchema.safeParse(catalogueSlug).success) return go("/");
  const calendar = `/leistungen/${catalogueSlug}/termin`;
  return redirectingStep("wizard", calendar, async () => {
    const choice = anyLocationChoiceSchema.safeParse({
      office: form.get("office"),
      persons: form.get("persons"),
      start: form.get("start"),
      further: form.getAll("further"),
      kind: form.get("kind") ?? undefined,
    });
    if (!choice.success) throw new AppError("SLOT_NOT_OFFERED");
    const { office, persons, start, further, kind } = choice.data;
    // The location's own answer for the combination, as the calendar listed it; a location that no longer takes it
    // in this kind cannot be booked there.
    const found = await loadCatalogueOffers(getDb(), catalogueSlug);
    if (!found.offers.some((o) => o.office.slug === office)) throw new AppError("SERVICE_NOT_FOUND");
    const combination = combinationOffers(found, { further, kind });
    const offer = combination.offers.find((o) => o.office.slug === office);
    if (!offer?.shape || combination.kind !== kind) throw new AppError("SLOT_NOT_OFFERED");
    const officeFurther = offer.shape.furtherServices.map((s) => s.slug);
    const problem = await findSlotProblem(getDb(), {
      officeSlug: office,
      serviceSlug: offer.service.slug,
      appointment: { further: officeFurther, kind },
      persons,
      start: new Date(start),
      now: new Date(),
    });
    if (problem) throw new AppError(problem);
    // Personal data entered before for this office and service stays; the personal-data step comes next anyway.
    const previous = await readWizardState(office, offer.service.slug);
    await writeWizardState({
      office,
      service: offer.service.slug,
      further: officeFurther.length > 0 ? officeFurther : undefined,
      person: previous?.person,
      slot: start,
      slotPersons: persons,
      slotKind: kind,
      anyLocation: catalogueSlug,
    });
    return `/${office}/${offer.service.slug}`;
  });
}
