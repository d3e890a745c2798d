import { problemsOf, ratioTo, routeTable, summarizeLoad, type LoadSample } from "@/bench/http-report";

// The HTTP benchmark's report: what a run counts as done, how two instances' answers are pooled, and the ratio to
// the health check of the same run.

const sample = (latenciesMs: number[], statuses: Record<number, number>, wallMs: number, errors = 0, timeouts = 0): LoadSample => ({
  latenciesMs,
  statuses,
  errors,
  timeouts,
  wallMs,
});

describe("summarizeLoad", () => {
  it("counts only 2xx answers as throughput, per second of wall time", () => {
    const s = summarizeLoad([sample([1, 2, 3, 4], { 200: 3, 409: 1 }, 2000)]);
    expect(s.requests).toBe(4);
    expect(s.ok).toBe(3);
    expect(s.rps).toBeCloseTo(1.5);
    expect(s.failedStatuses).toEqual({ 409: 1 });
  });

  it("pools two instances driven at once: the run lasts as long as the slower, percentiles cover every request", () => {
    // Instance A fast, instance B slow: the p99 must be B's, and the p50 falls between them.
    const fast = Array.from({ length: 50 }, () => 10);
    const slow = Array.from({ length: 50 }, () => 100);
    const s = summarizeLoad([sample(fast, { 201: 50 }, 1000), sample(slow, { 201: 50 }, 4000)]);
    expect(s.ok).toBe(100);
    expect(s.rps).toBeCloseTo(25);
    expect(s.p50Ms).toBe(10);
    expect(s.p99Ms).toBe(100);
  });

  it("takes the nearest-rank percentiles of unsorted latencies", () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 .. 1
    const s = summarizeLoad([sample(latencies, { 200: 100 }, 1000)]);
    expect(s.p50Ms).toBe(50);
    expect(s.p99Ms).toBe(99);
  });

  it("adds connection errors and timeouts of every instance", () => {
    const s = summarizeLoad([sample([5], { 200: 1 }, 100, 2, 1), sample([5], { 200: 1 }, 100, 0, 3)]);
    expect(s.errors).toBe(6);
  });
});

describe("problemsOf", () => {
  it("reports non-2xx answers, unanswered requests and a run without success", () => {
    expect(problemsOf("r", summarizeLoad([sample([1, 1], { 200: 2 }, 100)]))).toEqual([]);
    expect(problemsOf("r", summarizeLoad([sample([1, 1], { 201: 1, 429: 1 }, 100)]))).toEqual(["r: 1 x HTTP 429"]);
    expect(problemsOf("r", summarizeLoad([sample([1], { 200: 1 }, 100, 1)]))).toEqual(["r: 1 requests without an answer"]);
    expect(problemsOf("r", summarizeLoad([sample([1], { 503: 1 }, 100)]))).toEqual(["r: 1 x HTTP 503", "r: no successful request"]);
  });
});

describe("ratioTo and routeTable", () => {
  const health = summarizeLoad([sample(Array.from({ length: 1000 }, () => 2), { 200: 1000 }, 1000)]);
  const slots = summarizeLoad([sample(Array.from({ length: 100 }, () => 20), { 200: 100 }, 1000)]);

  it("gives throughput as a share and latencies as multiples of the baseline", () => {
    expect(ratioTo(health, slots)).toEqual({ rps: 0.1, p50: 10, p99: 10 });
  });

  it("lists the baseline first at 1 × and every route against it", () => {
    const table = routeTable([
      { name: "health", summary: health },
      { name: "slots", summary: slots },
    ]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[2]).toBe("| health | 1,000 | 0 / 0 | 1000 | 2.0 | 2.0 | 1.00 × | 1.00 × | 1.00 × |");
    expect(table[3]).toBe("| slots | 100 | 0 / 0 | 100 | 20.0 | 20.0 | 0.10 × | 10 × | 10 × |");
  });
});
