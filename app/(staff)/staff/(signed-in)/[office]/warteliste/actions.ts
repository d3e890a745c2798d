"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/schemas/form-errors";
import { removeWishSchema } from "@/lib/schemas/staff-waitlist";
import { staffAction } from "@/lib/server/auth/staff-action";
import { removeWishByStaff } from "@/lib/server/services/waitlist/staff/remove-wish";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

/**
 * Removes a wish from the waiting list (the confirm step's form). The service authorises against the wish's own
 * office; back to that office's waiting list with the outcome.
 */
export async function removeWishAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = { reason: text(form, "reason") ?? "" };
  const result = await staffAction(
    removeWishSchema,
    { wishId: text(form, "wishId"), reason: text(form, "reason") },
    ({ staff, data, db, now }) => removeWishByStaff(db, staff, data, now),
  );
  if (!result.ok) return { fieldErrors: result.fieldErrors, formError: result.formError, values };
  const { officeSlug, referenceCode, offerReleased } = result.result;
  const params = new URLSearchParams({ entfernt: referenceCode, ...(offerReleased ? { angebot: "1" } : {}) });
  redirect(`/staff/${officeSlug}/warteliste?${params}`);
}
