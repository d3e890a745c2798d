import type { AppointmentKind } from "@/lib/domain/demand";
import { blockAppliesOn, closesWholeDay } from "@/lib/domain/schedule";
import { addDays, MINUTES_PER_DAY, weekdayOf } from "@/lib/domain/time";
import { formatTime } from "@/lib/schemas/capacity";
import { type CapacityPlan, closureHours } from "./plan";

// What the week calendar shows for a range of dates: the weekly blocks expanded per date (honouring validity;
// a date with overrides shows those instead, as booking does), overrides, closures and public holidays (closed, or
// opened as an exception). Which block and closure apply is decided by the slot engine's own domain functions.
// Times are "floating" ISO strings read by a calendar set to UTC, so they stay the office's wall-clock times in any
// browser.

export type EntryKind = "weekly" | "override" | "closure" | "holiday" | "openHoliday";

export interface CalendarEntry {
  id: string;
  kind: EntryKind;
  /** The block, override or closure behind the entry; null for a holiday (it is known by its date). */
  recordId: string | null;
  date: string;
  allDay: boolean;
  start: string;
  end: string;
  clerks?: number;
  serviceIds?: string[];
  /** Kinds of appointment the clerks take; empty or absent: every kind. */
  appointmentKinds?: AppointmentKind[];
  /** Reason of a closure, name of a holiday, note of an override. */
  text?: string | null;
  /** A weekly block on a date the office is closed all day: part of the plan, but nobody is booked then. */
  closedThatDay?: boolean;
}

function floating(date: string, minute: number): string {
  return minute >= MINUTES_PER_DAY ? `${addDays(date, 1)}T00:00:00` : `${date}T${formatTime(minute)}:00`;
}

/** Entries for the dates from `from` up to, not including, `until`. */
export function calendarEntries(plan: CapacityPlan, from: string, until: string): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (let date = from; date < until; date = addDays(date, 1)) {
    const overrides = plan.overrides.filter((o) => o.date === date);
    const holiday = plan.holidays.find((h) => h.date === date);
    const weekday = weekdayOf(date);
    const closedAllDay =
      (holiday !== undefined && !holiday.open) || plan.closures.some((c) => c.date === date && closesWholeDay(c));
    if (overrides.length > 0) {
      for (const o of overrides) {
        entries.push({
          id: `override:${o.id}`,
          kind: "override",
          recordId: o.id,
          date,
          allDay: false,
          start: floating(date, o.startMinute),
          end: floating(date, o.endMinute),
          clerks: o.clerks,
          serviceIds: o.serviceIds,
          appointmentKinds: o.appointmentKinds,
          text: o.note,
        });
      }
    } else {
      for (const b of plan.blocks) {
        if (!blockAppliesOn(b, date, weekday)) continue;
        entries.push({
          id: `weekly:${b.id}:${date}`,
          kind: "weekly",
          recordId: b.id,
          date,
          allDay: false,
          start: floating(date, b.startMinute),
          end: floating(date, b.endMinute),
          clerks: b.clerks,
          serviceIds: b.serviceIds,
          appointmentKinds: b.appointmentKinds,
          closedThatDay: closedAllDay,
        });
      }
    }
    for (const c of plan.closures) {
      if (c.date !== date) continue;
      const hours = closureHours(c);
      entries.push({
        id: `closure:${c.id}`,
        kind: "closure",
        recordId: c.id,
        date,
        allDay: hours === null,
        start: hours ? floating(date, hours.start) : date,
        end: hours ? floating(date, hours.end) : addDays(date, 1),
        text: c.reason,
      });
    }
    if (holiday) {
      entries.push({
        id: `holiday:${date}`,
        kind: holiday.open ? "openHoliday" : "holiday",
        recordId: null,
        date,
        allDay: true,
        start: date,
        end: addDays(date, 1),
        text: holiday.name,
      });
    }
  }
  return entries;
}
