"use client";

import { useTranslations } from "next-intl";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import type { ActionState } from "@/lib/schemas/form-errors";

/**
 * What an administration form shows after the action answered: the message of each field (the admin namespace's
 * own texts first, then the shared ones, never a raw key) and the error summary's items in form order.
 */
export function useFormProblems(state: ActionState, fields: readonly string[], formErrorField: string) {
  const t = useTranslations("admin");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const errorOf = (field: string) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const items = fields.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ field, message }] : [];
  });
  // Keys the form has no field for (e.g. a forged id) still get a message rather than silence.
  const unknown = Object.keys(state.fieldErrors ?? {}).filter((k) => !fields.includes(k));
  if (state.formError) items.unshift({ field: formErrorField, message: errorText(t, te, state.formError) });
  else if (unknown.length > 0 && items.length === 0)
    items.unshift({ field: formErrorField, message: errorText(t, te, "INVALID_INPUT") });
  return { errorOf, items };
}
