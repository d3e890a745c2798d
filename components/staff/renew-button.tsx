"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState } from "react";
import { errorText } from "@/components/staff/agenda/texts";
import { buttonSecondary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";

/**
 * One button that asks for a new one-time credential of a record (a device's pairing code, a webhook's secret):
 * the refusal under it, or what `children` makes of the answer (the credential, shown once).
 */
export function RenewButton<S extends ActionState>({
  action,
  label,
  ariaLabel,
  namespace,
  children,
}: {
  action: (prev: S, form: FormData) => Promise<S>;
  label: string;
  ariaLabel: string;
  /** Where the page's own error texts live ("<namespace>.errors.<code>"). */
  namespace: string;
  children: (state: S) => ReactNode;
}) {
  const t = useTranslations(namespace);
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  return (
    <div>
      <form action={formAction}>
        <button type="submit" className={buttonSecondary} disabled={pending} aria-label={ariaLabel}>
          {label}
        </button>
      </form>
      {state.formError && (
        <p role="alert" className="mt-2 font-semibold text-error">
          {errorText(t, te, state.formError)}
        </p>
      )}
      {children(state)}
    </div>
  );
}
