"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { buttonDanger, buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import { createClosureSchema, formatTime } from "@/lib/schemas/capacity";
import { CapacityForm, type Perform, TimeFields, useCapacityForm } from "./capacity-form";
import { Modal } from "./modal";
import { closureHours, formatDate, type PlanClosure, type PlanHoliday } from "./plan";
import type { CapacityActions } from "./use-capacity-mutation";

// Closing the office on a date (whole day or some hours), and the details of a closure or public holiday picked
// in the calendar, with what may be done about it.

export type ClosureDialogState =
  | { mode: "create"; date: string }
  | { mode: "view"; closure: PlanClosure }
  | { mode: "holiday"; holiday: PlanHoliday };

export type ClosureActions = Pick<CapacityActions, "createClosure" | "deleteClosure" | "openHoliday" | "closeHoliday">;

const FIELDS = ["date", "start", "end", "reason"] as const;

export function ClosureDialog({
  state,
  officeId,
  today,
  canManageHolidays,
  actions,
  perform,
  pending,
  onClose,
}: {
  state: ClosureDialogState | null;
  officeId: string;
  /** The office's local date: a past holiday can no longer be opened or closed. */
  today: string;
  canManageHolidays: boolean;
  actions: ClosureActions;
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
        <ClosureForm
          key={state.date}
          date={state.date}
          officeId={officeId}
          create={actions.createClosure}
          perform={perform}
          pending={pending}
          onDone={onClose}
        />
      )}
      {state?.mode === "view" && (
        <ClosureDetails closure={state.closure} remove={actions.deleteClosure} perform={perform} pending={pending} onDone={onClose} />
      )}
      {state?.mode === "holiday" && (
        <HolidayDetails
          holiday={state.holiday}
          officeId={officeId}
          past={state.holiday.date < today}
          canManageHolidays={canManageHolidays}
          actions={actions}
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
  actions,
  perform,
  pending,
  onDone,
}: {
  holiday: PlanHoliday;
  officeId: string;
  past: boolean;
  canManageHolidays: boolean;
  actions: Pick<ClosureActions, "openHoliday" | "closeHoliday">;
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
              perform(holiday.open ? actions.closeHoliday : actions.openHoliday, { officeId, date: holiday.date }, { onApplied: onDone })
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
  remove,
  perform,
  pending,
  onDone,
}: {
  closure: PlanClosure;
  remove: ClosureActions["deleteClosure"];
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
          onClick={() => perform(remove, { closureId: closure.id }, { onApplied: onDone })}
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
  create,
  perform,
  pending,
  onDone,
}: {
  date: string;
  officeId: string;
  create: ClosureActions["createClosure"];
  perform: Perform;
  pending: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("capacity");
  const form = useCapacityForm({ initialValues: () => ({ date, start: "", end: "", reason: "" }), fields: FIELDS, perform, onDone });
  const { values, set, id, byField } = form;

  return (
    <CapacityForm
      form={form}
      onSubmit={() => form.send(createClosureSchema, create, { officeId, ...values })}
      submitLabel={t("blockDialog.create")}
      pending={pending}
      onCancel={onDone}
    >
      <Field id={id("date")} label={t("closures.date")} error={byField.date}>
        {(aria) => <input {...aria} type="date" value={values.date} onChange={set("date")} className={`${input} max-w-60`} />}
      </Field>
      <p className="mb-2 text-muted">{t("closures.hoursHint")}</p>
      <TimeFields form={form} labels={{ start: t("closures.start"), end: t("closures.end") }} />
      <Field id={id("reason")} label={t("closures.reason")} hint={t("closures.reasonHint")} error={byField.reason}>
        {(aria) => <input {...aria} type="text" maxLength={200} value={values.reason} onChange={set("reason")} className={input} />}
      </Field>
    </CapacityForm>
  );
}
