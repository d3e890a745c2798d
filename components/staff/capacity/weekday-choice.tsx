"use client";

import { useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/styles";

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const MONDAY_TO_FRIDAY = ["1", "2", "3", "4", "5"];

/**
 * The weekdays a new weekly block is laid on: a checkbox per day and "Mo–Fr" as a quick choice, so that the
 * opening hours of a working week take one dialog instead of five.
 */
export function WeekdayChoice({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string[];
  error?: string;
  onChange: (weekdays: string[]) => void;
}) {
  const t = useTranslations("capacity");
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={id} aria-describedby={describedBy} className={`mb-6 ${error ? "border-s-4 border-error ps-3" : ""}`}>
      <legend className="text-lg font-semibold">{t("blockDialog.weekdays")}</legend>
      <p id={`${id}-hint`} className="text-muted">
        {t("blockDialog.weekdaysHint")}
      </p>
      {error && (
        <p id={`${id}-error`} className="font-semibold text-error">
          {error}
        </p>
      )}
      <button type="button" className={`${buttonSecondary} my-2`} onClick={() => onChange(MONDAY_TO_FRIDAY)}>
        {t("blockDialog.mondayToFriday")}
        <span className="sr-only"> {t("blockDialog.mondayToFridayLabel")}</span>
      </button>
      <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-4">
        {WEEKDAYS.map((day) => (
          <label key={day} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="size-6 shrink-0"
              value={day}
              checked={value.includes(day)}
              onChange={(e) => onChange(e.target.checked ? [...value, day] : value.filter((d) => d !== day))}
            />
            <span>{t(`weekdays.${day}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
