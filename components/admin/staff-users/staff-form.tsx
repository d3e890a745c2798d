"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { errorText, validationText } from "@/components/staff/agenda/texts";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonPrimary, input } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { STAFF_ROLES, type StaffRoleValue } from "@/lib/schemas/staff-user";

export interface StaffFormPerson {
  id: string;
  name: string;
  email: string;
  role: StaffRoleValue;
  officeIds: string[];
}

/**
 * Invite a person (name, e-mail, role, offices) or edit one (name, role, offices). A plain form posted to a
 * server action: works without JavaScript, keeps what was entered when the action answers errors.
 */
export function StaffForm({
  action,
  offices,
  person,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  offices: Array<{ id: string; name: string; authority: string }>;
  /** Absent: the invitation form. */
  person?: StaffFormPerson;
}) {
  const t = useTranslations("staffUsers");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values;
  const [role, setRole] = useState<string>(v?.role ?? person?.role ?? "CLERK");
  const chosen = new Set(v ? (v.officeIds ?? "").split(",").filter(Boolean) : (person?.officeIds ?? []));

  const errorOf = (field: string) => validationText(t, tv, state.fieldErrors?.[field]?.[0]);
  const officeError =
    errorOf("officeIds") ??
    (Object.keys(state.fieldErrors ?? {}).some((k) => k.startsWith("officeIds.")) ? tv("invalid") : undefined);
  const firstOffice = offices[0] ? `office-${offices[0].id}` : "role-CLERK";
  const items = [
    { field: "name", message: errorOf("name") },
    { field: "email", message: person ? undefined : errorOf("email") },
    { field: "role-CLERK", message: errorOf("role") },
    { field: firstOffice, message: officeError },
    { field: "name", message: errorOf("_form") ?? errorOf("userId") },
    { field: "name", message: state.formError ? errorText(t, te, state.formError) : undefined },
  ].filter((i): i is { field: string; message: string } => Boolean(i.message));
  const prefix = person ? "form" : "invite";

  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t(`${prefix}.errorTitle`)} items={items} attempt={state} />
      {person && <input type="hidden" name="userId" value={person.id} />}
      <Field
        id="name"
        label={t("fields.name")}
        hint={person ? undefined : t("invite.nameHint")}
        error={errorOf("name")}
      >
        {(aria) => (
          <input
            {...aria}
            name="name"
            autoComplete="off"
            maxLength={120}
            defaultValue={v?.name ?? person?.name ?? ""}
            className={input}
          />
        )}
      </Field>
      {!person && (
        <Field id="email" label={t("fields.email")} hint={t("invite.emailHint")} error={errorOf("email")}>
          {(aria) => (
            <input
              {...aria}
              name="email"
              type="email"
              inputMode="email"
              spellCheck={false}
              autoComplete="off"
              maxLength={254}
              defaultValue={v?.email ?? ""}
              className={input}
            />
          )}
        </Field>
      )}

      <fieldset
        className={`mb-6 ${errorOf("role") ? "border-s-4 border-error ps-3" : ""}`}
        aria-describedby={errorOf("role") ? "role-error" : undefined}
      >
        <legend className="text-lg font-semibold">{t("fields.role")}</legend>
        {errorOf("role") && (
          <p id="role-error" className="font-semibold text-error">
            {errorOf("role")}
          </p>
        )}
        <div className="mt-2 space-y-2">
          {STAFF_ROLES.map((r) => (
            <div key={r} className="flex items-start gap-3">
              <input
                id={`role-${r}`}
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                aria-describedby={`role-${r}-hint`}
                className="mt-2.5 h-6 w-6 shrink-0 accent-brand"
              />
              <label htmlFor={`role-${r}`} className="min-h-11 py-2">
                <span className="block text-lg font-semibold">{t(`roles.${r}`)}</span>
                <span id={`role-${r}-hint`} className="block text-muted">
                  {t(`roleHints.${r}`)}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset
        className={`mb-6 ${officeError ? "border-s-4 border-error ps-3" : ""}`}
        aria-describedby={`offices-hint${officeError ? " offices-error" : ""}`}
      >
        <legend className="text-lg font-semibold">{t("fields.offices")}</legend>
        <p id="offices-hint" className="text-muted">
          {role === "ADMIN" ? t("form.adminOffices") : t("form.officesHint")}
        </p>
        {officeError && (
          <p id="offices-error" className="font-semibold text-error">
            {officeError}
          </p>
        )}
        <ul className="mt-2 space-y-1">
          {offices.map((office) => (
            <li key={office.id} className="flex items-center gap-3">
              <input
                id={`office-${office.id}`}
                type="checkbox"
                name="officeIds"
                value={office.id}
                defaultChecked={chosen.has(office.id)}
                className="h-6 w-6 shrink-0 accent-brand"
              />
              <label htmlFor={`office-${office.id}`} className="flex min-h-11 items-center text-lg">
                {office.name}
                <span className="ms-2 text-base text-muted">({office.authority})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <button type="submit" className={buttonPrimary} disabled={pending}>
        {person ? t("form.save") : t("invite.submit")}
      </button>
    </form>
  );
}
