import fc from "fast-check";
import { type AvailabilityInput, type OccupiedInterval, checkSlot, listSlots, occupiesAt, zonedInstant } from "@/lib/domain";
import { BERLIN, office } from "../../helpers/scenario";

// Unconfirmed holds and the delay before a cancelled time is offered again are decided in the domain, so that the
// calendar and the booking transaction agree: a hold occupies only until it expires, a cancelled appointment only
// until cancelledAt + rebookDelayMinutes (and not at all for staff, whose rules carry no delay).

const MINUTE = 60_000;
const DAY = "2026-03-02"; // a Monday
const at = (hhmm: string) => zonedInstant(DAY, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), BERLIN);

/** One clerk Mon 08:00-10:00, 30-minute slots, now Monday 07:00. */
function oneClerk() {
  return office().open("Mon", "08:00-10:00", { clerks: 1 }).service("standard", 30).now(`${DAY} 07:00`);
}

function withOccupied(input: AvailabilityInput, occupied: OccupiedInterval[], nowMs?: number): AvailabilityInput {
  return { ...input, occupied: [...input.occupied, ...occupied], now: nowMs === undefined ? input.now : new Date(nowMs) };
}

const eight = { start: at("08:00"), end: at("08:30"), serviceId: "standard" };

describe("an unconfirmed hold", () => {
  it("occupies its time while it runs and frees it the moment it expires, for listing and booking alike", () => {
    const base = oneClerk().input();
    const hold = { ...eight, holdExpiresAt: at("07:30") };
    const before = withOccupied(base, [hold], at("07:29"));
    expect(checkSlot(before, new Date(at("08:00")))).toEqual({ ok: false, reason: "full" });
    expect(listSlots(before, { from: DAY, to: DAY }).map((s) => s.start.getTime())).not.toContain(at("08:00"));

    for (const now of [at("07:30"), at("07:31")]) {
      const after = withOccupied(base, [hold], now);
      expect(checkSlot(after, new Date(at("08:00"))).ok).toBe(true);
      expect(listSlots(after, { from: DAY, to: DAY }).map((s) => s.start.getTime())).toContain(at("08:00"));
    }
  });
});

describe("the rebook delay after a cancellation", () => {
  const cancelled = { ...eight, cancelledAt: at("07:00") };

  it("withholds the freed time from online booking until cancelledAt + delay", () => {
    const input = (now: number) => withOccupied(oneClerk().rules({ rebookDelayMinutes: 20 }).input(), [cancelled], now);
    expect(checkSlot(input(at("07:19")), new Date(at("08:00")))).toEqual({ ok: false, reason: "full" });
    expect(checkSlot(input(at("07:20")), new Date(at("08:00"))).ok).toBe(true);
    expect(listSlots(input(at("07:19")), { from: DAY, to: DAY })).toHaveLength(3);
    expect(listSlots(input(at("07:20")), { from: DAY, to: DAY })).toHaveLength(4);
  });

  it("offers it at once without a delay, and to staff (whose rules have none)", () => {
    const noDelay = withOccupied(oneClerk().input(), [cancelled], at("07:01"));
    expect(checkSlot(noDelay, new Date(at("08:00"))).ok).toBe(true);
    const staff = withOccupied(oneClerk().rules({ rebookDelayMinutes: 20, minNoticeMinutes: 0 }).input(), [cancelled], at("07:01"));
    expect(checkSlot({ ...staff, rules: { ...staff.rules, rebookDelayMinutes: 0 } }, new Date(at("08:00"))).ok).toBe(true);
  });

  it("refuses a negative or non-numeric delay", () => {
    const input = oneClerk().rules({ rebookDelayMinutes: -1 }).input();
    expect(() => checkSlot(input, new Date(at("08:00")))).toThrow(RangeError);
  });
});

describe("occupiesAt", () => {
  it("keeps confirmed bookings, holds until expiry and cancellations for the delay only", () => {
    expect(occupiesAt(eight, at("09:00"), {})).toBe(true);
    expect(occupiesAt({ ...eight, holdExpiresAt: 10 }, 9, {})).toBe(true);
    expect(occupiesAt({ ...eight, holdExpiresAt: 10 }, 10, {})).toBe(false);
    expect(occupiesAt({ ...eight, cancelledAt: 0 }, 0, {})).toBe(false);
    expect(occupiesAt({ ...eight, cancelledAt: 0 }, 5 * MINUTE - 1, { rebookDelayMinutes: 5 })).toBe(true);
    expect(occupiesAt({ ...eight, cancelledAt: 0 }, 5 * MINUTE, { rebookDelayMinutes: 5 })).toBe(false);
  });
});

// ---- property: with holds and a delay, listing and checking agree exactly ------------------------------------

const SEED = Number(process.env.FC_SEED ?? 20261124);
const quarter = (q: number) => zonedInstant(DAY, 8 * 60 + q * 15, BERLIN);

const occupiedArb = fc.record({
  startQ: fc.integer({ min: 0, max: 14 }),
  lengthQ: fc.integer({ min: 1, max: 4 }),
  kind: fc.constantFrom("booking", "hold", "cancelled"),
  // Relative to the base "now" (07:00), in minutes: expiry / cancellation time.
  offset: fc.integer({ min: -90, max: 90 }),
});

it("lists exactly the starts checkSlot accepts, with random holds, cancellations, delays and clocks", () => {
  fc.assert(
    fc.property(
      fc.array(occupiedArb, { maxLength: 12 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: -60, max: 120 }),
      fc.integer({ min: 1, max: 3 }),
      (rows, delay, nowOffset, clerks) => {
        const base = office().open("Mon", "08:00-12:00", { clerks }).service("standard", 30).now(`${DAY} 07:00`);
        const baseNow = base.instant(`${DAY} 07:00`);
        const occupied: OccupiedInterval[] = rows.map((r) => {
          const interval = { start: quarter(r.startQ), end: quarter(r.startQ + r.lengthQ), serviceId: "standard" };
          if (r.kind === "hold") return { ...interval, holdExpiresAt: baseNow + r.offset * MINUTE };
          if (r.kind === "cancelled") return { ...interval, cancelledAt: baseNow + r.offset * MINUTE };
          return interval;
        });
        const input = withOccupied(base.rules({ rebookDelayMinutes: delay, slotStepMinutes: 15 }).input(), occupied, baseNow + nowOffset * MINUTE);
        const listed = new Set(listSlots(input, { from: DAY, to: DAY }).map((s) => s.start.getTime()));
        for (let q = 0; q < 16; q++) {
          const accepted = checkSlot(input, new Date(quarter(q))).ok;
          // Nothing listed is refused, nothing refused is listed.
          expect(listed.has(quarter(q))).toBe(accepted);
        }
        // And the filtering is exactly "drop what no longer occupies": the same answers as the plain bookings.
        const nowMs = input.now.getTime();
        const live = occupied
          .filter((o) => (o.cancelledAt !== undefined ? nowMs < o.cancelledAt + delay * MINUTE : o.holdExpiresAt === undefined || nowMs < o.holdExpiresAt))
          .map(({ start, end, serviceId }) => ({ start, end, serviceId }));
        const plain = { ...input, occupied: live };
        expect(listSlots(plain, { from: DAY, to: DAY }).map((s) => s.start.getTime())).toEqual([...listed]);
      },
    ),
    { seed: SEED, numRuns: 150 },
  );
});
