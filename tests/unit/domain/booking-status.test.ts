import {
  allowedStatusActions,
  closeDay,
  isChangeable,
  planTransition,
  correctableUntil,
  correctionDays,
  DEFAULT_STATUS_CORRECTION_DAYS,
  MAX_STATUS_CORRECTION_DAYS,
  STATUS_ACTIONS,
  type BookingStatusName,
  type StatusAction,
  type StatusRules,
} from "@/lib/domain/booking-status";
import { SETTLING_DAYS } from "@/lib/domain/statistics";
import { addDays } from "@/lib/domain";
import { at } from "../../helpers/office-fixture";

// The clerks' status rules with a pinned clock, in Europe/Berlin: Monday 1 March 2027, 09:00. Summer time starts
// 28 March 2027 (02:00 -> 03:00) and ends 31 October 2027 (03:00 -> 02:00).

const TZ = "Europe/Berlin";
/** An office with the default correction window. */
const RULES: StatusRules = { timeZone: TZ, statusCorrectionDays: DEFAULT_STATUS_CORRECTION_DAYS };
const withDays = (statusCorrectionDays: number): StatusRules => ({ timeZone: TZ, statusCorrectionDays });
const START = at("2027-03-01", "09:00");
const booking = (status: BookingStatusName, startsAt = START) => ({ status, startsAt });
const outcome = (status: BookingStatusName, action: StatusAction, now: Date, startsAt = START, rules = RULES) => {
  const r = planTransition(booking(status, startsAt), action, now, rules);
  return r.ok ? r.to : r.reason;
};

describe("status transitions on the appointment's day", () => {
  const DURING = at("2027-03-01", "09:10");
  // Every status x action at a time when the day's rules allow as much as possible.
  const table: Record<BookingStatusName, Record<StatusAction, string>> = {
    HELD: { arrive: "STATUS_NOT_ALLOWED", serve: "STATUS_NOT_ALLOWED", "no-show": "STATUS_NOT_ALLOWED", undo: "STATUS_NOT_ALLOWED" },
    CONFIRMED: { arrive: "ARRIVED", serve: "STATUS_NOT_ALLOWED", "no-show": "NO_SHOW", undo: "STATUS_NOT_ALLOWED" },
    ARRIVED: { arrive: "STATUS_NOT_ALLOWED", serve: "SERVED", "no-show": "STATUS_NOT_ALLOWED", undo: "CONFIRMED" },
    SERVED: { arrive: "STATUS_NOT_ALLOWED", serve: "STATUS_NOT_ALLOWED", "no-show": "STATUS_NOT_ALLOWED", undo: "ARRIVED" },
    NO_SHOW: { arrive: "ARRIVED", serve: "STATUS_NOT_ALLOWED", "no-show": "STATUS_NOT_ALLOWED", undo: "CONFIRMED" },
    CANCELLED: { arrive: "ALREADY_CANCELLED", serve: "ALREADY_CANCELLED", "no-show": "ALREADY_CANCELLED", undo: "ALREADY_CANCELLED" },
  };
  for (const [status, row] of Object.entries(table) as Array<[BookingStatusName, Record<StatusAction, string>]>) {
    for (const action of STATUS_ACTIONS) {
      it(`${status} + ${action} -> ${row[action]}`, () => {
        expect(outcome(status, action, DURING)).toBe(row[action]);
        // The same on a correction day: the window changes when, not what.
        expect(outcome(status, action, at("2027-03-03", "10:00"))).toBe(row[action]);
      });
    }
  }

  it("no-show only once the appointment has started", () => {
    expect(outcome("CONFIRMED", "no-show", at("2027-03-01", "08:59"))).toBe("NO_SHOW_TOO_EARLY");
    expect(outcome("CONFIRMED", "no-show", START)).toBe("NO_SHOW");
  });

  it("nothing ahead of the appointment's local day (Berlin, not UTC)", () => {
    // 00:30 in Berlin is still the previous day in UTC: the office's day counts.
    expect(outcome("CONFIRMED", "arrive", at("2027-03-01", "00:30"))).toBe("ARRIVED");
    expect(outcome("CONFIRMED", "arrive", at("2027-02-28", "23:30"))).toBe("NOT_APPOINTMENT_DAY");
    expect(outcome("CONFIRMED", "no-show", at("2027-02-28", "23:30"))).toBe("NO_SHOW_TOO_EARLY");
  });

  it("records the moment on the day, and no moment in a correction", () => {
    const now = at("2027-03-01", "09:05");
    expect(planTransition(booking("CONFIRMED"), "arrive", now, RULES)).toEqual({ ok: true, from: "CONFIRMED", to: "ARRIVED", arrivedAt: now, correction: false });
    expect(planTransition(booking("ARRIVED"), "serve", now, RULES)).toMatchObject({ servedAt: now, correction: false });
    expect(planTransition(booking("SERVED"), "undo", now, RULES)).toEqual({ ok: true, from: "SERVED", to: "ARRIVED", servedAt: null, correction: false });
    expect(planTransition(booking("ARRIVED"), "undo", now, RULES)).toEqual({ ok: true, from: "ARRIVED", to: "CONFIRMED", arrivedAt: null, correction: false });

    const later = at("2027-03-02", "00:00");
    expect(planTransition(booking("CONFIRMED"), "arrive", later, RULES)).toEqual({ ok: true, from: "CONFIRMED", to: "ARRIVED", arrivedAt: null, correction: true });
    expect(planTransition(booking("ARRIVED"), "serve", later, RULES)).toEqual({ ok: true, from: "ARRIVED", to: "SERVED", servedAt: null, correction: true });
    expect(planTransition(booking("CONFIRMED"), "no-show", later, RULES)).toEqual({ ok: true, from: "CONFIRMED", to: "NO_SHOW", correction: true });
  });
});

describe("corrections after the day", () => {
  const lastDay = `2027-03-0${1 + DEFAULT_STATUS_CORRECTION_DAYS}`;

  it(`are possible for ${DEFAULT_STATUS_CORRECTION_DAYS} days after the appointment's date by default, up to local midnight`, () => {
    expect(DEFAULT_STATUS_CORRECTION_DAYS).toBe(7);
    for (const action of ["arrive", "no-show"] as const) {
      expect(outcome("CONFIRMED", action, at(lastDay, "23:59"))).not.toBe("CORRECTION_EXPIRED");
      expect(outcome("CONFIRMED", action, at("2027-03-09", "00:00"))).toBe("CORRECTION_EXPIRED");
    }
    expect(outcome("SERVED", "undo", at(lastDay, "23:59"))).toBe("ARRIVED");
    expect(outcome("SERVED", "undo", at("2027-03-09", "00:00"))).toBe("CORRECTION_EXPIRED");
    expect(outcome("ARRIVED", "serve", at("2027-03-20", "10:00"))).toBe("CORRECTION_EXPIRED");
    // A status the rules do not allow is refused as such, also after the window.
    expect(outcome("SERVED", "serve", at("2027-03-20", "10:00"))).toBe("STATUS_NOT_ALLOWED");
  });

  it("count local days across the spring change (the last day has 23 hours)", () => {
    const monday = at("2027-03-22", "09:00");
    expect(outcome("CONFIRMED", "no-show", at("2027-03-29", "23:59"), monday)).toBe("NO_SHOW");
    // 2027-03-30 00:00 CEST is 2027-03-29 22:00 UTC: by UTC dates still within the window, by the office's not.
    expect(at("2027-03-30", "00:00").toISOString()).toBe("2027-03-29T22:00:00.000Z");
    expect(outcome("CONFIRMED", "no-show", at("2027-03-30", "00:00"), monday)).toBe("CORRECTION_EXPIRED");
    // On the changeover Sunday itself, late evening is still the appointment's day, not a correction.
    const sunday = at("2027-03-28", "10:00");
    expect(planTransition(booking("CONFIRMED", sunday), "arrive", at("2027-03-28", "23:30"), RULES)).toMatchObject({ correction: false });
    expect(planTransition(booking("CONFIRMED", sunday), "arrive", at("2027-03-29", "00:10"), RULES)).toMatchObject({ correction: true });
  });

  it("count local days across the autumn change (a day of 25 hours)", () => {
    const monday = at("2027-10-25", "09:00");
    expect(outcome("ARRIVED", "serve", at("2027-11-01", "23:59"), monday)).toBe("SERVED");
    expect(outcome("ARRIVED", "serve", at("2027-11-02", "00:00"), monday)).toBe("CORRECTION_EXPIRED");
  });

  it("reach the evaluation: the statistics recompute every day that can still be corrected", () => {
    // A correction late on the last day is picked up by the statistics runs after midnight, which recompute the
    // last SETTLING_DAYS days: the window must end at least one day inside them.
    expect(MAX_STATUS_CORRECTION_DAYS).toBe(SETTLING_DAYS - 1);
    expect(DEFAULT_STATUS_CORRECTION_DAYS).toBeLessThanOrEqual(MAX_STATUS_CORRECTION_DAYS);
  });
});

describe("the office's correction window", () => {
  // Given an appointment on Monday 1 March 2027 and offices whose windows differ.
  it.each([0, 1, 2, 5, 13])("%i days: open up to local midnight of the last day, then settled", (days) => {
    const last = correctableUntil("2027-03-01", withDays(days));
    expect(last).toBe(`2027-03-${String(1 + days).padStart(2, "0")}`);
    for (const action of ["arrive", "no-show"] as const) {
      expect(outcome("CONFIRMED", action, at(last, "23:59"), START, withDays(days))).not.toBe("CORRECTION_EXPIRED");
      expect(outcome("CONFIRMED", action, at(addDays(last, 1), "00:00"), START, withDays(days))).toBe("CORRECTION_EXPIRED");
    }
    expect(outcome("SERVED", "undo", at(last, "23:59"), START, withDays(days))).toBe("ARRIVED");
    expect(outcome("SERVED", "undo", at(addDays(last, 1), "00:00"), START, withDays(days))).toBe("CORRECTION_EXPIRED");
  });

  it("0 days: statuses only on the appointment's day, never as a correction", () => {
    const dayOnly = withDays(0);
    expect(planTransition(booking("CONFIRMED"), "arrive", at("2027-03-01", "23:59"), dayOnly)).toMatchObject({ ok: true, correction: false });
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-03-02", "00:00"), dayOnly)).toEqual([]);
    expect(allowedStatusActions(booking("NO_SHOW"), at("2027-03-02", "08:00"), dayOnly)).toEqual([]);
  });

  it("2 days refuses on the third day, 5 days allows it (as a correction)", () => {
    const thirdDay = at("2027-03-04", "10:00");
    expect(outcome("CONFIRMED", "no-show", thirdDay, START, withDays(2))).toBe("CORRECTION_EXPIRED");
    expect(planTransition(booking("CONFIRMED"), "no-show", thirdDay, withDays(5))).toEqual({ ok: true, from: "CONFIRMED", to: "NO_SHOW", correction: true });
  });

  it("counts the office's local days across the autumn change", () => {
    // Monday 25 October 2027; summer time ends on Sunday the 31st (a day of 25 hours).
    const monday = at("2027-10-25", "09:00");
    const six = withDays(6);
    expect(outcome("ARRIVED", "serve", at("2027-10-31", "23:59"), monday, six)).toBe("SERVED");
    expect(outcome("ARRIVED", "serve", at("2027-11-01", "00:00"), monday, six)).toBe("CORRECTION_EXPIRED");
  });

  it("holds a stored value outside the form's range within 0..13", () => {
    expect(correctionDays(withDays(-3))).toBe(0);
    expect(correctionDays(withDays(40))).toBe(MAX_STATUS_CORRECTION_DAYS);
    expect(correctionDays(withDays(Number.NaN))).toBe(DEFAULT_STATUS_CORRECTION_DAYS);
    expect(outcome("CONFIRMED", "arrive", at("2027-03-15", "10:00"), START, withDays(40))).toBe("CORRECTION_EXPIRED");
    expect(outcome("CONFIRMED", "arrive", at("2027-03-14", "10:00"), START, withDays(40))).toBe("ARRIVED");
  });
});

describe("buttons and changes", () => {
  it("offers exactly the actions the rules accept, in their fixed order", () => {
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-03-01", "08:00"), RULES)).toEqual(["arrive"]);
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-03-01", "09:30"), RULES)).toEqual(["arrive", "no-show"]);
    expect(allowedStatusActions(booking("ARRIVED"), at("2027-03-01", "09:30"), RULES)).toEqual(["serve", "undo"]);
    expect(allowedStatusActions(booking("NO_SHOW"), at("2027-03-04", "09:30"), RULES)).toEqual(["arrive", "undo"]);
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-02-28", "09:30"), RULES)).toEqual([]);
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-03-09", "09:30"), RULES)).toEqual([]);
    expect(allowedStatusActions(booking("CANCELLED"), at("2027-03-01", "09:30"), RULES)).toEqual([]);
  });

  it("cancelling and moving, by the citizen or by staff, only while confirmed and ahead", () => {
    expect(isChangeable(booking("CONFIRMED"), at("2027-03-01", "08:59"))).toBe(true);
    expect(isChangeable(booking("CONFIRMED"), START)).toBe(false);
    expect(isChangeable(booking("ARRIVED"), at("2027-03-01", "08:00"))).toBe(false);
    expect(isChangeable(booking("CANCELLED"), at("2027-03-01", "08:00"))).toBe(false);
  });
});

describe("closing a day", () => {
  // Given a Monday with appointments at 09:00, 10:00 and 11:00 (30 minutes each), a cancelled one at 11:30 and one
  // on Tuesday.
  const day = (statuses: BookingStatusName[]) =>
    statuses.map((status, i) => {
      const startsAt = at("2027-03-01", `${String(9 + i).padStart(2, "0")}:00`);
      return { id: `b${i}`, status, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000) };
    });
  const monday = [
    ...day(["SERVED", "CONFIRMED", "CONFIRMED"]),
    { id: "cancelled", status: "CANCELLED", startsAt: at("2027-03-01", "11:30"), endsAt: at("2027-03-01", "12:00") },
    { id: "tuesday", status: "CONFIRMED", startsAt: at("2027-03-02", "09:00"), endsAt: at("2027-03-02", "09:30") },
  ];
  const ids = (r: ReturnType<typeof closeDay>) => (r.ok ? r.open.map((b) => b.id) : r.reason);

  it("waits until the last appointment of the day has ended", () => {
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-01", "11:29"), RULES))).toBe("DAY_NOT_OVER");
    // The cancelled 11:30 appointment does not keep the day open.
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-01", "11:30"), RULES))).toEqual(["b1", "b2"]);
    expect(ids(closeDay("2027-03-02", monday, at("2027-03-01", "18:00"), RULES))).toBe("DAY_NOT_OVER");
  });

  it("lists only what a single no-show would accept, within the correction window", () => {
    const recorded = monday.map((b) => (b.id === "b1" ? { ...b, status: "ARRIVED" } : b));
    expect(ids(closeDay("2027-03-01", recorded, at("2027-03-02", "08:00"), RULES))).toEqual(["b2"]);
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-08", "23:59"), RULES))).toEqual(["b1", "b2"]);
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-09", "00:00"), RULES))).toBe("CORRECTION_EXPIRED");
  });

  it("follows the office's correction window", () => {
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-01", "18:00"), withDays(0)))).toEqual(["b1", "b2"]);
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-02", "00:00"), withDays(0)))).toBe("CORRECTION_EXPIRED");
    expect(ids(closeDay("2027-03-01", monday, at("2027-03-04", "10:00"), withDays(2)))).toBe("CORRECTION_EXPIRED");
    expect(closeDay("2027-03-01", monday, at("2027-03-04", "10:00"), withDays(5))).toMatchObject({ ok: true, correction: true });
  });

  it("uses the office's day on the spring change", () => {
    const sunday = [{ id: "s", status: "CONFIRMED", startsAt: at("2027-03-28", "10:00"), endsAt: at("2027-03-28", "10:30") }];
    expect(ids(closeDay("2027-03-28", sunday, at("2027-03-28", "23:59"), RULES))).toEqual(["s"]);
    expect(ids(closeDay("2027-04-04", sunday, at("2027-04-04", "23:59"), RULES))).toEqual([]);
    expect(ids(closeDay("2027-03-28", sunday, at("2027-04-05", "00:00"), RULES))).toBe("CORRECTION_EXPIRED");
  });
});
