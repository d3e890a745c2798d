import {
  type CapacityPool,
  type CapacitySegment,
  type OfficeSchedule,
  canAssign,
  capacityAt,
  capacityForDate,
  serviceWindows,
  zonedInstant,
} from "@/lib/domain";
import { BERLIN, minutes, seededRandom } from "@/tests/helpers/scenario";

// 2 March 2026 is a Monday.
const MONDAY = "2026-03-02";

function schedule(parts: Partial<OfficeSchedule>): OfficeSchedule {
  return { timeZone: BERLIN, weeklyBlocks: [], dateOverrides: [], closures: [], ...parts };
}

/** Segments as readable local "HH:MM-HH:MM" with their pools, for one non-DST date. */
function readable(segments: CapacitySegment[], date = MONDAY) {
  const midnight = zonedInstant(date, 0, BERLIN);
  const hhmm = (ms: number) => {
    const m = (ms - midnight) / 60_000;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  return segments.map((s) => ({ time: `${hhmm(s.start)}-${hhmm(s.end)}`, pools: s.pools }));
}

const all = (clerks: number): CapacityPool => ({ clerks, serviceIds: null });

describe("capacityForDate", () => {
  it("adds the clerks of overlapping weekly blocks and keeps segments sorted and disjoint", () => {
    const segments = capacityForDate(
      schedule({
        weeklyBlocks: [
          { weekday: 1, startMinute: minutes("08:00"), endMinute: minutes("12:00"), clerks: 2 },
          { weekday: 1, startMinute: minutes("10:00"), endMinute: minutes("14:00"), clerks: 1 },
          { weekday: 2, startMinute: minutes("08:00"), endMinute: minutes("18:00"), clerks: 5 },
        ],
      }),
      MONDAY,
    );
    expect(readable(segments)).toEqual([
      { time: "08:00-10:00", pools: [all(2)] },
      { time: "10:00-12:00", pools: [all(3)] },
      { time: "12:00-14:00", pools: [all(1)] },
    ]);
  });

  it("merges touching blocks with the same capacity into one segment", () => {
    const segments = capacityForDate(
      schedule({
        weeklyBlocks: [
          { weekday: 1, startMinute: minutes("08:00"), endMinute: minutes("10:00"), clerks: 1 },
          { weekday: 1, startMinute: minutes("10:00"), endMinute: minutes("12:00"), clerks: 1, serviceIds: [] },
        ],
      }),
      MONDAY,
    );
    expect(readable(segments)).toEqual([{ time: "08:00-12:00", pools: [all(1)] }]);
  });

  it("keeps service-restricted clerks in their own pool", () => {
    const segments = capacityForDate(
      schedule({
        weeklyBlocks: [
          { weekday: 1, startMinute: minutes("08:00"), endMinute: minutes("12:00"), clerks: 1 },
          { weekday: 1, startMinute: minutes("09:00"), endMinute: minutes("11:00"), clerks: 2, serviceIds: ["pass", "id"] },
          { weekday: 1, startMinute: minutes("09:00"), endMinute: minutes("10:00"), clerks: 1, serviceIds: ["id", "pass"] },
        ],
      }),
      MONDAY,
    );
    expect(readable(segments)).toEqual([
      { time: "08:00-09:00", pools: [all(1)] },
      { time: "09:00-10:00", pools: [all(1), { clerks: 3, serviceIds: ["id", "pass"] }] },
      { time: "10:00-11:00", pools: [all(1), { clerks: 2, serviceIds: ["id", "pass"] }] },
      { time: "11:00-12:00", pools: [all(1)] },
    ]);
  });

  it("applies weekly blocks only from validFrom to validUntil, both included", () => {
    const s = schedule({
      weeklyBlocks: [
        { weekday: 1, startMinute: 480, endMinute: 720, clerks: 1, validUntil: "2026-03-09" },
        { weekday: 1, startMinute: 780, endMinute: 900, clerks: 1, validFrom: "2026-03-09" },
      ],
    });
    expect(readable(capacityForDate(s, "2026-03-02"), "2026-03-02").map((x) => x.time)).toEqual(["08:00-12:00"]);
    expect(readable(capacityForDate(s, "2026-03-09"), "2026-03-09").map((x) => x.time)).toEqual([
      "08:00-12:00",
      "13:00-15:00",
    ]);
    expect(readable(capacityForDate(s, "2026-03-16"), "2026-03-16").map((x) => x.time)).toEqual(["13:00-15:00"]);
  });

  it("replaces all weekly blocks of a date that has overrides", () => {
    const s = schedule({
      weeklyBlocks: [{ weekday: 1, startMinute: 480, endMinute: 720, clerks: 4 }],
      dateOverrides: [
        { date: MONDAY, startMinute: 600, endMinute: 660, clerks: 1 },
        { date: MONDAY, startMinute: 840, endMinute: 900, clerks: 2, serviceIds: ["pass"] },
      ],
    });
    expect(readable(capacityForDate(s, MONDAY))).toEqual([
      { time: "10:00-11:00", pools: [all(1)] },
      { time: "14:00-15:00", pools: [{ clerks: 2, serviceIds: ["pass"] }] },
    ]);
    // The following Monday still has its weekly hours.
    expect(capacityForDate(s, "2026-03-09")).toHaveLength(1);
  });

  it("closes a date by an override with zero clerks", () => {
    const s = schedule({
      weeklyBlocks: [{ weekday: 1, startMinute: 480, endMinute: 720, clerks: 4 }],
      dateOverrides: [{ date: MONDAY, startMinute: 480, endMinute: 720, clerks: 0 }],
    });
    expect(capacityForDate(s, MONDAY)).toEqual([]);
  });

  it("removes whole-day and partial closures", () => {
    const s = schedule({
      weeklyBlocks: [{ weekday: 1, startMinute: 480, endMinute: 720, clerks: 2 }],
      dateOverrides: [{ date: "2026-03-16", startMinute: 480, endMinute: 720, clerks: 1 }],
      closures: [
        { date: MONDAY, startMinute: 540, endMinute: 615 },
        { date: "2026-03-09" },
        // A closure also cuts into an override.
        { date: "2026-03-16", startMinute: null, endMinute: 600 },
      ],
    });
    expect(readable(capacityForDate(s, MONDAY)).map((x) => x.time)).toEqual(["08:00-09:00", "10:15-12:00"]);
    expect(capacityForDate(s, "2026-03-09")).toEqual([]);
    expect(readable(capacityForDate(s, "2026-03-16"), "2026-03-16").map((x) => x.time)).toEqual(["10:00-12:00"]);
  });

  it("looks up the pools on duty at an instant", () => {
    const segments = capacityForDate(
      schedule({
        weeklyBlocks: [
          { weekday: 1, startMinute: 480, endMinute: 600, clerks: 2 },
          { weekday: 1, startMinute: 660, endMinute: 720, clerks: 1 },
        ],
      }),
      MONDAY,
    );
    const at = (time: string) => capacityAt(segments, zonedInstant(MONDAY, minutes(time), BERLIN));
    expect(at("07:59")).toEqual([]);
    expect(at("08:00")).toEqual([all(2)]);
    expect(at("09:59")).toEqual([all(2)]);
    expect(at("10:00")).toEqual([]);
    expect(at("11:30")).toEqual([all(1)]);
    expect(at("12:00")).toEqual([]);
  });

  it("derives a service's opening windows from the pools that can serve it", () => {
    const segments = capacityForDate(
      schedule({
        weeklyBlocks: [
          { weekday: 1, startMinute: 480, endMinute: 600, clerks: 1, serviceIds: ["pass"] },
          { weekday: 1, startMinute: 600, endMinute: 720, clerks: 1 },
          { weekday: 1, startMinute: 780, endMinute: 840, clerks: 1, serviceIds: ["visa"] },
        ],
      }),
      MONDAY,
    );
    const windows = (id: string) => readable(serviceWindows(segments, id).map((w) => ({ ...w, pools: [] }))).map((x) => x.time);
    expect(windows("pass")).toEqual(["08:00-12:00"]);
    expect(windows("visa")).toEqual(["10:00-12:00", "13:00-14:00"]);
    expect(windows("other")).toEqual(["10:00-12:00"]);
  });
});

describe("canAssign: can every running appointment get its own clerk?", () => {
  const demand = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it("compares the count with the clerks when no pool is restricted", () => {
    expect(canAssign(demand({ a: 1, b: 1 }), [all(2)])).toBe(true);
    expect(canAssign(demand({ a: 2, b: 1 }), [all(1), all(1)])).toBe(false);
    expect(canAssign(demand({}), [])).toBe(true);
    expect(canAssign(demand({ a: 1 }), [])).toBe(false);
  });

  it("does not let a restricted clerk serve other services even when the total would fit", () => {
    const pools = [all(1), { clerks: 1, serviceIds: ["pass"] }];
    expect(canAssign(demand({ pass: 1, visa: 1 }), pools)).toBe(true);
    expect(canAssign(demand({ visa: 2 }), pools)).toBe(false);
    expect(canAssign(demand({ pass: 2 }), pools)).toBe(true);
    expect(canAssign(demand({ pass: 2, visa: 1 }), pools)).toBe(false);
  });

  it("finds a shortage that only a set of two services reveals", () => {
    // Each service alone fits, together they need three clerks from the two who can serve them.
    const pools = [
      { clerks: 1, serviceIds: ["a", "b"] },
      { clerks: 1, serviceIds: ["b", "c"] },
      { clerks: 1, serviceIds: ["c", "d"] },
    ];
    expect(canAssign(demand({ a: 1, b: 1 }), pools)).toBe(true);
    expect(canAssign(demand({ a: 1, b: 1, c: 1 }), pools)).toBe(true);
    expect(canAssign(demand({ a: 1, b: 2 }), pools)).toBe(false);
    expect(canAssign(demand({ b: 1, c: 1, d: 1 }), pools)).toBe(true);
    expect(canAssign(demand({ c: 1, d: 2 }), pools)).toBe(false);
  });

  /** Tries every way of handing the appointments to individual clerks. */
  function bruteForce(need: Map<string, number>, pools: CapacityPool[]): boolean {
    const clerks = pools.flatMap((p) => Array.from({ length: p.clerks }, () => p.serviceIds));
    const appointments = [...need].flatMap(([id, n]) => Array.from({ length: n }, () => id));
    const used = clerks.map(() => false);
    const place = (i: number): boolean => {
      if (i === appointments.length) return true;
      for (let c = 0; c < clerks.length; c++) {
        const serves = clerks[c] === null || clerks[c]!.includes(appointments[i]);
        if (used[c] || !serves) continue;
        used[c] = true;
        if (place(i + 1)) return true;
        used[c] = false;
      }
      return false;
    };
    return place(0);
  }

  it("agrees with trying every assignment on generated cases, with few and with many services", () => {
    const random = seededRandom(20260329);
    const pick = (n: number) => Math.floor(random() * n);
    let feasible = 0;
    let infeasible = 0;
    for (let round = 0; round < 1500; round++) {
      const serviceCount = 1 + pick(round % 2 === 0 ? 3 : 7);
      const services = Array.from({ length: serviceCount }, (_, i) => `s${i}`);
      const pools: CapacityPool[] = Array.from({ length: 1 + pick(4) }, () => {
        const restricted = random() < 0.7;
        const ids = services.filter(() => random() < 0.4);
        return { clerks: pick(3), serviceIds: restricted && ids.length > 0 ? ids : null };
      });
      const need = new Map<string, number>();
      for (const id of services) if (random() < 0.6) need.set(id, 1 + pick(2));
      const expected = bruteForce(need, pools);
      expect({ need: [...need], pools, ok: canAssign(need, pools) }).toEqual({ need: [...need], pools, ok: expected });
      if (expected) feasible++;
      else infeasible++;
    }
    // The generator must produce both outcomes, or the comparison proves nothing.
    expect(feasible).toBeGreaterThan(200);
    expect(infeasible).toBeGreaterThan(200);
  });
});
