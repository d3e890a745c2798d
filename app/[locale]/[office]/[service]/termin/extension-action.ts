"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { slugSchema } from "@/lib/schemas/booking";
import { go, redirectingStep } from "@/lib/server/actions/citizen-step";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { antibotEnabled } from "@/lib/server/security/antibot";
import { clientAddressOf, consumeBookingAttempt, hashClientAddress } from "@/lib/server/security/rate-limit";
import { fileExtensionRequest } from "@/lib/server/services/extension/file-extension-request";
import { readWizardState } from "@/lib/server/wizard-state";

/**
 * The slot step's "file the extension request now": with the person the wizard holds, an EXTENSION wish and its
 * signed receipt; then the receipt's page. Refused (the offer no longer applies, too many wishes) back to the slot
 * step with ?fehler=CODE. Counted against the booking's limits per client and per address (a filed request puts a
 * wish with priority on the waiting list, so it must be no way around them).
 */
export async function fileExtension(officeSlug: string, serviceSlug: string): Promise<void> {
  if (![officeSlug, serviceSlug].every((s) => slugSchema.safeParse(s).success)) return go("/");
  const state = await readWizardState(officeSlug, serviceSlug);
  if (!state?.person) return go(`/${officeSlug}/${serviceSlug}`);
  const { persons, privacyConsent: _consent, ...person } = state.person;
  return redirectingStep("wizard", `/${officeSlug}/${serviceSlug}/termin`, async () => {
    if (antibotEnabled()) {
      const ipHash = hashClientAddress(clientAddressOf(await headers()));
      const limit = await consumeBookingAttempt(getDb(), { ipHash, email: person.email });
      if (!limit.ok) throw new AppError("RATE_LIMITED");
    }
    const filed = await fileExtensionRequest(getDb(), {
      officeSlug,
      serviceSlug,
      persons,
      person,
      locale: await getLocale(),
      now: new Date(),
    });
    kickOutbox();
    return `/quittung/${filed.token}`;
  });
}
