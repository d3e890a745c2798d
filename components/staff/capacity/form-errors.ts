"use client";

import { useTranslations } from "next-intl";
import type { ErrorSummaryItem } from "@/components/ui/error-summary";
import type { FieldErrors } from "@/lib/schemas/form-errors";

/** Field errors (translation keys by field path) as texts for the fields and the summary of one form. */
export function useErrorTexts() {
  const t = useTranslations("capacity");
  return (errors: FieldErrors | undefined, formId: string, fields: readonly string[]) => {
    const byField: Record<string, string> = {};
    const summary: ErrorSummaryItem[] = [];
    for (const [path, keys] of Object.entries(errors ?? {})) {
      const key = keys[0];
      const text = t.has(`validation.${key}`) ? t(`validation.${key}`) : t("validation.invalid");
      // "serviceIds.0" belongs to the services field; anything unknown (a forged id) to the form as a whole.
      const field = path.split(".")[0];
      const known = fields.includes(field);
      if (known && !byField[field]) byField[field] = text;
      const target = known ? `${formId}-${field}` : `${formId}-top`;
      if (!summary.some((item) => item.field === target)) summary.push({ field: target, message: text });
    }
    return { byField, summary };
  };
}
