"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import {
  CATALOGUE_ENTRY_FIELDS,
  catalogueEntryFromForm,
  catalogueEntrySchema,
  refusedForm,
  textFields,
  TRANSLATED_LOCALES,
  translationFieldNames,
  updateCatalogueEntrySchema,
} from "@/lib/schemas/office";
import { withOutcome } from "@/lib/schemas/staff-booking";
import { staffAction } from "@/lib/server/auth/staff-action";
import { createCatalogueEntry, updateCatalogueEntry } from "@/lib/server/services/catalogue";

// The city's service catalogue, for administrators: staffAction checks the session and validates with the form's
// schema; the services check the administration's right and write the audit log.

const BASE = "/staff/verwaltung/leistungen";

function entryValues(form: FormData): Record<string, string> {
  return textFields(form, ["catalogueServiceId", ...CATALOGUE_ENTRY_FIELDS, ...translationFieldNames(TRANSLATED_LOCALES)]);
}

export async function createCatalogueEntryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const answer = await staffAction(
    catalogueEntrySchema(TRANSLATED_LOCALES),
    catalogueEntryFromForm(form, TRANSLATED_LOCALES),
    ({ db, staff, data }) => createCatalogueEntry(db, staff, data),
  );
  if (!answer.ok) return refusedForm(answer, entryValues(form));
  redirect(withOutcome(BASE, { erfolg: "catalogue-created" }, `eintrag-${answer.result.id}`));
}

export async function updateCatalogueEntryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const answer = await staffAction(
    updateCatalogueEntrySchema(TRANSLATED_LOCALES),
    catalogueEntryFromForm(form, TRANSLATED_LOCALES),
    ({ db, staff, data }) => updateCatalogueEntry(db, staff, data),
  );
  if (!answer.ok) return refusedForm(answer, entryValues(form));
  redirect(withOutcome(BASE, { erfolg: "catalogue-saved" }, `eintrag-${answer.result.id}`));
}
