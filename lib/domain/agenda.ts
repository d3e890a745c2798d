import { normalizeReferenceCode } from "./booking-code";
import type { BookingStatusName, StatusAction } from "./booking-status";
import type { AppointmentKind } from "./demand";
import type { LocalDate } from "./types";

// A clerk's list of the day: one row per appointment, found by name or reference code, counted in states that add up.

export interface AgendaRow {
  id: string;
  date: LocalDate;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  service: { id: string; slug: string; name: string };
  /** Further services taken care of in the same appointment, in order. */
  furtherServices: Array<{ id: string; slug: string; name: string }>;
  /** How the appointment takes place: at the counter, or the clerk calls, or meets by video. */
  kind: AppointmentKind;
  persons: number;
  /** null once the personal data is erased. */
  name: string | null;
  /** For calling back, on the printed list; null when none was given or once erased. */
  phone: string | null;
  referenceCode: string;
  status: BookingStatusName;
  channel: "ONLINE" | "API" | "PHONE" | "COUNTER";
  actions: StatusAction[];
  changeable: boolean;
}

/**
 * The day in states that add up: every appointment that is neither cancelled nor an unconfirmed hold is in exactly
 * one of expected, waiting, served and no-show, so a number never drops because another one grows.
 */
export interface AgendaTotals {
  /** Booked, not arrived yet. */
  expected: number;
  /** Arrived, not served yet. */
  waiting: number;
  served: number;
  noShow: number;
  cancelled: number;
}

/** Lower case without accents, so "muller" finds "Müller" and "sen" finds "Şen". */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("de")
    .replace(/ß/g, "ss");
}

/** Whether a row is what a clerk searched for: its complete reference code, part of its code, or part of its name. */
export function matchesSearch(row: Pick<AgendaRow, "name" | "referenceCode">, search: string): boolean {
  const code = normalizeReferenceCode(search);
  if (code) return row.referenceCode === code;
  const needle = fold(search).replace(/\s+/g, " ").trim();
  if (needle === "") return true;
  // Part of a code, only for a needle with a digit: a name search ("Ann") must not hit codes ("TV-ANN2-...").
  const codeNeedle = search.toUpperCase().replace(/[\s\-]/g, "");
  if (codeNeedle.length >= 3 && /\d/.test(codeNeedle) && row.referenceCode.replace(/-/g, "").includes(codeNeedle)) return true;
  return row.name !== null && fold(row.name).includes(needle);
}

/** The totals of the rows (of one day, whatever the search shows). */
export function totalsOf(rows: readonly Pick<AgendaRow, "status">[]): AgendaTotals {
  const count = (s: BookingStatusName) => rows.filter((r) => r.status === s).length;
  return {
    expected: count("CONFIRMED"),
    waiting: count("ARRIVED"),
    served: count("SERVED"),
    noShow: count("NO_SHOW"),
    cancelled: count("CANCELLED"),
  };
}
