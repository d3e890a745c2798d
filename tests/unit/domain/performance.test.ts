import {
  type OccupiedInterval,
  addDays,
  listSlots,
  nextFreeSlot,
  prepareAvailability,
  weekdayOf,
  zonedInstant,
} from "@/lib/domain";
import { BERLIN, office, seededRandom } from "@/tests/helpers/scenario";

// The benchmark's shape: ten clerks, 20,000 bookings over 180 days. Time budgets are generous so that a slow CI
// machine passes; what proves the indexing is the count of reads: each booking is read once, not once per candidate.

const TODAY = "2026-03-02";
const BUDGET_MS = 1500;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

/** Given ten clerks Mon-Fri 08:00-18:00 and the first 100 working days booked solid, then 20,000 bookings. */
function busyOffice() {
  const o = office(BERLIN)
    .open("Mon-Fri", "08:00-18:00", { clerks: 10 })
    .service("pass", 30)
    .rules({ slotStepMinutes: 30, minNoticeMinutes: 0, bookingHorizonDays: 180 })
    .now(`${TODAY} 07:00`);
  const input = o.input();
  const occupied: OccupiedInterval[] = [];
  const random = seededRandom(180);
  let date = TODAY;
  let workingDays = 0;
  while (occupied.length < 20_000) {
    if (weekdayOf(date) <= 5) {
      // 10 clerks x 20 half hours = 200 places per day: the first 100 working days fill completely.
      const solid = workingDays < 100;
      for (let slot = 0; slot < 20 && occupied.length < 20_000; slot++) {
        const start = zonedInstant(date, 8 * 60 + 30 * slot, BERLIN);
        const count = solid ? 10 : Math.floor(random() * 10);
        for (let i = 0; i < count; i++) occupied.push({ start, end: start + 30 * 60_000, serviceId: "pass" });
      }
      workingDays++;
    }
    date = addDays(date, 1);
  }
  // Shuffle, since a database returns rows in no particular order.
  for (let i = occupied.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [occupied[i], occupied[j]] = [occupied[j], occupied[i]];
  }
  return { ...input, occupied };
}

describe("availability with 20,000 bookings", () => {
  const input = busyOffice();

  it("lists four weeks quickly", () => {
    const { result, ms } = timed(() => listSlots(input, { from: "2026-07-20", to: "2026-08-16" }));
    expect(result.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it("lists four fully booked weeks quickly, and finds nothing", () => {
    const { result, ms } = timed(() => listSlots(input, { from: TODAY, to: "2026-03-29" }));
    expect(result).toEqual([]);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it("finds the next free slot behind 100 fully booked working days quickly", () => {
    const { result, ms } = timed(() => nextFreeSlot(input));
    // 100 working days from Monday 2 March 2026 (Easter is no closure here) end on Friday 17 July.
    expect(result?.start.toISOString()).toBe(new Date(zonedInstant("2026-07-20", 8 * 60, BERLIN)).toISOString());
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it("reads each booking once, however many days and candidates it looks at", () => {
    let reads = 0;
    const counted = new Proxy(input.occupied, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const slot = nextFreeSlot({ ...input, occupied: counted });
    expect(slot).not.toBeNull();
    expect(reads).toBe(input.occupied.length);
  });

  it("answers many booking checks from one prepared availability quickly", () => {
    const availability = prepareAvailability(input);
    const { ms } = timed(() => {
      for (let d = 0; d < 180; d++) {
        for (let slot = 0; slot < 20; slot++) {
          availability.check(new Date(zonedInstant(addDays(TODAY, d), 8 * 60 + 30 * slot, BERLIN)));
        }
      }
    });
    expect(ms).toBeLessThan(BUDGET_MS * 2);
  });
});
