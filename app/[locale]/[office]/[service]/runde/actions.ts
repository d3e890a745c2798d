"use server";

import type { ActionState } from "@/lib/schemas/form-errors";
import { roundIdSchema } from "@/lib/schemas/release-round";
import { go } from "@/lib/server/actions/citizen-step";
import { wishStep } from "@/lib/server/actions/wish-step";
import { getDb } from "@/lib/server/db";
import { submitRoundRequest } from "@/lib/server/services/rounds/submit-request";

/**
 * A request in a release round's open window, framed like the waiting list's step (wishStep: persons and personal
 * data of the wizard, the wish form's schema, the booking's rate limits and proof of work). Speed gains nothing in
 * a round; it counts once confirmed before the close.
 */
export async function requestInRound(
  officeSlug: string,
  serviceSlug: string,
  roundId: string,
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  if (!roundIdSchema.safeParse(roundId).success) return go("/");
  // createWish takes the permit's expiry from the person, as the personal-data step asked for it.
  return wishStep(officeSlug, serviceSlug, form, ({ service, person, persons, preferences, locale, now }) =>
    submitRoundRequest(getDb(), { roundId, serviceId: service.id, persons, person, preferences, locale, now }),
  );
}
