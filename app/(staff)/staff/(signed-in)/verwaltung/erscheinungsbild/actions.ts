"use server";

import { redirect } from "next/navigation";
import { contrastWithWhite, formatContrast, isHexColour } from "@/lib/domain/contrast";
import { brandingSchema } from "@/lib/schemas/branding";
import type { ActionState } from "@/lib/schemas/form-errors";
import { staffAction } from "@/lib/server/auth/staff-action";
import { saveBranding } from "@/lib/server/services/branding/save-branding";

export interface BrandingFormState extends ActionState {
  /** The measured contrast of white on a refused colour, for the message ("4.47"). */
  contrast?: string;
}

const TEXT_FIELDS = ["cityName", "siteTitle", "primaryColor", "logoAlt", "footerContact", "removeLogo"] as const;

/** The chosen file's bytes; an empty file input posts a nameless file of size 0. */
async function uploadOf(form: FormData): Promise<Uint8Array | null> {
  const file = form.get("logo");
  return file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
}

/** "Speichern" of the branding form: administrators only (checked by the service), validated by the form's schema. */
export async function brandingAction(_prev: BrandingFormState, form: FormData): Promise<BrandingFormState> {
  const values = Object.fromEntries(TEXT_FIELDS.map((k) => [k, typeof form.get(k) === "string" ? (form.get(k) as string) : ""]));
  const input = { ...values, removeLogo: values.removeLogo || "false" };
  const upload = await uploadOf(form);
  const result = await staffAction(brandingSchema, input, ({ staff, data, db }) => saveBranding(db, staff, data, upload));
  if (!result.ok) {
    const colour = values.primaryColor.trim();
    const contrast = isHexColour(colour) ? formatContrast(contrastWithWhite(colour)) : undefined;
    return { fieldErrors: result.fieldErrors, formError: result.formError, values, contrast };
  }
  redirect("/staff/verwaltung/erscheinungsbild?gespeichert=1");
}
