import type { LocationMeasurements, LocationMeasureName } from "./locations";
import type { ReadMeasurements, MeasureName } from "./measure";
import type { RaceResult } from "./race";
import type { ThroughputPart } from "./throughput-run";
import type { Summary } from "./timing";

// Plain-text tables for the terminal (and for pasting into the README).

export interface ProviderReport {
  provider: "sqlite" | "postgresql";
  title: string;
  version: string;
  database: string;
  setup: { migrateMs: number; insertMs: number; bookings: number; overbookedSpans: number; checkerDetectsOverbooking: boolean };
  reads: ReadMeasurements;
  locations: LocationMeasurements;
  race: RaceResult;
  /** Uncontended bookings, one at a time, on dates with free places. */
  sequentialBooking: Summary;
  /** The bare pattern against createBooking, parallel days and offices, the pool sweep (bench/throughput-run.ts). */
  throughput: ThroughputPart;
}

function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function ratio(value: number): string {
  if (value < 1) return value.toFixed(2);
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

const int = (n: number) => n.toLocaleString("en-US");

function table(rows: string[][], align: Array<"l" | "r">): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (align[c] === "l" ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

interface ReadRow {
  name: MeasureName;
  label: (r: ReadMeasurements) => string;
  /** The baseline the row is divided by. */
  base: "baseline4w" | "baselineHorizon";
}

const READ_ROWS: ReadRow[] = [
  { name: "baseline4w", base: "baseline4w", label: (r) => `[A] baseline: read 4 weeks of bookings (${int(r.rows.baseline4w)} rows)` },
  { name: "baselineHorizon", base: "baselineHorizon", label: (r) => `[H] baseline: read 180 days of bookings (${int(r.rows.baselineHorizon)} rows)` },
  { name: "baseline4wSql", base: "baseline4w", label: () => "    baseline A as plain SQL (the services' way of reading)" },
  { name: "serviceNext", base: "baseline4w", label: () => "next free slot (findNextFreeSlot)" },
  { name: "serviceList4w", base: "baseline4w", label: () => "4-week slot list (listFreeSlots)" },
  { name: "domainList4w", base: "baseline4w", label: () => "domain only: prepare + list 4 weeks" },
  { name: "domainNextHorizon", base: "baselineHorizon", label: () => "domain only: next free slot, 180-day input" },
];

export function readTable(reports: ProviderReport[]): string {
  const header = ["", ...reports.flatMap((r) => [r.title, "p95", "ratio"])];
  const sub = ["times in ms", ...reports.flatMap(() => ["median", "", "(median)"])];
  const rows = READ_ROWS.map((row) => {
    const label = row.label(reports[0].reads);
    return [
      label,
      ...reports.flatMap((r) => {
        const t: Summary = r.reads.timings[row.name];
        const base = r.reads.timings[row.base].medianMs;
        const tag = row.base === "baseline4w" ? "A" : "H";
        return [ms(t.medianMs), ms(t.p95Ms), `${ratio(t.medianMs / base)} × ${tag}`];
      }),
    ];
  });
  return table([header, sub, ...rows], ["l", ...reports.flatMap(() => ["r", "r", "r"] as const)]);
}

const LOCATION_ROWS: Array<{ name: LocationMeasureName; label: (l: LocationMeasurements) => string }> = [
  { name: "bareSequential", label: (l) => `[L] bare reads, one office after another (${l.locations} x 4 weeks)` },
  { name: "bareConcurrent", label: (l) => `    bare reads, all ${l.locations} offices at once` },
  { name: "anyLocationNext", label: (l) => `next free time across ${l.locations} locations` },
];

/** The "earliest at any location" rows: each as a ratio to the bare reads run one after another (L). */
export function locationsTable(reports: ProviderReport[]): string {
  const header = ["", ...reports.flatMap((r) => [r.title, "p95", "ratio", "per office"])];
  const sub = ["times in ms", ...reports.flatMap(() => ["median", "", "(median)", "(median)"])];
  const rows = LOCATION_ROWS.map((row) => [
    row.label(reports[0].locations),
    ...reports.flatMap((r) => {
      const t = r.locations.timings[row.name];
      const base = r.locations.timings.bareSequential.medianMs;
      return [ms(t.medianMs), ms(t.p95Ms), `${ratio(t.medianMs / base)} × L`, ms(t.medianMs / r.locations.locations)];
    }),
  ]);
  return table([header, sub, ...rows], ["l", ...reports.flatMap(() => ["r", "r", "r", "r"] as const)]);
}

export function raceTable(reports: ProviderReport[]): string {
  const codes = [...new Set(reports.flatMap((r) => Object.keys(r.race.rejections)))].sort();
  const rows: string[][] = [
    ["", ...reports.map((r) => r.title)],
    ["wall time", ...reports.map((r) => `${ms(r.race.wallMs)} ms`)],
    ["attempts per second", ...reports.map((r) => r.race.attemptsPerSecond.toFixed(0))],
    ["successful bookings per second", ...reports.map((r) => r.race.successesPerSecond.toFixed(1))],
    ["latency per attempt, median / p95", ...reports.map((r) => `${ms(r.race.latency.medianMs)} / ${ms(r.race.latency.p95Ms)} ms`)],
    ["successful bookings", ...reports.map((r) => String(r.race.successes))],
    ...codes.map((code) => [`rejected: ${code}`, ...reports.map((r) => String(r.race.rejections[code] ?? 0))]),
    ["clerk-minutes booked of the free ones", ...reports.map((r) => `${r.race.bookedClerkMinutes} of ${r.race.freeClerkMinutes}`)],
    ["rejected although still free afterwards", ...reports.map((r) => String(r.race.rejectedButFree))],
    ["outbox rows (one per booking)", ...reports.map((r) => String(r.race.outboxRows))],
    ["OVERBOOKINGS (independent check)", ...reports.map((r) => String(r.race.overbooking.overbookedSpans))],
    [
      `for comparison: one booking alone (${reports[0].sequentialBooking.runs} in a row), median / p95`,
      ...reports.map((r) => `${ms(r.sequentialBooking.medianMs)} / ${ms(r.sequentialBooking.p95Ms)} ms`),
    ],
  ];
  return table(rows, ["l", ...reports.map(() => "r" as const)]);
}
