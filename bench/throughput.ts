import { randomBytes } from "node:crypto";
import { publicHolidayOn } from "../lib/domain/holidays";
import { addDays, referenceCodeFrom, weekdayOf, zonedInstant, type LocalDate } from "../lib/domain";
import { emailColumns } from "../lib/domain/email-identity";
import type { Db } from "../lib/server/db/client";
import { retryingTransaction } from "../lib/server/db/transaction";
import { isAppError } from "../lib/server/errors";
import { createBooking } from "../lib/server/services/create-booking";
import { bookabilityOf, countOverbookings, readOfficeState } from "./capacity-check";
import {
  CLERKS,
  CLOSE_MINUTE,
  createBenchOffice,
  mulberry32,
  NOW,
  OPEN_MINUTE,
  packLane,
  RACE_FREE_CLERKS,
  RACE_GAP_END,
  RACE_GAP_START,
  SERVICES,
  TIME_ZONE,
  TODAY,
  type BenchOffice,
  type PlannedCalendar,
  type ServiceSlug,
} from "./fixture";
import { RACE_REQUESTS } from "./race";
import { summarize, type Summary } from "./timing";
import { formatTrace, tracedDb } from "./trace";

// Booking throughput for one contested office-day, as a ratio to its own foundation measured in the same run:
//   (a) the bare lock-row pattern through Prisma, nothing else: upsert the day's lock row, read the bookings that
//       overlap the requested interval, insert if the peak stays below the clerks, commit;
//   (b) the product's booking, createBooking: validation, the office, service and schedule read before the lock,
//       the domain's slot check on the day's bookings under it, the booking row and its e-mail in the outbox.
// Every round races its clients for a fresh day shaped like the race day (full except RACE_FREE_CLERKS clerks
// during the gap), (a) and (b) alternating, and the stored rows are judged independently afterwards.

export type RaceMode = "bare" | "product";

export interface RaceOffice extends BenchOffice {
  slug: string;
  /** Race-shaped days not raced yet. */
  freeDates: LocalDate[];
}

/** Working days from four weeks ahead on: enough for every round of the run, each raced once. */
function raceDates(count: number, offset: number): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let day = 28 + offset; dates.length < count; day++) {
    const date = addDays(TODAY, day);
    // Public holidays close the office (the default region): a race there would only be refused.
    if (weekdayOf(date) <= 5 && !publicHolidayOn("DE-RP", date)) dates.push(date);
  }
  return dates;
}

/** An office whose `dates` are all full except the race gap (other days empty). */
export async function createRaceOffice(db: Db, slug: string, dates: LocalDate[], seed: number): Promise<RaceOffice> {
  const random = mulberry32(seed);
  const bookings: PlannedCalendar["bookings"] = [];
  for (const date of dates) {
    for (let clerk = 0; clerk < CLERKS; clerk++) {
      bookings.push(
        ...(clerk < RACE_FREE_CLERKS
          ? [...packLane(date, OPEN_MINUTE, RACE_GAP_START, random), ...packLane(date, RACE_GAP_END, CLOSE_MINUTE, random)]
          : packLane(date, OPEN_MINUTE, CLOSE_MINUTE, random)),
      );
    }
  }
  const office = await createBenchOffice(db, { slug, name: `Bürgerbüro ${slug}` }, { bookings, bookableWeekdays: dates.length });
  return { ...office, slug, freeDates: [...dates] };
}

/** The race offices of one database: `main` for the (a)/(b) rounds and the pool sweep, `others` beside it. */
export async function setupRaceOffices(db: Db, { mainDates, others, otherDates }: { mainDates: number; others: number; otherDates: number }) {
  const main = await createRaceOffice(db, "bench-race", raceDates(mainDates, 0), 7001);
  const rest: RaceOffice[] = [];
  for (let i = 0; i < others; i++) rest.push(await createRaceOffice(db, `bench-race-${i + 2}`, raceDates(otherDates, i * 3), 7002 + i));
  return { main, others: rest };
}

function takeDate(office: RaceOffice): LocalDate {
  const date = office.freeDates.shift();
  if (!date) throw new Error(`No race day left at ${office.slug}`);
  return date;
}

class Full extends Error {
  constructor() {
    super("full");
    this.name = "Full";
  }
}

const durations = Object.fromEntries(SERVICES.map((s) => [s.slug, s.durationMinutes])) as Record<ServiceSlug, number>;

/** (a): the four statements of the lock-row pattern through Prisma, in the same retrying transaction as the product. */
export async function bareBooking(db: Db, office: RaceOffice, date: LocalDate, serviceSlug: ServiceSlug, start: Date, i: number): Promise<void> {
  const end = new Date(start.getTime() + durations[serviceSlug] * 60_000);
  await retryingTransaction(db, async (tx) => {
    await tx.officeDay.upsert({
      where: { officeId_date: { officeId: office.officeId, date } },
      create: { officeId: office.officeId, date, version: 1 },
      update: { version: { increment: 1 } },
      select: { version: true },
    });
    const overlapping = await tx.booking.findMany({
      where: { officeId: office.officeId, startsAt: { lt: end }, endsAt: { gt: start }, status: { not: "CANCELLED" } },
      select: { startsAt: true, endsAt: true },
    });
    // Peak of the overlapping bookings over [start, end): capacity is CLERKS all day on the race days.
    const edges = overlapping.flatMap((b) => [
      { at: Math.max(b.startsAt.getTime(), start.getTime()), d: 1 },
      { at: b.endsAt.getTime(), d: -1 },
    ]);
    edges.sort((x, y) => x.at - y.at || x.d - y.d);
    let active = 0;
    let peak = 0;
    for (const e of edges) peak = Math.max(peak, (active += e.d));
    if (peak + 1 > CLERKS) throw new Full();
    await tx.booking.create({
      data: {
        officeId: office.officeId,
        serviceId: office.serviceIds[serviceSlug],
        startsAt: start,
        endsAt: end,
        persons: 1,
        status: "CONFIRMED",
        channel: "ONLINE",
        referenceCode: referenceCodeFrom(randomBytes(8)),
        manageTokenHash: randomBytes(32).toString("hex"),
        locale: "de",
        familyName: `Bare ${i + 1}`,
        ...emailColumns(`bare-${i + 1}@example.org`),
        dateOfBirth: "1990-01-01",
      },
      select: { id: true },
    });
  });
}

export interface RoundResult {
  mode: RaceMode;
  clients: number;
  office: string;
  date: string;
  wallMs: number;
  attemptsPerSecond: number;
  successes: number;
  rejected: number;
  unexpectedErrors: number;
  unexpectedExamples: string[];
  latency: Summary;
  overbookedSpans: number;
  rejectedButFree: number;
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  return `${typeof e?.code === "string" ? e.code : String(e?.name ?? "Error")}: ${String(e?.message ?? error).split("\n")[0].slice(0, 160)}`;
}

/** `clients` concurrent attempts on each of the given office-days (all at once), in `mode`. */
export async function raceRound(
  db: Db,
  mode: RaceMode,
  targets: Array<{ office: RaceOffice; clients: number }>,
  label: string,
): Promise<RoundResult> {
  const random = mulberry32(20270331);
  const jobs = targets.flatMap(({ office, clients }) => {
    const date = takeDate(office);
    const requests = Array.from({ length: clients }, (_, i) => RACE_REQUESTS[i % RACE_REQUESTS.length]);
    for (let i = requests.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }
    return requests.map(([serviceSlug, minute]) => ({ office, date, serviceSlug, start: new Date(zonedInstant(date, minute, TIME_ZONE)) }));
  });

  const started = performance.now();
  const outcomes = await Promise.all(
    jobs.map(async ({ office, date, serviceSlug, start }, i) => {
      const t0 = performance.now();
      try {
        if (mode === "bare") await bareBooking(db, office, date, serviceSlug, start, i);
        else {
          await createBooking(db, {
            officeSlug: office.slug,
            serviceSlug,
            start,
            persons: 1,
            person: { givenName: "Renn", familyName: `Teilnehmer ${i + 1}`, email: `tp-${label}-${i + 1}@example.org`, dateOfBirth: "1990-01-01" },
            channel: "ONLINE",
            locale: "de",
            now: NOW,
          });
        }
        return { office, serviceSlug, start, ok: true as const, ms: performance.now() - t0 };
      } catch (error) {
        const expected = error instanceof Full || isAppError(error);
        return { office, serviceSlug, start, ok: false as const, ms: performance.now() - t0, expected, code: describe(error) };
      }
    }),
  );
  const wallMs = performance.now() - started;

  let overbookedSpans = 0;
  let rejectedButFree = 0;
  for (const office of new Set(targets.map((t) => t.office))) {
    const state = await readOfficeState(db, office.officeId, NOW);
    overbookedSpans += countOverbookings(state).overbookedSpans;
    const bookable = bookabilityOf(state, NOW);
    rejectedButFree += outcomes.filter(
      (o) => o.office === office && !o.ok && bookable({ id: office.serviceIds[o.serviceSlug], durationMinutes: durations[o.serviceSlug] }, o.start),
    ).length;
  }
  const unexpected = outcomes.filter((o) => !o.ok && !o.expected);
  return {
    mode,
    clients: jobs.length,
    office: targets.map((t) => t.office.slug).join(","),
    date: jobs[0]?.start.toISOString().slice(0, 10) ?? "",
    wallMs,
    attemptsPerSecond: jobs.length / (wallMs / 1000),
    successes: outcomes.filter((o) => o.ok).length,
    rejected: outcomes.filter((o) => !o.ok && o.expected).length,
    unexpectedErrors: unexpected.length,
    unexpectedExamples: unexpected.slice(0, 3).map((o) => (o.ok ? "" : o.code)),
    latency: summarize(outcomes.map((o) => o.ms)),
    overbookedSpans,
    rejectedButFree,
  };
}

export interface ThroughputReport {
  /** Interleaved rounds: per client count, the (a) and (b) rounds in the order they ran. */
  rounds: RoundResult[];
  /** Medians of attempts per second per mode and client count, and (b) / (a). */
  summary: Array<{ clients: number; bare: number; product: number; ratio: number }>;
  parallel: { oneDay: RoundResult; days: RoundResult; offices: RoundResult; spread: number } | null;
}

const median = (values: number[]) => summarize(values).medianMs;

/**
 * (a) and (b) alternating (which goes first alternates too), `repeats` times for each client count; then 100 clients
 * on one office-day, spread over `spread` days of one office, and over `spread` offices, for the product.
 */
export async function measureThroughput(
  db: Db,
  offices: { main: RaceOffice; others: RaceOffice[] },
  { clientCounts, repeats, parallelClients }: { clientCounts: number[]; repeats: number; parallelClients: number | null },
  progress: (text: string) => void = () => undefined,
): Promise<ThroughputReport> {
  const rounds: RoundResult[] = [];
  for (const clients of clientCounts) {
    for (let r = 0; r < repeats; r++) {
      const order: RaceMode[] = r % 2 === 0 ? ["bare", "product"] : ["product", "bare"];
      for (const mode of order) {
        progress(`${mode} ${clients} `);
        rounds.push(await raceRound(db, mode, [{ office: offices.main, clients }], `${mode}-${clients}-${r}`));
      }
    }
  }
  const summary = clientCounts.map((clients) => {
    const of = (mode: RaceMode) => median(rounds.filter((x) => x.mode === mode && x.clients === clients).map((x) => x.attemptsPerSecond));
    return { clients, bare: of("bare"), product: of("product"), ratio: of("product") / of("bare") };
  });
  const parallel = parallelClients ? await measureParallel(db, offices, parallelClients, "par", progress) : null;
  return { rounds, summary, parallel };
}

/** The product with `clients` attempts on one office-day, on several days of one office, and on several offices. */
export async function measureParallel(
  db: Db,
  offices: { main: RaceOffice; others: RaceOffice[] },
  clients: number,
  label: string,
  progress: (text: string) => void = () => undefined,
) {
  const spread = offices.others.length + 1;
  const each = Math.floor(clients / spread);
  progress(`parallel ${clients} `);
  const oneDay = await raceRound(db, "product", [{ office: offices.main, clients }], `${label}-one`);
  const days = await raceRound(db, "product", Array.from({ length: spread }, () => ({ office: offices.main, clients: each })), `${label}-days`);
  const offices_ = await raceRound(
    db,
    "product",
    [offices.main, ...offices.others].map((office) => ({ office, clients: each })),
    `${label}-offices`,
  );
  return { oneDay, days, offices: offices_, spread };
}

/**
 * BENCH_TRACE=1: one uncontended booking of each kind on a fresh race day, every Prisma operation timed (trace.ts).
 * Run after the rounds, so that the client and the database are warm. The product's booking is traced twice: the
 * first on a client whose configuration cache is empty, the second right after it (as in a rush).
 */
export async function traceBookings(db: Db, office: RaceOffice): Promise<{ bare: string; product: string; productCached: string }> {
  const tracer = tracedDb(db);
  // The cached booking takes the same day as the first (its schedule cached too), as the next client of a rush does.
  let productDate: LocalDate | undefined;
  const trace = async (mode: RaceMode, n: number) => {
    const date = mode === "bare" ? takeDate(office) : (productDate ??= takeDate(office));
    const start = new Date(zonedInstant(date, RACE_GAP_START + (n > 1 ? 10 : 0), TIME_ZONE));
    const { entries, totalMs } = await tracer.record(() =>
      mode === "bare"
        ? bareBooking(tracer.db, office, date, "abholung", start, 0)
        : createBooking(tracer.db, {
            officeSlug: office.slug,
            serviceSlug: "abholung",
            start,
            persons: 1,
            person: { givenName: "Spur", familyName: `Einzeln ${n}`, email: `trace-${n}@example.org`, dateOfBirth: "1990-01-01" },
            channel: "ONLINE",
            locale: "de",
            now: NOW,
          }).then(() => undefined),
    );
    return formatTrace(entries, totalMs);
  };
  return { bare: await trace("bare", 0), product: await trace("product", 1), productCached: await trace("product", 2) };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** Plain-text table of the (a)/(b) rounds: attempts per second (median of the rounds) and the ratio. */
export function throughputTable(reports: Array<{ title: string; throughput: ThroughputReport }>): string {
  const rows: string[][] = [["", ...reports.flatMap((r) => [`${r.title} (a) bare`, "(b) product", "(b)/(a)"])]];
  for (const { clients } of reports[0].throughput.summary) {
    rows.push([
      `${clients} clients, attempts/s (median of rounds)`,
      ...reports.flatMap((r) => {
        const x = r.throughput.summary.find((s) => s.clients === clients)!;
        return [fmt(x.bare), fmt(x.product), `${(x.ratio * 100).toFixed(0)} %`];
      }),
    ]);
  }
  for (const { clients } of reports[0].throughput.summary) {
    rows.push([
      `${clients} clients, each round`,
      ...reports.flatMap((r) => {
        const of = (mode: RaceMode) =>
          r.throughput.rounds.filter((x) => x.mode === mode && x.clients === clients).map((x) => fmt(x.attemptsPerSecond)).join("/");
        return [of("bare"), of("product"), ""];
      }),
    ]);
  }
  rows.push([
    "booked / overbooked spans / rejected although free",
    ...reports.flatMap((r) => {
      const of = (mode: RaceMode) => {
        const xs = r.throughput.rounds.filter((x) => x.mode === mode);
        return `${xs.map((x) => x.successes).join("/")} / ${xs.reduce((n, x) => n + x.overbookedSpans, 0)} / ${xs.reduce((n, x) => n + x.rejectedButFree, 0)}`;
      };
      return [of("bare"), of("product"), ""];
    }),
  ]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd()).join("\n");
}

/** One line per parallel measurement: attempts per second on one day, spread over days, spread over offices. */
export function parallelLine(p: NonNullable<ThroughputReport["parallel"]>): string {
  return (
    `${p.oneDay.clients} clients: one office-day ${fmt(p.oneDay.attemptsPerSecond)}/s, ` +
    `${p.spread} days of one office ${fmt(p.days.attemptsPerSecond)}/s, ${p.spread} offices ${fmt(p.offices.attemptsPerSecond)}/s ` +
    `(overbooked spans ${p.oneDay.overbookedSpans + p.days.overbookedSpans + p.offices.overbookedSpans})`
  );
}
