"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { buttonDanger, buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import {
  closeHolidayAction,
  createClosureAction,
  deleteClosureAction,
  openHolidayAction,
} from "@/app/(staff)/staff/(signed-in)/[office]/kalender/actions";
import { createClosureSchema, formatTime } from "@/lib/schemas/capacity";
import { type FieldErrors, fieldErrorsOf } from "@/lib/schemas/form-errors";
import { useErrorTexts } from "./form-errors";
import { Modal } from "./modal";
import { closureHours, formatDate, type PlanClosure, type PlanHoliday } from "./plan";
import type { CapacityAction, MutationHandlers } from "./use-capacity-mutation";

// Closing the office on a date (whole day or some hours), and the details of a closure or public holiday picked
// in the calendar, with what may be done about it.

export type ClosureDialogState =
  | { mode: "create"; date: string }
  | { mode: "view"; closure: PlanClosure }
  | { mode: "holiday"; holiday: PlanHoliday };

type Perform = (action: CapacityAction, input: Record<string, unknown>, handlers?: MutationHandlers) => void;

const FIELDS = ["date", "start", "end", "reason"] as const;

export function ClosureDialog({
  state,
  officeId,
  today,
  canManageHolidays,
  perform,
  pending,
  onClose,
}: {
  state: ClosureDialogState | null;
  officeId: string;
  /** The office's local date: a past holiday can no longer be opened or closed. */
  today: string;
  canManageHolidays: boolean;
  perform: Perform;
  pending: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("capacity");
  const title =
    state?.mode === "create"
      ? t("closures.createTitle")
      : state?.mode === "view"
        ? t("calendar.kind.closure")
        : state?.mode === "holiday"
          ? t(state.holiday.open ? "calendar.kind.openHoliday" : "calendar.kind.holiday")
          : "";
  return (
    <Modal open={state !== null} title={title} onClose={onClose}>
      {state?.mode === "create" && (
        <ClosureForm key={state.date} date={state.date} officeId={officeId} perform={perform} pending={pending} onDone={onClose} />
      )}
      {state?.mode === "view" && <ClosureDetails closure={state.closure} perform={perform} pending={pending} onDone={onClose} />}
      {state?.mode === "holiday" && (
        <HolidayDetails
          holiday={state.holiday}
          officeId={officeId}
          past={state.holiday.date < today}
          canManageHolidays={canManageHolidays}
          perform={perform}
          pending={pending}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

/** A public holiday: closed by default, or opened as an exception; those allowed may change that for this day. */
function HolidayDetails({
  holiday,
  officeId,
  past,
  canManageHolidays,
  perform,
  pending,
  onDone,
}: {
  holiday: PlanHoliday;
  officeId: string;
  past: boolean;
  canManageHolidays: boolean;
  perform: Perform;
  pending: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("capacity");
  return (
    <div>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("holidays.date")}</dt>
        <dd>{formatDate(holiday.date, "long")}</dd>
        <dt className="font-semibold">{t("holidays.name")}</dt>
        <dd>{holiday.name}</dd>
        <dt className="font-semibold">{t("holidays.status")}</dt>
        <dd>{holiday.open ? t("holidays.opened") : t("holidays.closed")}</dd>
      </dl>
      {!canManageHolidays && <p className="mb-4">{t("holidays.onlyAdmins")}</p>}
      <div className="flex flex-wrap gap-3">
        {canManageHolidays && !past && (
          <button
            type="button"
            className={holiday.open ? buttonDanger : buttonPrimary}
            disabled={pending}
            onClick={() =>
              perform(holiday.open ? closeHolidayAction : openHolidayAction, { officeId, date: holiday.date }, { onApplied: onDone })
            }
          >
            {holiday.open ? t("holidays.close") : t("holidays.open")}
          </button>
        )}
        <button type="button" className={buttonSecondary} onClick={onDone}>
          {t("blockDialog.close")}
        </button>
      </div>
    </div>
  );
}

function ClosureDetails({
  closure,
  perform,
  pending,
  onDone,
}: {
  closure: PlanClosure;
  perform: Perform;
  pending: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("capacity");
  const hours = closureHours(closure);
  const time = hours ? t("timeRange", { start: formatTime(hours.start), end: formatTime(hours.end) }) : t("closures.wholeDay");
  return (
    <div>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("closures.date")}</dt>
        <dd>{formatDate(closure.date, "long")}</dd>
        <dt className="font-semibold">{t("closures.time")}</dt>
        <dd>{time}</dd>
        <dt className="font-semibold">{t("closures.reason")}</dt>
        <dd>{closure.reason}</dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={buttonDanger}
          disabled={pending}
          onClick={() => perform(deleteClosureAction, { closureId: closure.id }, { onApplied: onDone })}
        >
          {t("closures.delete")}
        </button>
        <button type="button" className={buttonSecondary} onClick={onDone}>
          {t("blockDialog.close")}
        </button>
      </div>
    </div>
  );
}

function ClosureForm({
  date,
  officeId,
  perform,
  pending,
  onDone,
}: {
  date: string;
  officeId: string;
  perform: Perform;
  pending: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("capacity");
  const errorTexts = useErrorTexts();
  const formId = useId().replace(/:/g, "");
  const [values, setValues] = useState({ date, start: "", end: "", reason: "" });
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { byField, summary } = errorTexts(errors, formId, FIELDS);
  const id = (field: string) => `${formId}-${field}`;
  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: e.target.value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    setFormError(null);
    const raw = { officeId, ...values };
    const parsed = createClosureSchema.safeParse(raw);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors(undefined);
    perform(createClosureAction, raw, {
      onApplied: onDone,
      onRefused: (refusal) => {
        setAttempt((n) => n + 1);
        setErrors(refusal.fieldErrors);
        setFormError(refusal.formError ?? null);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div id={id("top")} tabIndex={-1}>
        <ErrorSummary title={t("errorSummary")} items={summary} attempt={attempt} />
        {formError && (
          <p role="alert" className="mb-4 border-s-8 border-error bg-white p-3 font-semibold">
            {t.has(`errors.${formError}`) ? t(`errors.${formError}`) : t("errors.UNEXPECTED")}
          </p>
        )}
      </div>
      <Field id={id("date")} label={t("closures.date")} error={byField.date}>
        {(aria) => <input {...aria} type="date" value={values.date} onChange={set("date")} className={`${input} max-w-60`} />}
      </Field>
      <p className="mb-2 text-muted">{t("closures.hoursHint")}</p>
      <div className="flex flex-wrap gap-x-6">
        {(["start", "end"] as const).map((field) => (
          <Field key={field} id={id(field)} label={t(`closures.${field}`)} hint={t("blockDialog.timeHint")} error={byField[field]}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={5}
                value={values[field]}
                onChange={set(field)}
                className={`${input} max-w-32`}
              />
            )}
          </Field>
        ))}
      </div>
      <Field id={id("reason")} label={t("closures.reason")} hint={t("closures.reasonHint")} error={byField.reason}>
        {(aria) => <input {...aria} type="text" maxLength={200} value={values.reason} onChange={set("reason")} className={input} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {t("blockDialog.create")}
        </button>
        <button type="button" className={buttonSecondary} onClick={onDone}>
          {t("blockDialog.cancel")}
        </button>
      </div>
    </form>
  );
}
