import fc from "fast-check";
import {
  type AccessKind,
  type AvailabilityInput,
  type OccupiedInterval,
  canAssignKeeping,
  checkSlot,
  listSlots,
  zonedInstant,
} from "@/lib/domain";
import { BERLIN, office } from "../../helpers/scenario";

// Places kept for urgent cases (urgentClerks of a block or override): a public request does not see them until
// urgentReleaseHours before the start; urgent citizens and staff booking on behalf may use every place; urgent
// bookings fill the kept places first.

const MINUTE = 60_000;
const DAY = "2026-03-02"; // a Monday

/** Three clerks Mon 08:00-10:00, one place kept, released 48 hours ahead; now a week before. */
function keptOffice(opts: { clerks?: number; urgent?: number } = {}) {
  return office()
    .open("Mon", "08:00-10:00", { clerks: opts.clerks ?? 3, urgent: opts.urgent ?? 1 })
    .service("standard", 30)
    .rules({ urgentReleaseHours: 48 })
    .now("2026-02-23 07:00");
}

describe("a kept place", () => {
  it("is not shown to the public once the open places are taken, but to urgent citizens and staff", () => {
    const o = keptOffice().booked(DAY, "08:00-08:30", "standard", 2);
    expect(o.check(`${DAY} 08:00`)).toBe("full");
    expect(o.slotTimes(DAY)).toEqual(["08:30", "09:00", "09:30"]);
    expect(o.check(`${DAY} 08:00`, { access: "urgent" })).toBe("ok");
    expect(o.check(`${DAY} 08:00`, { access: "staff" })).toBe("ok");
    expect(o.slotTimes(DAY, { access: "urgent" })).toEqual(["08:00", "08:30", "09:00", "09:30"]);
  });

  it("is filled first by urgent bookings, which leave the open places to the public", () => {
    const o = keptOffice().bookedUrgent(DAY, "08:00-08:30").booked(DAY, "08:00-08:30");
    expect(o.check(`${DAY} 08:00`)).toBe("ok");
    // A second urgent booking no longer fits the one kept place and takes an open one.
    o.bookedUrgent(DAY, "08:00-08:30");
    expect(o.check(`${DAY} 08:00`)).toBe("full");
    expect(o.check(`${DAY} 08:00`, { access: "urgent" })).toBe("full");
  });

  it("counts a staff booking like any other: the public fits only beside it in the open places", () => {
    // Two places open, both taken (one by staff): the kept place stays for urgent cases.
    const o = keptOffice().booked(DAY, "08:00-08:30", "standard", 2);
    expect(o.check(`${DAY} 08:00`)).toBe("full");
    expect(o.check(`${DAY} 08:00`, { access: "staff" })).toBe("ok");
  });

  it("is released to everyone once the start is less than urgentReleaseHours ahead, for listing and checking alike", () => {
    const o = keptOffice().booked(DAY, "08:00-08:30", "standard", 2);
    // Exactly 48 hours ahead: still kept.
    o.now("2026-02-28 08:00");
    expect(o.check(`${DAY} 08:00`)).toBe("full");
    expect(o.slotTimes(DAY)).not.toContain("08:00");
    o.now("2026-02-28 08:01");
    expect(o.check(`${DAY} 08:00`)).toBe("ok");
    expect(o.slotTimes(DAY)[0]).toBe("08:00");
    // The next start is still kept: it lies more than 48 hours ahead.
    o.booked(DAY, "08:30-09:00", "standard", 2);
    expect(o.check(`${DAY} 08:30`)).toBe("full");
    expect(o.slotTimes(DAY)).toEqual(["08:00", "09:00", "09:30"]);
  });

  it("without a release time stays kept until the start", () => {
    const o = keptOffice().rules({ urgentReleaseHours: 0 }).booked(DAY, "08:00-08:30", "standard", 2).now(`${DAY} 07:59`);
    expect(o.check(`${DAY} 08:00`)).toBe("full");
    expect(o.check(`${DAY} 08:00`, { access: "urgent" })).toBe("ok");
  });
});

describe("capacity edges", () => {
  it("keeps at most the block's clerks and nothing when no place is kept", () => {
    expect(keptOffice({ clerks: 2, urgent: 5 }).slotTimes(DAY)).toEqual([]);
    expect(keptOffice({ clerks: 2, urgent: 5 }).slotTimes(DAY, { access: "urgent" })).toHaveLength(4);
    expect(keptOffice({ clerks: 2, urgent: 2 }).day(DAY)).toEqual({ kind: "fullyBooked" });
    const none = keptOffice({ clerks: 1, urgent: 0 });
    expect(none.slotTimes(DAY)).toEqual(none.slotTimes(DAY, { access: "urgent" }));
  });

  it("adds up the kept places of overlapping blocks and takes a date override's own", () => {
    const o = office()
      .open("Mon", "08:00-10:00", { clerks: 1, urgent: 1 })
      .open("Mon", "09:00-10:00", { clerks: 2, urgent: 1 })
      .override("2026-03-09", "08:00-10:00", { clerks: 2, urgent: 0 })
      .service("standard", 30)
      .rules({ urgentReleaseHours: 48 })
      .now("2026-02-23 07:00");
    expect(o.slotTimes(DAY)).toEqual(["09:00", "09:30"]);
    o.booked(DAY, "09:00-09:30");
    expect(o.slotTimes(DAY)).toEqual(["09:30"]);
    expect(o.slotTimes("2026-03-09")).toEqual(["08:00", "08:30", "09:00", "09:30"]);
  });

  it("checks a whole appointment: a kept place anywhere in it refuses the public", () => {
    const o = office()
      .open("Mon", "08:00-09:00", { clerks: 1 })
      .open("Mon", "09:00-10:00", { clerks: 1, urgent: 1 })
      .service("long", 60)
      .rules({ slotStepMinutes: 30, urgentReleaseHours: 48 })
      .now("2026-02-23 07:00");
    expect(o.slotTimes(DAY)).toEqual(["08:00"]);
    expect(o.slotTimes(DAY, { access: "urgent" })).toEqual(["08:00", "08:30", "09:00"]);
  });
});

describe("service-restricted pools", () => {
  /** One clerk for passports only, its place kept; one clerk for visas only. */
  const restricted = () =>
    office()
      .open("Mon", "08:00-09:00", { clerks: 1, services: ["pass"], urgent: 1 })
      .open("Mon", "08:00-09:00", { clerks: 1, services: ["visa"] })
      .service("pass", 30)
      .service("visa", 30)
      .rules({ urgentReleaseHours: 48 })
      .now("2026-02-23 07:00");

  it("keeps a place for the services of its pool, whatever other pools have free", () => {
    const o = restricted();
    expect(o.slotTimes(DAY, { service: "pass" })).toEqual([]);
    expect(o.slotTimes(DAY, { service: "pass", access: "urgent" })).toEqual(["08:00", "08:30"]);
    expect(o.slotTimes(DAY, { service: "visa" })).toEqual(["08:00", "08:30"]);
  });

  it("lets an urgent booking sit in its pool's kept place, not in another pool's", () => {
    const o = office()
      .open("Mon", "08:00-09:00", { clerks: 2, services: ["pass"], urgent: 1 })
      .open("Mon", "08:00-09:00", { clerks: 1, urgent: 0 })
      .service("pass", 30)
      .service("visa", 30)
      .rules({ urgentReleaseHours: 48 })
      .now("2026-02-23 07:00")
      .bookedUrgent(DAY, "08:00-08:30", "pass")
      .booked(DAY, "08:00-08:30", "visa");
    // The urgent passport sits in the kept place; the passport clerk's open place is still free for the public.
    expect(o.check(`${DAY} 08:00`, { service: "pass" })).toBe("ok");
    expect(o.check(`${DAY} 08:00`, { service: "visa" })).toBe("full");
  });

  it("is exact against a brute-force assignment of every appointment to a seat", () => {
    // Pools: passport clerks (some kept), an all-services pool (some kept), a visa-only pool.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }),
        (clerks, keptWish, plainCounts, urgentCounts) => {
          const ids = [["pass"], null, ["visa"]] as const;
          const pools = clerks.map((c, i) => ({
            clerks: c,
            serviceIds: ids[i] === null ? null : [...ids[i]!],
            urgentClerks: Math.min(keptWish[i], c),
          }));
          const services = ["pass", "visa", "id"];
          const plain = new Map(services.map((s, i) => [s, plainCounts[i]]));
          const urgent = new Map([["pass", urgentCounts[0]], ["id", urgentCounts[1]]]);
          expect(canAssignKeeping(plain, urgent, pools)).toBe(bruteForce(plain, urgent, pools));
        },
      ),
      { seed: 20260302, numRuns: 400 },
    );
  });
});

/** Seats one appointment after another, trying every seat: plain ones only in open places. */
function bruteForce(
  plain: Map<string, number>,
  urgent: Map<string, number>,
  pools: { clerks: number; serviceIds: string[] | null; urgentClerks: number }[],
): boolean {
  const seats = pools.flatMap((p) =>
    Array.from({ length: p.clerks }, (_, i) => ({ serves: p.serviceIds, kept: i < p.urgentClerks })),
  );
  const people = [
    ...[...plain].flatMap(([s, n]) => Array.from({ length: n }, () => ({ service: s, urgent: false }))),
    ...[...urgent].flatMap(([s, n]) => Array.from({ length: n }, () => ({ service: s, urgent: true }))),
  ];
  const used = seats.map(() => false);
  const place = (i: number): boolean => {
    if (i === people.length) return true;
    const person = people[i];
    for (let k = 0; k < seats.length; k++) {
      const seat = seats[k];
      if (used[k] || (seat.kept && !person.urgent)) continue;
      if (seat.serves !== null && !seat.serves.includes(person.service)) continue;
      used[k] = true;
      if (place(i + 1)) return true;
      used[k] = false;
    }
    return false;
  };
  return place(0);
}

describe("the release across the DST changes, in real hours", () => {
  it("spring forward: 48 hours before Monday 30 March 08:00 CEST is Saturday 07:00 CET", () => {
    const o = office()
      .open("Mon", "08:00-09:00", { clerks: 1, urgent: 1 })
      .service("standard", 60)
      .rules({ urgentReleaseHours: 48, bookingHorizonDays: 60 });
    o.now("2026-03-28 07:00");
    expect(o.check("2026-03-30 08:00")).toBe("full");
    o.now("2026-03-28 07:01");
    expect(o.check("2026-03-30 08:00")).toBe("ok");
    expect(o.slotTimes("2026-03-30")).toEqual(["08:00"]);
  });

  it("fall back: 48 hours before Monday 26 October 08:00 CET is Saturday 09:00 CEST", () => {
    const o = office()
      .open("Mon", "08:00-09:00", { clerks: 1, urgent: 1 })
      .service("standard", 60)
      .rules({ urgentReleaseHours: 48, bookingHorizonDays: 60 });
    o.now("2026-10-24 09:00");
    expect(o.check("2026-10-26 08:00")).toBe("full");
    expect(o.slotTimes("2026-10-26")).toEqual([]);
    o.now("2026-10-24 09:01");
    expect(o.check("2026-10-26 08:00")).toBe("ok");
  });

  it("keeps a place in a night block on the day the clocks jump", () => {
    const o = office()
      .open("Sun", "01:00-04:00", { clerks: 1, urgent: 1 })
      .service("standard", 30)
      .rules({ urgentReleaseHours: 24, bookingHorizonDays: 60 })
      .now("2026-03-20 09:00");
    expect(o.slotTimes("2026-03-29")).toEqual([]);
    expect(o.slotTimes("2026-03-29", { access: "urgent" })).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    // Saturday 02:00 CET is 24 real hours before Sunday 03:00 CEST (01:00 UTC): the starts before it are released,
    // 03:00 itself is not yet (exactly 24 hours ahead); a minute later it is.
    o.now("2026-03-28 02:00");
    expect(o.slotTimes("2026-03-29")).toEqual(["01:00", "01:30"]);
    o.now("2026-03-28 02:01");
    expect(o.slotTimes("2026-03-29")).toEqual(["01:00", "01:30", "03:00"]);
  });
});

// ---- property: for every access kind, listing and checking agree ------------------------------------------------

const quarter = (q: number) => zonedInstant(DAY, 8 * 60 + q * 15, BERLIN);
const ACCESS: AccessKind[] = ["public", "urgent", "staff"];

const rowArb = fc.record({
  startQ: fc.integer({ min: 0, max: 14 }),
  lengthQ: fc.integer({ min: 1, max: 4 }),
  urgent: fc.boolean(),
  service: fc.constantFrom("pass", "visa"),
});

it("lists exactly the starts checkSlot accepts for every access kind, kept places and release times", () => {
  fc.assert(
    fc.property(
      fc.array(rowArb, { maxLength: 10 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 4 }),
      // Now, in minutes before Monday 08:00: around the release times of the day's starts.
      fc.integer({ min: 0, max: 6 * 60 }),
      (rows, clerks, kept, restrictedPool, releaseHours, minutesBefore) => {
        const base = office()
          .open("Mon", "08:00-12:00", { clerks, urgent: kept })
          .service("pass", 30)
          .service("visa", 30)
          .rules({ slotStepMinutes: 15, urgentReleaseHours: releaseHours, minNoticeMinutes: 0 });
        if (restrictedPool) base.open("Mon", "09:00-11:00", { clerks: 1, services: ["pass"], urgent: 1 });
        const occupied: OccupiedInterval[] = rows.map((r) => ({
          start: quarter(r.startQ),
          end: quarter(r.startQ + r.lengthQ),
          serviceId: r.service,
          ...(r.urgent ? { urgent: true } : {}),
        }));
        const now = new Date(quarter(0) - minutesBefore * MINUTE);
        for (const service of ["pass", "visa"]) {
          const answers = new Map<AccessKind, boolean[]>();
          for (const access of ACCESS) {
            const input: AvailabilityInput = { ...base.input({ service, access }), occupied, now };
            const listed = new Set(listSlots(input, { from: DAY, to: DAY }).map((s) => s.start.getTime()));
            const accepted = Array.from({ length: 16 }, (_, q) => checkSlot(input, new Date(quarter(q))).ok);
            accepted.forEach((ok, q) => expect(listed.has(quarter(q))).toBe(ok));
            answers.set(access, accepted);
            if (access === "public" && !restrictedPool) {
              // An independent model of the rule at every real minute, without restricted pools.
              const releasedBefore = now.getTime() + releaseHours * 60 * MINUTE;
              accepted.forEach((ok, q) => {
                const start = quarter(q);
                if (start + 30 * MINUTE > quarter(16)) return expect(ok).toBe(false);
                const keep = start >= releasedBefore ? Math.min(kept, clerks) : 0;
                let fits = true;
                for (let t = start; t < start + 30 * MINUTE; t += MINUTE) {
                  const running = occupied.filter((o) => o.start <= t && t < o.end);
                  const urgentRunning = running.filter((o) => o.urgent).length;
                  if (running.length - Math.min(urgentRunning, keep) + 1 > clerks - keep) fits = false;
                }
                expect(ok).toBe(fits);
              });
            }
          }
          // Urgent citizens and staff see the same; the public never more than they do.
          expect(answers.get("urgent")).toEqual(answers.get("staff"));
          answers.get("public")!.forEach((ok, q) => {
            if (ok) expect(answers.get("urgent")![q]).toBe(true);
          });
        }
      },
    ),
    { seed: Number(process.env.FC_SEED ?? 20260329), numRuns: 200 },
  );
});
