"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonPrimary } from "@/components/ui/styles";
import type { ActionState } from "@/lib/schemas/form-errors";
import { useFormProblems } from "./form-state";
import { exampleSlug, fieldRenderer, formLegend, formSection, SelectField, YesNoField } from "./text-field";

/** What the page computes on the server for the form (date-holidays and the zone list stay there). */
export interface OfficeFormOptions {
  timeZones: string[];
  holidayRegions: Array<{ code: string; name: string }>;
  slotSteps: readonly number[];
  departments: string[];
  limits: Record<string, readonly [number, number]>;
  /** The public site's address, for the example deep link under the slug field. */
  siteUrl: string;
  /** The posted fields in form order, so that the error summary lists problems as they appear. */
  fields: readonly string[];
}

/**
 * Creating an office, or editing its settings. A plain form posted to a server action: it works without
 * JavaScript, keeps what was typed when the action answers errors, and the action validates everything again.
 */
export function OfficeForm({
  action,
  initial,
  officeId,
  slugEditable,
  feedNamesEditable,
  options,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: Record<string, string>;
  officeId?: string;
  slugEditable: boolean;
  /** Whether names in the staff's calendar feed can be switched here (administrators); else the setting is shown. */
  feedNamesEditable: boolean;
  options: OfficeFormOptions;
}) {
  const t = useTranslations("admin.office");
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const { errorOf, items } = useFormProblems(state, options.fields, "name");
  const { field, number } = fieldRenderer({ t, errorOf, values: v, limits: options.limits });

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary title={t("errorTitle")} items={items} attempt={state} />
      {officeId && <input type="hidden" name="officeId" value={officeId} />}

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.identity")}</legend>
        {field("name", { required: true })}
        {slugEditable
          ? field("slug", {
              required: true,
              hint: `${t("fields.slugHint", { example: `${options.siteUrl}/${exampleSlug(v.slug, "buergerbuero")}` })}${officeId ? ` ${t("fields.slugChangeWarning")}` : ""}`,
            })
          : field("slug", { readOnly: true, hint: t("fields.slugLocked") })}
        {field("department", { list: "department-names" })}
        <datalist id="department-names">
          {options.departments.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        {field("authority", { required: true })}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.address")}</legend>
        {field("street", { required: true })}
        <div className="grid gap-x-4 sm:grid-cols-[12rem_1fr]">
          {field("postalCode", { required: true })}
          {field("locality", { required: true })}
        </div>
        {field("room")}
        {field("directions", { multiline: true })}
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          {field("phone", { type: "tel" })}
          {field("email", { type: "email" })}
        </div>
        {field("website", { type: "url" })}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.booking")}</legend>
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          <SelectField
            name="timeZone"
            label={t("fields.timeZone")}
            hint={t("fields.timeZoneHint")}
            error={errorOf("timeZone")}
            value={v.timeZone ?? "Europe/Berlin"}
            options={options.timeZones.map((z) => ({ value: z, label: z }))}
          />
          <SelectField
            name="holidayRegion"
            label={t("fields.holidayRegion")}
            hint={t("fields.holidayRegionHint")}
            error={errorOf("holidayRegion")}
            value={v.holidayRegion ?? "DE-RP"}
            options={options.holidayRegions.map((r) => ({ value: r.code, label: r.name }))}
          />
          {number("bookingHorizonDays")}
          {number("minNoticeMinutes")}
          <SelectField
            name="slotStepMinutes"
            label={t("fields.slotStepMinutes")}
            hint={t("fields.slotStepMinutesHint")}
            error={errorOf("slotStepMinutes")}
            value={v.slotStepMinutes ?? "15"}
            options={options.slotSteps.map((m) => ({
              value: String(m),
              label: t("fields.slotStepOption", { minutes: m }),
            }))}
          />
          {number("maxActiveBookingsPerEmail")}
          <SelectField
            name="verificationMode"
            label={t("fields.verificationMode")}
            error={errorOf("verificationMode")}
            value={v.verificationMode ?? "NONE"}
            options={(["NONE", "EMAIL"] as const).map((m) => ({ value: m, label: t(`fields.verification${m}`) }))}
          />
          {number("holdMinutes")}
        </div>
        {number("rebookDelayMinutes")}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.appointments")}</legend>
        {number("maxServicesPerBooking")}
        {field("videoMeetingUrlTemplate", { type: "url" })}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.waitlist")}</legend>
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          <YesNoField name="waitlistEnabled" t={t} errorOf={errorOf} value={v.waitlistEnabled ?? "true"} />
          {number("offerHours")}
          {number("urgentWithinDays")}
          {number("urgentReleaseHours")}
          <YesNoField name="extensionRequestsEnabled" t={t} errorOf={errorOf} value={v.extensionRequestsEnabled ?? "false"} />
        </div>
        {field("extensionReceiptNote", { multiline: true })}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.queue")}</legend>
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          {number("checkInEarlyMinutes")}
          {number("checkInLateMinutes")}
        </div>
        {field("waitingArea")}
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          {number("callToleranceMinutes")}
          {number("walkInQueueLimit")}
          <YesNoField name="announceCalls" t={t} errorOf={errorOf} value={v.announceCalls ?? "false"} />
        </div>
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.agenda")}</legend>
        {number("statusCorrectionDays")}
        {feedNamesEditable ? (
          <YesNoField name="feedIncludesNames" t={t} errorOf={errorOf} value={v.feedIncludesNames ?? "false"} />
        ) : (
          <p className="mb-6">
            {t(v.feedIncludesNames === "true" ? "fields.feedIncludesNamesLockedYes" : "fields.feedIncludesNamesLockedNo")}
          </p>
        )}
      </fieldset>

      <fieldset className={formSection}>
        <legend className={formLegend}>{t("sections.mail")}</legend>
        <div className="grid items-end gap-x-4 sm:grid-cols-2">
          {field("senderName")}
          {field("replyTo", { type: "email" })}
          {number("reminderHours")}
          {number("retentionDays")}
        </div>
      </fieldset>

      <button type="submit" className={buttonPrimary} disabled={pending}>
        {officeId ? t("submitSave") : t("submitCreate")}
      </button>
    </form>
  );
}
