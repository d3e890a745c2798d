import type { ServiceSpec } from "@/lib/domain";
import { canTakeBookings, type ReadinessInput, readinessChecklist } from "@/lib/domain/readiness";
import { office, type Scenario } from "../../helpers/scenario";

// An office goes public only when a citizen can book there: an active service and clerks on duty for it inside the
// booking horizon, asked through the same booking rule as listing and booking. Now is Monday 1 March 2027, 07:00 in
// Berlin unless a test says otherwise; the office books 30 days ahead in 30-minute steps.

const BERATUNG: ServiceSpec = { id: "beratung", durationMinutes: 30, extraPersonMinutes: 0, maxPersons: 1 };
const ABHOLUNG: ServiceSpec = { id: "abholung", durationMinutes: 15, extraPersonMinutes: 0, maxPersons: 1 };

function amt(): Scenario {
  return office().service("beratung", 30).rules({ bookingHorizonDays: 30, minNoticeMinutes: 0 }).now("2027-03-01 07:00");
}

/** The readiness input of the scenario's schedule and rules, with these services active. */
function input(s: Scenario, services: ServiceSpec[] = [BERATUNG]): ReadinessInput {
  const { schedule, rules, now } = s.input();
  return { schedule, rules, services, now };
}

const COMPLETE = {
  legalTexts: { imprint: true, privacy: true, accessibility: true },
  mail: { senderName: "Stadt Teststadt – Bürgerbüro", replyTo: "buergerbuero@teststadt.example" },
};

describe("can an office take bookings", () => {
  it("yes, with an active service and a clerk on Monday mornings", () => {
    expect(canTakeBookings(input(amt().open("Mon", "08:00-12:00")))).toBe(true);
  });

  it("no, without an active service, however many clerks are on duty", () => {
    expect(canTakeBookings(input(amt().open("Mon-Fri", "08:00-16:00", { clerks: 3 }), []))).toBe(false);
  });

  it("no, with services but no clerk planned", () => {
    expect(canTakeBookings(input(amt()))).toBe(false);
  });

  it("only once the capacity lies inside the booking horizon", () => {
    const fromMay = amt().open("Mon", "08:00-12:00", { from: "2027-05-03" });
    expect(canTakeBookings(input(fromMay))).toBe(false);
    expect(canTakeBookings(input(fromMay.rules({ bookingHorizonDays: 90 })))).toBe(true);
  });

  it("no, when the only block's validity has ended", () => {
    expect(canTakeBookings(input(amt().open("Mon", "08:00-12:00", { until: "2027-02-28" })))).toBe(false);
  });

  it("counts closures: a closed day has no capacity, a partly closed one what is left of it", () => {
    // One week ahead: the only Monday is today.
    const week = () => amt().rules({ bookingHorizonDays: 6 }).open("Mon", "08:00-12:00");
    expect(canTakeBookings(input(week()))).toBe(true);
    expect(canTakeBookings(input(week().closed("2027-03-01")))).toBe(false);
    // 15 minutes left are too short for a 30-minute appointment; 30 minutes are enough.
    expect(canTakeBookings(input(week().closed("2027-03-01", "08:00-11:45")))).toBe(false);
    expect(canTakeBookings(input(week().closed("2027-03-01", "08:00-11:30")))).toBe(true);
  });

  it("counts overrides: one date with clerks opens an office without weekly hours, zero clerks close that date", () => {
    expect(canTakeBookings(input(amt().override("2027-03-10", "09:00-10:00")))).toBe(true);
    const week = amt().rules({ bookingHorizonDays: 6 }).open("Mon", "08:00-12:00");
    expect(canTakeBookings(input(week.override("2027-03-01", "08:00-12:00", { clerks: 0 })))).toBe(false);
  });

  it("no, when the clerks serve only a service that is not active", () => {
    const pickUpOnly = amt().open("Mon-Fri", "08:00-12:00", { services: ["abholung"] });
    expect(canTakeBookings(input(pickUpOnly, [BERATUNG]))).toBe(false);
    expect(canTakeBookings(input(pickUpOnly, [BERATUNG, ABHOLUNG]))).toBe(true);
  });

  it("no, when the opening is shorter than any active service takes", () => {
    expect(canTakeBookings(input(amt().open("Mon-Fri", "08:00-08:20")))).toBe(false);
    expect(canTakeBookings(input(amt().open("Mon-Fri", "08:00-08:20"), [BERATUNG, ABHOLUNG]))).toBe(true);
  });

  it("looks from now and the notice on: hours already over today do not count", () => {
    const todayOnly = () => amt().rules({ bookingHorizonDays: 0 }).open("Mon", "08:00-12:00");
    expect(canTakeBookings(input(todayOnly().now("2027-03-01 11:00")))).toBe(true);
    expect(canTakeBookings(input(todayOnly().now("2027-03-01 11:00").rules({ minNoticeMinutes: 90 })))).toBe(false);
    expect(canTakeBookings(input(todayOnly().now("2027-03-01 12:30")))).toBe(false);
    // A week ahead, next Monday is there.
    expect(canTakeBookings(input(todayOnly().now("2027-03-01 12:30").rules({ bookingHorizonDays: 7 })))).toBe(true);
  });

  it("counts public holidays: Easter Monday is closed unless the office opens it", () => {
    const easter = () => amt().holidaysOf("DE-RP").now("2027-03-29 07:00").rules({ bookingHorizonDays: 0 }).open("Mon", "08:00-12:00");
    expect(canTakeBookings(input(easter()))).toBe(false);
    expect(canTakeBookings(input(easter().opensOnHoliday("2027-03-29")))).toBe(true);
  });

  it("counts the horizon in the office's days across the change to summer time", () => {
    // Saturday 27 March 2027, 23:30 in Berlin (22:30 UTC); a horizon of one day ends with Sunday 28 March.
    const lateSaturday = () => amt().now("2027-03-27 23:30").rules({ bookingHorizonDays: 1 });
    expect(canTakeBookings(input(lateSaturday().open("Sun", "08:00-09:00")))).toBe(true);
    expect(canTakeBookings(input(lateSaturday().open("Mon", "08:00-09:00")))).toBe(false);
    // 02:00-03:00 does not exist that Sunday: no capacity, and the next Sunday is beyond the horizon.
    expect(canTakeBookings(input(lateSaturday().open("Sun", "02:00-03:00")))).toBe(false);
  });
});

describe("the administration's checklist", () => {
  it("is complete for a staffed office with legal texts and its own sender", () => {
    expect(readinessChecklist({ ...input(amt().open("Mon", "08:00-12:00")), ...COMPLETE })).toEqual({
      service: true,
      capacity: true,
      legal: true,
      sender: true,
      bookable: true,
    });
  });

  it("a new office: no service, no capacity, not bookable", () => {
    expect(readinessChecklist({ ...input(amt(), []), ...COMPLETE })).toMatchObject({
      service: false,
      capacity: false,
      bookable: false,
    });
  });

  it("clerks planned before the first service count as capacity, but the office is not bookable yet", () => {
    expect(readinessChecklist({ ...input(amt().open("Mon", "08:00-12:00"), []), ...COMPLETE })).toMatchObject({
      service: false,
      capacity: true,
      bookable: false,
    });
  });

  it("capacity only for an inactive service is missing capacity", () => {
    const pickUpOnly = amt().open("Mon", "08:00-12:00", { services: ["abholung"] });
    expect(readinessChecklist({ ...input(pickUpOnly), ...COMPLETE })).toMatchObject({ service: true, capacity: false, bookable: false });
  });

  it("legal texts and sender are checked but do not hide a bookable office", () => {
    const result = readinessChecklist({
      ...input(amt().open("Mon", "08:00-12:00")),
      legalTexts: { imprint: true, privacy: false, accessibility: true },
      mail: { senderName: "  ", replyTo: "buergerbuero@teststadt.example" },
    });
    expect(result).toEqual({ service: true, capacity: true, legal: false, sender: false, bookable: true });
    expect(
      readinessChecklist({ ...input(amt().open("Mon", "08:00-12:00")), ...COMPLETE, mail: { senderName: "Bürgerbüro", replyTo: null } })
        .sender,
    ).toBe(false);
    expect(readinessChecklist({ ...input(amt().open("Mon", "08:00-12:00")), ...COMPLETE, legalTexts: { imprint: true, privacy: true, accessibility: false } }).legal).toBe(false);
  });
});
