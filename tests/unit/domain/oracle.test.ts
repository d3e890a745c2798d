import { type OccupiedInterval, type WeeklyBlock, listSlots, prepareAvailability, zonedInstant } from "@/lib/domain";
import { BERLIN, office, seededRandom } from "@/tests/helpers/scenario";

// Generated offices compared minute by minute with a deliberately naive model of the rules: clerks as individuals,
// bookings handed to them by a plain matching at every minute. It shares no code with the domain module, so a
// mistake in the sweep, the indexing or the Hall check shows up as a disagreement.

const DAY = "2026-03-04"; // a Wednesday far from any DST change
const SERVICES = ["pass", "visa", "id"];
const MINUTE = 60_000;

interface Generated {
  blocks: WeeklyBlock[];
  bookings: OccupiedInterval[];
  durations: Record<string, number>;
  step: number;
}

function generate(seed: number): Generated {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const blocks: WeeklyBlock[] = Array.from({ length: 2 + pick(4) }, () => {
    const start = 7 * 60 + 15 * pick(24);
    const restricted = random() < 0.5;
    return {
      weekday: 3,
      startMinute: start,
      endMinute: start + 30 + 15 * pick(16),
      clerks: 1 + pick(2),
      serviceIds: restricted ? SERVICES.filter(() => random() < 0.5) : undefined,
    };
  });
  const midnight = zonedInstant(DAY, 0, BERLIN);
  const bookings = Array.from({ length: 4 + pick(14) }, () => {
    const start = midnight + (7 * 60 + 5 * pick(120)) * MINUTE;
    return { start, end: start + (10 + 5 * pick(16)) * MINUTE, serviceId: SERVICES[pick(3)] };
  });
  const durations = { pass: 15 + 15 * pick(3), visa: 20 + 10 * pick(5), id: 30 };
  return { blocks, bookings, durations, step: [10, 15, 20, 30][pick(4)] };
}

/** Kuhn's augmenting paths: can every appointment get a distinct clerk who serves its service? */
function everyoneGetsAClerk(appointments: string[], clerks: (string[] | null)[]): boolean {
  const owner: number[] = clerks.map(() => -1);
  const tryPlace = (a: number, seen: boolean[]): boolean => {
    for (let c = 0; c < clerks.length; c++) {
      if (seen[c] || !(clerks[c] === null || clerks[c]!.includes(appointments[a]))) continue;
      seen[c] = true;
      if (owner[c] < 0 || tryPlace(owner[c], seen)) {
        owner[c] = a;
        return true;
      }
    }
    return false;
  };
  return appointments.every((_, a) => tryPlace(a, clerks.map(() => false)));
}

const clerkCache = new WeakMap<Generated, (string[] | null)[][]>();

/** The individual clerks on duty in each minute of the day (null = serves every service). */
function clerksByMinute(g: Generated): (string[] | null)[][] {
  let table = clerkCache.get(g);
  if (!table) {
    table = Array.from({ length: 1440 }, (_, minute) =>
      g.blocks
        .filter((b) => b.startMinute <= minute && minute < b.endMinute)
        .flatMap((b) => Array.from({ length: b.clerks }, () => (b.serviceIds?.length ? b.serviceIds : null))),
    );
    clerkCache.set(g, table);
  }
  return table;
}

function naiveCheck(g: Generated, service: string, start: number): "ok" | "full" | "not-offered" {
  const midnight = zonedInstant(DAY, 0, BERLIN);
  const clerksAt = (minute: number) => clerksByMinute(g)[minute] ?? [];
  const serves = (minute: number) => clerksAt(minute).some((c) => c === null || c.includes(service));

  const first = (start - midnight) / MINUTE;
  const duration = g.durations[service];
  if (!Number.isInteger(first) || first < 0 || first >= 1440 || !serves(first)) return "not-offered";
  let windowStart = first;
  while (windowStart > 0 && serves(windowStart - 1)) windowStart--;
  if ((first - windowStart) % g.step !== 0) return "not-offered";
  for (let m = first; m < first + duration; m++) if (m >= 1440 || !serves(m)) return "not-offered";

  for (let m = first; m < first + duration; m++) {
    const t = midnight + m * MINUTE;
    const running = g.bookings.filter((b) => b.start <= t && t < b.end).map((b) => b.serviceId);
    if (!everyoneGetsAClerk([...running, service], clerksAt(m))) return "full";
  }
  return "ok";
}

describe("generated offices agree with a naive minute-by-minute model", () => {
  it("on 40 offices, every service, every five-minute start", () => {
    const outcomes = { ok: 0, full: 0, "not-offered": 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const g = generate(seed);
      const o = office(BERLIN)
        .rules({ slotStepMinutes: g.step, minNoticeMinutes: 0, bookingHorizonDays: 30 })
        .now("2026-03-01 09:00");
      for (const [id, minutes] of Object.entries(g.durations)) o.service(id, minutes);
      for (const b of g.bookings) o.bookedInstants(new Date(b.start).toISOString(), new Date(b.end).toISOString(), b.serviceId);
      const input = (service: string) => ({ ...o.input({ service }), schedule: { ...o.input().schedule, weeklyBlocks: g.blocks } });

      const midnight = zonedInstant(DAY, 0, BERLIN);
      for (const service of SERVICES) {
        const listed = new Set(listSlots(input(service), { from: DAY, to: DAY }).map((s) => s.start.getTime()));
        // checkSlot is this same check on a freshly prepared input; preparing once keeps the test fast.
        const availability = prepareAvailability(input(service));
        for (let t = midnight + 6 * 60 * MINUTE; t < midnight + 20 * 60 * MINUTE; t += 5 * MINUTE) {
          const expected = naiveCheck(g, service, t);
          const result = availability.check(new Date(t));
          const actual = result.ok ? "ok" : result.reason;
          const at = (t - midnight) / MINUTE;
          expect({ seed, service, at, actual, listed: listed.has(t) }).toEqual({
            seed,
            service,
            at,
            actual: expected,
            listed: expected === "ok",
          });
          outcomes[expected]++;
        }
      }
    }
    // Enough of each outcome that the comparison means something.
    expect(outcomes.ok).toBeGreaterThan(400);
    expect(outcomes.full).toBeGreaterThan(400);
    expect(outcomes["not-offered"]).toBeGreaterThan(400);
  });
});
