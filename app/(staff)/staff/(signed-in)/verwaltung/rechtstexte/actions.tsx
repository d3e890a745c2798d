"use server";

import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { LegalMarkdown } from "@/components/legal/legal-markdown";
import type { ActionState } from "@/lib/schemas/form-errors";
import { legalTextSchema } from "@/lib/schemas/legal";
import { staffAction } from "@/lib/server/auth/staff-action";
import { assertCanEditLegalText, saveLegalText } from "@/lib/server/services/legal/save-legal-text";

export interface LegalFormState extends ActionState {
  /** The text as the public page will show it, rendered on the server by the same renderer. */
  preview?: ReactNode;
  previewEmpty?: boolean;
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

/**
 * "Vorschau" and "Speichern" of the legal text editor. Both authorise and validate the same way; the preview
 * changes nothing. Scope, kind and language come from hidden fields, so the service re-checks them all.
 */
export async function legalTextAction(_prev: LegalFormState, form: FormData): Promise<LegalFormState> {
  const input = { scope: text(form, "scope"), kind: text(form, "kind"), locale: text(form, "locale"), body: text(form, "body") };
  const values = { body: input.body ?? "" };
  const preview = form.get("intent") === "preview";
  const result = await staffAction(legalTextSchema, input, async ({ staff, data, db }) => {
    if (preview) {
      await assertCanEditLegalText(db, staff, data);
      return { removed: data.body === "", body: data.body };
    }
    return { ...(await saveLegalText(db, staff, data)), body: data.body };
  });
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  if (preview) {
    const body = result.result.body;
    return { values, preview: body ? <LegalMarkdown source={body} /> : undefined, previewEmpty: body === "" };
  }
  redirect(`/staff/verwaltung/rechtstexte?${result.result.removed ? "entfernt" : "gespeichert"}=1`);
}
