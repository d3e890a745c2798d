"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import { APPOINTMENT_KINDS_FIELD, createOfficeSchema, createServiceSchema, moveServiceSchema, OFFER_FIELDS, OFFICE_FIELDS, offerFromForm, offerServiceSchema, recordIdSchema, refusedForm, relinkServiceSchema, SERVICE_FIELDS, serviceFromForm, setOfficeActiveSchema, setServiceActiveSchema, textFields, TRANSLATED_LOCALES, translationFieldNames, updateOfficeSchema, updateServiceSchema, WALK_IN_DAY_PARTS_FIELD } from "@/lib/schemas/office";
import { withOutcome } from "@/lib/schemas/staff-booking";
import { staffAction } from "@/lib/server/auth/staff-action";
import { createOffice, createService, moveService, offerService, relinkService, setOfficeActive, setServiceActive, updateOffice, updateService } from "@/lib/server/services/offices";

// The administration of offices and services. Every action is a public POST endpoint: staffAction checks the
// session and validates with the schema the page's form is built for; the services authorise against the office
// of the record they load (a forged office or service id is refused there) and write the audit log.

const BASE = "/staff/verwaltung/behoerden";

/** The office's page; anything that is not an id (a forged field) leads back to the list. */
const officePath = (officeId: string) => (recordIdSchema.safeParse(officeId).success ? `${BASE}/${officeId}` : BASE);

export async function createOfficeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textFields(form, OFFICE_FIELDS);
  const answer = await staffAction(createOfficeSchema, values, ({ db, staff, data }) => createOffice(db, staff, data));
  if (!answer.ok) return refusedForm(answer, values);
  redirect(withOutcome(officePath(answer.result.id), { erfolg: "office-created" }));
}

export async function updateOfficeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textFields(form, [...OFFICE_FIELDS, "officeId"]);
  const answer = await staffAction(updateOfficeSchema, values, ({ db, staff, data, now }) =>
    updateOffice(db, staff, data, now),
  );
  if (!answer.ok) return refusedForm(answer, values);
  redirect(withOutcome(officePath(answer.result.id), { erfolg: "office-saved" }));
}

/** Deactivate or reactivate (a button with officeId and active); answers by redirecting to the office's page. */
export async function setOfficeActiveAction(form: FormData): Promise<void> {
  const input = textFields(form, ["officeId", "active"]);
  const answer = await staffAction(setOfficeActiveSchema, input, ({ db, staff, data }) => setOfficeActive(db, staff, data));
  const target = officePath(answer.ok ? answer.result.id : (input.officeId ?? ""));
  if (!answer.ok)
    redirect(
      withOutcome(answer.formError === "OFFICE_NOT_FOUND" ? BASE : target, {
        fehler: answer.formError ?? "INVALID_INPUT",
      }),
    );
  redirect(withOutcome(target, { erfolg: answer.result.active ? "office-reactivated" : "office-deactivated" }));
}

/** What a service form posted, as it shows it again after a refusal (ticked checkboxes comma-separated). */
function serviceValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values = textFields(form, names);
  for (const group of [WALK_IN_DAY_PARTS_FIELD, APPOINTMENT_KINDS_FIELD])
    values[group] = form.getAll(group).filter((v) => typeof v === "string").join(",");
  return values;
}

function serviceFormValues(form: FormData, locales: readonly string[]): Record<string, string> {
  return serviceValues(form, ["officeId", "serviceId", ...SERVICE_FIELDS, ...translationFieldNames(locales)]);
}

export async function createServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const locales = TRANSLATED_LOCALES;
  const values = serviceFormValues(form, locales);
  const input = { ...serviceFromForm(form, locales), officeId: values.officeId };
  const answer = await staffAction(createServiceSchema(locales), input, ({ db, staff, data }) =>
    createService(db, staff, data),
  );
  if (!answer.ok) return refusedForm(answer, values);
  redirect(
    withOutcome(officePath(answer.result.officeId), { erfolg: "service-created" }, `leistung-${answer.result.id}`),
  );
}

export async function updateServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const locales = TRANSLATED_LOCALES;
  const values = serviceFormValues(form, locales);
  const input = { ...serviceFromForm(form, locales), serviceId: values.serviceId };
  const answer = await staffAction(updateServiceSchema(locales), input, ({ db, staff, data }) =>
    updateService(db, staff, data),
  );
  if (!answer.ok) return refusedForm(answer, values);
  redirect(
    withOutcome(officePath(answer.result.officeId), { erfolg: "service-saved" }, `leistung-${answer.result.id}`),
  );
}

/** Up / down buttons of the service list. */
export async function moveServiceAction(form: FormData): Promise<void> {
  const input = textFields(form, ["serviceId", "direction", "officeId"]);
  const answer = await staffAction(moveServiceSchema, input, ({ db, staff, data }) => moveService(db, staff, data));
  if (!answer.ok)
    redirect(withOutcome(officePath(input.officeId ?? ""), { fehler: answer.formError ?? "INVALID_INPUT" }));
  const { id, officeId } = answer.result;
  // The page puts the focus back on the moved service's button (?leistung=).
  redirect(`${officePath(officeId)}?erfolg=service-moved-${input.direction}&leistung=${id}#leistung-${id}`);
}

export async function setServiceActiveAction(form: FormData): Promise<void> {
  const input = textFields(form, ["serviceId", "active", "officeId"]);
  const answer = await staffAction(setServiceActiveSchema, input, ({ db, staff, data }) => setServiceActive(db, staff, data));
  if (!answer.ok)
    redirect(withOutcome(officePath(input.officeId ?? ""), { fehler: answer.formError ?? "INVALID_INPUT" }));
  const { id, officeId, active } = answer.result;
  redirect(
    withOutcome(
      officePath(officeId),
      { erfolg: active ? "service-activated" : "service-deactivated" },
      `leistung-${id}`,
    ),
  );
}

/** An office starts offering an entry of the catalogue. */
export async function offerServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = serviceValues(form, ["officeId", "catalogueServiceId", ...OFFER_FIELDS]);
  const answer = await staffAction(offerServiceSchema, offerFromForm(form), ({ db, staff, data }) =>
    offerService(db, staff, data),
  );
  if (!answer.ok) return refusedForm(answer, values);
  redirect(
    withOutcome(officePath(answer.result.officeId), { erfolg: "service-offered" }, `leistung-${answer.result.id}`),
  );
}

/** Merging: the administration links an office's service to another catalogue entry. */
export async function relinkServiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = textFields(form, ["serviceId", "catalogueServiceId"]);
  const answer = await staffAction(relinkServiceSchema, values, ({ db, staff, data }) => relinkService(db, staff, data));
  if (!answer.ok) return refusedForm(answer, values);
  redirect(
    withOutcome(officePath(answer.result.officeId), { erfolg: "service-relinked" }, `leistung-${answer.result.id}`),
  );
}
