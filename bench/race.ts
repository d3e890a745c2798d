import { addDays, zonedInstant } from "../lib/domain";
import type { Db } from "../lib/server/db/client";
import { isAppError } from "../lib/server/errors";
import { createBooking } from "../lib/server/services/create-booking";
import { listFreeSlots } from "../lib/server/services/list-slots";
import { bookabilityOf, countOverbookings, readOfficeState, type OverbookingReport } from "./capacity-check";
import {
  mulberry32,
  NOW,
  OFFICE_SLUG,
  RACE_DATE,
  RACE_FREE_CLERKS,
  RACE_GAP_END,
  RACE_GAP_START,
  SERVICES,
  TIME_ZONE,
  TODAY,
  type BenchOffice,
  type ServiceSlug,
} from "./fixture";
import { summarize, type Summary } from "./timing";

// Many citizens at once going for the last free places of one day, through the real booking service. Afterwards
// the stored rows are judged independently: no instant may be overbooked, and no rejected request may still fit
// (which would mean a booking was refused or lost although a place was free).

export const RACE_CLIENTS = 100;

/** What the clients ask for: mostly starts inside the gap, some just outside it (always full). */
export const RACE_REQUESTS: Array<[ServiceSlug, number]> = [
  ["antrag", 10 * 60],
  ["antrag", 10 * 60],
  ["beratung", 10 * 60],
  ["beratung", 10 * 60 + 10],
  ["abholung", 10 * 60],
  ["abholung", 10 * 60 + 10],
  ["abholung", 10 * 60 + 20],
  ["antrag", 9 * 60 + 50],
  ["abholung", 10 * 60 + 30],
  ["beratung", 14 * 60],
];

export interface RaceResult {
  clients: number;
  date: string;
  wallMs: number;
  attemptsPerSecond: number;
  successesPerSecond: number;
  successes: number;
  /** Rejections by AppError code, and other errors by their code or name. */
  rejections: Record<string, number>;
  /** Errors that are not AppErrors (timeouts, driver errors): a booking that failed for no business reason. */
  unexpectedErrors: number;
  unexpectedExamples: string[];
  latency: Summary;
  /** Clerk-minutes booked in the gap, of RACE_FREE_CLERKS × gap length. */
  bookedClerkMinutes: number;
  freeClerkMinutes: number;
  overbooking: OverbookingReport;
  /** Rejected requests whose slot still fits after the race. */
  rejectedButFree: number;
  outboxRows: number;
}

function describeError(error: unknown): string {
  if (isAppError(error)) return error.code;
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  const tag = typeof e?.code === "string" ? e.code : typeof e?.name === "string" ? e.name : "Error";
  return `${tag}: ${String(e?.message ?? error).split("\n")[0].slice(0, 160)}`;
}

export async function runRace(db: Db, office: BenchOffice, label: string): Promise<RaceResult> {
  const random = mulberry32(20270331);
  const requests = Array.from({ length: RACE_CLIENTS }, (_, i) => RACE_REQUESTS[i % RACE_REQUESTS.length]);
  // Shuffled, so the launch order does not decide which kinds of request win.
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  const durations = Object.fromEntries(SERVICES.map((s) => [s.slug, s.durationMinutes])) as Record<ServiceSlug, number>;

  const started = performance.now();
  const outcomes = await Promise.all(
    requests.map(async ([serviceSlug, minute], i) => {
      const start = new Date(zonedInstant(RACE_DATE, minute, TIME_ZONE));
      const t0 = performance.now();
      try {
        await createBooking(db, {
          officeSlug: OFFICE_SLUG,
          serviceSlug,
          start,
          persons: 1,
          person: {
            givenName: "Renn",
            familyName: `Teilnehmer ${i + 1}`,
            email: `race-${label}-${i + 1}@example.org`,
            dateOfBirth: "1990-01-01",
          },
          channel: "ONLINE",
          locale: "de",
          now: NOW,
        });
        return { serviceSlug, start, ok: true as const, ms: performance.now() - t0 };
      } catch (error) {
        return {
          serviceSlug,
          start,
          ok: false as const,
          ms: performance.now() - t0,
          code: describeError(error),
          expected: isAppError(error),
        };
      }
    }),
  );
  const wallMs = performance.now() - started;

  const rejections: Record<string, number> = {};
  const unexpectedExamples: string[] = [];
  let unexpectedErrors = 0;
  for (const o of outcomes) {
    if (o.ok) continue;
    const key = o.expected ? o.code : o.code.split(":")[0];
    rejections[key] = (rejections[key] ?? 0) + 1;
    if (!o.expected) {
      unexpectedErrors++;
      if (unexpectedExamples.length < 3) unexpectedExamples.push(o.code);
    }
  }
  const successes = outcomes.filter((o) => o.ok);

  const state = await readOfficeState(db, office.officeId, NOW);
  const bookable = bookabilityOf(state, NOW);
  const rejectedButFree = outcomes.filter(
    (o) => !o.ok && bookable({ id: office.serviceIds[o.serviceSlug], durationMinutes: durations[o.serviceSlug] }, o.start),
  ).length;

  return {
    clients: RACE_CLIENTS,
    date: RACE_DATE,
    wallMs,
    attemptsPerSecond: RACE_CLIENTS / (wallMs / 1000),
    successesPerSecond: successes.length / (wallMs / 1000),
    successes: successes.length,
    rejections,
    unexpectedErrors,
    unexpectedExamples,
    latency: summarize(outcomes.map((o) => o.ms)),
    bookedClerkMinutes: successes.reduce((n, o) => n + durations[o.serviceSlug], 0),
    freeClerkMinutes: RACE_FREE_CLERKS * (RACE_GAP_END - RACE_GAP_START),
    overbooking: countOverbookings(state),
    rejectedButFree,
    outboxRows: await db.outboxMessage.count({ where: { officeId: office.officeId } }),
  };
}

export const SEQUENTIAL_BOOKINGS = 10;

/**
 * One booking at a time, each on its own date with free places: the cost of the booking transaction without
 * waiting for a lock. The race above books one date, so its transactions run one after another, and its
 * throughput is bounded by roughly 1000 / this median per second.
 */
export async function measureSequentialBookings(db: Db, label: string): Promise<Summary> {
  const from = addDays(TODAY, 140);
  const { slots } = await listFreeSlots(db, {
    officeSlug: OFFICE_SLUG,
    serviceSlug: "abholung",
    persons: 1,
    from,
    to: addDays(from, 27),
    now: NOW,
  });
  const firstPerDate = new Map<string, Date>();
  for (const slot of slots) {
    const date = slot.start.toISOString().slice(0, 10);
    if (!firstPerDate.has(date)) firstPerDate.set(date, slot.start);
  }
  const starts = [...firstPerDate.values()].slice(0, SEQUENTIAL_BOOKINGS);
  if (starts.length < SEQUENTIAL_BOOKINGS) throw new Error(`Only ${starts.length} dates with free places for the sequential bookings`);
  const samples: number[] = [];
  for (const [i, start] of starts.entries()) {
    const t0 = performance.now();
    await createBooking(db, {
      officeSlug: OFFICE_SLUG,
      serviceSlug: "abholung",
      start,
      persons: 1,
      person: { givenName: "Einzeln", familyName: `Nr. ${i + 1}`, email: `single-${label}-${i + 1}@example.org`, dateOfBirth: "1990-01-01" },
      channel: "ONLINE",
      locale: "de",
      now: NOW,
    });
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}
