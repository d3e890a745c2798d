import "server-only";
import { notFound } from "next/navigation";
import { type AppointmentKind, appointmentMinutes } from "@/lib/domain";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { chooseAppointment, chooseFurtherServices, kindsOffered } from "@/lib/server/services/appointment-choice";
import { appointmentSpec } from "@/lib/server/services/availability";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { readWizardState, type WizardState } from "@/lib/server/wizard-state";

type Found = NonNullable<Awaited<ReturnType<typeof findOfficeAndService>>>;

/**
 * The appointment the wizard is booking: its first service, the further ones chosen in the first step and how it
 * takes place (chosen with the personal data; absent before). Checked against the office as booking checks it.
 */
export function wizardAppointment({ office, service }: Found, state: Pick<WizardState, "further" | "person"> | null) {
  const further = chooseFurtherServices(office, service, { further: state?.further, by: "slug" });
  const services = [service, ...further];
  const kinds = kindsOffered(office, services);
  const chosen: AppointmentKind | undefined = state?.person?.kind;
  const shape = chosen ? chooseAppointment(office, service, { further: state?.further, by: "slug", kind: chosen }) : null;
  const spec = appointmentSpec(service, shape ?? { furtherServices: further, kind: "IN_PERSON" });
  return {
    services,
    further,
    kinds,
    /** The chosen kind, or the only one offered. */
    kind: chosen ?? (kinds.length === 1 ? kinds[0] : undefined),
    /** As the slot listing and booking take it. */
    query: { further: state?.further ?? [], kind: chosen ?? null },
    maxPersons: spec.maxPersons,
    minutes: (persons: number) => appointmentMinutes(spec, Math.min(persons, spec.maxPersons)),
  };
}

export type WizardAppointment = ReturnType<typeof wizardAppointment>;

/**
 * What a wizard step after the personal data needs before it renders: the office, the service and the wizard's state
 * with the person, and the appointment being booked. An unknown office or service is the 404 page; without personal
 * data the citizen starts the service's wizard again, and a choice the office no longer offers starts it afresh.
 */
export async function wizardStepWithPerson(p: { locale: string; office: string; service: string }) {
  const found = await findOfficeAndService(getDb(), p.office, p.service);
  if (!found) notFound();
  const { office, service } = found;
  const state = await readWizardState(office.slug, service.slug);
  if (!state?.person) return redirect({ href: `/${office.slug}/${service.slug}`, locale: p.locale });
  let appointment: WizardAppointment;
  try {
    appointment = wizardAppointment(found, state);
  } catch (e) {
    if (isAppError(e)) return redirect({ href: `/${office.slug}`, locale: p.locale });
    throw e;
  }
  return { office, service, state, person: state.person, appointment };
}
