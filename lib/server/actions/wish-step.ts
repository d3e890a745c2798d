import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { localDateOf } from "@/lib/domain";
import { slugSchema } from "@/lib/schemas/booking";
import type { ActionState } from "@/lib/schemas/form-errors";
import { type WishPreferences, wishPreferencesFromForm, wishPreferencesSchema } from "@/lib/schemas/wish";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { ANTIBOT_FIELD, guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { readWizardState, type WizardState } from "@/lib/server/wizard-state";
import { formStep, go } from "./citizen-step";

type Found = NonNullable<Awaited<ReturnType<typeof findOfficeAndService>>>;

/**
 * The frame of the wizard's wish steps (the waiting list, a release round's request): the persons and personal data
 * entered before, the preferences of the wish form validated by its own schema, and the booking's rate limits and
 * proof of work, so that neither is a way around them. `create` writes the wish; then the "check your e-mail" page.
 */
export async function wishStep(
  officeSlug: string,
  serviceSlug: string,
  form: FormData,
  create: (args: {
    office: Found["office"];
    service: Found["service"];
    person: NonNullable<WizardState["person"]>;
    persons: number;
    preferences: WishPreferences;
    locale: string;
    now: Date;
  }) => Promise<unknown>,
): Promise<ActionState> {
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
    const persons = Math.min(person.persons, service.maxPersons);
    await create({ office, service, person, persons, preferences, locale: await getLocale(), now });
    kickOutbox();
    return `/${office.slug}/${service.slug}/warteliste/eingetragen`;
  });
}
