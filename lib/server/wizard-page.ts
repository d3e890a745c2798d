import "server-only";
import { notFound } from "next/navigation";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { findOfficeAndService } from "@/lib/server/services/page-lookups";
import { readWizardState } from "@/lib/server/wizard-state";

/**
 * What a wizard step after the personal data needs before it renders: the office, the service and the wizard's state
 * with the person. An unknown office or service is the 404 page; without personal data the citizen starts the
 * service's wizard again.
 */
export async function wizardStepWithPerson(p: { locale: string; office: string; service: string }) {
  const found = await findOfficeAndService(getDb(), p.office, p.service);
  if (!found) notFound();
  const { office, service } = found;
  const state = await readWizardState(office.slug, service.slug);
  if (!state?.person) return redirect({ href: `/${office.slug}/${service.slug}`, locale: p.locale });
  return { office, service, state, person: state.person };
}
