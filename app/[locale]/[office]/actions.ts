"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { localDateOf } from "@/lib/domain";
import { redirect } from "@/lib/i18n/navigation";
import { personalDataFromForm, personalDataSchema, slotChoiceSchema, slugSchema } from "@/lib/schemas/booking";
import { type ActionState, fieldErrorsOf } from "@/lib/schemas/form-errors";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { ANTIBOT_FIELD, antibotEnabled, guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { createBooking } from "@/lib/server/services/create-booking";
import { extendHoldByToken } from "@/lib/server/services/extend-hold";
import { findSlotProblem } from "@/lib/server/services/check-slot";
import { findOffice, findOfficeAndService } from "@/lib/server/services/page-lookups";
import { readWizardState, writeWizardState } from "@/lib/server/wizard-state";

// One server action per wizard step. Each validates with the schema its form uses, changes nothing on bad input and
// answers errors as translation keys; unexpected failures become a generic message, never a stack trace.

async function go(href: string): Promise<never> {
  return redirect({ href, locale: await getLocale() });
}

/** Action arguments are public input: only real slugs may end up in a redirect target or a query. */
function validSlugs(...slugs: string[]): boolean {
  return slugs.every((s) => slugSchema.safeParse(s).success);
}

/** Step 1: the citizen picks a service ("Anliegen"). */
export async function chooseService(officeSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const choice = slugSchema.safeParse(form.get("service"));
  if (!choice.success) return { fieldErrors: { service: ["invalidService"] } };
  const office = await findOffice(getDb(), officeSlug);
  if (!office) return { formError: "OFFICE_NOT_FOUND" };
  if (!office.services.some((s) => s.slug === choice.data)) return { fieldErrors: { service: ["invalidService"] } };
  return go(`/${office.slug}/${choice.data}`);
}

/** Step 2: personal data, validated by the same schema as the form. */
export async function savePersonalData(
  officeSlug: string,
  serviceSlug: string,
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const found = await findOfficeAndService(getDb(), officeSlug, serviceSlug);
  if (!found) return { formError: "SERVICE_NOT_FOUND" };
  const { office, service } = found;
  const schema = personalDataSchema({ maxPersons: service.maxPersons, today: localDateOf(new Date(), office.timeZone) });
  const parsed = schema.safeParse(personalDataFromForm(form));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const previous = await readWizardState(office.slug, service.slug);
  // A different number of persons changes the duration: a slot chosen before must be chosen again.
  const slot = previous?.person?.persons === parsed.data.persons ? previous.slot : undefined;
  await writeWizardState({ office: office.slug, service: service.slug, person: parsed.data, slot });
  return go(`/${office.slug}/${service.slug}/termin`);
}

/** Step 3: a slot from the calendar. It is checked now and again, atomically, when booking. */
export async function chooseSlot(officeSlug: string, serviceSlug: string, form: FormData): Promise<void> {
  if (!validSlugs(officeSlug, serviceSlug)) return go("/");
  const state = await readWizardState(officeSlug, serviceSlug);
  if (!state?.person) return go(`/${officeSlug}/${serviceSlug}`);
  const parsed = slotChoiceSchema.safeParse({ start: form.get("start") });
  if (!parsed.success) return go(`/${officeSlug}/${serviceSlug}/termin?fehler=SLOT_NOT_OFFERED`);
  const problem = await findSlotProblem(getDb(), {
    officeSlug,
    serviceSlug,
    persons: state.person.persons,
    start: new Date(parsed.data.start),
    now: new Date(),
  });
  if (problem) return go(`/${officeSlug}/${serviceSlug}/termin?fehler=${problem}`);
  await writeWizardState({ ...state, slot: parsed.data.start, done: undefined });
  return go(`/${officeSlug}/${serviceSlug}/pruefen`);
}

/** Step 4: book. If the slot was taken meanwhile, the review page offers the next free ones. */
export async function confirmBooking(officeSlug: string, serviceSlug: string, form?: FormData): Promise<void> {
  if (!validSlugs(officeSlug, serviceSlug)) return go("/");
  const state = await readWizardState(officeSlug, serviceSlug);
  if (!state?.person) return go(`/${officeSlug}/${serviceSlug}`);
  if (!state.slot) return go(`/${officeSlug}/${serviceSlug}/termin`);
  // Sent before the page could start its proof of work (a click before hydration): no field at all, rather than a
  // wrong one. Back to the review step, which books as soon as its check is done.
  if (antibotEnabled() && form?.get(ANTIBOT_FIELD) == null) return go(`/${officeSlug}/${serviceSlug}/pruefen?buchen=1`);
  // Rate limits and the proof of work come before anything is written; the slot stays chosen for another try.
  const guard = await guardBooking(getDb(), {
    ipHash: hashClientAddress(clientAddressOf(await headers())),
    email: state.person.email,
    challenge: form?.get(ANTIBOT_FIELD),
  });
  if (!guard.ok) return go(`/${officeSlug}/${serviceSlug}/pruefen?fehler=${guard.code}`);
  const locale = await getLocale();
  let created;
  try {
    created = await createBooking(getDb(), {
      officeSlug,
      serviceSlug,
      start: new Date(state.slot),
      persons: state.person.persons,
      person: state.person,
      channel: "ONLINE",
      locale,
      now: new Date(),
    });
  } catch (e) {
    if (!isAppError(e)) console.error("booking failed", e instanceof Error ? e.name : "unknown");
    const code = isAppError(e) ? e.code : "UNEXPECTED";
    // A slot that can no longer be booked is forgotten, so the review page offers others instead.
    if (code.startsWith("SLOT_")) await writeWizardState({ ...state, slot: undefined });
    return go(`/${officeSlug}/${serviceSlug}/pruefen?fehler=${code}`);
  }
  kickOutbox();
  await writeWizardState({ ...state, slot: undefined, done: { bookingId: created.id, token: created.manageToken } });
  return go(`/${officeSlug}/${serviceSlug}/bestaetigung`);
}

/** Step 5 of a held booking: more time to confirm it (WCAG 2.2.1). The booking is the one this wizard made. */
export async function extendWizardHold(officeSlug: string, serviceSlug: string): Promise<void> {
  if (!validSlugs(officeSlug, serviceSlug)) return go("/");
  const state = await readWizardState(officeSlug, serviceSlug);
  if (!state?.done) return go(`/${officeSlug}/${serviceSlug}`);
  const page = `/${officeSlug}/${serviceSlug}/bestaetigung`;
  try {
    await extendHoldByToken(getDb(), { token: state.done.token, now: new Date() });
  } catch (e) {
    return go(`${page}?fehler=${isAppError(e) ? e.code : "UNEXPECTED"}`);
  }
  return go(`${page}?verlaengert=1`);
}
