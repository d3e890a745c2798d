import {
  addDays,
  datesBetween,
  isValidLocalDate,
  localDateOf,
  localMinuteOf,
  startOfWeek,
  weekdayOf,
  zonedInstant,
} from "@/lib/domain";

const BERLIN = "Europe/Berlin";
const iso = (ms: number) => new Date(ms).toISOString();
const hours = (ms: number) => ms / 3_600_000;

describe("zonedInstant: wall-clock time on a date to an instant", () => {
  it("uses the offset valid on that date, not the one of some other day", () => {
    expect(iso(zonedInstant("2026-03-27", 8 * 60, BERLIN))).toBe("2026-03-27T07:00:00.000Z");
    expect(iso(zonedInstant("2026-03-30", 8 * 60, BERLIN))).toBe("2026-03-30T06:00:00.000Z");
    expect(iso(zonedInstant("2026-10-23", 8 * 60, BERLIN))).toBe("2026-10-23T06:00:00.000Z");
    expect(iso(zonedInstant("2026-10-26", 8 * 60, BERLIN))).toBe("2026-10-26T07:00:00.000Z");
  });

  it.each([
    ["2026-03-29", "2026-03-29T01:30:00.000Z"],
    ["2027-03-28", "2027-03-28T01:30:00.000Z"],
  ])("moves 02:30 in the spring-forward gap of %s forward to 03:30 summer time", (date, expected) => {
    expect(iso(zonedInstant(date, 150, BERLIN))).toBe(expected);
    // 02:00 does not exist either and lands exactly where 03:00 does.
    expect(zonedInstant(date, 120, BERLIN)).toBe(zonedInstant(date, 180, BERLIN));
  });

  it.each([
    ["2026-10-25", "2026-10-25T00:30:00.000Z"],
    ["2027-10-31", "2027-10-31T00:30:00.000Z"],
  ])("takes the earlier (summer-time) instant for the ambiguous 02:30 of %s", (date, expected) => {
    expect(iso(zonedInstant(date, 150, BERLIN))).toBe(expected);
  });

  it("treats minute 1440 as the next local midnight, so DST days have 23 and 25 real hours", () => {
    expect(iso(zonedInstant("2026-03-29", 0, BERLIN))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(zonedInstant("2026-03-29", 1440, BERLIN))).toBe("2026-03-29T22:00:00.000Z");
    expect(hours(zonedInstant("2026-03-29", 1440, BERLIN) - zonedInstant("2026-03-29", 0, BERLIN))).toBe(23);
    expect(hours(zonedInstant("2026-10-25", 1440, BERLIN) - zonedInstant("2026-10-25", 0, BERLIN))).toBe(25);
    expect(hours(zonedInstant("2026-06-10", 1440, BERLIN) - zonedInstant("2026-06-10", 0, BERLIN))).toBe(24);
  });

  it("rejects minutes outside the day and malformed dates", () => {
    expect(() => zonedInstant("2026-03-02", -1, BERLIN)).toThrow(RangeError);
    expect(() => zonedInstant("2026-03-02", 1441, BERLIN)).toThrow(RangeError);
    expect(() => zonedInstant("2026-03-02", 1.5, BERLIN)).toThrow(RangeError);
    expect(() => zonedInstant("2026-02-30", 0, BERLIN)).toThrow(RangeError);
  });
});

describe("localDateOf and localMinuteOf: an instant seen in office time", () => {
  it("gives the office's date, which differs from the UTC date late in the evening", () => {
    expect(localDateOf(Date.parse("2026-03-28T23:30:00Z"), BERLIN)).toBe("2026-03-29");
    expect(localDateOf(new Date("2026-06-30T22:30:00Z"), BERLIN)).toBe("2026-07-01");
    expect(localDateOf(new Date("2026-06-30T21:59:59Z"), BERLIN)).toBe("2026-06-30");
  });

  it("shows both 02:30s of the autumn change as minute 150", () => {
    expect(localMinuteOf(Date.parse("2026-10-25T00:30:00Z"), BERLIN)).toBe(150);
    expect(localMinuteOf(Date.parse("2026-10-25T01:30:00Z"), BERLIN)).toBe(150);
    expect(localMinuteOf(Date.parse("2026-03-29T01:00:00Z"), BERLIN)).toBe(180);
  });
});

describe("calendar arithmetic on local dates", () => {
  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("names ISO weekdays", () => {
    expect(weekdayOf("2026-03-29")).toBe(7);
    expect(weekdayOf("2026-03-30")).toBe(1);
    expect(weekdayOf("2026-10-25")).toBe(7);
  });

  it("finds the Monday of the week", () => {
    expect(startOfWeek("2026-03-29")).toBe("2026-03-23");
    expect(startOfWeek("2026-03-30")).toBe("2026-03-30");
    expect(startOfWeek("2026-01-01")).toBe("2025-12-29");
  });

  it("lists dates inclusively and nothing for a reversed range", () => {
    expect(datesBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(datesBetween("2026-03-02", "2026-03-02")).toEqual(["2026-03-02"]);
    expect(datesBetween("2026-03-03", "2026-03-02")).toEqual([]);
  });

  it("accepts only real dates in YYYY-MM-DD form", () => {
    expect(isValidLocalDate("2028-02-29")).toBe(true);
    expect(isValidLocalDate("2026-02-29")).toBe(false);
    expect(isValidLocalDate("2026-02-30")).toBe(false);
    expect(isValidLocalDate("2026-2-3")).toBe(false);
    expect(isValidLocalDate("2026-03-02T00:00")).toBe(false);
    expect(isValidLocalDate(20260302)).toBe(false);
  });
});
