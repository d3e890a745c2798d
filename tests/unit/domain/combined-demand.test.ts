import fc from "fast-check";
import {
  APPOINTMENT_KINDS,
  type AppointmentKind,
  type CapacityPool,
  appointmentMinutes,
  canAssign,
  canAssignKeeping,
  clerksFor,
  combinedService,
  demandKey,
  isVideoMeetingTemplate,
  offeredKinds,
  parseAppointmentKinds,
  parseDemandKey,
  poolServes,
  videoMeetingUrl,
} from "@/lib/domain";
import { queueServers } from "@/lib/domain/queue-wait";
import { BERLIN, office, realMinutes } from "@/tests/helpers/scenario";

// Several services in one appointment, and appointments by phone or video: a demand is a set of services and a kind,
// and only clerks who serve every one of its services, in its kind, count for it.

const MONDAY = "2026-03-02";

describe("demand keys", () => {
  it("are canonical: order and repetition do not matter, one service in person is its plain id", () => {
    expect(demandKey(["pass", "id"])).toBe(demandKey(["id", "pass", "id"]));
    expect(demandKey(["pass"])).toBe("pass");
    expect(demandKey(["pass"], "PHONE")).toBe("pass@PHONE");
    expect(demandKey(["pass", "id"], "VIDEO")).toBe("id+pass@VIDEO");
  });

  it("parse back to their services and kind", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("a", "b", "c1", "d_2", "cm0abc"), { minLength: 1 }), fc.constantFrom(...APPOINTMENT_KINDS), (ids, kind) => {
        expect(parseDemandKey(demandKey(ids, kind))).toEqual({ serviceIds: [...ids].sort(), kind });
      }),
    );
    expect(parseDemandKey("pass")).toEqual({ serviceIds: ["pass"], kind: "IN_PERSON" });
  });

  it("refuse what could be mistaken for another demand", () => {
    expect(() => demandKey([])).toThrow(RangeError);
    expect(() => demandKey(["a+b"])).toThrow(RangeError);
    expect(() => demandKey(["a@PHONE"])).toThrow(RangeError);
    expect(() => demandKey(["a"], "FAX" as AppointmentKind)).toThrow(RangeError);
    expect(() => parseDemandKey("a@FAX")).toThrow(RangeError);
    expect(() => parseDemandKey("a++b")).toThrow(RangeError);
  });
});

describe("a combined appointment's length", () => {
  const pass = { id: "pass", durationMinutes: 30, extraPersonMinutes: 15, maxPersons: 4 };
  const id = { id: "id", durationMinutes: 20, extraPersonMinutes: 10, maxPersons: 2 };

  it("is the sum of the services' durations with their minutes per further person, for as many as the strictest admits", () => {
    const both = combinedService([pass, id]);
    expect(both.id).toBe("id+pass");
    expect(appointmentMinutes(both, 1)).toBe(50);
    expect(appointmentMinutes(both, 2)).toBe(75);
    expect(both.maxPersons).toBe(2);
    expect(() => appointmentMinutes(both, 3)).toThrow(RangeError);
    expect(combinedService([pass], "PHONE").id).toBe("pass@PHONE");
    expect(() => combinedService([pass, pass])).toThrow(RangeError);
  });

  it("equals the services' own lengths added up, for every party size they all admit", () => {
    const spec = fc.record({
      durationMinutes: fc.integer({ min: 5, max: 120 }),
      extraPersonMinutes: fc.integer({ min: 0, max: 30 }),
      maxPersons: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (specs, persons) => {
        const services = specs.map((s, i) => ({ ...s, id: `s${i}` }));
        const combined = combinedService(services);
        if (persons > Math.min(...specs.map((s) => s.maxPersons))) {
          expect(() => appointmentMinutes(combined, persons)).toThrow(RangeError);
        } else {
          expect(appointmentMinutes(combined, persons)).toBe(services.reduce((n, s) => n + appointmentMinutes(s, persons), 0));
        }
      }),
    );
  });
});

describe("which clerks count for a demand", () => {
  it("counts a clerk only for the services and kinds they take", () => {
    const passOnly: CapacityPool = { clerks: 2, serviceIds: ["pass"] };
    const both: CapacityPool = { clerks: 1, serviceIds: ["id", "pass"] };
    const backRoom: CapacityPool = { clerks: 3, serviceIds: null, kinds: ["PHONE", "VIDEO"] };
    const combination = demandKey(["pass", "id"]);
    expect(poolServes(passOnly, combination)).toBe(false);
    expect(poolServes(both, combination)).toBe(true);
    expect(poolServes(backRoom, combination)).toBe(false);
    expect(poolServes(backRoom, demandKey(["pass", "id"], "VIDEO"))).toBe(true);
    expect(clerksFor([passOnly, both, backRoom], "pass")).toBe(3);
    expect(clerksFor([passOnly, both, backRoom], combination)).toBe(1);
    // Clerks without a kind listed take every kind.
    expect(clerksFor([passOnly, both, backRoom], demandKey(["pass"], "PHONE"))).toBe(6);
  });

  it("leaves clerks doing only remote appointments out of the queue of walk-ins", () => {
    const pools: CapacityPool[] = [
      { clerks: 1, serviceIds: null },
      { clerks: 2, serviceIds: null, kinds: ["PHONE"] },
    ];
    expect(queueServers([], pools)).toEqual([{ count: 1, serviceIds: null }]);
    expect(queueServers([{ serviceIds: [] }, { serviceIds: [] }], pools)).toEqual([
      { count: 0.5, serviceIds: null },
      { count: 0.5, serviceIds: null },
    ]);
  });
});

// Generated demands against generated pools, decided by trying every assignment of appointments to clerks.
const SERVICES = ["a", "b", "c", "d"];
const KINDS = APPOINTMENT_KINDS;

const serves = (clerk: { serviceIds: string[] | null; kinds?: AppointmentKind[] | null }, key: string) => {
  const { serviceIds, kind } = parseDemandKey(key);
  return (!clerk.kinds || clerk.kinds.includes(kind)) && (clerk.serviceIds === null || serviceIds.every((id) => clerk.serviceIds!.includes(id)));
};

function bruteForce(plain: Map<string, number>, urgent: Map<string, number>, pools: CapacityPool[]): boolean {
  const seats = pools.flatMap((p) => Array.from({ length: p.clerks }, (_, i) => ({ pool: p, kept: i < (p.urgentClerks ?? 0) })));
  const people = [
    ...[...plain].flatMap(([key, n]) => Array.from({ length: n }, () => ({ key, urgent: false }))),
    ...[...urgent].flatMap(([key, n]) => Array.from({ length: n }, () => ({ key, urgent: true }))),
  ];
  const used = seats.map(() => false);
  const place = (i: number): boolean => {
    if (i === people.length) return true;
    for (let k = 0; k < seats.length; k++) {
      if (used[k] || (seats[k].kept && !people[i].urgent) || !serves(seats[k].pool, people[i].key)) continue;
      used[k] = true;
      if (place(i + 1)) return true;
      used[k] = false;
    }
    return false;
  };
  return place(0);
}

const poolArb = fc.record({
  clerks: fc.integer({ min: 0, max: 2 }),
  serviceIds: fc.option(fc.subarray(SERVICES, { minLength: 1 }), { nil: null }),
  kinds: fc.option(fc.subarray([...KINDS], { minLength: 1 }), { nil: null }),
  urgentClerks: fc.integer({ min: 0, max: 1 }),
});
const demandArb = fc.tuple(fc.subarray(SERVICES, { minLength: 1, maxLength: 3 }), fc.constantFrom(...KINDS)).map(([ids, kind]) => demandKey(ids, kind));
const countsArb = fc.array(fc.tuple(demandArb, fc.integer({ min: 0, max: 2 })), { maxLength: 4 }).map((entries) => {
  const counts = new Map<string, number>();
  for (const [key, n] of entries) counts.set(key, (counts.get(key) ?? 0) + n);
  return counts;
});

describe("Hall's condition over combined demands", () => {
  it("canAssign agrees with trying every assignment", () => {
    let outcomes = { feasible: 0, infeasible: 0 };
    fc.assert(
      fc.property(fc.array(poolArb, { minLength: 1, maxLength: 4 }), countsArb, (generated, demand) => {
        const pools = generated.map(({ urgentClerks: _kept, ...p }) => p);
        const expected = bruteForce(demand, new Map(), pools);
        expect(canAssign(demand, pools)).toBe(expected);
        outcomes = expected ? { ...outcomes, feasible: outcomes.feasible + 1 } : { ...outcomes, infeasible: outcomes.infeasible + 1 };
      }),
      { seed: 20261205, numRuns: 600 },
    );
    // Both outcomes must occur, or the comparison proves nothing.
    expect(outcomes.feasible).toBeGreaterThan(100);
    expect(outcomes.infeasible).toBeGreaterThan(100);
  });

  it("canAssignKeeping agrees with seating plain appointments only in open places", () => {
    fc.assert(
      fc.property(fc.array(poolArb, { minLength: 1, maxLength: 3 }), countsArb, countsArb, (generated, plain, urgent) => {
        const pools = generated.map((p) => ({ ...p, urgentClerks: Math.min(p.urgentClerks, p.clerks) }));
        expect(canAssignKeeping(plain, urgent, pools)).toBe(bruteForce(plain, urgent, pools));
      }),
      { seed: 20261206, numRuns: 600 },
    );
  });
});

describe("slots for several services in one appointment", () => {
  /** Clerk A serves passports and identity cards, clerk B passports only. */
  const counter = () =>
    office(BERLIN)
      .open("Mon", "08:00-10:00", { clerks: 1, services: ["pass", "id"] })
      .open("Mon", "08:00-10:00", { clerks: 1, services: ["pass"] })
      .service("pass", 30)
      .service("id", 15)
      .rules({ slotStepMinutes: 15 })
      .now("2026-03-01 09:00");
  const both = { services: ["pass", "id"] };
  const combination = demandKey(["pass", "id"]);

  it("offers the combination for its summed length, only where a clerk serves both", () => {
    const o = counter();
    expect(o.slotTimes(MONDAY, both)).toEqual(["08:00", "08:15", "08:30", "08:45", "09:00", "09:15"]);
    expect(o.slots(MONDAY, MONDAY, both).every((s) => realMinutes(s) === 45)).toBe(true);
    // Clerk B alone serves passports but not the combination.
    const passOnly = office(BERLIN).open("Mon", "08:00-10:00", { clerks: 3, services: ["pass"] }).service("pass", 30).service("id", 15).now("2026-03-01 09:00");
    expect(passOnly.slotTimes(MONDAY, both)).toEqual([]);
    expect(passOnly.check(`${MONDAY} 08:00`, both)).toBe("not-offered");
    expect(passOnly.day(MONDAY, both)).toEqual({ kind: "closed" });
  });

  it("does not count the clerk who serves only one of the services", () => {
    const o = counter().booked(MONDAY, "08:00-08:45", combination);
    // The one clerk for both is taken; clerk B is still free for a passport.
    expect(o.check(`${MONDAY} 08:00`, both)).toBe("full");
    expect(o.check(`${MONDAY} 08:00`, { service: "pass" })).toBe("ok");
    expect(o.slotTimes(MONDAY, both)).toEqual(["08:45", "09:00", "09:15"]);
    expect(o.next(both)).toBe(`${MONDAY} 08:45`);
  });

  it("lets single-service bookings go to whichever clerk leaves the combination a place", () => {
    // One passport: clerk B takes it, the combination still fits. Two passports: both clerks are busy.
    expect(counter().booked(MONDAY, "08:00-08:30", "pass").check(`${MONDAY} 08:00`, both)).toBe("ok");
    expect(counter().booked(MONDAY, "08:00-08:30", "pass", 2).check(`${MONDAY} 08:00`, both)).toBe("full");
    // A booked combination leaves clerk B for one passport only.
    const o = counter().booked(MONDAY, "08:00-08:45", combination).booked(MONDAY, "08:00-08:30", "pass");
    expect(o.check(`${MONDAY} 08:00`, { service: "pass" })).toBe("full");
    expect(o.check(`${MONDAY} 08:30`, { service: "pass" })).toBe("ok");
  });

  it("keeps the places kept for urgent cases for a combination as for one service", () => {
    const o = office(BERLIN)
      .open("Mon", "08:00-09:00", { clerks: 2, urgent: 1 })
      .service("pass", 30)
      .service("id", 30)
      .rules({ urgentReleaseHours: 48, slotStepMinutes: 60 })
      .now("2026-02-23 07:00")
      .booked(MONDAY, "08:00-09:00", combination);
    expect(o.check(`${MONDAY} 08:00`, both)).toBe("full");
    expect(o.check(`${MONDAY} 08:00`, { ...both, access: "urgent" })).toBe("ok");
  });

  it("measures a combination across the spring-forward jump in real minutes", () => {
    const o = office(BERLIN)
      .open("Sun", "01:00-04:00", { clerks: 1 })
      .service("pass", 30)
      .service("id", 30)
      .rules({ bookingHorizonDays: 800 })
      .now("2026-03-01 09:00");
    expect(o.slotTimes("2026-03-29", both)).toEqual(["01:00", "01:30", "03:00"]);
    const slots = o.slots("2026-03-29", "2026-03-29", both);
    // 01:30 CET plus 60 real minutes is 03:30 CEST.
    expect(slots[1].end.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(slots.every((s) => realMinutes(s) === 60)).toBe(true);
    // In autumn the same block has four real hours.
    expect(o.slotTimes("2026-10-25", both)).toHaveLength(7);
  });
});

describe("kinds of appointment against capacity", () => {
  /** One clerk at the front desk for visitors, two in the back room for phone and video. */
  const split = () =>
    office(BERLIN)
      .open("Mon", "08:00-10:00", { clerks: 1, kinds: ["IN_PERSON"] })
      .open("Mon", "08:00-10:00", { clerks: 2, kinds: ["PHONE", "VIDEO"] })
      .service("advice", 60)
      .rules({ slotStepMinutes: 60 })
      .now("2026-03-01 09:00");

  it("counts the back room only for remote appointments, the front desk only for visitors", () => {
    const o = split().booked(MONDAY, "08:00-09:00", "advice");
    expect(o.check(`${MONDAY} 08:00`, { service: "advice" })).toBe("full");
    expect(o.check(`${MONDAY} 08:00`, { service: "advice", kind: "PHONE" })).toBe("ok");
    const phones = split().booked(MONDAY, "08:00-09:00", "advice@PHONE", 2);
    expect(phones.check(`${MONDAY} 08:00`, { service: "advice", kind: "VIDEO" })).toBe("full");
    expect(phones.check(`${MONDAY} 08:00`, { service: "advice" })).toBe("ok");
  });

  it("lets clerks of every kind take a remote appointment when the back room is full", () => {
    const o = office(BERLIN)
      .open("Mon", "08:00-09:00", { clerks: 1 })
      .open("Mon", "08:00-09:00", { clerks: 1, kinds: ["PHONE"] })
      .service("advice", 60)
      .rules({ slotStepMinutes: 60 })
      .now("2026-03-01 09:00")
      .booked(MONDAY, "08:00-09:00", "advice@PHONE");
    expect(o.check(`${MONDAY} 08:00`, { service: "advice", kind: "PHONE" })).toBe("ok");
    // The phone booking sits in the back room, so the desk is free for a visitor; two phone bookings would not be.
    expect(o.check(`${MONDAY} 08:00`, { service: "advice" })).toBe("ok");
    expect(o.booked(MONDAY, "08:00-09:00", "advice@PHONE").check(`${MONDAY} 08:00`, { service: "advice" })).toBe("full");
  });

  it("applies kinds of a date's override as of a weekly block", () => {
    const o = office(BERLIN)
      .open("Mon", "08:00-10:00", { clerks: 1 })
      .override(MONDAY, "08:00-10:00", { clerks: 1, kinds: ["VIDEO"] })
      .service("advice", 60)
      .now("2026-03-01 09:00");
    expect(o.slotTimes(MONDAY, { service: "advice" })).toEqual([]);
    expect(o.slotTimes(MONDAY, { service: "advice", kind: "VIDEO" })).toEqual(["08:00", "08:30", "09:00"]);
    expect(o.slotTimes("2026-03-09", { service: "advice" })).toEqual(["08:00", "08:30", "09:00"]);
  });
});

describe("kinds offered and the video link", () => {
  it("reads stored kinds in their canonical order and drops unknown ones", () => {
    expect(parseAppointmentKinds("VIDEO, PHONE,FAX")).toEqual(["PHONE", "VIDEO"]);
    expect(parseAppointmentKinds("")).toEqual([]);
    expect(parseAppointmentKinds(null)).toEqual([]);
  });

  it("offers a combination the kinds every service offers, video only with the office's own meeting address", () => {
    expect(offeredKinds([["IN_PERSON", "VIDEO"], ["IN_PERSON", "PHONE", "VIDEO"]], true)).toEqual(["IN_PERSON", "VIDEO"]);
    expect(offeredKinds([["IN_PERSON", "VIDEO"], ["IN_PERSON", "PHONE", "VIDEO"]], false)).toEqual(["IN_PERSON"]);
    expect(offeredKinds([["PHONE"], ["IN_PERSON"]], true)).toEqual([]);
    expect(offeredKinds([], true)).toEqual([]);
  });

  it("accepts only an https address with the reference placeholder", () => {
    expect(isVideoMeetingTemplate("https://meet.example.org/{reference}")).toBe(true);
    expect(isVideoMeetingTemplate("https://meet.example.org/room?id={reference}")).toBe(true);
    expect(isVideoMeetingTemplate("http://meet.example.org/{reference}")).toBe(false);
    expect(isVideoMeetingTemplate("https://meet.example.org/room")).toBe(false);
    expect(isVideoMeetingTemplate("javascript:alert(1)//{reference}")).toBe(false);
    expect(isVideoMeetingTemplate("https://user:pw@meet.example.org/{reference}")).toBe(false);
    expect(isVideoMeetingTemplate("{reference}")).toBe(false);
  });

  it("puts the reference code into the address, URL-encoded", () => {
    expect(videoMeetingUrl("https://meet.example.org/{reference}", "T-ABCD-2345")).toBe("https://meet.example.org/T-ABCD-2345");
    expect(videoMeetingUrl("https://meet.example.org/r?id={reference}", "a b/c&d")).toBe("https://meet.example.org/r?id=a%20b%2Fc%26d");
  });
});
