"use server";

import type { ActionState } from "@/lib/schemas/form-errors";
import { wishStep } from "@/lib/server/actions/wish-step";
import { createWish } from "@/lib/server/services/waitlist/create-wish";

/**
 * The wizard's waiting-list step: the service, persons and personal data entered before, the preferences from this
 * form (validated by its own schema). The same rate limits and proof of work as booking guard it, so the waiting
 * list is no way around them. The wish is unconfirmed until the citizen confirms it through the e-mail's link.
 */
export async function leaveWish(officeSlug: string, serviceSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  return wishStep(officeSlug, serviceSlug, form, ({ office, service, person, persons, preferences, locale, now }) =>
    createWish({ officeId: office.id, serviceId: service.id, persons, person, preferences, locale, source: "WAITLIST", now }),
  );
}
