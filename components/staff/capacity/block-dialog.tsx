"use client";

import { useFormatter, useTranslations } from "next-intl";
import { APPOINTMENT_KINDS, type AppointmentKind } from "@/lib/domain/demand";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { buttonDanger, input } from "@/components/ui/styles";
import {
  createBlockSchema,
  createOverrideSchema,
  formatTime,
  MAX_CLERKS,
  updateBlockSchema,
  updateOverrideSchema,
} from "@/lib/schemas/capacity";
import { CapacityForm, type Perform, TimeFields, useCapacityForm } from "./capacity-form";
import { Modal } from "./modal";
import { formatDate, type PlanBlock, type PlanOverride, type PlanService } from "./plan";
import type { CapacityActions } from "./use-capacity-mutation";
import { WeekdayChoice } from "./weekday-choice";

// Creating and editing capacity: a weekly block, or an override for one date. A range selected in the calendar
// opens this with its times; the lists below the calendar open it for keyboard and screen-reader users.

export type BlockDialogState =
  /** A new weekly block; with a date (from the calendar) it may be an override for that date instead. */
  | { mode: "create"; weekday: number; start: number; end: number; date: string | null }
  | { mode: "edit-block"; block: PlanBlock }
  | { mode: "create-override"; date: string; start: number; end: number }
  | { mode: "edit-override"; override: PlanOverride };

export type BlockActions = Pick<
  CapacityActions,
  "createBlock" | "updateBlock" | "deleteBlock" | "createOverride" | "updateOverride" | "deleteOverride"
>;

const FIELDS = ["appliesTo", "weekday", "weekdays", "date", "start", "end", "clerks", "urgentClerks", "serviceIds", "appointmentKinds", "validFrom", "validUntil", "note"] as const;

function initialValues(state: BlockDialogState) {
  const blank = { weekday: "1", weekdays: [] as string[], date: "", start: "", end: "", clerks: "1", urgentClerks: "0", serviceIds: [] as string[], appointmentKinds: [] as AppointmentKind[], validFrom: "", validUntil: "", note: "" };
  switch (state.mode) {
    case "create":
      return { ...blank, weekday: String(state.weekday), weekdays: [String(state.weekday)], date: state.date ?? "", start: formatTime(state.start), end: formatTime(state.end) };
    case "create-override":
      return { ...blank, date: state.date, start: formatTime(state.start), end: formatTime(state.end) };
    case "edit-block": {
      const b = state.block;
      return {
        ...blank,
        weekday: String(b.weekday),
        start: formatTime(b.startMinute),
        end: formatTime(b.endMinute),
        clerks: String(b.clerks),
        urgentClerks: String(b.urgentClerks ?? 0),
        serviceIds: b.serviceIds,
        appointmentKinds: b.appointmentKinds ?? [],
        validFrom: b.validFrom ?? "",
        validUntil: b.validUntil ?? "",
      };
    }
    case "edit-override": {
      const o = state.override;
      return {
        ...blank,
        date: o.date,
        start: formatTime(o.startMinute),
        end: formatTime(o.endMinute),
        clerks: String(o.clerks),
        urgentClerks: String(o.urgentClerks ?? 0),
        serviceIds: o.serviceIds,
        appointmentKinds: o.appointmentKinds ?? [],
        note: o.note ?? "",
      };
    }
  }
}

export function BlockDialog({
  state,
  officeId,
  services,
  actions,
  perform,
  pending,
  onClose,
}: {
  state: BlockDialogState | null;
  officeId: string;
  services: PlanService[];
  actions: BlockActions;
  perform: Perform;
  pending: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("capacity");
  const title = !state
    ? ""
    : state.mode === "edit-block"
      ? t("blockDialog.editTitle")
      : state.mode === "edit-override"
        ? t("overrides.editTitle")
        : state.mode === "create-override"
          ? t("overrides.createTitle")
          : t("blockDialog.createTitle");
  return (
    <Modal open={state !== null} title={title} onClose={onClose}>
      {state && (
        <BlockForm
          // A new state is a new form: values start over.
          key={JSON.stringify(state)}
          state={state}
          officeId={officeId}
          services={services}
          actions={actions}
          perform={perform}
          pending={pending}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

function BlockForm({
  state,
  officeId,
  services,
  actions,
  perform,
  pending,
  onDone,
}: {
  state: BlockDialogState;
  officeId: string;
  services: PlanService[];
  actions: BlockActions;
  perform: Perform;
  pending: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("capacity");
  const format = useFormatter();
  const form = useCapacityForm({ initialValues: () => initialValues(state), fields: FIELDS, perform, onDone });
  const { values, setValues, set, id, byField } = form;
  const [appliesTo, setAppliesTo] = useState<"weekly" | "date">(state.mode === "create-override" || state.mode === "edit-override" ? "date" : "weekly");
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const isEdit = state.mode === "edit-block" || state.mode === "edit-override";
  const weekly = appliesTo === "weekly";

  function submit() {
    const common = {
      start: values.start,
      end: values.end,
      clerks: values.clerks,
      urgentClerks: values.urgentClerks,
      serviceIds: values.serviceIds,
      appointmentKinds: values.appointmentKinds,
    };
    if (state.mode === "edit-block") {
      const raw = { blockId: state.block.id, weekday: values.weekday, validFrom: values.validFrom, validUntil: values.validUntil, ...common };
      form.send(updateBlockSchema, actions.updateBlock, raw);
    } else if (state.mode === "edit-override") {
      form.send(updateOverrideSchema, actions.updateOverride, { overrideId: state.override.id, date: values.date, note: values.note, ...common });
    } else if (weekly) {
      const raw = { officeId, weekdays: values.weekdays, validFrom: values.validFrom, validUntil: values.validUntil, ...common };
      form.send(createBlockSchema, actions.createBlock, raw);
    } else {
      form.send(createOverrideSchema, actions.createOverride, { officeId, date: values.date, note: values.note, ...common });
    }
  }

  function remove() {
    if (!confirmingDelete) {
      setConfirmingDelete(true);
      return;
    }
    if (state.mode === "edit-block") perform(actions.deleteBlock, { blockId: state.block.id }, form.handlers);
    if (state.mode === "edit-override") perform(actions.deleteOverride, { overrideId: state.override.id }, form.handlers);
  }

  const chosenWeekdays = format.list([...values.weekdays].sort().map((d) => t(`weekdays.${d}`)));

  return (
    <CapacityForm
      form={form}
      onSubmit={submit}
      submitLabel={isEdit ? t("blockDialog.save") : t("blockDialog.create")}
      pending={pending}
      onCancel={onDone}
      more={
        isEdit && (
          <button type="button" className={`${buttonDanger} sm:ms-auto`} onClick={remove} disabled={pending}>
            {confirmingDelete
              ? t("blockDialog.confirmDelete")
              : state.mode === "edit-block"
                ? t("blockDialog.delete")
                : t("blockDialog.deleteOverride")}
          </button>
        )
      }
    >

      {state.mode === "create" && state.date && (
        <fieldset className="mb-6">
          <legend className="text-lg font-semibold">{t("blockDialog.appliesTo")}</legend>
          {(["weekly", "date"] as const).map((option) => (
            <label key={option} className="mt-2 flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name={id("appliesTo")}
                value={option}
                checked={appliesTo === option}
                onChange={() => setAppliesTo(option)}
                className="size-6"
              />
              <span>
                {option === "weekly"
                  ? values.weekdays.length > 0
                    ? t("blockDialog.everyWeek", { weekday: chosenWeekdays })
                    : t("blockDialog.everyWeekNoDay")
                  : t("blockDialog.onlyDate", { date: formatDate(state.date!) })}
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {weekly && state.mode === "create" ? (
        <WeekdayChoice
          id={id("weekdays")}
          value={values.weekdays}
          error={byField.weekdays}
          onChange={(weekdays) => setValues((v) => ({ ...v, weekdays }))}
        />
      ) : weekly ? (
        <Field id={id("weekday")} label={t("blockDialog.weekday")} error={byField.weekday}>
          {(aria) => (
            <select {...aria} value={values.weekday} onChange={set("weekday")} className={`${input} max-w-60`}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {t(`weekdays.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field id={id("date")} label={t("overrides.date")} error={byField.date}>
          {(aria) => <input {...aria} type="date" value={values.date} onChange={set("date")} className={`${input} max-w-60`} />}
        </Field>
      )}

      <TimeFields form={form} labels={{ start: t("blockDialog.start"), end: t("blockDialog.end") }} />

      <Field id={id("clerks")} label={t("blockDialog.clerks")} hint={t("blockDialog.clerksHint")} error={byField.clerks}>
        {(aria) => (
          <input
            {...aria}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_CLERKS}
            step={1}
            value={values.clerks}
            onChange={set("clerks")}
            className={`${input} max-w-32`}
          />
        )}
      </Field>

      <Field id={id("urgentClerks")} label={t("blockDialog.urgentClerks")} hint={t("blockDialog.urgentClerksHint")} error={byField.urgentClerks}>
        {(aria) => (
          <input
            {...aria}
            type="number"
            inputMode="numeric"
            min={0}
            max={Number(values.clerks) || MAX_CLERKS}
            step={1}
            value={values.urgentClerks}
            onChange={set("urgentClerks")}
            className={`${input} max-w-32`}
          />
        )}
      </Field>

      <fieldset
        id={id("serviceIds")}
        aria-describedby={`${id("serviceIds")}-hint`}
        className={`mb-6 ${byField.serviceIds ? "border-s-4 border-error ps-3" : ""}`}
      >
        <legend className="text-lg font-semibold">{t("blockDialog.services")}</legend>
        <p id={`${id("serviceIds")}-hint`} className="text-muted">
          {t("blockDialog.servicesHint")}
        </p>
        {byField.serviceIds && <p className="font-semibold text-error">{byField.serviceIds}</p>}
        {services.map((s) => (
          <label key={s.id} className="mt-1 flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="size-6 shrink-0"
              checked={values.serviceIds.includes(s.id)}
              onChange={(e) =>
                setValues((v) => ({
                  ...v,
                  serviceIds: e.target.checked ? [...v.serviceIds, s.id] : v.serviceIds.filter((x) => x !== s.id),
                }))
              }
            />
            <span>{s.active ? s.name : t("blockDialog.inactiveService", { name: s.name })}</span>
          </label>
        ))}
      </fieldset>

      <fieldset
        id={id("appointmentKinds")}
        aria-describedby={`${id("appointmentKinds")}-hint`}
        className={`mb-6 ${byField.appointmentKinds ? "border-s-4 border-error ps-3" : ""}`}
      >
        <legend className="text-lg font-semibold">{t("blockDialog.kinds")}</legend>
        <p id={`${id("appointmentKinds")}-hint`} className="text-muted">
          {t("blockDialog.kindsHint")}
        </p>
        {byField.appointmentKinds && <p className="font-semibold text-error">{byField.appointmentKinds}</p>}
        {APPOINTMENT_KINDS.map((kind) => (
          <label key={kind} className="mt-1 flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="size-6 shrink-0"
              checked={values.appointmentKinds.includes(kind)}
              onChange={(e) =>
                setValues((v) => ({
                  ...v,
                  appointmentKinds: e.target.checked ? [...v.appointmentKinds, kind] : v.appointmentKinds.filter((x) => x !== kind),
                }))
              }
            />
            <span>{t(`kinds.${kind}`)}</span>
          </label>
        ))}
      </fieldset>

      {weekly ? (
        <div className="flex flex-wrap gap-x-6">
          {(["validFrom", "validUntil"] as const).map((field) => (
            <Field key={field} id={id(field)} label={t(`blockDialog.${field}`)} hint={t("blockDialog.validityHint")} error={byField[field]}>
              {(aria) => <input {...aria} type="date" value={values[field]} onChange={set(field)} className={`${input} max-w-60`} />}
            </Field>
          ))}
        </div>
      ) : (
        <Field id={id("note")} label={t("blockDialog.note")} error={byField.note}>
          {(aria) => <input {...aria} type="text" maxLength={200} value={values.note} onChange={set("note")} className={input} />}
        </Field>
      )}
    </CapacityForm>
  );
}
