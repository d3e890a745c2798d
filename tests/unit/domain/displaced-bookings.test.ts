import { type DisplaceableBooking, type OfficeSchedule, displacedBookings, zonedInstant } from "@/lib/domain";

// Which bookings a proposed schedule leaves without a clerk. Pure: the schedule, the bookings and now go in.

const TZ = "Europe/Berlin";
const DATE = "2027-03-08"; // a Monday
const t = (hhmm: string, date = DATE) => zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const NOW = t("07:00", "2027-03-01");

let created = 0;
function booking(id: string, start: string, end: string, serviceId = "s1", date = DATE): DisplaceableBooking {
  return { id, serviceId, start: t(start, date), end: t(end, date), createdAt: ++created };
}

function schedule(blocks: Array<[string, string, number, string[]?]>, extra: Partial<OfficeSchedule> = {}): OfficeSchedule {
  return {
    timeZone: TZ,
    weeklyBlocks: blocks.map(([start, end, clerks, serviceIds]) => ({
      weekday: 1,
      startMinute: Number(start.slice(0, 2)) * 60 + Number(start.slice(3)),
      endMinute: Number(end.slice(0, 2)) * 60 + Number(end.slice(3)),
      clerks,
      serviceIds,
    })),
    dateOverrides: [],
    closures: [],
    ...extra,
  };
}

describe("displaced bookings", () => {
  it("none while the bookings fit", () => {
    const bookings = [booking("a", "09:00", "09:30"), booking("b", "09:00", "09:30")];
    expect(displacedBookings(schedule([["08:00", "12:00", 2]]), bookings, [DATE], NOW)).toEqual([]);
  });

  it("the later-made of two parallel bookings when one clerk is left", () => {
    const bookings = [booking("first", "09:00", "09:30"), booking("second", "09:00", "09:30")];
    expect(displacedBookings(schedule([["08:00", "12:00", 1]]), bookings, [DATE], NOW)).toEqual(["second"]);
  });

  it("only as many as needed where intervals chain (a minimal set, not every booking at the busy instant)", () => {
    // One clerk: a 09:00-10:00 and b 09:30-10:30 overlap, c 10:00-11:00 overlaps only b.
    const bookings = [booking("a", "09:00", "10:00"), booking("b", "09:30", "10:30"), booking("c", "10:00", "11:00")];
    expect(displacedBookings(schedule([["08:00", "12:00", 1]]), bookings, [DATE], NOW)).toEqual(["b"]);
  });

  it("bookings outside the new hours", () => {
    const bookings = [booking("early", "08:00", "08:30"), booking("late", "11:30", "12:00"), booking("inside", "09:00", "09:30")];
    expect(displacedBookings(schedule([["09:00", "11:30", 3]]), bookings, [DATE], NOW).sort()).toEqual(["early", "late"]);
  });

  it("a booking that runs past the end of the hours", () => {
    expect(displacedBookings(schedule([["08:00", "09:15", 1]]), [booking("a", "09:00", "09:30")], [DATE], NOW)).toEqual(["a"]);
  });

  it("respects clerks who serve only some services", () => {
    // One clerk for everything, one only for pick-ups: two pick-ups fit, two consultations do not.
    const s = schedule([
      ["08:00", "12:00", 1],
      ["08:00", "12:00", 1, ["pickup"]],
    ]);
    expect(displacedBookings(s, [booking("p1", "09:00", "09:30", "pickup"), booking("p2", "09:00", "09:30", "pickup")], [DATE], NOW)).toEqual([]);
    expect(displacedBookings(s, [booking("c1", "09:00", "09:30", "consult"), booking("c2", "09:00", "09:30", "consult")], [DATE], NOW)).toEqual(["c2"]);
  });

  it("everything on a closed day; a partial closure only what it covers", () => {
    const bookings = [booking("a", "09:00", "09:30"), booking("b", "10:30", "11:00")];
    const whole = schedule([["08:00", "12:00", 2]], { closures: [{ date: DATE }] });
    expect(displacedBookings(whole, bookings, [DATE], NOW).sort()).toEqual(["a", "b"]);
    const partial = schedule([["08:00", "12:00", 2]], { closures: [{ date: DATE, startMinute: 600, endMinute: 660 }] });
    expect(displacedBookings(partial, bookings, [DATE], NOW)).toEqual(["b"]);
  });

  it("an override replaces the weekly hours of its date", () => {
    const s = schedule([["08:00", "12:00", 2]], { dateOverrides: [{ date: DATE, startMinute: 840, endMinute: 960, clerks: 1 }] });
    expect(displacedBookings(s, [booking("morning", "09:00", "09:30"), booking("afternoon", "14:00", "14:30")], [DATE], NOW)).toEqual(["morning"]);
  });

  it("never displaces an appointment already running; it still takes its clerk", () => {
    const running = booking("running", "09:00", "10:00");
    const next = booking("next", "09:30", "10:00");
    next.createdAt = 0; // made earlier, but the running one is here now
    const now = t("09:10");
    expect(displacedBookings(schedule([["08:00", "12:00", 1]]), [running, next], [DATE], now)).toEqual(["next"]);
  });

  it("keeps wall-clock hours on the day clocks go forward", () => {
    const sunday = "2027-03-28";
    const s: OfficeSchedule = { timeZone: TZ, weeklyBlocks: [{ weekday: 7, startMinute: 60, endMinute: 240, clerks: 1 }], dateOverrides: [], closures: [] };
    // 01:00-04:00 local is only two real hours; a booking 03:00-04:00 fits, one 01:30-03:30 spans the gap and fits too.
    expect(displacedBookings(s, [booking("a", "03:00", "04:00", "s1", sunday)], [sunday], NOW)).toEqual([]);
    expect(displacedBookings(s, [booking("a", "03:00", "04:00", "s1", sunday), booking("b", "03:30", "04:00", "s1", sunday)], [sunday], NOW)).toEqual(["b"]);
  });
});
