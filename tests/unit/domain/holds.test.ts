import {
  MAX_HOLD_FACTOR,
  canExtendHold,
  extendedHoldDeadline,
  holdDeadline,
  holdLimit,
  isLiveHold,
  needsVerification,
  occupiesClerk,
} from "@/lib/domain";
import { holdExtensionOffer } from "@/lib/domain/holds";
import { BERLIN, office } from "../../helpers/scenario";

// Holds of an office with e-mail verification and a 30-minute hold time, with a pinned clock. The night of
// 29 March 2026 (02:00 -> 03:00 in Berlin) shows that hold times are real minutes, not wall-clock ones.

const HOLD_MINUTES = 30;
const berlin = office(BERLIN);
const at = (when: string) => new Date(berlin.instant(when));

/** A hold booked at `booked`, running until `expires`. */
const hold = (booked: string, expires: string, status = "HELD") => ({
  status,
  createdAt: at(booked),
  holdExpiresAt: at(expires),
});

describe("a new hold", () => {
  it("runs for the office's hold time in real minutes, across the spring-forward jump too", () => {
    expect(berlin.label(holdDeadline(at("2026-03-02 09:00"), HOLD_MINUTES))).toBe("2026-03-02 09:30");
    expect(berlin.label(holdDeadline(at("2026-03-29 01:45"), HOLD_MINUTES))).toBe("2026-03-29 03:15");
  });
});

describe("a live hold", () => {
  const booked = hold("2026-03-02 09:00", "2026-03-02 09:30");

  it("lives until its deadline, not at it", () => {
    expect(isLiveHold(booked, at("2026-03-02 09:29"))).toBe(true);
    expect(isLiveHold(booked, at("2026-03-02 09:30"))).toBe(false);
  });

  it("is a held booking with a deadline: confirmed and cancelled ones are no holds", () => {
    expect(isLiveHold({ ...booked, status: "CONFIRMED" }, at("2026-03-02 09:10"))).toBe(false);
    expect(isLiveHold({ ...booked, status: "CANCELLED" }, at("2026-03-02 09:10"))).toBe(false);
    expect(isLiveHold({ ...booked, holdExpiresAt: null }, at("2026-03-02 09:10"))).toBe(false);
  });

  it("occupies a clerk only while it lives", () => {
    expect(occupiesClerk(booked, at("2026-03-02 09:29"))).toBe(true);
    expect(occupiesClerk(booked, at("2026-03-02 09:30"))).toBe(false);
  });
});

describe("extending a hold", () => {
  it("gives the hold time again from now, up to three hold times after the booking", () => {
    const booked = hold("2026-03-02 09:00", "2026-03-02 09:30");
    expect(MAX_HOLD_FACTOR).toBe(3);
    expect(berlin.label(holdLimit(booked, HOLD_MINUTES))).toBe("2026-03-02 10:30");
    expect(berlin.label(extendedHoldDeadline(booked, HOLD_MINUTES, at("2026-03-02 09:20"))!)).toBe("2026-03-02 09:50");
    const late = hold("2026-03-02 09:00", "2026-03-02 10:20");
    expect(berlin.label(extendedHoldDeadline(late, HOLD_MINUTES, at("2026-03-02 10:15"))!)).toBe("2026-03-02 10:30");
  });

  it("stops at the limit: a hold that reached it cannot be extended again", () => {
    const atLimit = hold("2026-03-02 09:00", "2026-03-02 10:30");
    expect(extendedHoldDeadline(atLimit, HOLD_MINUTES, at("2026-03-02 10:25"))).toBeNull();
    expect(canExtendHold(atLimit, HOLD_MINUTES, at("2026-03-02 10:25"))).toBe(false);
  });

  it("never moves the deadline backwards: asking twice at once gives nothing more, though the hold stays extendable", () => {
    const justExtended = hold("2026-03-02 09:00", "2026-03-02 09:50");
    expect(extendedHoldDeadline(justExtended, HOLD_MINUTES, at("2026-03-02 09:20"))).toBeNull();
    expect(canExtendHold(justExtended, HOLD_MINUTES, at("2026-03-02 09:20"))).toBe(true);
  });

  it("is refused once the hold has expired or is no hold", () => {
    const expired = hold("2026-03-02 09:00", "2026-03-02 09:30");
    expect(extendedHoldDeadline(expired, HOLD_MINUTES, at("2026-03-02 09:30"))).toBeNull();
    expect(canExtendHold(expired, HOLD_MINUTES, at("2026-03-02 09:30"))).toBe(false);
    const confirmed = hold("2026-03-02 09:00", "2026-03-02 09:30", "CONFIRMED");
    expect(canExtendHold(confirmed, HOLD_MINUTES, at("2026-03-02 09:10"))).toBe(false);
  });

  it("counts the limit in real minutes across the spring-forward jump", () => {
    const night = hold("2026-03-29 01:30", "2026-03-29 03:00");
    expect(berlin.label(holdLimit(night, HOLD_MINUTES))).toBe("2026-03-29 04:00");
    expect(berlin.label(extendedHoldDeadline(night, HOLD_MINUTES, at("2026-03-29 01:55"))!)).toBe("2026-03-29 03:25");
    const extended = hold("2026-03-29 01:30", "2026-03-29 03:50");
    expect(berlin.label(extendedHoldDeadline(extended, HOLD_MINUTES, at("2026-03-29 03:45"))!)).toBe("2026-03-29 04:00");
  });
});

describe("what a hold's page offers", () => {
  const offer = (h: ReturnType<typeof hold>, now: string) => {
    const o = holdExtensionOffer(h, HOLD_MINUTES, at(now));
    return o && { ...o, deadline: berlin.label(o.deadline), ...("limit" in o ? { limit: berlin.label(o.limit) } : {}) };
  };

  it("the hold time more, until the limit at the latest", () => {
    expect(offer(hold("2026-03-02 09:00", "2026-03-02 09:30"), "2026-03-02 09:20")).toEqual({
      extendable: true,
      deadline: "2026-03-02 09:30",
      limit: "2026-03-02 10:30",
      minutes: 30,
    });
  });

  it("fewer minutes close to the limit, but never none", () => {
    expect(offer(hold("2026-03-02 09:00", "2026-03-02 10:20"), "2026-03-02 10:15")).toMatchObject({ minutes: 15 });
    // Half a minute before the limit, with the deadline just before it.
    const seconds = (when: string, s: number) => new Date(at(when).getTime() + s * 1000);
    const lastSeconds = { status: "HELD", createdAt: at("2026-03-02 09:00"), holdExpiresAt: seconds("2026-03-02 10:29", 45) };
    expect(holdExtensionOffer(lastSeconds, HOLD_MINUTES, seconds("2026-03-02 10:29", 30))).toMatchObject({ extendable: true, minutes: 1 });
  });

  it("no more time once the hold reached its limit: it says until when the hold lasts", () => {
    expect(offer(hold("2026-03-02 09:00", "2026-03-02 10:30"), "2026-03-02 10:25")).toEqual({
      extendable: false,
      deadline: "2026-03-02 10:30",
    });
  });

  it("nothing for an expired hold or a booking that is no hold", () => {
    expect(offer(hold("2026-03-02 09:00", "2026-03-02 09:30"), "2026-03-02 09:30")).toBeNull();
    expect(offer(hold("2026-03-02 09:00", "2026-03-02 09:30", "CONFIRMED"), "2026-03-02 09:10")).toBeNull();
  });
});

describe("which bookings are held for confirmation", () => {
  it("online and API bookings of an office with e-mail verification", () => {
    const verifying = { verificationMode: "EMAIL" };
    expect(needsVerification(verifying, "ONLINE")).toBe(true);
    expect(needsVerification(verifying, "API")).toBe(true);
  });

  it("not bookings staff take by phone or at the counter, nor any booking of an office without verification", () => {
    expect(needsVerification({ verificationMode: "EMAIL" }, "PHONE")).toBe(false);
    expect(needsVerification({ verificationMode: "EMAIL" }, "COUNTER")).toBe(false);
    expect(needsVerification({ verificationMode: "NONE" }, "ONLINE")).toBe(false);
    expect(needsVerification({ verificationMode: "NONE" }, "API")).toBe(false);
  });
});
