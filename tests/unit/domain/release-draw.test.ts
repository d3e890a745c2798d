import { createHash, createHmac, randomBytes } from "node:crypto";
import { prepareAvailability, type Weekday } from "@/lib/domain";
import {
  type DrawInput,
  type DrawRequest,
  countedRequests,
  drawRound,
  recordDraw,
  requestRank,
  seedHashOf,
  verifyDrawRecord,
} from "@/lib/domain/release-draw";
import { hmacSha256, sha256, toHex, utf8 } from "@/lib/domain/sha256";
import { BERLIN, office, seededRandom } from "@/tests/helpers/scenario";

const SEED = "a".repeat(64);
const OTHER_SEED = "0123456789abcdef".repeat(4);
const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Given an office open Mon-Fri 08:00-16:00 with two clerks, 30-minute appointments, the draw on Friday 27 Feb. */
const scenario = () =>
  office(BERLIN).open("Mon-Fri", "08:00-16:00", { clerks: 2 }).service("pass", 30, { maxPersons: 3, extraPersonMinutes: 30 }).now("2026-02-27 08:00");

function drawInput(requests: DrawRequest[], opts: { seed?: string; from?: string; to?: string; o?: ReturnType<typeof scenario> } = {}): DrawInput {
  const base = (opts.o ?? scenario()).input();
  return {
    seed: opts.seed ?? SEED,
    periodFrom: opts.from ?? "2026-03-02",
    periodTo: opts.to ?? "2026-03-02",
    schedule: base.schedule,
    rules: base.rules,
    services: [base.service],
    occupied: base.occupied,
    now: base.now,
    requests,
  };
}

function request(id: string, over: Partial<DrawRequest> = {}): DrawRequest {
  return {
    id,
    serviceId: "pass",
    persons: 1,
    earliestDate: "2026-03-01",
    latestDate: "2026-03-31",
    weekdays: ALL_DAYS,
    dayParts: ["MORNING", "AFTERNOON"],
    ...over,
  };
}

const ids = (n: number, prefix = "R") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, "0")}`);
const byRequest = (input: DrawInput) =>
  new Map(drawRound(input).assignment.map((a) => [a.requestId, a.start.toISOString()]));

describe("SHA-256 and HMAC-SHA256 in plain TypeScript", () => {
  it("agree with node:crypto on empty, short, block-boundary and long inputs", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = randomBytes(length);
      expect(toHex(sha256(bytes))).toBe(createHash("sha256").update(bytes).digest("hex"));
      const key = randomBytes(length % 100);
      expect(toHex(hmacSha256(key, bytes))).toBe(createHmac("sha256", key).update(bytes).digest("hex"));
    }
    const longKey = randomBytes(100);
    expect(toHex(hmacSha256(longKey, utf8("x")))).toBe(createHmac("sha256", longKey).update("x").digest("hex"));
  });

  it("ranks a request as HMAC-SHA256(seed bytes, id) and hashes the seed bytes", () => {
    const seed = randomBytes(32);
    expect(requestRank(seed.toString("hex"), "TV-ÄÖ-1")).toBe(createHmac("sha256", seed).update("TV-ÄÖ-1", "utf8").digest("hex"));
    expect(seedHashOf(seed.toString("hex"))).toBe(createHash("sha256").update(seed).digest("hex"));
  });

  it("refuses a seed that is not 64 lower-case hex digits", () => {
    expect(() => seedHashOf("abc")).toThrow(RangeError);
    expect(() => requestRank("A".repeat(64), "x")).toThrow(RangeError);
  });
});

describe("the draw", () => {
  it("gives the same result for the same seed and requests, in any input order", () => {
    const requests = ids(60).map((id) => request(id));
    const first = drawRound(drawInput(requests));
    const again = drawRound(drawInput([...requests].reverse()));
    expect(again).toEqual(first);
    // 32 places on Monday 2 March (8 hours, 2 clerks, 30 minutes): 32 of 60 win.
    expect(first.assignment).toHaveLength(32);
    expect(drawRound(drawInput(requests, { seed: OTHER_SEED })).order).not.toEqual(first.order);
  });

  it("orders by rank alone: changing one request's id moves only that request among the others", () => {
    const requests = ids(40).map((id) => request(id));
    const before = drawRound(drawInput(requests)).order;
    const changed = requests.map((r) => (r.id === "R00007" ? { ...r, id: "R99999" } : r));
    const after = drawRound(drawInput(changed)).order;
    expect(after.filter((id) => id !== "R99999")).toEqual(before.filter((id) => id !== "R00007"));
    // And what the algorithm says beyond the order: every request ranked before both the old and the new id chooses
    // before it in both draws, so it keeps its time.
    const firstMoved = Math.min(before.indexOf("R00007"), after.indexOf("R99999"));
    expect(firstMoved).toBeGreaterThan(5);
    const [timesBefore, timesAfter] = [byRequest(drawInput(requests)), byRequest(drawInput(changed))];
    for (const id of before.slice(0, firstMoved)) expect(timesAfter.get(id)).toBe(timesBefore.get(id));
  });

  it("gives every winner the earliest time left in rank order, each request at most one, never over capacity", () => {
    const o = scenario().booked("2026-03-02", "08:00-09:00");
    const input = drawInput(ids(50).map((id) => request(id)), { o });
    const { order, assignment } = drawRound(input);
    expect(new Set(assignment.map((a) => a.requestId)).size).toBe(assignment.length);
    // 32 places minus the 2 the booking takes; the winners are the first 30 ranks, earliest first.
    expect(assignment.map((a) => a.requestId)).toEqual(order.slice(0, 30));
    const starts = assignment.map((a) => a.start.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(o.label(starts[0])).toBe("2026-03-02 08:00");
    // At every instant the bookings and assignments never exceed the two clerks on duty.
    const all = [...input.occupied, ...assignment.map((a) => ({ start: a.start.getTime(), end: a.end.getTime() }))];
    for (const t of new Set(all.map((i) => i.start))) {
      const overlapping = all.filter((i) => i.start <= t && t < i.end).length;
      expect(overlapping).toBeLessThanOrEqual(2);
    }
  });

  it("respects dates, weekdays, day parts and the number of persons", () => {
    const o = scenario();
    const requests = [
      request("late", { earliestDate: "2026-03-04" }),
      request("thursday", { weekdays: [4] }),
      request("afternoon", { dayParts: ["AFTERNOON"] }),
      request("family", { persons: 3 }),
      request("nothing-suits", { weekdays: [6, 7] }),
      request("too-many", { persons: 4 }),
    ];
    const result = byRequest(drawInput(requests, { o, from: "2026-03-02", to: "2026-03-06" }));
    const at = (id: string) => o.label(Date.parse(result.get(id)!));
    expect(at("late").startsWith("2026-03-04 ")).toBe(true);
    expect(at("thursday").startsWith("2026-03-05 ")).toBe(true);
    expect(at("afternoon")).toBe("2026-03-02 12:00");
    expect(result.has("nothing-suits")).toBe(false);
    expect(result.has("too-many")).toBe(false);
    const family = drawRound(drawInput(requests, { o, from: "2026-03-02", to: "2026-03-06" })).assignment.find((a) => a.requestId === "family")!;
    expect((family.end.getTime() - family.start.getTime()) / 60_000).toBe(90);
  });

  it("keeps to the round's period whatever a request accepts", () => {
    const result = drawRound(drawInput(ids(100).map((id) => request(id)), { from: "2026-03-03", to: "2026-03-03" }));
    expect(result.assignment).toHaveLength(32);
    expect(result.assignment.every((a) => a.start.toISOString().startsWith("2026-03-03"))).toBe(true);
  });

  it("assigns across the spring DST change in real time (Sunday 29 March 2026)", () => {
    const o = office(BERLIN).open("Sun", "01:00-04:00", { clerks: 1 }).service("pass", 30).now("2026-03-27 09:00");
    const { assignment } = drawRound(drawInput(ids(10).map((id) => request(id)), { o, from: "2026-03-29", to: "2026-03-29" }));
    expect(assignment.map((a) => o.label(a.start)).sort()).toEqual([
      "2026-03-29 01:00",
      "2026-03-29 01:30",
      "2026-03-29 03:00",
      "2026-03-29 03:30",
    ]);
  });

  it("assigns the repeated hour of the autumn DST change once each (Sunday 25 October 2026)", () => {
    const o = office(BERLIN).open("Sun", "01:00-04:00", { clerks: 1 }).service("pass", 30).now("2026-10-23 09:00");
    const { assignment } = drawRound(
      drawInput(ids(10).map((id) => request(id, { earliestDate: "2026-10-25", latestDate: "2026-10-25", dayParts: ["MORNING"] })), {
        o,
        from: "2026-10-25",
        to: "2026-10-25",
      }),
    );
    // Four real hours: eight half hours, 02:00-03:00 twice.
    expect(assignment).toHaveLength(8);
    expect(new Set(assignment.map((a) => a.start.getTime())).size).toBe(8);
  });
});

describe("counting requests", () => {
  const at = (minute: number) => Date.parse("2026-03-02T08:00:00Z") + minute * 60_000;

  it("counts one request per mailbox and per name and date of birth, keeping the first confirmed", () => {
    const counted = countedRequests([
      { id: "b", email: "Same+x@Example.org", identityHash: "h1", confirmedAt: at(5) },
      { id: "a", email: "same@example.org", identityHash: "h2", confirmedAt: at(1) },
      { id: "c", email: "other@example.org", identityHash: "h2", confirmedAt: at(2) },
      { id: "d", email: "s.ame@gmail.com", identityHash: null, confirmedAt: at(3) },
      { id: "e", email: "same@googlemail.com", identityHash: null, confirmedAt: at(4) },
      { id: "f", email: "third@example.org", identityHash: "h1", confirmedAt: at(6) },
    ]);
    // b shares a's mailbox, c a's identity, e d's mailbox; f's identity was only b's, which did not count.
    expect(counted.map((r) => r.id)).toEqual(["a", "d", "f"]);
  });
});

describe("the published record", () => {
  it("verifies when recomputed, and not when the assignment, a request or the seed is changed", () => {
    const random = seededRandom(7);
    const requests = ids(80).map((id) =>
      request(id, { dayParts: random() < 0.5 ? ["MORNING"] : ["MORNING", "AFTERNOON"], weekdays: [1, 2, 3, 4, 5].filter(() => random() < 0.7) as Weekday[] }),
    );
    const { record, result } = recordDraw("round-1", drawInput(requests, { from: "2026-03-02", to: "2026-03-03" }));
    const json = JSON.parse(JSON.stringify(record));
    expect(verifyDrawRecord(json)).toEqual({ seedMatchesHash: true, assignmentMatches: true, differences: [] });
    // Two days of 16 half hours with two clerks each.
    expect(record.released).toHaveLength(64);
    expect(record.assignment).toHaveLength(result.assignment.length);

    // The first and the last winner trade times.
    const swapped = structuredClone(json);
    const [first, last] = [swapped.assignment[0], swapped.assignment[swapped.assignment.length - 1]];
    [first.start, last.start] = [last.start, first.start];
    expect(verifyDrawRecord(swapped).assignmentMatches).toBe(false);
    expect(verifyDrawRecord(swapped).differences.sort()).toEqual([first.requestId, last.requestId].sort());

    // A winner's request left out of the record: the others move up.
    const lessRequests = { ...json, requests: json.requests.filter((r: DrawRequest) => r.id !== json.assignment[0].requestId) };
    expect(verifyDrawRecord(lessRequests).assignmentMatches).toBe(false);

    expect(verifyDrawRecord({ ...json, seed: OTHER_SEED }).seedMatchesHash).toBe(false);
    expect(verifyDrawRecord(json, seedHashOf(OTHER_SEED)).seedMatchesHash).toBe(false);
  });
});

describe("dates not released by a round", () => {
  /** Given an office open Mon-Fri with one clerk and only Tuesday 3 March 2026 released. */
  const released = () => {
    const o = office(BERLIN).open("Mon-Fri", "08:00-10:00").service("pass", 30).now("2026-02-27 08:00");
    const input = { ...o.input(), released: (date: string) => date === "2026-03-03" };
    return { o, input };
  };

  it("are neither listed, nor the next free, nor bookable, and the calendar says why", () => {
    const { o, input } = released();
    const availability = prepareAvailability(input);
    expect(availability.list({ from: "2026-03-02", to: "2026-03-04" }).map((s) => o.label(s.start))).toEqual([
      "2026-03-03 08:00",
      "2026-03-03 08:30",
      "2026-03-03 09:00",
      "2026-03-03 09:30",
    ]);
    expect(o.label(availability.next()!.start)).toBe("2026-03-03 08:00");
    expect(availability.check(new Date(o.instant("2026-03-02 08:00")))).toEqual({ ok: false, reason: "not-released" });
    expect(availability.check(new Date(o.instant("2026-03-03 08:00"))).ok).toBe(true);
    expect(availability.status("2026-03-02")).toEqual({ kind: "notReleased" });
    expect(availability.status("2026-03-03")).toEqual({ kind: "free" });
    // A weekend stays closed, not unreleased.
    expect(availability.status("2026-03-07")).toEqual({ kind: "closed" });
  });

  it("change nothing without the rule (first come, first served)", () => {
    const { o } = released();
    expect(o.check("2026-03-02 08:00")).toBe("ok");
  });
});
