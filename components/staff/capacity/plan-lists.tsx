"use client";

import type { AppointmentKind } from "@/lib/domain/demand";
import { useTranslations } from "next-intl";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { addDays } from "@/lib/domain/time";
import { formatTime } from "@/lib/schemas/capacity";
import { type CapacityPlan, closureHours, formatDate, type PlanBlock, type PlanClosure, type PlanHoliday, type PlanOverride } from "./plan";

// The same plan as the calendar, as tables with buttons: everything the drag-and-drop calendar does can be done
// here with a keyboard or a screen reader.

const cell = "py-2 pe-3 align-top";
const head = "py-2 pe-3 text-left";

function useLabels(plan: CapacityPlan) {
  const t = useTranslations("capacity");
  const names = new Map(plan.services.map((s) => [s.id, s.name]));
  const time = (start: number, end: number) => t("timeRange", { start: formatTime(start), end: formatTime(end) });
  return {
    time,
    closure: (c: PlanClosure) => {
      const hours = closureHours(c);
      return hours ? time(hours.start, hours.end) : t("closures.wholeDay");
    },
    services: (ids: string[], kinds: readonly AppointmentKind[] = []) => {
      const services = ids.length === 0 ? t("allServices") : ids.map((id) => names.get(id) ?? id).join(", ");
      // Clerks limited to some kinds (a back room for phone and video) say so after their services.
      return kinds.length === 0 ? services : `${services} · ${t("onlyKinds", { kinds: kinds.map((k) => t(`kinds.${k}`)).join(", ") })}`;
    },
    validity: (b: PlanBlock) => {
      const from = b.validFrom && formatDate(b.validFrom);
      const until = b.validUntil && formatDate(b.validUntil);
      if (from && until) return t("validity.between", { from, until });
      if (from) return t("validity.from", { from });
      if (until) return t("validity.until", { until });
      return t("validity.always");
    },
  };
}

interface Row {
  key: string;
  /** The first cell names the row; with `actions`, the last cell holds its buttons. */
  cells: React.ReactNode[];
}

/**
 * A table on wide screens; on a phone the same rows as cards with each value under its column's name, so nothing
 * has to be scrolled sideways (only one of the two is ever displayed, so screen readers meet it once).
 */
function ResponsiveTable({ caption, headers, rows, actions }: { caption: string; headers: string[]; rows: Row[]; actions: boolean }) {
  const valueColumns = actions ? headers.length - 1 : headers.length;
  return (
    <>
      <table className="w-full border-collapse bg-white max-sm:hidden">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {headers.map((h) => (
              <th key={h} scope="col" className={head}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-line">
              {row.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`${cell} text-left font-semibold`}>
                    {c}
                  </th>
                ) : (
                  <td key={i} className={cell}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-3 sm:hidden" aria-label={caption}>
        {rows.map((row) => (
          <li key={row.key} className="rounded border border-line bg-white p-3">
            <p className="text-lg font-bold">{row.cells[0]}</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {row.cells.slice(1, valueColumns).map((c, i) => (
                <div key={i} className="contents">
                  <dt className="font-semibold">{headers[i + 1]}</dt>
                  <dd>{c}</dd>
                </div>
              ))}
            </dl>
            {actions && <div className="mt-2">{row.cells[valueColumns]}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function BlocksSection({ plan, onAdd, onEdit }: { plan: CapacityPlan; onAdd: () => void; onEdit: (block: PlanBlock) => void }) {
  const t = useTranslations("capacity");
  const label = useLabels(plan);
  return (
    <section aria-labelledby="blocks-heading" className="space-y-3">
      <h2 id="blocks-heading" className="text-2xl font-bold">
        {t("blocks.heading")}
      </h2>
      <p>{t("blocks.description")}</p>
      {plan.blocks.length === 0 ? (
        <p className="font-semibold">{t("blocks.empty")}</p>
      ) : (
        <ResponsiveTable
          caption={t("blocks.caption")}
          headers={[t("blocks.weekday"), t("blocks.time"), t("blocks.clerks"), t("blocks.services"), t("blocks.validity"), t("blocks.actions")]}
          actions
          rows={plan.blocks.map((b) => {
            const weekday = t(`weekdays.${b.weekday}`);
            const time = label.time(b.startMinute, b.endMinute);
            return {
              key: b.id,
              cells: [
                weekday,
                time,
                withUrgent(t, b),
                label.services(b.serviceIds, b.appointmentKinds),
                label.validity(b),
                <button
                  key="edit"
                  type="button"
                  className={buttonSecondary}
                  aria-label={t("blocks.editLabel", { weekday, time })}
                  onClick={() => onEdit(b)}
                >
                  {t("blocks.edit")}
                </button>,
              ],
            };
          })}
        />
      )}
      <button type="button" className={buttonPrimary} onClick={onAdd}>
        {t("blocks.add")}
      </button>
    </section>
  );
}

export function OverridesSection({
  plan,
  onAdd,
  onEdit,
}: {
  plan: CapacityPlan;
  onAdd: () => void;
  onEdit: (override: PlanOverride) => void;
}) {
  const t = useTranslations("capacity");
  const label = useLabels(plan);
  const upcoming = plan.overrides.filter((o) => o.date >= plan.today);
  return (
    <section aria-labelledby="overrides-heading" className="space-y-3">
      <h2 id="overrides-heading" className="text-2xl font-bold">
        {t("overrides.heading")}
      </h2>
      <p>{t("overrides.description")}</p>
      {upcoming.length === 0 ? (
        <p>{t("overrides.empty")}</p>
      ) : (
        <ResponsiveTable
          caption={t("overrides.caption")}
          headers={[t("overrides.date"), t("blocks.time"), t("blocks.clerks"), t("blocks.services"), t("blockDialog.note"), t("blocks.actions")]}
          actions
          rows={upcoming.map((o) => {
            const date = formatDate(o.date);
            return {
              key: o.id,
              cells: [
                date,
                label.time(o.startMinute, o.endMinute),
                withUrgent(t, o),
                label.services(o.serviceIds, o.appointmentKinds),
                o.note ?? "–",
                <button key="edit" type="button" className={buttonSecondary} aria-label={t("overrides.editLabel", { date })} onClick={() => onEdit(o)}>
                  {t("blocks.edit")}
                </button>,
              ],
            };
          })}
        />
      )}
      <button type="button" className={buttonPrimary} onClick={onAdd}>
        {t("overrides.add")}
      </button>
    </section>
  );
}

export function ClosuresSection({
  plan,
  pending,
  onAdd,
  onRemove,
}: {
  plan: CapacityPlan;
  pending: boolean;
  onAdd: () => void;
  onRemove: (closure: PlanClosure) => void;
}) {
  const t = useTranslations("capacity");
  const label = useLabels(plan);
  const upcoming = plan.closures.filter((c) => c.date >= plan.today);
  return (
    <section aria-labelledby="closures-heading" className="space-y-3">
      <h2 id="closures-heading" className="text-2xl font-bold">
        {t("closures.heading")}
      </h2>
      <p>{t("closures.description")}</p>
      {upcoming.length === 0 ? (
        <p>{t("closures.empty")}</p>
      ) : (
        <ResponsiveTable
          caption={t("closures.caption")}
          headers={[t("closures.date"), t("closures.time"), t("closures.reason"), t("blocks.actions")]}
          actions
          rows={upcoming.map((c) => {
            const date = formatDate(c.date);
            return {
              key: c.id,
              cells: [
                date,
                label.closure(c),
                c.reason,
                <button
                  key="remove"
                  type="button"
                  className={buttonSecondary}
                  disabled={pending}
                  aria-label={t("closures.deleteLabel", { date })}
                  onClick={() => onRemove(c)}
                >
                  {t("closures.delete")}
                </button>,
              ],
            };
          })}
        />
      )}
      <p className="text-muted">{t("closures.holidayManaged")}</p>
      <button type="button" className={buttonPrimary} onClick={onAdd}>
        {t("closures.add")}
      </button>
    </section>
  );
}

/** How far ahead the list of holidays goes; the calendar shows them further. */
const HOLIDAY_LIST_DAYS = 365;

export function HolidaysSection({
  plan,
  pending,
  onOpen,
  onClose,
}: {
  plan: CapacityPlan;
  pending: boolean;
  onOpen: (holiday: PlanHoliday) => void;
  onClose: (holiday: PlanHoliday) => void;
}) {
  const t = useTranslations("capacity");
  const region = plan.holidayRegionName;
  const may = plan.can.manageHolidays;
  const last = addDays(plan.today, HOLIDAY_LIST_DAYS);
  const upcoming = plan.holidays.filter((h) => h.date >= plan.today && h.date <= last);
  return (
    <section aria-labelledby="holidays-heading" className="space-y-3">
      <h2 id="holidays-heading" className="text-2xl font-bold">
        {t("holidays.heading", { region })}
      </h2>
      <p className="max-w-prose">{t("holidays.description", { region })}</p>
      {!may && <p className="font-semibold">{t("holidays.onlyAdmins")}</p>}
      <ResponsiveTable
        caption={t("holidays.caption")}
        headers={[t("holidays.date"), t("holidays.name"), t("holidays.status"), ...(may ? [t("blocks.actions")] : [])]}
        actions={may}
        rows={upcoming.map((h) => {
          const date = formatDate(h.date);
          const cells: React.ReactNode[] = [date, h.name, h.open ? t("holidays.opened") : t("holidays.closed")];
          if (may) {
            cells.push(
              <button
                key={h.open ? "close" : "open"}
                type="button"
                className={buttonSecondary}
                disabled={pending}
                aria-label={t(h.open ? "holidays.closeLabel" : "holidays.openLabel", { name: h.name, date })}
                onClick={() => (h.open ? onClose(h) : onOpen(h))}
              >
                {h.open ? t("holidays.close") : t("holidays.open")}
              </button>,
            );
          }
          return { key: h.date, cells };
        })}
      />
    </section>
  );
}

/** "3 Sachbearbeiter:innen, davon 1 dringend": the clerks with the places kept for urgent cases, if any. */
function withUrgent(
  t: (key: string, values?: Record<string, number>) => string,
  entry: { clerks: number; urgentClerks?: number },
): string {
  const clerks = t("clerks", { count: entry.clerks });
  return entry.urgentClerks ? `${clerks}, ${t("urgentPlaces", { count: entry.urgentClerks })}` : clerks;
}
