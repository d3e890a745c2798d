import { appointmentDates, appointmentEndMinute, appointmentInterval } from "@/lib/domain";
import { BERLIN, office } from "../../helpers/scenario";

// The interval a new appointment takes and the office days booking locks for it, in Europe/Berlin: summer time
// starts 29 March 2026 (02:00 -> 03:00) and ends 25 October 2026 (03:00 -> 02:00).

const berlin = office(BERLIN);
const at = (when: string) => new Date(berlin.instant(when));
const label = (instant: Date) => berlin.label(instant);
const passport = { durationMinutes: 30, extraPersonMinutes: 15, maxPersons: 4 };

describe("a new appointment's interval", () => {
  it("ends after the service's duration plus the extra time of each further person", () => {
    const alone = appointmentInterval(at("2026-03-02 09:00"), passport, 1, BERLIN);
    expect(label(alone.end)).toBe("2026-03-02 09:30");
    const family = appointmentInterval(at("2026-03-02 09:00"), passport, 3, BERLIN);
    expect(label(family.end)).toBe("2026-03-02 10:00");
    expect(family.dates).toEqual(["2026-03-02", "2026-03-02"]);
  });

  it("refuses a party the service does not take", () => {
    expect(() => appointmentInterval(at("2026-03-02 09:00"), passport, 5, BERLIN)).toThrow(RangeError);
    expect(() => appointmentInterval(at("2026-03-02 09:00"), passport, 0, BERLIN)).toThrow(RangeError);
  });

  it("touches the next day only when it runs past midnight, not when it ends at midnight", () => {
    expect(appointmentInterval(at("2026-03-02 23:30"), passport, 1, BERLIN).dates).toEqual(["2026-03-02", "2026-03-02"]);
    expect(appointmentInterval(at("2026-03-02 23:45"), passport, 1, BERLIN).dates).toEqual(["2026-03-02", "2026-03-03"]);
  });

  it("counts real minutes across the spring-forward jump", () => {
    const night = appointmentInterval(at("2026-03-29 01:45"), passport, 1, BERLIN);
    expect(label(night.end)).toBe("2026-03-29 03:15");
    expect(night.end.getTime() - night.start.getTime()).toBe(30 * 60_000);
  });

  it("counts real minutes across the autumn fall-back, the repeated hour included", () => {
    // 02:30 CEST is the first of the two 02:30s; thirty minutes later it is 02:00 CET.
    const first = appointmentInterval(new Date("2026-10-25T00:30:00Z"), passport, 1, BERLIN);
    expect(first.end.toISOString()).toBe("2026-10-25T01:00:00.000Z");
    expect(label(first.end)).toBe("2026-10-25 02:00");
    expect(first.dates).toEqual(["2026-10-25", "2026-10-25"]);
  });

  it("finds the local dates in the office's zone, not in UTC", () => {
    // 00:15 in Berlin is still the previous day in UTC.
    expect(appointmentInterval(at("2026-07-01 00:15"), passport, 1, BERLIN).dates).toEqual(["2026-07-01", "2026-07-01"]);
    expect(appointmentInterval(at("2026-07-01 00:15"), passport, 1, "UTC").dates).toEqual(["2026-06-30", "2026-06-30"]);
  });
});

describe("a stored appointment's dates", () => {
  it("are those of its stored start and end, whatever the service takes today", () => {
    expect(appointmentDates(at("2026-03-02 22:00"), at("2026-03-03 01:00"), BERLIN)).toEqual(["2026-03-02", "2026-03-03"]);
    expect(appointmentDates(at("2026-03-02 22:00"), at("2026-03-03 00:00"), BERLIN)).toEqual(["2026-03-02", "2026-03-02"]);
  });
});

describe("where a stored appointment ends on its first day", () => {
  it("is its local end minute, midnight included, and the whole day once it runs into the next", () => {
    expect(appointmentEndMinute(at("2026-03-02 09:00"), at("2026-03-02 09:30"), BERLIN)).toBe(9 * 60 + 30);
    expect(appointmentEndMinute(at("2026-03-02 23:30"), at("2026-03-03 00:00"), BERLIN)).toBe(24 * 60);
    expect(appointmentEndMinute(at("2026-03-02 23:45"), at("2026-03-03 00:15"), BERLIN)).toBe(24 * 60);
  });

  it("reads the end on the office's clock across the spring-forward jump", () => {
    expect(appointmentEndMinute(at("2026-03-29 01:45"), at("2026-03-29 03:15"), BERLIN)).toBe(3 * 60 + 15);
  });
});
