"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { localDateOf } from "@/lib/domain";
import { slugSchema } from "@/lib/schemas/booking";
import type { ActionState } from "@/lib/schemas/form-errors";
import { wishPreferencesFromForm, wishPreferencesSchema } from "@/lib/schemas/wish";
import { formStep, go } from "@/lib/server/actions/citizen-step";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { ANTIBOT_FIELD, guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { createWish } from "@/lib/server/services/waitlist/create-wish";
import { readWizardState } from "@/lib/server/wizard-state";

/**
 * The wizard's waiting-list step: the service, persons and personal data entered before, the preferences from this
 * form (validated by its own schema). The same rate limits and proof of work as booking guard it, so the waiting
 * list is no way around them. The wish is unconfirmed until the citizen confirms it through the e-mail's link.
 */
export async function leaveWish(officeSlug: string, serviceSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  if (![officeSlug, serviceSlug].every((s) => slugSchema.safeParse(s).success)) return go("/");
  const found = await findOfficeAndService(getDb(), officeSlug, serviceSlug);
  if (!found) return { formError: "SERVICE_NOT_FOUND" };
  const { office, service } = found;
  const state = await readWizardState(office.slug, service.slug);
  if (!state?.person) return go(`/${office.slug}/${service.slug}`);
  const { person } = state;
  const now = new Date();
  const schema = wishPreferencesSchema({ today: localDateOf(now, office.timeZone), bookingHorizonDays: office.bookingHorizonDays });
  return formStep("waitlist", schema, wishPreferencesFromForm(form), async (preferences) => {
    const guard = await guardBooking(getDb(), {
      ipHash: hashClientAddress(clientAddressOf(await headers())),
      email: person.email,
      challenge: form.get(ANTIBOT_FIELD),
    });
    if (!guard.ok) throw new AppError(guard.code);
    await createWish({
      officeId: office.id,
      serviceId: service.id,
      persons: Math.min(person.persons, service.maxPersons),
      person,
      preferences,
      locale: await getLocale(),
      source: "WAITLIST",
      now,
    });
    kickOutbox();
    return `/${office.slug}/${service.slug}/warteliste/eingetragen`;
  });
}
