import { SEARCH_WINDOW_DAYS, bookingHorizon, prepareAvailability, searchWindows } from "@/lib/domain";
import { BERLIN, office } from "../../helpers/scenario";

// The booking window and the search for the next free slot, with a pinned clock in Europe/Berlin (summer time starts
// 29 March 2026, 02:00 -> 03:00, and ends 25 October 2026, 03:00 -> 02:00).

describe("today and the last bookable day", () => {
  it("are office-local dates: shortly after midnight in Berlin is still yesterday in UTC", () => {
    const now = new Date(office(BERLIN).instant("2026-07-01 00:30"));
    expect(bookingHorizon({ bookingHorizonDays: 30 }, BERLIN, now)).toEqual({ today: "2026-07-01", last: "2026-07-31" });
    expect(bookingHorizon({ bookingHorizonDays: 30 }, "UTC", now)).toEqual({ today: "2026-06-30", last: "2026-07-30" });
  });

  it("count calendar days across both DST changes, not 24-hour steps", () => {
    const spring = new Date(office(BERLIN).instant("2026-03-28 23:30"));
    expect(bookingHorizon({ bookingHorizonDays: 1 }, BERLIN, spring)).toEqual({ today: "2026-03-28", last: "2026-03-29" });
    const autumn = new Date(office(BERLIN).instant("2026-10-24 23:30"));
    expect(bookingHorizon({ bookingHorizonDays: 2 }, BERLIN, autumn)).toEqual({ today: "2026-10-24", last: "2026-10-26" });
  });

  it("is today itself with a horizon of 0 days", () => {
    const now = new Date(office(BERLIN).instant("2026-03-02 09:00"));
    expect(bookingHorizon({ bookingHorizonDays: 0 }, BERLIN, now)).toEqual({ today: "2026-03-02", last: "2026-03-02" });
  });
});

describe("the windows a next-free-slot search reads", () => {
  it("start with four weeks and double, the last one cut at the end of the range", () => {
    expect(SEARCH_WINDOW_DAYS).toBe(28);
    // Two years ahead (2028 has 29 February): five windows instead of one per four weeks.
    expect(searchWindows("2027-03-01", "2029-02-28")).toEqual([
      { from: "2027-03-01", to: "2027-03-28" },
      { from: "2027-03-29", to: "2027-05-23" },
      { from: "2027-05-24", to: "2027-09-12" },
      { from: "2027-09-13", to: "2028-04-23" },
      { from: "2028-04-24", to: "2029-02-28" },
    ]);
  });

  it("cover a short range with one window, and an empty one with none", () => {
    expect(searchWindows("2026-03-02", "2026-03-02")).toEqual([{ from: "2026-03-02", to: "2026-03-02" }]);
    expect(searchWindows("2026-03-03", "2026-03-02")).toEqual([]);
  });
});

describe("the next free slot within a window", () => {
  /** One clerk Mondays 08:00-09:00, half-hour appointments, now Monday 2 March 2026 07:00. */
  const mondays = () => office(BERLIN).open("Mon", "08:00-09:00").service("pass", 30).now("2026-03-02 07:00");

  it("is not looked for beyond the window's last day", () => {
    const o = mondays().booked("2026-03-02", "08:00-09:00");
    const availability = prepareAvailability(o.input());
    expect(availability.next("2026-03-02", { until: "2026-03-08" })).toBeNull();
    expect(o.label(availability.next("2026-03-02", { until: "2026-03-09" })!.start)).toBe("2026-03-09 08:00");
  });

  it("passes over the one start it is told to leave out (a moved booking's own time), but nothing else", () => {
    const o = mondays();
    const availability = prepareAvailability(o.input());
    const own = new Date(o.instant("2026-03-02 08:00"));
    expect(o.label(availability.next("2026-03-02", { except: own })!.start)).toBe("2026-03-02 08:30");
    expect(o.label(availability.next("2026-03-02")!.start)).toBe("2026-03-02 08:00");
  });

  it("finds the starts of the spring-forward night in real time, the missing hour skipped", () => {
    const o = office(BERLIN).open("Sun", "01:00-04:00").service("pass", 30).now("2026-03-29 00:00").booked("2026-03-29", "01:00-02:00");
    const availability = prepareAvailability(o.input());
    expect(o.label(availability.next("2026-03-29", { until: "2026-03-29" })!.start)).toBe("2026-03-29 03:00");
  });

  it("refuses an invalid last day", () => {
    expect(() => prepareAvailability(mondays().input()).next("2026-03-02", { until: "2026-02-30" })).toThrow(RangeError);
  });
});
