import {
  CANCEL_LEAD_EDGES_HOURS,
  histogramMedian,
  histogramPercentile,
  KEY_FIGURES,
  keyFigure,
  QUEUE_WAIT_EDGES_MINUTES,
  WISH_WAIT_EDGES_DAYS,
  type PeriodSummary,
  type QueueSummary,
  type WaitlistSummary,
} from "@/lib/domain/statistics";
import type { Evaluation, EvaluatedPeriod } from "./read-evaluation";

// Exports of what the dashboard shows. CSV for German spreadsheets: UTF-8 with a byte order mark, ";" between
// fields, CRLF line ends and decimal commas, which is what Excel in a German locale opens correctly by double-click.
// JSON carries the same figures with plain numbers, for further processing.

const BOM = "\uFEFF";

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused with a quote. */
function field(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 10000) / 10000).replace(".", ",");
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return BOM + rows.map((r) => r.map(field).join(";")).join("\r\n") + "\r\n";
}

function names(e: Evaluation) {
  const office = new Map(e.scope.offices.map((o) => [o.id, o.name]));
  if (e.scope.office) office.set(e.scope.office.id, e.scope.office.name);
  const service = new Map(e.scope.services.map((s) => [s.id, s.name]));
  return { office: (id: string) => office.get(id) ?? id, service: (id: string) => service.get(id) ?? id };
}

const CHANNEL_LABEL: Record<string, string> = { ONLINE: "online", API: "Schnittstelle", PHONE: "Telefon", COUNTER: "Schalter" };

/** The stored daily rows of the evaluated period(s): one line per period, date, office, service and channel. */
export function dailyRowsCsv(e: Evaluation): string {
  const n = names(e);
  const header = [
    "Zeitraum", "Datum", "Stelle", "Leistung", "Kanal", "Buchungen", "storniert", "nicht erschienen", "erschienen",
    "erledigt", "gebuchte Sachbearbeitungsminuten", "Vorlauf Summe (Tage)", "Pünktlichkeit Anzahl",
    "Pünktlichkeit Summe (Minuten)", "Dauer Anzahl", "Dauer Summe (Minuten)",
  ];
  const lines: Array<Array<string | number | null>> = [header];
  const add = (label: string, p: EvaluatedPeriod) => {
    for (const r of p.data.rows) {
      lines.push([
        label, r.date, n.office(r.officeId), n.service(r.serviceId), CHANNEL_LABEL[r.channel] ?? r.channel, r.booked,
        r.cancelled, r.noShow, r.arrived, r.served, r.bookedMinutes, r.leadDaysSum, r.punctualityCount,
        r.punctualitySum, r.durationCount, r.durationSum,
      ]);
    }
  };
  add(`${e.current.period.from} bis ${e.current.period.to}`, e.current);
  if (e.comparison) add(`${e.comparison.period.from} bis ${e.comparison.period.to}`, e.comparison);
  return toCsv(lines);
}

const KIND_LABEL: Record<string, string> = { APPOINTMENT: "Termin", WALK_IN: "ohne Termin" };

/** The queue's daily rows: one line per period, date, office, service and kind of ticket (walk-ins per day and service). */
export function queueRowsCsv(e: Evaluation): string {
  const n = names(e);
  const header = [
    "Zeitraum", "Datum", "Stelle", "Leistung", "Art", "Wartemarken", "erledigt", "nicht erschienen",
    "Wartezeit Anzahl", "Wartezeit Summe (Minuten)", "Wartezeit Median (Minuten)", "Wartezeit 90. Perzentil (Minuten)",
    "Bearbeitungszeit Anzahl", "Bearbeitungszeit Summe (Minuten)", "Bearbeitungszeit Median (Minuten)",
    "pünktlich aufgerufen",
  ];
  const lines: Array<Array<string | number | null>> = [header];
  const add = (label: string, p: EvaluatedPeriod) => {
    for (const r of p.data.queue) {
      lines.push([
        label, r.date, n.office(r.officeId), n.service(r.serviceId), KIND_LABEL[r.kind] ?? r.kind, r.tickets, r.served,
        r.noShow, r.waitCount, r.waitSum, histogramMedian(r.waitHistogram), histogramPercentile(r.waitHistogram, 0.9),
        r.serveCount, r.serveSum, histogramMedian(r.serveHistogram), r.kind === "APPOINTMENT" ? r.onTimeCalled : null,
      ]);
    }
  };
  add(`${e.current.period.from} bis ${e.current.period.to}`, e.current);
  if (e.comparison) add(`${e.comparison.period.from} bis ${e.comparison.period.to}`, e.comparison);
  return toCsv(lines);
}

const FIGURE_LABEL: Record<(typeof KEY_FIGURES)[number], string> = {
  booked: "Buchungen",
  cancellationRate: "Stornoquote (Anteil)",
  noShowRate: "Nichterscheinen-Quote (Anteil)",
  utilisation: "Auslastung (Anteil)",
  leadDaysMedian: "Vorlauf Median (Tage)",
  nextFreeSlotMean: "Tage bis zum nächsten freien Termin (Mittel)",
  punctualityMedian: "Pünktlichkeit Median (Minuten nach Beginn)",
  durationMedian: "Ankunft bis erledigt Median (Minuten)",
};

function totalsLines(s: PeriodSummary): Array<[string, number | null]> {
  const cancelLabels = ["unter 24 Stunden", "24 bis 48 Stunden", "2 bis 7 Tage", "7 bis 14 Tage", "14 Tage und mehr"];
  return [
    ...KEY_FIGURES.map((f): [string, number | null] => [FIGURE_LABEL[f], keyFigure(s, f)]),
    ["storniert", s.cancelled],
    ["nicht erschienen (abgeschlossene Tage)", s.settledNoShows],
    ["fällige Termine (abgeschlossene Tage)", s.settledAppointments],
    ["ohne Vermerk (abgeschlossene Tage)", s.unrecorded],
    ["gebuchte Sachbearbeitungsminuten", s.bookedMinutes],
    ["angebotene Sachbearbeitungsminuten", s.offeredMinutes],
    ["Vorlauf Mittel (Tage)", s.leadDays.mean],
    ["Pünktlichkeit Mittel (Minuten)", s.punctuality.mean],
    ["Ankunft bis erledigt Mittel (Minuten)", s.duration.mean],
    ...s.cancelLead.map((n, i): [string, number] => [`Stornierungen ${cancelLabels[i]} vorher`, n]),
    ...Object.entries(s.byChannel).map(([c, n]): [string, number] => [`Buchungen ${CHANNEL_LABEL[c] ?? c}`, n]),
  ];
}

function waitlistLines(w: WaitlistSummary): Array<[string, number | null]> {
  const waitLabels = ["unter 1 Woche", "1 bis 2 Wochen", "2 bis 4 Wochen", "4 bis 8 Wochen", "8 Wochen und mehr"];
  return [
    ["Warteliste: neue Wünsche", w.wishesNew],
    ["Warteliste: bestätigte Wünsche", w.wishesConfirmed],
    ["Warteliste: Angebote gemacht", w.offers.made],
    ["Warteliste: Angebote angenommen", w.offers.accepted],
    ["Warteliste: Angebote abgelehnt", w.offers.declined],
    ["Warteliste: Angebote abgelaufen", w.offers.expired],
    ["Warteliste: Angebote noch offen", w.offers.open],
    ["Warteliste: Annahmequote (Anteil)", w.offers.acceptanceRate],
    ["Warteliste: Tage vom Wunsch bis zum Termin Median", w.wait.median],
    ["Warteliste: Tage vom Wunsch bis zum Termin Mittel", w.wait.mean],
    ...w.wait.buckets.map((n, i): [string, number] => [`Warteliste: Termine nach ${waitLabels[i]} Wartezeit`, n]),
  ];
}

/** The queue's figures; per service for `serviceIds` (the same list for both periods, so the lines pair up). */
function queueLines(q: QueueSummary, serviceIds: readonly string[], serviceName: (id: string) => string): Array<[string, number | null]> {
  const waitLabels = ["bis 5 Minuten", "6 bis 15 Minuten", "16 bis 30 Minuten", "31 bis 60 Minuten", "über 60 Minuten"];
  const lines: Array<[string, number | null]> = [
    ["Wartemarken ohne Termin (Spontanbesuche)", q.walkIns],
    ["Wartemarken ohne Termin erledigt", q.walkInsServed],
    ["Wartemarken mit Termin (eingecheckt)", q.appointments],
    ["Wartemarken erledigt", q.served],
    ["Wartemarken nicht erschienen", q.noShow],
    ["Wartezeit Check-in bis Aufruf Median (Minuten)", q.wait.median],
    ["Wartezeit Check-in bis Aufruf 90. Perzentil (Minuten)", q.wait.p90],
    ["Wartezeit Check-in bis Aufruf Mittel (Minuten)", q.wait.mean],
    ["Wartezeit ohne Termin Median (Minuten)", q.walkInWait.median],
    ["Wartezeit ohne Termin 90. Perzentil (Minuten)", q.walkInWait.p90],
    ["Wartezeit mit Termin Median (Minuten)", q.appointmentWait.median],
    ["Wartezeit mit Termin 90. Perzentil (Minuten)", q.appointmentWait.p90],
    ...q.wait.buckets.map((n, i): [string, number] => [`Wartezeit ${waitLabels[i]}`, n]),
    ["Bearbeitungszeit Aufruf bis erledigt Median (Minuten)", q.serve.median],
    ["Bearbeitungszeit Aufruf bis erledigt 90. Perzentil (Minuten)", q.serve.p90],
    ["Bearbeitungszeit Aufruf bis erledigt Mittel (Minuten)", q.serve.mean],
    ["Termine aufgerufen", q.onTime.called],
    ["Termine pünktlich aufgerufen", q.onTime.onTime],
    ["Termine pünktlich aufgerufen (Anteil)", q.onTime.share],
  ];
  for (const id of serviceIds) {
    const s = q.byService.find((b) => b.serviceId === id);
    lines.push(
      [`Wartemarken ohne Termin: ${serviceName(id)}`, s?.walkIns ?? 0],
      [`Bearbeitungszeit Median (Minuten): ${serviceName(id)}`, s?.serve.median ?? null],
    );
  }
  return lines;
}

/** The period figures, with the comparison period in a second column when there is one. */
export function totalsCsv(e: Evaluation): string {
  const n = names(e);
  const queueServices = [...new Set([e.current, e.comparison].flatMap((p) => p?.queue.byService.map((s) => s.serviceId) ?? []))];
  const linesOf = (p: EvaluatedPeriod) => [
    ...totalsLines(p.summary),
    ...waitlistLines(p.waitlist),
    ...queueLines(p.queue, queueServices, n.service),
  ];
  const current = linesOf(e.current);
  const other = e.comparison ? linesOf(e.comparison) : null;
  const header = ["Kennzahl", `${e.current.period.from} bis ${e.current.period.to}`];
  if (e.comparison) header.push(`${e.comparison.period.from} bis ${e.comparison.period.to}`, "Differenz");
  const lines: Array<Array<string | number | null>> = [header];
  current.forEach(([label, value], i) => {
    if (!other) lines.push([label, value]);
    else {
      const before = other[i][1];
      lines.push([label, value, before, value === null || before === null ? null : value - before]);
    }
  });
  return toCsv(lines);
}

function periodJson(p: EvaluatedPeriod, e: Evaluation) {
  const n = names(e);
  return {
    period: p.period,
    totals: p.summary,
    series: p.series,
    days: p.data.rows.map((r) => ({ ...r, office: n.office(r.officeId), service: n.service(r.serviceId) })),
    offeredMinutes: p.data.capacity,
    nextFreeSlotSamples: p.data.samples,
    waitlist: p.waitlist,
    queue: {
      ...p.queue,
      byService: p.queue.byService.map((s) => ({ ...s, service: n.service(s.serviceId) })),
      series: p.queueSeries,
      days: p.data.queue.map((r) => ({ ...r, office: n.office(r.officeId), service: n.service(r.serviceId) })),
    },
  };
}

export function evaluationJson(e: Evaluation) {
  return {
    office: e.scope.office ? { slug: e.scope.office.slug, name: e.scope.office.name } : null,
    service: e.scope.service ? { slug: e.scope.service.slug, name: e.scope.service.name } : null,
    today: e.today,
    definitions: {
      cancelLeadBucketsHours: CANCEL_LEAD_EDGES_HOURS,
      wishWaitBucketsDays: WISH_WAIT_EDGES_DAYS,
      queueWaitBucketsMinutes: QUEUE_WAIT_EDGES_MINUTES,
      note: "Counts per local appointment date; rates as fractions; medians are exact (whole-number histograms).",
      queueNote:
        "Queue: tickets per local date of the visit; wait from check-in (or issue) to the first call; serving time from the first call to done; p90 by nearest rank; on time: first call no later than the office's call tolerance after the appointment's time.",
    },
    current: periodJson(e.current, e),
    comparison: e.comparison ? periodJson(e.comparison, e) : null,
    figures: e.figures,
  };
}
