import fc from "fast-check";
import {
  type AvailabilityInput,
  type LocalDate,
  type OccupiedInterval,
  type Slot,
  type WeeklyBlock,
  addDays,
  appointmentMinutes,
  capacityCalendar,
  datesBetween,
  prepareAvailability,
  serviceWindows,
  weekdayOf,
  zonedInstant,
} from "@/lib/domain";
import { BERLIN, office, seededRandom } from "@/tests/helpers/scenario";

// The slot search puts to the booking rule only the starts that can pass it: a fully booked day costs one sweep and
// no evaluation. The work is bounded by counting the rule's evaluations (never by timing), and a property compares
// the search with the plain enumeration it replaced: every step of every opening window, each put to `check`.

const MINUTE = 60_000;
const TODAY = "2027-01-04"; // a Monday

/**
 * Given two clerks Mon-Fri 08:00-16:00, 30-minute appointments on a 5-minute grid and a 730-day horizon, with every
 * clerk booked back to back on every working day except `freeAt` (date and minute of day left free for one clerk).
 */
function fullyBooked(freeAt?: { date: LocalDate; minute: number }) {
  const o = office(BERLIN)
    .open("Mon-Fri", "08:00-16:00", { clerks: 2 })
    .service("antrag", 30)
    .rules({ slotStepMinutes: 5, minNoticeMinutes: 0, bookingHorizonDays: 730 })
    .now(`${TODAY} 07:00`);
  const occupied: OccupiedInterval[] = [];
  for (const date of datesBetween(TODAY, addDays(TODAY, 731))) {
    if (weekdayOf(date) > 5) continue;
    for (let clerk = 0; clerk < 2; clerk++) {
      for (let minute = 8 * 60; minute < 16 * 60; minute += 30) {
        if (clerk === 0 && freeAt && freeAt.date === date && freeAt.minute === minute) continue;
        const start = zonedInstant(date, minute, BERLIN);
        occupied.push({ start, end: start + 30 * MINUTE, serviceId: "antrag" });
      }
    }
  }
  return { ...o.input(), occupied };
}

describe("a fully booked 730-day horizon at a 5-minute step", () => {
  it("finds no next free slot without putting a single start to the booking rule", () => {
    const availability = prepareAvailability(fullyBooked());
    expect(availability.next()).toBeNull();
    expect(availability.evaluations).toBe(0);
  });

  it("lists 62 full days without an evaluation", () => {
    const availability = prepareAvailability(fullyBooked());
    expect(availability.list({ from: TODAY, to: addDays(TODAY, 61) })).toEqual([]);
    expect(availability.evaluations).toBe(0);
  });

  it("finds the one free place on the last bookable day with one evaluation", () => {
    const last = addDays(TODAY, 730); // Wednesday 3 January 2029
    expect(weekdayOf(last)).toBe(3);
    const availability = prepareAvailability(fullyBooked({ date: last, minute: 14 * 60 }));
    expect(availability.next()?.start).toEqual(new Date(zonedInstant(last, 14 * 60, BERLIN)));
    expect(availability.evaluations).toBe(1);
  });

  it("lists a day with one free half hour with one evaluation: no other start on the grid fits in it", () => {
    const date = addDays(TODAY, 3);
    const availability = prepareAvailability(fullyBooked({ date, minute: 9 * 60 + 30 }));
    expect(availability.list({ from: TODAY, to: addDays(TODAY, 20) }).map((s) => s.start)).toEqual([
      new Date(zonedInstant(date, 9 * 60 + 30, BERLIN)),
    ]);
    expect(availability.evaluations).toBe(1);
  });

  it("evaluates on an empty calendar only the starts it lists", () => {
    const availability = prepareAvailability({ ...fullyBooked(), occupied: [] });
    const listed = availability.list({ from: TODAY, to: addDays(TODAY, 6) });
    // 08:00 to 15:30 every five minutes, five working days.
    expect(listed).toHaveLength(5 * 91);
    expect(availability.evaluations).toBe(listed.length);
  });
});

// ---- the search against the plain enumeration --------------------------------------------------------------------

const SERVICES = ["pass", "visa"] as const;

/** Every start on every window's grid put to `check`: the enumeration the search must reproduce exactly. */
function plainEnumeration(input: AvailabilityInput, from: LocalDate, to: LocalDate): Slot[] {
  const availability = prepareAvailability(input);
  const capacityOn = capacityCalendar(input.schedule);
  const step = input.rules.slotStepMinutes * MINUTE;
  const duration = appointmentMinutes(input.service, input.persons) * MINUTE;
  const slots: Slot[] = [];
  for (const date of datesBetween(from, to)) {
    for (const window of serviceWindows(capacityOn(date), input.service.id)) {
      for (let start = window.start; start + duration <= window.end; start += step) {
        const result = availability.check(new Date(start));
        if (result.ok) slots.push(result.slot);
      }
    }
  }
  return slots;
}

/** Weeks around the DST changes of two zones, so windows of 23- and 25-hour days are searched too. */
const ZONES = [
  { timeZone: "Europe/Berlin", firstDates: ["2027-03-22", "2027-10-25", "2027-01-04"] },
  { timeZone: "America/New_York", firstDates: ["2027-03-08", "2027-10-31"] },
];

const blockArb = fc.record({
  weekday: fc.integer({ min: 1, max: 7 }),
  startMinute: fc.integer({ min: 0, max: 88 }).map((q) => q * 15),
  length: fc.integer({ min: 2, max: 40 }).map((q) => q * 15),
  clerks: fc.integer({ min: 1, max: 3 }),
  serviceIds: fc.option(fc.subarray([...SERVICES], { minLength: 1 }), { nil: undefined, freq: 2 }),
});

const calendarArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  firstIndex: fc.nat(),
  blocks: fc.array(blockArb, { minLength: 1, maxLength: 5 }),
  durations: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => [a * 5, b * 5]),
  step: fc.constantFrom(5, 10, 15, 30),
  minNoticeMinutes: fc.constantFrom(0, 45, 24 * 60),
  horizon: fc.integer({ min: 0, max: 40 }),
  nowMinute: fc.integer({ min: 0, max: 1439 }),
  // Per day: how full the clerks' lanes are (1 = back to back), and a seed for the lanes' bookings.
  fullness: fc.array(fc.constantFrom(0, 0.5, 0.9, 1, 1, 1), { minLength: 42, maxLength: 42 }),
  seed: fc.integer(),
});

type CalendarValue = typeof calendarArb extends fc.Arbitrary<infer T> ? T : never;

/** Each clerk of each block is a lane of bookings of random services and lengths, kept with the day's fullness. */
function bookingsOf(g: CalendarValue, dates: LocalDate[], tz: string) {
  const next = seededRandom(g.seed);
  const occupied: OccupiedInterval[] = [];
  dates.forEach((date, day) => {
    for (const b of g.blocks) {
      if (b.weekday !== weekdayOf(date)) continue;
      const end = Math.min(1440, b.startMinute + b.length);
      for (let clerk = 0; clerk < b.clerks; clerk++) {
        for (let minute = b.startMinute; minute < end; ) {
          const service = b.serviceIds ? b.serviceIds[Math.floor(next() * b.serviceIds.length)] : SERVICES[Math.floor(next() * 2)];
          const length = Math.min(end - minute, 5 * (1 + Math.floor(next() * 12)));
          if (next() < g.fullness[day % g.fullness.length]) {
            const start = zonedInstant(date, minute, tz);
            const stop = zonedInstant(date, minute + length, tz);
            if (stop > start) occupied.push({ start, end: stop, serviceId: service });
          }
          minute += length;
        }
      }
    }
  });
  return occupied;
}

describe("the bounded search returns exactly what the plain enumeration returns", () => {
  it("for lists and the next free slot, on random calendars with full, nearly full and empty days", () => {
    let listed = 0;
    let fullDays = 0;
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 1 }), (g, serviceIndex) => {
        const tz = g.zone.timeZone;
        const today = g.zone.firstDates[g.firstIndex % g.zone.firstDates.length];
        const dates = datesBetween(addDays(today, -1), addDays(today, g.horizon + 1));
        const weeklyBlocks: WeeklyBlock[] = g.blocks.map((b) => ({
          weekday: b.weekday as WeeklyBlock["weekday"],
          startMinute: b.startMinute,
          endMinute: Math.min(1440, b.startMinute + b.length),
          clerks: b.clerks,
          serviceIds: b.serviceIds,
        }));
        const input: AvailabilityInput = {
          schedule: { timeZone: tz, weeklyBlocks, dateOverrides: [], closures: [] },
          rules: { slotStepMinutes: g.step, minNoticeMinutes: g.minNoticeMinutes, bookingHorizonDays: g.horizon },
          service: { id: SERVICES[serviceIndex], durationMinutes: g.durations[serviceIndex], extraPersonMinutes: 0, maxPersons: 1 },
          persons: 1,
          occupied: bookingsOf(g, dates, tz),
          now: new Date(zonedInstant(today, g.nowMinute, tz)),
        };
        const from = dates[0];
        const to = dates[dates.length - 1];
        const expected = plainEnumeration(input, from, to);
        const availability = prepareAvailability(input);
        expect(availability.list({ from, to })).toEqual(expected);
        expect(availability.evaluations).toBe(expected.length);
        expect(prepareAvailability(input).next(from)).toEqual(expected[0] ?? null);
        listed += expected.length;
        fullDays += g.fullness.filter((f) => f === 1).length;
      }),
      { seed: 20270104, numRuns: 120 },
    );
    // The generator must yield both: free slots to compare and fully booked days to skip.
    expect(listed).toBeGreaterThan(2000);
    expect(fullDays).toBeGreaterThan(500);
  });
});
