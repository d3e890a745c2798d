"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";
import { buttonDanger, buttonSecondary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";

/** One button that acts on an account (new link, lock, unlock), with the refusal shown above it. */
export function AccountActionForm({
  action,
  userId,
  fields = {},
  label,
  danger = false,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  userId: string;
  fields?: Record<string, string>;
  label: string;
  danger?: boolean;
}) {
  const t = useTranslations("staffUsers");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const key = Object.values(state.fieldErrors ?? {})[0]?.[0];
  const problem = key ? validationText(t, tv, key) : state.formError ? errorText(t, te, state.formError) : undefined;
  return (
    <form action={formAction}>
      {problem && <Alert kind="error">{problem}</Alert>}
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={danger ? buttonDanger : buttonSecondary} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
