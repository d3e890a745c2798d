import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import {
  type AvailabilityInput,
  type Closure,
  type DateOverride,
  type LocalDate,
  type OccupiedInterval,
  type ServiceSpec,
  type Weekday,
  type WeeklyBlock,
  checkSlot,
  listSlots,
  nextFreeSlot,
  prepareAvailability,
} from "@/lib/domain";

// Property-based tests of the slot engine. Random offices (DST dates, several zones, service-restricted pools,
// overrides, closures) are filled by booking only what checkSlot accepts, in random order, with random cancellations
// in between. A naive model that hands the running appointments to individual clerks at every real minute (its own
// date arithmetic and a plain bipartite matching, no domain code) must never find an instant that is overbooked, and
// listing, checking and "next free slot" must agree with each other exactly.
//
// Seeds are pinned so the file is deterministic; FC_SEED=<n> explores other cases. fast-check prints the seed and the
// shrunk counterexample path on failure.

const SEED = Number(process.env.FC_SEED ?? 20260329);
const MINUTE = 60_000;
const SERVICES = ["pass", "visa", "id"] as const;

/** Dates next to DST changes (and one plain date) per zone; Lord Howe shifts by 30 minutes. */
const ZONES: Array<{ timeZone: string; dates: LocalDate[] }> = [
  { timeZone: "Europe/Berlin", dates: ["2026-03-29", "2026-10-25", "2026-03-04", "2027-03-28"] },
  { timeZone: "America/New_York", dates: ["2026-03-08", "2026-11-01"] },
  { timeZone: "Australia/Lord_Howe", dates: ["2026-04-05", "2026-10-04"] },
];

// ---- independent model ------------------------------------------------------------------------------------------

function plusDays(date: LocalDate, n: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days: n }).toString();
}

function isoWeekday(date: LocalDate): Weekday {
  return Temporal.PlainDate.from(date).dayOfWeek as Weekday;
}

/** Wall-clock minute of a date to an instant; gap times move forward, ambiguous times take the earlier instant. */
function wallToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const day = Temporal.PlainDate.from(date).add({ days: Math.floor(minuteOfDay / 1440) });
  const m = minuteOfDay % 1440;
  return day
    .toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 })
    .toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}

interface ClerkSpan {
  start: number;
  end: number;
  serves: readonly string[] | null;
}

interface Hole {
  start: number;
  end: number;
}

/** Every individual clerk's duty span on the dates, with the holes closures cut, by the plain reading of the rules. */
function clerkSpans(office: GeneratedOffice): { spans: ClerkSpan[]; holesOf: Map<ClerkSpan, Hole[]> } {
  const spans: ClerkSpan[] = [];
  const holesOf = new Map<ClerkSpan, Hole[]>();
  const { timeZone } = office.schedule;
  for (const date of office.dates) {
    const closures = office.schedule.closures.filter((c) => c.date === date);
    if (closures.some((c) => c.startMinute == null)) continue;
    const holes = closures
      .filter((c) => c.startMinute! < c.endMinute!)
      .map((c) => ({ start: wallToInstant(date, c.startMinute!, timeZone), end: wallToInstant(date, c.endMinute!, timeZone) }));
    const overrides = office.schedule.dateOverrides.filter((o) => o.date === date);
    const sources: Array<WeeklyBlock | DateOverride> =
      overrides.length > 0 ? overrides : office.schedule.weeklyBlocks.filter((b) => b.weekday === isoWeekday(date));
    for (const s of sources) {
      const start = wallToInstant(date, s.startMinute, timeZone);
      const end = wallToInstant(date, s.endMinute, timeZone);
      for (let i = 0; i < s.clerks; i++) {
        const span = { start, end, serves: s.serviceIds?.length ? s.serviceIds : null };
        spans.push(span);
        holesOf.set(span, holes);
      }
    }
  }
  return { spans, holesOf };
}

function clerksAt(model: ReturnType<typeof clerkSpans>, t: number): (readonly string[] | null)[] {
  return model.spans
    .filter((s) => s.start <= t && t < s.end && !model.holesOf.get(s)!.some((h) => h.start <= t && t < h.end))
    .map((s) => s.serves);
}

/** Kuhn's augmenting paths: can every appointment get a distinct clerk who serves its service? */
function everyoneGetsAClerk(appointments: string[], clerks: (readonly string[] | null)[]): boolean {
  if (appointments.length > clerks.length) return false;
  const owner = clerks.map(() => -1);
  const place = (a: number, seen: boolean[]): boolean => {
    for (let c = 0; c < clerks.length; c++) {
      if (seen[c] || !(clerks[c] === null || clerks[c]!.includes(appointments[a]))) continue;
      seen[c] = true;
      if (owner[c] < 0 || place(owner[c], seen)) {
        owner[c] = a;
        return true;
      }
    }
    return false;
  };
  return appointments.every((_, a) => place(a, clerks.map(() => false)));
}

/** The first real minute in [from, to) at which the running bookings cannot all be given a clerk, or null. */
function overbookedMinute(
  model: ReturnType<typeof clerkSpans>,
  bookings: readonly OccupiedInterval[],
  from: number,
  to: number,
): number | null {
  for (let t = from; t < to; t += MINUTE) {
    const running = bookings.filter((b) => b.start <= t && t < b.end).map((b) => b.serviceId);
    if (running.length > 0 && !everyoneGetsAClerk(running, clerksAt(model, t))) return t;
  }
  return null;
}

// ---- generators -------------------------------------------------------------------------------------------------

interface GeneratedOffice {
  schedule: AvailabilityInput["schedule"];
  dates: LocalDate[];
  services: ServiceSpec[];
  rules: AvailabilityInput["rules"];
  now: Date;
}

// Opening times lean towards the small hours so that DST gaps and repeated hours fall inside opening windows.
const startMinute = fc.oneof(
  fc.integer({ min: 0, max: 16 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 92 }).map((q) => q * 15),
);
const serviceSubset = fc.option(fc.subarray([...SERVICES], { minLength: 1 }), { nil: undefined, freq: 2 });
const capacitySource = fc.record({
  day: fc.integer({ min: 0, max: 2 }),
  startMinute,
  length: fc.integer({ min: 2, max: 40 }).map((q) => q * 15),
  clerks: fc.integer({ min: 1, max: 3 }),
  serviceIds: serviceSubset,
});

const officeArb: fc.Arbitrary<GeneratedOffice> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    dateIndex: fc.nat(),
    blocks: fc.array(capacitySource, { minLength: 1, maxLength: 6 }),
    overrides: fc.array(capacitySource, { maxLength: 2 }),
    closures: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 2 }),
        whole: fc.boolean(),
        startMinute,
        length: fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
      }),
      { maxLength: 2 },
    ),
    services: fc.tuple(
      ...SERVICES.map((id) =>
        fc.record({
          id: fc.constant(id),
          durationMinutes: fc.integer({ min: 2, max: 18 }).map((q) => q * 5),
          extraPersonMinutes: fc.constantFrom(0, 5, 15),
          maxPersons: fc.integer({ min: 1, max: 3 }),
        }),
      ),
    ),
    step: fc.constantFrom(5, 10, 15, 20, 30, 45),
    minNoticeMinutes: fc.constantFrom(0, 30, 120, 24 * 60),
    horizon: fc.integer({ min: 0, max: 20 }),
    nowOffsetMinutes: fc.integer({ min: -4 * 1440, max: 2 * 1440 }),
  })
  .map((g) => {
    const first = plusDays(g.zone.dates[g.dateIndex % g.zone.dates.length], -1);
    const dates = [first, plusDays(first, 1), plusDays(first, 2)];
    const end = (s: { startMinute: number; length: number }) => Math.min(1440, s.startMinute + s.length);
    const weeklyBlocks: WeeklyBlock[] = g.blocks.map((b) => ({
      weekday: isoWeekday(dates[b.day]),
      startMinute: b.startMinute,
      endMinute: end(b),
      clerks: b.clerks,
      serviceIds: b.serviceIds,
    }));
    const dateOverrides: DateOverride[] = g.overrides.map((o) => ({
      date: dates[o.day],
      startMinute: o.startMinute,
      endMinute: end(o),
      clerks: o.clerks,
      serviceIds: o.serviceIds,
    }));
    const closures: Closure[] = g.closures.map((c) =>
      c.whole
        ? { date: dates[c.day], startMinute: null, endMinute: null }
        : { date: dates[c.day], startMinute: c.startMinute, endMinute: end(c) },
    );
    return {
      schedule: { timeZone: g.zone.timeZone, weeklyBlocks, dateOverrides, closures },
      dates,
      services: g.services,
      rules: { slotStepMinutes: g.step, minNoticeMinutes: g.minNoticeMinutes, bookingHorizonDays: g.horizon },
      now: new Date(wallToInstant(dates[0], 8 * 60, g.zone.timeZone) + g.nowOffsetMinutes * MINUTE),
    };
  });

/** One step of the booking history: book a listed slot, try an arbitrary start, or cancel an existing booking. */
/** The type of value an arbitrary generates. */
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const operation = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("book" as const), service: fc.nat(), persons: fc.nat(), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("try" as const), service: fc.nat(), persons: fc.nat(), minute: fc.nat({ max: 3 * 1440 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
);

function inputFor(office: GeneratedOffice, service: ServiceSpec, persons: number, occupied: OccupiedInterval[]): AvailabilityInput {
  return { schedule: office.schedule, rules: office.rules, service, persons, occupied, now: office.now };
}

interface History {
  occupied: OccupiedInterval[];
  booked: number;
  cancelled: number;
}

/** Plays the operations; after every accepted booking the model re-checks the minutes that booking covers. */
function play(office: GeneratedOffice, ops: ValueOf<typeof operation>[], model: ReturnType<typeof clerkSpans>): History {
  const history: History = { occupied: [], booked: 0, cancelled: 0 };
  const rangeStart = wallToInstant(office.dates[0], 0, office.schedule.timeZone);
  for (const op of ops) {
    if (op.kind === "cancel") {
      if (history.occupied.length === 0) continue;
      history.occupied.splice(op.pick % history.occupied.length, 1);
      history.cancelled++;
      continue;
    }
    const service = office.services[op.service % office.services.length];
    const persons = 1 + (op.persons % service.maxPersons);
    const input = inputFor(office, service, persons, history.occupied);
    let start: Date;
    if (op.kind === "book") {
      const slots = listSlots(input, { from: office.dates[0], to: office.dates[2] });
      if (slots.length === 0) continue;
      start = slots[op.pick % slots.length].start;
    } else {
      start = new Date(rangeStart + op.minute * MINUTE);
    }
    const result = checkSlot(input, start);
    if (!result.ok) continue;
    const booking = { start: result.slot.start.getTime(), end: result.slot.end.getTime(), serviceId: service.id };
    history.occupied = [...history.occupied, booking];
    history.booked++;
    const bad = overbookedMinute(model, history.occupied, booking.start, booking.end);
    if (bad !== null) {
      throw new Error(`Overbooked at ${new Date(bad).toISOString()} after booking ${JSON.stringify(booking)}`);
    }
  }
  return history;
}

const params = (numRuns: number, offset: number) => ({ seed: SEED + offset, numRuns, endOnFailure: false });

// ---- properties -------------------------------------------------------------------------------------------------

describe("slot engine properties (seed " + SEED + ")", () => {
  it("bookings accepted by checkSlot, with cancellations in between, never overbook any instant", () => {
    let booked = 0;
    fc.assert(
      fc.property(officeArb, fc.array(operation, { minLength: 5, maxLength: 40 }), (office, ops) => {
        const model = clerkSpans(office);
        const history = play(office, ops, model);
        booked += history.booked;
        const from = wallToInstant(office.dates[0], 0, office.schedule.timeZone);
        const to = wallToInstant(office.dates[2], 1440, office.schedule.timeZone);
        expect(overbookedMinute(model, history.occupied, from, to)).toBeNull();
      }),
      params(150, 0),
    );
    // The generators must actually produce bookings, or the property says nothing.
    expect(booked).toBeGreaterThan(500);
  });

  it("listing, checking and the next free slot agree exactly", () => {
    let listedTotal = 0;
    fc.assert(
      fc.property(officeArb, fc.array(operation, { maxLength: 25 }), fc.array(fc.nat({ max: 3 * 1440 }), { maxLength: 40 }), (office, ops, odd) => {
        const { occupied } = play(office, ops, clerkSpans(office));
        const { timeZone } = office.schedule;
        const from = wallToInstant(office.dates[0], 0, timeZone);
        const to = wallToInstant(office.dates[2], 1440, timeZone);
        for (const service of office.services) {
          // One person and the largest party: the durations in between add nothing new to the check.
          for (const persons of new Set([1, service.maxPersons])) {
            const input = inputFor(office, service, persons, occupied);
            const listed = listSlots(input, { from: office.dates[0], to: office.dates[2] });
            listedTotal += listed.length;

            // Every listed slot is bookable, in order, without duplicates.
            for (let i = 0; i < listed.length; i++) {
              if (i > 0) expect(listed[i].start.getTime()).toBeGreaterThan(listed[i - 1].start.getTime());
              const result = checkSlot(input, listed[i].start);
              expect(result).toEqual({ ok: true, slot: listed[i] });
            }

            // No start in the range that checkSlot accepts is missing from the list: every five real minutes (all
            // generated times are multiples of five), random other minutes, and instants off the minute grid.
            const listedStarts = new Set(listed.map((s) => s.start.getTime()));
            const availability = prepareAvailability(input);
            const probes: number[] = [];
            for (let t = from; t < to; t += 5 * MINUTE) probes.push(t);
            for (const m of odd) probes.push(from + m * MINUTE);
            for (const t of probes) {
              if (t < to && availability.check(new Date(t)).ok && !listedStarts.has(t)) {
                throw new Error(`checkSlot accepts ${new Date(t).toISOString()} (${service.id}, ${persons}) but listSlots omits it`);
              }
            }
            for (const t of listed.slice(0, 3).map((s) => s.start.getTime())) {
              expect(availability.check(new Date(t + 1)).ok).toBe(false);
              expect(availability.check(new Date(t + 30_000)).ok).toBe(false);
            }

            // The next free slot is the first listed one, looked up to the last bookable date.
            const through = listSlots(input, { from: office.dates[0], to: plusDays(office.dates[0], 24) });
            expect(nextFreeSlot(input, office.dates[0])).toEqual(through[0] ?? null);
          }
        }
      }),
      params(35, 1),
    );
    expect(listedTotal).toBeGreaterThan(1000);
  });

  it("after booking a listed slot it stays open exactly when the model finds a clerk for one more; cancelling restores the list", () => {
    fc.assert(
      fc.property(officeArb, fc.array(operation, { maxLength: 20 }), fc.nat(), (office, ops, pick) => {
        const { occupied } = play(office, ops, clerkSpans(office));
        const service = office.services[pick % office.services.length];
        const input = inputFor(office, service, 1, occupied);
        const range = { from: office.dates[0], to: office.dates[2] };
        const before = listSlots(input, range);
        if (before.length === 0) return;
        const slot = before[pick % before.length];
        const withIt = [...occupied, { start: slot.start.getTime(), end: slot.end.getTime(), serviceId: service.id }];
        expect(checkSlot(inputFor(office, service, 1, withIt), slot.start).ok).toBe(
          everyoneGetsAClerkThroughout(office, withIt, service.id, slot.start.getTime(), slot.end.getTime()),
        );
        expect(listSlots(inputFor(office, service, 1, withIt.slice(0, -1)), range)).toEqual(before);
      }),
      params(120, 2),
    );
  });
});

/** Whether one more appointment of the service fits at every minute of [start, end), by the naive model. */
function everyoneGetsAClerkThroughout(
  office: GeneratedOffice,
  occupied: OccupiedInterval[],
  serviceId: string,
  start: number,
  end: number,
): boolean {
  const model = clerkSpans(office);
  for (let t = start; t < end; t += MINUTE) {
    const running = occupied.filter((b) => b.start <= t && t < b.end).map((b) => b.serviceId);
    if (!everyoneGetsAClerk([...running, serviceId], clerksAt(model, t))) return false;
  }
  return true;
}
