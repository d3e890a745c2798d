import { appointmentMinutes, checkSlot, listSlots, prepareAvailability, zonedInstant } from "@/lib/domain";
import { BERLIN, office, realMinutes } from "@/tests/helpers/scenario";

// March 2026: the 1st is a Sunday, so the 2nd to the 6th are Monday to Friday.
const MON = "2026-03-02";
const TUE = "2026-03-03";
const WED = "2026-03-04";
const THU = "2026-03-05";
const SAT = "2026-03-07";

const MORNING = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];

/** Given an office in Europe/Berlin open Mon-Fri 08:00-12:00 with two clerks, half-hour appointments. */
const twoClerks = () =>
  office(BERLIN).open("Mon-Fri", "08:00-12:00", { clerks: 2 }).service("pass", 30).now("2026-03-01 09:00");

describe("appointmentMinutes", () => {
  const family = { id: "family", durationMinutes: 30, extraPersonMinutes: 20, maxPersons: 4 };

  it("adds the extra minutes for every person after the first", () => {
    expect(appointmentMinutes(family, 1)).toBe(30);
    expect(appointmentMinutes(family, 3)).toBe(70);
    expect(appointmentMinutes(family, 4)).toBe(90);
  });

  it("refuses parties smaller than one or larger than the service allows", () => {
    expect(() => appointmentMinutes(family, 0)).toThrow(RangeError);
    expect(() => appointmentMinutes(family, 5)).toThrow(RangeError);
    expect(() => appointmentMinutes(family, 1.5)).toThrow(RangeError);
  });
});

describe("opening hours", () => {
  it("offers every step of the opening window on open days and nothing on closed days", () => {
    const o = twoClerks();
    expect(o.slotTimes(MON)).toEqual(MORNING);
    expect(o.slotTimes(SAT)).toEqual([]);
    expect(o.check(`${SAT} 09:00`)).toBe("not-offered");
  });

  it("lists slots of several days in order with real start and end instants", () => {
    const slots = twoClerks().slots(MON, TUE);
    expect(slots).toHaveLength(16);
    expect(slots[0].start.toISOString()).toBe("2026-03-02T07:00:00.000Z");
    expect(slots[0].end.toISOString()).toBe("2026-03-02T07:30:00.000Z");
    expect(slots[15].start.toISOString()).toBe("2026-03-03T10:30:00.000Z");
    expect(slots.every((s, i) => i === 0 || s.start > slots[i - 1].start)).toBe(true);
  });

  it("offers only starts whose whole appointment fits before closing", () => {
    const o = twoClerks().service("long", 50);
    expect(o.slotTimes(MON, { service: "long" })).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]);
    expect(o.check(`${MON} 11:30`, { service: "long" })).toBe("not-offered");
  });

  it("rejects starts before opening, after closing and between steps", () => {
    const o = twoClerks();
    expect(o.check(`${MON} 07:30`)).toBe("not-offered");
    expect(o.check(`${MON} 12:00`)).toBe("not-offered");
    expect(o.check(`${MON} 08:10`)).toBe("not-offered");
    expect(o.check("2026-03-02T07:00:30Z")).toBe("not-offered");
    expect(o.check(`${MON} 08:30`)).toBe("ok");
  });

  it("counts the slot step from the start of each opening window", () => {
    const o = office().open("Mon", "08:00-09:00").open("Mon", "10:10-11:00").service("short", 20).rules({ slotStepMinutes: 20 });
    expect(o.slotTimes(MON)).toEqual(["08:00", "08:20", "08:40", "10:10", "10:30"]);
    expect(o.check(`${MON} 10:00`)).toBe("not-offered");
    expect(o.check(`${MON} 10:20`)).toBe("not-offered");
  });

  it("lets a slot step smaller than the appointment produce overlapping starts", () => {
    const o = office().open("Mon", "08:00-09:00").service("pass", 30).rules({ slotStepMinutes: 15 });
    expect(o.slotTimes(MON)).toEqual(["08:00", "08:15", "08:30"]);
  });

  it("treats touching blocks as one window, so an appointment may run from one into the other", () => {
    const o = office().open("Mon", "08:00-09:00", { clerks: 1 }).open("Mon", "09:00-10:00", { clerks: 2 }).service("long", 60);
    expect(o.slotTimes(MON)).toEqual(["08:00", "08:30", "09:00"]);
  });

  it("adds up the clerks of overlapping blocks", () => {
    const o = office()
      .open("Mon", "08:00-12:00", { clerks: 1 })
      .open("Mon", "10:00-11:00", { clerks: 1 })
      .booked(MON, "08:00-08:30")
      .booked(MON, "10:00-10:30");
    expect(o.check(`${MON} 08:00`)).toBe("full");
    expect(o.check(`${MON} 10:00`)).toBe("ok");
    expect(o.check(`${MON} 11:00`)).toBe("ok");
  });
});

describe("capacity edges", () => {
  it("is full when every clerk is busy and has a place when one clerk is free", () => {
    const full = twoClerks().booked(MON, "08:00-08:30", "pass", 2);
    expect(full.check(`${MON} 08:00`)).toBe("full");
    expect(full.slotTimes(MON)).toEqual(MORNING.slice(1));

    const onePlace = twoClerks().booked(MON, "08:00-08:30", "pass", 1);
    expect(onePlace.check(`${MON} 08:00`)).toBe("ok");
    expect(onePlace.slotTimes(MON)).toEqual(MORNING);
  });

  it("lets back-to-back bookings touch without overlapping", () => {
    const o = twoClerks().booked(MON, "08:00-08:30", "pass", 2).booked(MON, "09:00-09:30", "pass", 2);
    expect(o.check(`${MON} 08:30`)).toBe("ok");
    expect(o.slotTimes(MON)).toEqual(["08:30", "09:30", "10:00", "10:30", "11:00", "11:30"]);
  });

  it("blocks a slot that bookings overlap by a single minute", () => {
    const o = twoClerks().booked(MON, "08:00-08:31", "pass", 2);
    expect(o.check(`${MON} 08:30`)).toBe("full");
    const before = twoClerks().booked(MON, "08:59-09:30", "pass", 2);
    expect(before.check(`${MON} 08:30`)).toBe("full");
  });

  it("blocks every longer slot that a booking overlaps only in part", () => {
    const o = twoClerks().service("long", 60).booked(MON, "08:45-09:15", "pass", 2);
    expect(o.slotTimes(MON, { service: "long" })).toEqual(["09:30", "10:00", "10:30", "11:00"]);
  });

  it("checks the peak of concurrent bookings, not how many bookings touch the slot", () => {
    // Three short bookings inside a two-hour slot, never two at once: with the candidate, at most two clerks busy.
    const sequential = twoClerks()
      .service("long", 120)
      .booked(MON, "08:00-08:30", "pass")
      .booked(MON, "08:30-09:00", "pass")
      .booked(MON, "09:15-09:45", "pass");
    expect(sequential.check(`${MON} 08:00`, { service: "long" })).toBe("ok");

    // Same number of bookings, but two of them overlap: with the candidate, three at once.
    const overlapping = twoClerks()
      .service("long", 120)
      .booked(MON, "08:00-08:30", "pass")
      .booked(MON, "08:15-08:45", "pass")
      .booked(MON, "09:15-09:45", "pass");
    expect(overlapping.check(`${MON} 08:00`, { service: "long" })).toBe("full");
  });

  it("lets a party's longer appointment occupy a clerk for all of its minutes", () => {
    const o = office()
      .open("Mon-Fri", "08:00-12:00", { clerks: 1 })
      .service("family", 30, { extraPersonMinutes: 20, maxPersons: 4 });
    const threePersons = o.slots(MON, MON, { persons: 3 });
    expect(threePersons.map((s) => o.label(s.start).slice(11))).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30"]);
    expect(threePersons.every((s) => realMinutes(s) === 70)).toBe(true);

    // A booking by three persons runs 08:00-09:10 and so blocks the single-person slot at 09:00.
    o.booked(MON, "08:00-09:10", "family");
    expect(o.check(`${MON} 09:00`)).toBe("full");
    expect(o.check(`${MON} 09:30`)).toBe("ok");
    expect(o.check(`${MON} 08:30`, { persons: 2 })).toBe("full");
  });

  it("counts bookings of other services against the shared clerks", () => {
    const o = twoClerks().service("visa", 30).booked(MON, "10:00-10:30", "visa", 2);
    expect(o.check(`${MON} 10:00`, { service: "pass" })).toBe("full");
  });

  it("never adds to an instant that is already over capacity after a reduction", () => {
    const o = twoClerks().override(MON, "08:00-12:00", { clerks: 1 }).booked(MON, "09:00-09:30", "pass", 2);
    expect(o.check(`${MON} 09:00`)).toBe("full");
    expect(o.check(`${MON} 09:30`)).toBe("ok");
  });
});

describe("service-restricted clerks", () => {
  /** One clerk for everything and one who only issues passports. */
  const mixed = () =>
    office()
      .open("Mon-Fri", "08:00-12:00", { clerks: 1 })
      .open("Mon-Fri", "08:00-12:00", { clerks: 1, services: ["pass"] })
      .service("pass", 30)
      .service("visa", 30);

  it("does not count the passport clerk for other services", () => {
    const o = mixed().booked(MON, "08:00-08:30", "visa");
    expect(o.check(`${MON} 08:00`, { service: "visa" })).toBe("full");
    expect(o.check(`${MON} 08:00`, { service: "pass" })).toBe("ok");
  });

  it("assigns a passport booking to the passport clerk, leaving the general clerk free", () => {
    const o = mixed().booked(MON, "08:30-09:00", "pass");
    expect(o.check(`${MON} 08:30`, { service: "visa" })).toBe("ok");
    expect(o.check(`${MON} 08:30`, { service: "pass" })).toBe("ok");
  });

  it("is full for everybody when both clerks are busy", () => {
    const o = mixed().booked(MON, "09:00-09:30", "pass", 2);
    expect(o.check(`${MON} 09:00`, { service: "visa" })).toBe("full");
    expect(o.check(`${MON} 09:00`, { service: "pass" })).toBe("full");
  });

  it("offers a service only while some clerk can serve it", () => {
    const o = mixed().open("Sat", "09:00-10:00", { clerks: 2, services: ["pass"] });
    expect(o.slotTimes(SAT, { service: "pass" })).toEqual(["09:00", "09:30"]);
    expect(o.slotTimes(SAT, { service: "visa" })).toEqual([]);
    expect(o.check(`${SAT} 09:00`, { service: "visa" })).toBe("not-offered");
  });
});

describe("overrides and closures", () => {
  it("replaces the weekly hours of a date by its overrides", () => {
    const o = twoClerks().override(TUE, "10:00-11:00", { clerks: 1 });
    expect(o.slotTimes(TUE)).toEqual(["10:00", "10:30"]);
    expect(o.check(`${TUE} 08:00`)).toBe("not-offered");
    expect(o.slotTimes(WED)).toEqual(MORNING);
  });

  it("opens a normally closed day by an override", () => {
    const o = twoClerks().override(SAT, "09:00-10:00", { clerks: 1 });
    expect(o.slotTimes(SAT)).toEqual(["09:00", "09:30"]);
  });

  it("closes a whole day", () => {
    const o = twoClerks().closed(WED);
    expect(o.slotTimes(WED)).toEqual([]);
    expect(o.check(`${WED} 09:00`)).toBe("not-offered");
  });

  it("closes part of a day; the slots after it count their steps from the reopening", () => {
    const o = twoClerks().closed(THU, "09:00-10:15");
    expect(o.slotTimes(THU)).toEqual(["08:00", "08:30", "10:15", "10:45", "11:15"]);
    expect(o.check(`${THU} 09:00`)).toBe("not-offered");
    expect(o.check(`${THU} 10:30`)).toBe("not-offered");
  });

  it("applies weekly hours only within validFrom and validUntil, both days included", () => {
    const o = office()
      .open("Mon", "08:00-09:00", { until: "2026-03-09" })
      .open("Mon", "13:00-14:00", { from: "2026-03-16" })
      .service("long", 60);
    expect(o.slotTimes("2026-03-09")).toEqual(["08:00"]);
    expect(o.slotTimes("2026-03-16")).toEqual(["13:00"]);
    expect(o.slotTimes("2026-03-23")).toEqual(["13:00"]);
  });
});

describe("minimum notice and booking horizon", () => {
  it("rejects starts sooner than the minimum notice; the exact boundary is bookable", () => {
    const o = twoClerks().now(`${MON} 08:00`).rules({ minNoticeMinutes: 60 });
    expect(o.check(`${MON} 08:30`)).toBe("too-soon");
    expect(o.check(`${MON} 09:00`)).toBe("ok");
    expect(o.slotTimes(MON)).toEqual(MORNING.slice(2));
  });

  it("never offers a start in the past", () => {
    const o = twoClerks().now(`${MON} 10:05`);
    expect(o.check(`${MON} 10:00`)).toBe("too-soon");
    expect(o.slotTimes(MON)).toEqual(["10:30", "11:00", "11:30"]);
    expect(o.check(`${MON} 10:30`)).toBe("ok");
  });

  it("includes the horizon's last day and excludes the day after", () => {
    const o = twoClerks().now(`${MON} 10:00`).rules({ bookingHorizonDays: 14 });
    expect(o.check("2026-03-16 11:30")).toBe("ok");
    expect(o.slotTimes("2026-03-16")).toEqual(MORNING);
    expect(o.check("2026-03-17 08:00")).toBe("beyond-horizon");
    expect(o.slotTimes("2026-03-17")).toEqual([]);
    expect(o.slots(MON, "2026-03-31")).toHaveLength(11 * 8 - 4);
  });

  it("counts the horizon from today in office time, not in UTC", () => {
    // 23:30 UTC on Monday is already Tuesday 00:30 in Berlin, so the horizon reaches Tuesday the 17th.
    const o = twoClerks().now("2026-03-02T23:30:00Z").rules({ bookingHorizonDays: 14 });
    expect(o.check("2026-03-17 08:00")).toBe("ok");
    expect(o.check("2026-03-18 08:00")).toBe("beyond-horizon");
  });
});

describe("nextFreeSlot", () => {
  it("returns the earliest free slot from now", () => {
    expect(twoClerks().now(`${MON} 10:05`).next()).toBe(`${MON} 10:30`);
    expect(twoClerks().now("2026-02-28 12:00").next()).toBe(`${MON} 08:00`);
  });

  it("skips fully booked and closed days", () => {
    const o = twoClerks().closed(TUE).booked(MON, "08:00-10:00", "pass", 2).booked(MON, "10:00-12:00", "pass", 2);
    expect(o.slotTimes(MON)).toEqual([]);
    expect(o.next()).toBe(`${WED} 08:00`);
  });

  it("starts at a given date", () => {
    expect(twoClerks().next({ from: THU })).toBe(`${THU} 08:00`);
    // A date in the past does not bring back past slots.
    expect(twoClerks().now(`${WED} 11:10`).next({ from: MON })).toBe(`${WED} 11:30`);
  });

  it("returns null when nothing is free within the horizon", () => {
    const o = twoClerks().now(`${MON} 08:00`).rules({ bookingHorizonDays: 2 }).closed(MON).closed(TUE).closed(WED);
    expect(o.next()).toBeNull();
    // Thursday, the first day with free slots, lies one day beyond a two-day horizon.
    expect(o.rules({ bookingHorizonDays: 3 }).next()).toBe(`${THU} 08:00`);
  });
});

describe("listing and booking follow one rule", () => {
  /** A busy week with restricted clerks, overrides, closures, notice and all kinds of bookings. */
  const busyWeek = () =>
    office()
      .open("Mon-Fri", "08:00-12:00", { clerks: 2 })
      .open("Tue,Thu", "13:00-17:30", { clerks: 1 })
      .open("Mon-Fri", "09:00-11:00", { clerks: 1, services: ["visa"] })
      .override("2026-03-06", "10:00-14:00", { clerks: 1 })
      .closed(WED, "10:00-10:40")
      .service("pass", 30)
      .service("visa", 45, { extraPersonMinutes: 15, maxPersons: 3 })
      .rules({ slotStepMinutes: 15, minNoticeMinutes: 120, bookingHorizonDays: 4 })
      .now(`${MON} 09:40`)
      .booked(MON, "11:00-12:00", "pass", 2)
      .booked(TUE, "08:00-08:45", "visa", 3)
      .booked(TUE, "09:10-09:40", "pass")
      .booked(TUE, "14:00-15:00", "pass")
      .booked(THU, "08:30-09:15", "visa")
      .booked(THU, "09:00-09:30", "pass", 2)
      .booked("2026-03-06", "10:00-10:30", "pass");

  it.each([
    ["pass", 1],
    ["visa", 1],
    ["visa", 3],
  ])("every listed %s slot for %i person(s) passes checkSlot and every other aligned start fails it", (service, persons) => {
    const o = busyWeek();
    const input = o.input({ service, persons });
    const listed = listSlots(input, { from: "2026-03-01", to: "2026-03-08" });
    const listedStarts = new Set(listed.map((s) => s.start.getTime()));
    expect(listed.length).toBeGreaterThan(20);

    const reasons = new Map<string, number>();
    for (let t = zonedInstant("2026-03-01", 0, BERLIN); t < zonedInstant("2026-03-09", 0, BERLIN); t += 5 * 60_000) {
      const result = checkSlot(input, new Date(t));
      const at = new Date(t).toISOString();
      expect({ at, listed: listedStarts.has(t) }).toEqual({ at, listed: result.ok });
      const key = result.ok ? "ok" : result.reason;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    // The sample must contain every kind of refusal, or it would not show that listing applies each of them.
    expect([...reasons.keys()].sort()).toEqual(["beyond-horizon", "full", "not-offered", "ok", "too-soon"]);
  });

  it("gives the same answers through a prepared availability and the plain functions", () => {
    const input = busyWeek().input({ service: "visa" });
    const prepared = prepareAvailability(input);
    const range = { from: MON, to: "2026-03-06" };
    expect(prepared.list(range)).toEqual(listSlots(input, range));
    expect(prepared.next()).toEqual(prepared.list(range)[0]);
    expect(prepared.lastBookableDate).toBe("2026-03-06");
  });

  it("refuses invalid input instead of guessing", () => {
    const o = twoClerks();
    expect(() => o.slots("2026-02-30")).toThrow(RangeError);
    expect(() => o.rules({ slotStepMinutes: 0 }).slots(MON)).toThrow(RangeError);
    expect(() => twoClerks().slots(MON, MON, { persons: 2 })).toThrow(RangeError);
    expect(checkSlot(twoClerks().input(), new Date(Number.NaN))).toEqual({ ok: false, reason: "not-offered" });
  });
});
