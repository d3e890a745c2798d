import { type Weekday, zonedInstant } from "../lib/domain";
import { type DrawInput, type DrawRequest, drawRound } from "../lib/domain/release-draw";
import { prepareAvailability } from "../lib/domain/slots";
import { seededRandom } from "../tests/helpers/scenario";
import { measureInterleaved, type Summary } from "./timing";

// The release draw (lib/domain/release-draw.ts) at the size the issue names: 10,000 requests for 1,000 places.
// Pure domain code, so it runs once, not per database. Its baseline, measured in the same interleaved rounds, is
// preparing the period's availability once and listing its slots: what one "request" of the draw costs at least.

export const DRAW_REQUESTS = 10_000;
/** Mon-Fri 08:00-18:00 with ten clerks and 30-minute appointments: 200 places a day, 1,000 in the week. */
export const DRAW_PLACES = 1_000;
const PERIOD = { from: "2027-03-08", to: "2027-03-12" };
const SEED = "b".repeat(64);

export function drawBenchInput(): DrawInput {
  // The same requests in every run.
  const next = seededRandom(13);
  const requests: DrawRequest[] = Array.from({ length: DRAW_REQUESTS }, (_, i) => {
    const weekdays = ([1, 2, 3, 4, 5] as Weekday[]).filter(() => next() < 0.6);
    const part = next();
    return {
      id: `TV-${String(i).padStart(6, "0")}`,
      serviceId: "permit",
      persons: next() < 0.1 ? 2 : 1,
      earliestDate: PERIOD.from,
      latestDate: PERIOD.to,
      weekdays: weekdays.length > 0 ? weekdays : [3],
      dayParts: part < 0.3 ? ["MORNING"] : part < 0.5 ? ["AFTERNOON"] : ["MORNING", "AFTERNOON"],
    };
  });
  return {
    seed: SEED,
    periodFrom: PERIOD.from,
    periodTo: PERIOD.to,
    schedule: {
      timeZone: "Europe/Berlin",
      weeklyBlocks: ([1, 2, 3, 4, 5] as Weekday[]).map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080, clerks: 10 })),
      dateOverrides: [],
      closures: [],
    },
    rules: { slotStepMinutes: 30, minNoticeMinutes: 0, bookingHorizonDays: 60 },
    services: [{ id: "permit", durationMinutes: 30, extraPersonMinutes: 30, maxPersons: 2 }],
    occupied: [],
    now: new Date(zonedInstant("2027-03-02", 8 * 60, "Europe/Berlin")),
    requests,
  };
}

export interface DrawBench {
  requests: number;
  places: number;
  assigned: number;
  timings: { baseline: Summary; draw: Summary };
}

export async function measureDraw(opts: { warmup: number; runs: number }): Promise<DrawBench> {
  const input = drawBenchInput();
  let assigned = 0;
  const timings = await measureInterleaved(
    {
      baseline: () =>
        prepareAvailability({ ...input, service: input.services[0], persons: 1 }).list({ from: input.periodFrom, to: input.periodTo }),
      draw: () => {
        assigned = drawRound(input).assignment.length;
      },
    },
    opts,
  );
  return { requests: DRAW_REQUESTS, places: DRAW_PLACES, assigned, timings: { baseline: timings.baseline, draw: timings.draw } };
}
