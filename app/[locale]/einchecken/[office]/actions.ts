"use server";

import { manageTokenFromLink } from "@/lib/schemas/checkin";
import { go } from "@/lib/server/actions/citizen-step";

/** The pasted manage link opens the appointment's page (where "Jetzt einchecken" is); anything else is refused. */
export async function openManageLink(officeSlug: string, form: FormData): Promise<void> {
  const token = manageTokenFromLink(form.get("link"));
  if (!token) return go(`/einchecken/${officeSlug}?fehler=link`);
  return go(`/termin/${token}`);
}
