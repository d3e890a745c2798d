import { checkInCheck, checkInWindow, isCheckInOpen, type CheckInRules } from "@/lib/domain/check-in";
import { localMinuteOf } from "@/lib/domain";
import { at } from "../../helpers/office-fixture";

// The check-in window with a pinned clock, in Europe/Berlin: an appointment on Monday 1 March 2027 at 09:00, the
// office's default window from 30 minutes before to 15 minutes after. Summer time starts 28 March 2027 (02:00 ->
// 03:00) and ends 31 October 2027 (03:00 -> 02:00).

const TZ = "Europe/Berlin";
const RULES: CheckInRules = { timeZone: TZ, checkInEarlyMinutes: 30, checkInLateMinutes: 15 };
const START = at("2027-03-01", "09:00");
const confirmed = (startsAt = START) => ({ status: "CONFIRMED", startsAt });
const outcome = (now: Date, booking = confirmed(), rules = RULES) => {
  const r = checkInCheck(booking, now, rules);
  return r.ok ? `ok ${r.date}` : r.reason;
};

describe("the check-in window of a confirmed appointment", () => {
  it("opens exactly 30 minutes before the start and not a minute earlier", () => {
    expect(outcome(at("2027-03-01", "08:30"))).toBe("ok 2027-03-01");
    expect(outcome(at("2027-03-01", "08:29"))).toBe("CHECKIN_TOO_EARLY");
  });

  it("closes exactly 15 minutes after the start: a minute later the citizen is sent to the counter", () => {
    expect(outcome(at("2027-03-01", "09:15"))).toBe("ok 2027-03-01");
    expect(outcome(at("2027-03-01", "09:16"))).toBe("CHECKIN_TOO_LATE");
  });

  it("tells an early citizen from when to come back", () => {
    const r = checkInCheck(confirmed(), at("2027-03-01", "07:50"), RULES);
    expect(r).toEqual({ ok: false, reason: "CHECKIN_TOO_EARLY", opensAt: at("2027-03-01", "08:30") });
  });

  it("refuses on any other day, even within the minutes of the window", () => {
    expect(outcome(at("2027-02-28", "08:45"))).toBe("CHECKIN_NOT_TODAY");
    expect(outcome(at("2027-03-02", "09:00"))).toBe("CHECKIN_NOT_TODAY");
    // 23:50 the evening before a 00:10 appointment lies within 30 minutes, but on the wrong day.
    expect(outcome(at("2027-02-28", "23:50"), confirmed(at("2027-03-01", "00:10")))).toBe("CHECKIN_NOT_TODAY");
  });

  it("follows the office's own window, a window of zero minutes included", () => {
    const strict = { ...RULES, checkInEarlyMinutes: 0, checkInLateMinutes: 0 };
    expect(outcome(START, confirmed(), strict)).toBe("ok 2027-03-01");
    expect(outcome(at("2027-03-01", "08:59"), confirmed(), strict)).toBe("CHECKIN_TOO_EARLY");
    expect(outcome(at("2027-03-01", "09:01"), confirmed(), strict)).toBe("CHECKIN_TOO_LATE");
    const generous = { ...RULES, checkInEarlyMinutes: 120, checkInLateMinutes: 60 };
    expect(outcome(at("2027-03-01", "07:00"), confirmed(), generous)).toBe("ok 2027-03-01");
    expect(outcome(at("2027-03-01", "10:00"), confirmed(), generous)).toBe("ok 2027-03-01");
  });
});

describe("only a confirmed appointment checks in", () => {
  const during = at("2027-03-01", "08:50");
  it.each([
    ["ARRIVED", "CHECKIN_ALREADY_DONE"],
    ["SERVED", "CHECKIN_NOT_POSSIBLE"],
    ["NO_SHOW", "CHECKIN_NOT_POSSIBLE"],
    ["CANCELLED", "CHECKIN_NOT_POSSIBLE"],
    ["HELD", "CHECKIN_NOT_POSSIBLE"],
  ])("%s is refused with %s", (status, reason) => {
    expect(outcome(during, { status, startsAt: START })).toBe(reason);
    expect(isCheckInOpen({ status, startsAt: START }, during, RULES)).toBe(false);
  });
});

describe("on the days the clocks change", () => {
  it("counts real minutes across the spring gap: a 03:10 appointment opens at 01:40 wall-clock time", () => {
    // 28 March 2027: 02:00 CET becomes 03:00 CEST, so 30 real minutes before 03:10 CEST is 01:40 CET.
    const start = at("2027-03-28", "03:10");
    const { opensAt, closesAt } = checkInWindow(start, RULES);
    expect(localMinuteOf(opensAt, TZ)).toBe(1 * 60 + 40);
    expect(localMinuteOf(closesAt, TZ)).toBe(3 * 60 + 25);
    expect(outcome(at("2027-03-28", "01:40"), confirmed(start))).toBe("ok 2027-03-28");
    expect(outcome(at("2027-03-28", "01:39"), confirmed(start))).toBe("CHECKIN_TOO_EARLY");
  });

  it("counts real minutes across the autumn repeat: an hour before 02:30 (the second one) is 02:30 summer time", () => {
    // 31 October 2027: 03:00 CEST becomes 02:00 CET; the hour 02:00-03:00 happens twice.
    const secondHalfPast2 = new Date("2027-10-31T01:30:00Z"); // 02:30 CET
    const rules = { ...RULES, checkInEarlyMinutes: 60 };
    const { opensAt } = checkInWindow(secondHalfPast2, rules);
    expect(opensAt.toISOString()).toBe("2027-10-31T00:30:00.000Z"); // 02:30 CEST
    expect(outcome(new Date("2027-10-31T00:29:00Z"), confirmed(secondHalfPast2), rules)).toBe("CHECKIN_TOO_EARLY");
    expect(outcome(new Date("2027-10-31T00:30:00Z"), confirmed(secondHalfPast2), rules)).toBe("ok 2027-10-31");
  });
});

describe("appointments away from the office", () => {
  it("are never checked in at the office: phone and video appointments go to the counter", () => {
    const rules = { timeZone: "Europe/Berlin", checkInEarlyMinutes: 30, checkInLateMinutes: 15 };
    const startsAt = new Date("2026-03-02T08:00:00Z");
    const now = new Date("2026-03-02T07:50:00Z");
    expect(checkInCheck({ status: "CONFIRMED", startsAt, kind: "IN_PERSON" }, now, rules)).toMatchObject({ ok: true });
    expect(checkInCheck({ status: "CONFIRMED", startsAt, kind: "VIDEO" }, now, rules)).toEqual({ ok: false, reason: "CHECKIN_NOT_POSSIBLE" });
    expect(checkInCheck({ status: "CONFIRMED", startsAt, kind: "PHONE" }, now, rules)).toEqual({ ok: false, reason: "CHECKIN_NOT_POSSIBLE" });
  });
});
