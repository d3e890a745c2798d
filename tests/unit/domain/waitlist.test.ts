import { checkSlot } from "@/lib/domain";
import {
  MAX_UNANSWERED_OFFERS,
  MIN_ANSWER_MINUTES,
  type WaitingWish,
  type WishPreferences,
  closesForSilence,
  dayPartAt,
  matchOffers,
  offerDeadline,
  waitlistOrder,
  wishAccepts,
} from "@/lib/domain/waitlist";
import { BERLIN, type Scenario, office } from "@/tests/helpers/scenario";

// Europe/Berlin: summer time starts 29 March 2026 at 02:00 CET (clocks jump to 03:00) and ends 25 October 2026 at
// 03:00 CEST (clocks go back to 02:00).

const at = (iso: string) => new Date(iso);

function wish(o: Scenario, id: string, overrides: Partial<WaitingWish> = {}): WaitingWish {
  return {
    id,
    service: o.input().service,
    persons: 1,
    earliestDate: "2026-01-01",
    latestDate: "2027-12-31",
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    dayParts: ["MORNING", "AFTERNOON"],
    refusedStarts: [],
    permitExpiresOn: null,
    confirmedAt: Date.parse("2026-01-01T00:00:00Z"),
    ...overrides,
  };
}

function match(o: Scenario, dates: string[], wishes: WaitingWish[], opts: { offerHours?: number; urgentWithinDays?: number } = {}) {
  const input = o.input();
  return matchOffers({
    schedule: input.schedule,
    rules: input.rules,
    occupied: input.occupied,
    now: input.now,
    dates,
    wishes,
    offerHours: opts.offerHours ?? 12,
    urgentWithinDays: opts.urgentWithinDays ?? 28,
  }).map((offer) => ({ wish: offer.wishId, start: o.label(offer.start), deadline: offer.deadline.toISOString(), urgent: offer.urgent }));
}

describe("day parts by the office-local start", () => {
  it("counts a start before 12:00 as morning and from 12:00 as afternoon, in winter and summer", () => {
    // Winter: 11:59 CET is 10:59 UTC; summer: 12:00 CEST is 10:00 UTC.
    expect(dayPartAt(at("2026-01-15T10:59:00Z"), BERLIN)).toBe("MORNING");
    expect(dayPartAt(at("2026-01-15T11:00:00Z"), BERLIN)).toBe("AFTERNOON");
    expect(dayPartAt(at("2026-07-15T09:59:00Z"), BERLIN)).toBe("MORNING");
    expect(dayPartAt(at("2026-07-15T10:00:00Z"), BERLIN)).toBe("AFTERNOON");
  });

  it("uses the local clock on both DST change days", () => {
    // 29 March: noon is already CEST (10:00 UTC).
    expect(dayPartAt(at("2026-03-29T09:59:00Z"), BERLIN)).toBe("MORNING");
    expect(dayPartAt(at("2026-03-29T10:00:00Z"), BERLIN)).toBe("AFTERNOON");
    // 25 October: noon is CET again (11:00 UTC).
    expect(dayPartAt(at("2026-10-25T10:59:00Z"), BERLIN)).toBe("MORNING");
    expect(dayPartAt(at("2026-10-25T11:00:00Z"), BERLIN)).toBe("AFTERNOON");
  });
});

describe("the order of the waiting list", () => {
  const ranked = (id: string, confirmed: string, permitExpiresOn: string | null = null) => ({
    id,
    confirmedAt: Date.parse(confirmed),
    permitExpiresOn,
  });

  it("puts urgent wishes first, then earlier confirmation, then the id", () => {
    const wishes = [
      ranked("c", "2026-03-01T10:00:00Z"),
      ranked("b", "2026-03-01T09:00:00Z"),
      ranked("a", "2026-03-01T10:00:00Z"),
      ranked("u", "2026-03-05T10:00:00Z", "2026-03-20"),
    ];
    expect(waitlistOrder(wishes, 28, "2026-03-10").map((w) => w.id)).toEqual(["u", "b", "a", "c"]);
  });

  it("judges urgency on the office-local today, so a wish becomes urgent as the expiry approaches", () => {
    const wishes = [ranked("early", "2026-03-01T09:00:00Z"), ranked("permit", "2026-03-02T09:00:00Z", "2026-05-01")];
    // 2026-05-01 is 29 days after 2026-04-02 and 28 days after 2026-04-03.
    expect(waitlistOrder(wishes, 28, "2026-04-02").map((w) => w.id)).toEqual(["early", "permit"]);
    expect(waitlistOrder(wishes, 28, "2026-04-03").map((w) => w.id)).toEqual(["permit", "early"]);
  });
});

describe("the deadline of an offer", () => {
  const timing = { offerHours: 12, minNoticeMinutes: 120 };

  it("is the office's offer time when the appointment is far enough away", () => {
    expect(offerDeadline(at("2026-06-01T08:00:00Z"), at("2026-06-05T08:00:00Z"), timing)).toEqual(at("2026-06-01T20:00:00Z"));
  });

  it("never lies after the start minus the minimum notice", () => {
    expect(offerDeadline(at("2026-06-01T08:00:00Z"), at("2026-06-01T14:00:00Z"), timing)).toEqual(at("2026-06-01T12:00:00Z"));
  });

  it("is null when less than the minimum answer time would remain: the time goes public", () => {
    const now = at("2026-06-01T08:00:00Z");
    const justEnough = new Date(now.getTime() + (120 + MIN_ANSWER_MINUTES) * 60_000);
    expect(offerDeadline(now, justEnough, timing)).toEqual(new Date(now.getTime() + MIN_ANSWER_MINUTES * 60_000));
    expect(offerDeadline(now, new Date(justEnough.getTime() - 60_000), timing)).toBeNull();
    expect(offerDeadline(now, at("2026-06-05T08:00:00Z"), { offerHours: 0, minNoticeMinutes: 120 })).toBeNull();
  });

  it("counts the offer time in real hours across the spring change", () => {
    // Saturday 28 March 20:00 CET (19:00 UTC) + 12 real hours = Sunday 09:00 CEST (07:00 UTC): 13 wall-clock hours.
    expect(offerDeadline(at("2026-03-28T19:00:00Z"), at("2026-03-31T08:00:00Z"), timing)).toEqual(at("2026-03-29T07:00:00Z"));
  });

  it("counts the offer time and the notice in real time across the autumn change", () => {
    // Saturday 24 October 20:00 CEST (18:00 UTC) + 12 real hours = Sunday 05:00 CET (06:00 UTC): 11 wall-clock hours.
    expect(offerDeadline(at("2026-10-24T18:00:00Z"), at("2026-10-27T08:00:00Z"), timing)).toEqual(at("2026-10-25T06:00:00Z"));
    // A start at 03:30 CET (02:30 UTC) on the change day: the notice ends two real hours before, at 00:30 UTC.
    expect(offerDeadline(at("2026-10-24T22:00:00Z"), at("2026-10-25T02:30:00Z"), timing)).toEqual(at("2026-10-25T00:30:00Z"));
  });
});

describe("whether a wish accepts a start", () => {
  const preferences: WishPreferences = {
    serviceId: "pass",
    persons: 2,
    earliestDate: "2026-06-02",
    latestDate: "2026-06-12",
    weekdays: [2, 4],
    dayParts: ["MORNING"],
    refusedStarts: [Date.parse("2026-06-04T07:00:00Z")],
  };
  const start = at("2026-06-02T07:00:00Z"); // Tuesday 09:00 CEST
  const offer = { serviceId: "pass", persons: 2, start };
  const accepts = (o: Partial<typeof offer>, p: Partial<WishPreferences> = {}) =>
    wishAccepts({ ...preferences, ...p }, { ...offer, ...o }, BERLIN);

  it("accepts a start that fits every preference", () => {
    expect(accepts({})).toBe(true);
    expect(accepts({ start: at("2026-06-11T09:59:00Z") })).toBe(true); // Thursday 11:59, the last day
  });

  it("refuses another service or party size", () => {
    expect(accepts({ serviceId: "id-card" })).toBe(false);
    expect(accepts({ persons: 1 })).toBe(false);
  });

  it("refuses a date outside the range, a weekday or a day part not chosen", () => {
    expect(accepts({ start: at("2026-06-01T07:00:00Z") })).toBe(false); // Monday, and before the range
    expect(accepts({ start: at("2026-06-16T07:00:00Z") })).toBe(false); // Tuesday after the range
    expect(accepts({ start: at("2026-06-03T07:00:00Z") })).toBe(false); // Wednesday
    expect(accepts({ start: at("2026-06-02T10:00:00Z") })).toBe(false); // Tuesday 12:00
    expect(accepts({ start: at("2026-06-02T10:00:00Z") }, { dayParts: ["AFTERNOON"] })).toBe(true);
  });

  it("refuses a start it declined or let expire before", () => {
    expect(accepts({ start: at("2026-06-04T07:00:00Z") })).toBe(false);
    expect(accepts({ start: at("2026-06-04T07:30:00Z") })).toBe(true);
  });

  it("accepts nothing when no weekday or no day part is chosen", () => {
    expect(accepts({}, { weekdays: [] })).toBe(false);
    expect(accepts({}, { dayParts: [] })).toBe(false);
  });
});

describe("matching free time to wishes", () => {
  /** Given an office open Mon-Fri 08:00-12:00 and 13:00-15:00 with one clerk, 30-minute appointments, Monday 08:00. */
  const oneClerk = () =>
    office(BERLIN)
      .open("Mon-Fri", "08:00-12:00", { clerks: 1 })
      .open("Mon-Fri", "13:00-15:00", { clerks: 1 })
      .service("pass", 30, { maxPersons: 3, extraPersonMinutes: 30 })
      .service("id", 30)
      .rules({ slotStepMinutes: 30, minNoticeMinutes: 120, bookingHorizonDays: 60 })
      .now("2026-06-01 08:00");

  /** Fully booked on Wednesday 3 June except 10:00-10:30. */
  const oneFreeTime = () => oneClerk().booked("2026-06-03", "08:00-10:00").booked("2026-06-03", "10:30-12:00").booked("2026-06-03", "13:00-15:00");

  it("offers the one free time to the first wish in order, and nothing to the next", () => {
    const o = oneFreeTime();
    const offers = match(o, ["2026-06-03"], [
      wish(o, "later", { confirmedAt: Date.parse("2026-05-02T00:00:00Z") }),
      wish(o, "first", { confirmedAt: Date.parse("2026-05-01T00:00:00Z") }),
    ]);
    expect(offers).toEqual([{ wish: "first", start: "2026-06-03 10:00", deadline: "2026-06-01T18:00:00.000Z", urgent: false }]);
  });

  it("gives an urgent wish the time before an earlier confirmed one", () => {
    const o = oneFreeTime();
    const offers = match(o, ["2026-06-03"], [
      wish(o, "first", { confirmedAt: Date.parse("2026-05-01T00:00:00Z") }),
      wish(o, "urgent", { confirmedAt: Date.parse("2026-05-20T00:00:00Z"), permitExpiresOn: "2026-06-20" }),
    ]);
    expect(offers).toEqual([{ wish: "urgent", start: "2026-06-03 10:00", deadline: "2026-06-01T18:00:00.000Z", urgent: true }]);
  });

  it("offers each wish its earliest accepted start, counting earlier offers as occupied, one offer per wish", () => {
    const o = oneClerk().booked("2026-06-03", "08:00-11:00");
    const offers = match(o, ["2026-06-03"], [
      wish(o, "a", { confirmedAt: 1 }),
      wish(o, "b", { confirmedAt: 2 }),
      wish(o, "pm", { confirmedAt: 3, dayParts: ["AFTERNOON"] }),
      wish(o, "d", { confirmedAt: 4 }),
    ]);
    expect(offers.map((x) => [x.wish, x.start])).toEqual([
      ["a", "2026-06-03 11:00"],
      ["b", "2026-06-03 11:30"],
      ["pm", "2026-06-03 13:00"],
      ["d", "2026-06-03 13:30"],
    ]);
  });

  it("fits the wish's service and party size: a longer appointment needs the longer free time", () => {
    // Free: 10:00-10:30 and 11:00-12:00. Two persons of "pass" need an hour.
    const o = oneClerk().booked("2026-06-03", "08:00-10:00").booked("2026-06-03", "10:30-11:00").booked("2026-06-03", "13:00-15:00");
    const offers = match(o, ["2026-06-03"], [wish(o, "pair", { persons: 2 }), wish(o, "single", { confirmedAt: 9e12 })]);
    expect(offers.map((x) => [x.wish, x.start])).toEqual([
      ["pair", "2026-06-03 11:00"],
      ["single", "2026-06-03 10:00"],
    ]);
    const id = match(o, ["2026-06-03"], [wish(o, "other", { service: o.input({ service: "id" }).service })]);
    expect(id.map((x) => x.start)).toEqual(["2026-06-03 10:00"]);
  });

  it("offers only on the given dates, within the wish's range, weekdays and day parts", () => {
    const o = oneClerk();
    expect(match(o, ["2026-06-03"], [wish(o, "w", { earliestDate: "2026-06-04" })])).toEqual([]);
    expect(match(o, ["2026-06-03"], [wish(o, "w", { weekdays: [1, 2, 4, 5] })])).toEqual([]);
    expect(match(o, ["2026-06-03", "2026-06-04"], [wish(o, "w", { weekdays: [4], dayParts: ["AFTERNOON"] })]).map((x) => x.start)).toEqual([
      "2026-06-04 13:00",
    ]);
  });

  it("never offers a start the wish declined or let expire", () => {
    const o = oneFreeTime();
    const refused = o.instant("2026-06-03 10:00");
    expect(match(o, ["2026-06-03"], [wish(o, "w", { refusedStarts: [refused] })])).toEqual([]);
  });

  it("leaves a time public when too little time to answer would remain before its notice", () => {
    // Now 08:00, notice 2 h: 10:00 is bookable, but its answer time would be 0 minutes; 10:30 leaves exactly 30.
    const o = oneClerk().booked("2026-06-01", "08:00-10:00");
    expect(match(o, ["2026-06-01"], [wish(o, "w")]).map((x) => [x.start, x.deadline])).toEqual([
      ["2026-06-01 10:30", "2026-06-01T06:30:00.000Z"],
    ]);
  });

  it("respects live holds and confirmed bookings, and gives wishes a cancelled time without the public rebook delay", () => {
    const o = oneFreeTime().rules({ rebookDelayMinutes: 60 });
    const input = o.input();
    const now = input.now.getTime();
    const free = o.instant("2026-06-03 10:00");
    const held = { start: free, end: free + 30 * 60_000, serviceId: "pass", holdExpiresAt: now + 60_000 };
    const cancelled = { start: free, end: free + 30 * 60_000, serviceId: "pass", cancelledAt: now - 60_000 };
    const run = (occupied: typeof input.occupied) =>
      matchOffers({ ...input, occupied, dates: ["2026-06-03"], wishes: [wish(o, "w")], offerHours: 12, urgentWithinDays: 28 });
    expect(run([...input.occupied, held])).toEqual([]);
    expect(run([...input.occupied, cancelled]).map((x) => o.label(x.start))).toEqual(["2026-06-03 10:00"]);
    // The public booking rule still withholds it for the delay.
    expect(checkSlot({ ...input, occupied: [...input.occupied, cancelled] }, new Date(free))).toEqual({ ok: false, reason: "full" });
  });

  it("lets an urgent wish use a place kept for urgent cases, a public one not", () => {
    // Two clerks 08:00-09:00, one place kept for urgent cases (released 48 h before); 08:00-08:30 has one booking.
    const o = office(BERLIN)
      .open("Wed", "08:00-09:00", { clerks: 2, urgent: 1 })
      .service("pass", 30)
      .rules({ slotStepMinutes: 30, minNoticeMinutes: 120, bookingHorizonDays: 60, urgentReleaseHours: 48 })
      .booked("2026-06-03", "08:00-08:30")
      .now("2026-06-01 08:00");
    const wishes = [
      wish(o, "public", { confirmedAt: 1 }),
      wish(o, "urgent", { confirmedAt: 2, permitExpiresOn: "2026-06-10" }),
      wish(o, "urgent2", { confirmedAt: 3, permitExpiresOn: "2026-06-11" }),
    ];
    // The urgent wishes come first; the kept place of 08:00 and the open and kept places of 08:30 go to urgent
    // wishes only as far as their access allows, and the public wish gets an open place.
    const offers = match(o, ["2026-06-03"], wishes);
    expect(offers.map((x) => [x.wish, x.start, x.urgent])).toEqual([
      ["urgent", "2026-06-03 08:00", true],
      ["urgent2", "2026-06-03 08:30", true],
      ["public", "2026-06-03 08:30", false],
    ]);
    // Without urgent wishes, the public one cannot take the kept place of 08:00.
    expect(match(o, ["2026-06-03"], [wishes[0]]).map((x) => x.start)).toEqual(["2026-06-03 08:30"]);
  });

  it("offers a release-round service only on dates a round released", () => {
    const o = oneClerk();
    const released = (date: string) => date === "2026-06-04";
    expect(match(o, ["2026-06-03", "2026-06-04"], [wish(o, "w", { released })]).map((x) => x.start)).toEqual(["2026-06-04 08:00"]);
  });

  it("never offers beyond the booking horizon", () => {
    const o = oneClerk().rules({ bookingHorizonDays: 1 });
    expect(match(o, ["2026-06-03"], [wish(o, "w")])).toEqual([]);
    expect(match(o, ["2026-06-02"], [wish(o, "w")]).map((x) => x.start)).toEqual(["2026-06-02 08:00"]);
  });

  it("matches on the spring change day in real time (01:00-04:00 has two hours)", () => {
    const o = office(BERLIN)
      .open("Sun", "01:00-04:00", { clerks: 1 })
      .service("pass", 60)
      .rules({ slotStepMinutes: 60, minNoticeMinutes: 0, bookingHorizonDays: 60 })
      .now("2026-03-27 12:00");
    const offers = match(o, ["2026-03-29"], [wish(o, "a", { confirmedAt: 1 }), wish(o, "b", { confirmedAt: 2 }), wish(o, "c", { confirmedAt: 3 })], {
      offerHours: 48,
    });
    expect(offers.map((x) => [x.wish, x.start])).toEqual([
      ["a", "2026-03-29 01:00"],
      ["b", "2026-03-29 03:00"],
    ]);
    // 48 real hours from Friday 12:00 CET (11:00 UTC) would be Sunday 13:00 CEST; the start caps it.
    expect(offers[0].deadline).toBe("2026-03-29T00:00:00.000Z");
  });

  it("matches on the autumn change day in real time (01:00-04:00 has four hours)", () => {
    const o = office(BERLIN)
      .open("Sun", "01:00-04:00", { clerks: 1 })
      .service("pass", 60)
      .rules({ slotStepMinutes: 60, minNoticeMinutes: 0, bookingHorizonDays: 60 })
      .now("2026-10-23 12:00");
    const wishes = ["a", "b", "c", "d", "e"].map((id, i) => wish(o, id, { confirmedAt: i }));
    const offers = match(o, ["2026-10-25"], wishes);
    expect(offers.map((x) => x.wish)).toEqual(["a", "b", "c", "d"]);
    expect(offers.map((x) => x.start)).toEqual(["2026-10-25 01:00", "2026-10-25 02:00", "2026-10-25 02:00", "2026-10-25 03:00"]);
  });
});

describe("wishes that never answer", () => {
  it(`closes a wish once ${MAX_UNANSWERED_OFFERS} offers expired unanswered`, () => {
    expect(closesForSilence(0)).toBe(false);
    expect(closesForSilence(MAX_UNANSWERED_OFFERS - 1)).toBe(false);
    expect(closesForSilence(MAX_UNANSWERED_OFFERS)).toBe(true);
  });
});
