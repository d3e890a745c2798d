import fc from "fast-check";
import { Temporal } from "temporal-polyfill";

// lib/domain/time.ts converts through offset spans it keeps per zone (Temporal is asked once per span). Every
// conversion must give exactly what Temporal gives, around every transition and in any order of calls: zones with
// an hour's change, half an hour's (Lord Howe), none (Kolkata), one that skipped a whole day (Apia, 2011) and one
// south of the equator (São Paulo). The loops collect every disagreement and assert once: one expect per conversion
// was most of the suite's time.

type Time = typeof import("@/lib/domain/time");

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "America/Sao_Paulo", "UTC"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function freshTime(): Time {
  let time: Time | undefined;
  jest.isolateModules(() => {
    time = require("@/lib/domain/time") as Time;
  });
  return time!;
}

/** Temporal's local date and minute of the day of an instant. */
function temporalLocal(ms: number, zone: string): { date: string; minute: number } {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  return { date: z.toPlainDate().toString(), minute: z.hour * 60 + z.minute };
}

function temporalInstant(date: string, minute: number, zone: string): number {
  return Temporal.PlainDate.from(date)
    .toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
    .toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
}

/** Every transition of the zone from 1995 to 2035. */
function transitions(zone: string): number[] {
  const found: number[] = [];
  let at: Temporal.ZonedDateTime | null = Temporal.Instant.from("1995-01-01T00:00:00Z").toZonedDateTimeISO(zone);
  while ((at = at.getTimeZoneTransition("next")) && at.epochMilliseconds < Date.UTC(2035, 0, 1)) {
    found.push(at.epochMilliseconds);
  }
  return found;
}

const NEAR = [-DAY, -2 * HOUR - 1, -HOUR - 1, -HOUR, -1800_001, -1800_000, -1, 0, 1, 1800_000, HOUR - 1, HOUR, 2 * HOUR, DAY];

describe.each(ZONES)("conversions in %s", (zone) => {
  const around = transitions(zone).flatMap((t) => NEAR.map((d) => t + d));

  it("has the transitions this test is about", () => {
    if (zone !== "UTC" && zone !== "Asia/Kolkata") expect(around.length).toBeGreaterThan(20 * NEAR.length);
  });

  it("gives Temporal's local date and minute around every transition, asked first at the transition or after it", () => {
    const expected = new Map<number, { date: string; minute: number }>();
    const wrong: unknown[] = [];
    for (const order of [around, [...around].reverse(), [...transitions(zone), ...around]]) {
      const time = freshTime();
      for (const ms of order) {
        if (!expected.has(ms)) expected.set(ms, temporalLocal(ms, zone));
        const got = { date: time.localDateOf(ms, zone), minute: time.localMinuteOf(ms, zone) };
        const want = expected.get(ms)!;
        if (got.date !== want.date || got.minute !== want.minute) wrong.push({ ms, got, want });
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives Temporal's instant for wall-clock times around every transition (gaps move forward, repeats take the earlier)", () => {
    const time = freshTime();
    const wrong: unknown[] = [];
    for (const t of transitions(zone)) {
      for (let d = -DAY; d <= DAY; d += 15 * 60_000) {
        const local = temporalLocal(t + d, zone);
        const minute = Math.floor(local.minute / 15) * 15;
        const [got, want] = [time.zonedInstant(local.date, minute, zone), temporalInstant(local.date, minute, zone)];
        if (got !== want) wrong.push({ date: local.date, minute, got, want });
      }
    }
    expect(wrong).toEqual([]);
  });

  it("agrees with Temporal for any instant and wall-clock time from 1900 to 2200, in any order", () => {
    const time = freshTime();
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2199, 11, 30) }),
        fc.integer({ min: 0, max: 1440 }),
        (ms, minute) => {
          const { date, minute: localMinute } = temporalLocal(ms, zone);
          expect(time.localDateOf(ms, zone)).toBe(date);
          expect(time.localMinuteOf(new Date(ms), zone)).toBe(localMinute);
          const expected = minute === 1440 ? temporalInstant(time.addDays(date, 1), 0, zone) : temporalInstant(date, minute, zone);
          expect(time.zonedInstant(date, minute, zone)).toBe(expected);
        },
      ),
      { seed: 20261206, numRuns: 400 },
    );
  });
});

it("still answers outside 1900-2200 (through Temporal) and refuses an unknown zone", () => {
  const time = freshTime();
  expect(time.localDateOf(Date.UTC(1850, 5, 1, 23, 30), "Europe/Berlin")).toBe(temporalLocal(Date.UTC(1850, 5, 1, 23, 30), "Europe/Berlin").date);
  expect(time.zonedInstant("2300-03-26", 150, "Europe/Berlin")).toBe(temporalInstant("2300-03-26", 150, "Europe/Berlin"));
  expect(() => time.localDateOf(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  expect(() => time.zonedInstant("2026-03-29", 120, "Mars/Olympus_Mons")).toThrow(RangeError);
});
