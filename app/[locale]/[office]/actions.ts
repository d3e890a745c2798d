"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { localDateOf } from "@/lib/domain";
import { personalDataFromForm, personalDataSchema, slugSchema } from "@/lib/schemas/booking";
import type { ActionState } from "@/lib/schemas/form-errors";
import { formStep, go, postedSlot, redirectingStep } from "@/lib/server/actions/citizen-step";
import { getDb } from "@/lib/server/db";
import { AppError, fieldError, isAppError } from "@/lib/server/errors";
import { kickOutbox } from "@/lib/server/mail/outbox";
import { ANTIBOT_FIELD, antibotEnabled, guardBooking } from "@/lib/server/security/antibot";
import { clientAddressOf, hashClientAddress } from "@/lib/server/security/rate-limit";
import { createBooking } from "@/lib/server/services/create-booking";
import { extendHoldByToken } from "@/lib/server/services/extend-hold";
import { findSlotProblem } from "@/lib/server/services/check-slot";
import { findOffice, findOfficeAndService } from "@/lib/server/services/page-lookups";
import { chooseFurtherServices } from "@/lib/server/services/appointment-choice";
import { wizardAppointment, type WizardAppointment } from "@/lib/server/wizard-page";
import { readWizardState, writeWizardState } from "@/lib/server/wizard-state";

// One server action per wizard step, each in a frame of citizen-step: a step with a form validates with the schema
// its form uses and answers field errors in place; the other steps redirect, with ?fehler=CODE when refused. Bad
// input changes nothing; unexpected failures become a generic message, never a stack trace.

/** Action arguments are public input: only real slugs may end up in a redirect target or a query. */
function validSlugs(...slugs: string[]): boolean {
  return slugs.every((s) => slugSchema.safeParse(s).success);
}

const serviceChoiceSchema = z.object({
  service: z.custom<string>((v) => slugSchema.safeParse(v).success, { error: "invalidService" }),
  furtherServices: z.array(z.custom<string>((v) => slugSchema.safeParse(v).success, { error: "serviceNotOffered" })).max(20, "tooManyServices"),
});

/**
 * Step 1: the citizen picks a service ("Anliegen") and, where the office allows it, further services for the same
 * appointment. Personal data entered for this office before is kept; the kind is chosen again with it.
 */
export async function chooseService(officeSlug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { service: form.get("service"), furtherServices: form.getAll("furtherServices") };
  return formStep("wizard", serviceChoiceSchema, input, async ({ service: slug, furtherServices }) => {
    const office = await findOffice(getDb(), officeSlug);
    if (!office) throw new AppError("OFFICE_NOT_FOUND");
    const service = office.services.find((s) => s.slug === slug);
    if (!service) throw fieldError("service", "invalidService");
    const further = chooseFurtherServices(office, service, { further: furtherServices, by: "slug" });
    // The choice travels in the wizard's cookie only where there is something to carry: further services now, or
    // ones chosen before that are to be forgotten. Personal data entered for this office is kept; the kind is asked
    // again, since another combination may offer other kinds.
    const previous = await readWizardState(office.slug);
    if (further.length > 0 || previous?.further?.length) {
      await writeWizardState({
        office: office.slug,
        service: service.slug,
        further: further.map((s) => s.slug),
        person: previous?.person && { ...previous.person, kind: undefined },
      });
    }
    // Without the person's data the next step asks for it; with it, for the kind, if there is a choice.
    return `/${office.slug}/${service.slug}`;
  });
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
  const previous = await readWizardState(office.slug, service.slug);
  let appointment: WizardAppointment;
  try {
    appointment = wizardAppointment(found, { further: previous?.further });
  } catch {
    // The further services chosen are no longer offered together: the citizen chooses again.
    return { formError: "SERVICE_NOT_FOUND" };
  }
  const schema = personalDataSchema({
    maxPersons: appointment.maxPersons,
    today: localDateOf(new Date(), office.timeZone),
    kinds: appointment.kinds,
  });
  return formStep("wizard", schema, personalDataFromForm(form), async (person) => {
    // A different number of persons or kind changes the length or the clerks: a slot chosen before is chosen again.
    // A time chosen at "any location" (before the personal data) is for the persons and kind it was listed for.
    const atAnyLocation = previous?.slotPersons !== undefined;
    const chosenFor = atAnyLocation ? previous.slotPersons : previous?.person?.persons;
    const chosenKind = atAnyLocation ? (previous.slotKind ?? "IN_PERSON") : previous?.person?.kind;
    const same = chosenFor === person.persons && (chosenKind ?? "IN_PERSON") === (person.kind ?? "IN_PERSON");
    const slot = same ? previous?.slot : undefined;
    const anyLocation = slot ? previous?.anyLocation : undefined;
    await writeWizardState({ office: office.slug, service: service.slug, further: previous?.further, person, slot, anyLocation });
    // A time chosen at "any location" before the personal data goes straight to the review.
    return `/${office.slug}/${service.slug}/${slot && anyLocation ? "pruefen" : "termin"}`;
  });
}

/** Step 3: a slot from the calendar. It is checked now and again, atomically, when booking. */
export async function chooseSlot(officeSlug: string, serviceSlug: string, form: FormData): Promise<void> {
  if (!validSlugs(officeSlug, serviceSlug)) return go("/");
  const state = await readWizardState(officeSlug, serviceSlug);
  if (!state?.person) return go(`/${officeSlug}/${serviceSlug}`);
  const { persons, permitExpiresOn } = state.person;
  return redirectingStep("wizard", `/${officeSlug}/${serviceSlug}/termin`, async () => {
    const slot = postedSlot(form);
    const problem = await findSlotProblem(getDb(), {
      officeSlug,
      serviceSlug,
      appointment: { further: state.further, kind: state.person?.kind },
      persons,
      permitExpiresOn,
      start: new Date(slot),
      now: new Date(),
    });
    if (problem) throw new AppError(problem);
    await writeWizardState({ ...state, slot, done: undefined });
    return `/${officeSlug}/${serviceSlug}/pruefen`;
  });
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
  const { person, slot } = state;
  return redirectingStep("wizard", `/${officeSlug}/${serviceSlug}/pruefen`, async () => {
    // Rate limits and the proof of work come before anything is written; the slot stays chosen for another try.
    const guard = await guardBooking(getDb(), {
      ipHash: hashClientAddress(clientAddressOf(await headers())),
      email: person.email,
      challenge: form?.get(ANTIBOT_FIELD),
    });
    if (!guard.ok) throw new AppError(guard.code);
    const locale = await getLocale();
    const created = await createBooking(getDb(), {
      officeSlug,
      serviceSlug,
      furtherServices: state.further,
      kind: person.kind,
      start: new Date(slot),
      persons: person.persons,
      person,
      channel: "ONLINE",
      locale,
      now: new Date(),
    }).catch(async (e: unknown) => {
      // A slot that can no longer be booked is forgotten, so the review page offers others instead.
      if (isAppError(e) && e.code.startsWith("SLOT_")) await writeWizardState({ ...state, slot: undefined });
      throw e;
    });
    kickOutbox();
    await writeWizardState({ ...state, slot: undefined, done: { bookingId: created.id, token: created.manageToken } });
    return `/${officeSlug}/${serviceSlug}/bestaetigung`;
  });
}

/** Step 5 of a held booking: more time to confirm it (WCAG 2.2.1). The booking is the one this wizard made. */
export async function extendWizardHold(officeSlug: string, serviceSlug: string): Promise<void> {
  if (!validSlugs(officeSlug, serviceSlug)) return go("/");
  const state = await readWizardState(officeSlug, serviceSlug);
  if (!state?.done) return go(`/${officeSlug}/${serviceSlug}`);
  const { token } = state.done;
  const page = `/${officeSlug}/${serviceSlug}/bestaetigung`;
  return redirectingStep("wizard", page, async () => {
    await extendHoldByToken(getDb(), { token, now: new Date() });
    return `${page}?verlaengert=1`;
  });
}
