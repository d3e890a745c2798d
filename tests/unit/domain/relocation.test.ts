import { type BookingToRelocate, planRelocations, zonedInstant } from "@/lib/domain";
import { BERLIN, minutes, office, type Scenario } from "../../helpers/scenario";

// Moving appointments that a capacity change displaced: each goes to the first time from its old start on that the
// booking rule accepts on the changed schedule, in the order of the old times, and the times given away count for
// the ones after it. Clock pinned; one case crosses the October DST change.

const MONDAY = "2026-03-02";
const TUESDAY = "2026-03-03";

function displaced(
  s: Scenario,
  id: string,
  date: string,
  time: string,
  opts: { service?: string; persons?: number; made?: number } = {},
): BookingToRelocate {
  const input = s.input({ service: opts.service });
  return {
    id,
    service: input.service,
    persons: opts.persons ?? 1,
    start: zonedInstant(date, minutes(time), s.timeZone),
    createdAt: opts.made ?? 0,
  };
}

function plan(s: Scenario, bookings: BookingToRelocate[]): Record<string, string | null> {
  const { service: _service, persons: _persons, ...base } = s.input();
  const result = planRelocations(base, bookings);
  return Object.fromEntries([...result].map(([id, slot]) => [id, slot ? s.label(slot.start) : null]));
}

describe("planning new times for displaced appointments", () => {
  it("moves each to the next free time from its old start, in order, never onto a time given to another", () => {
    // One clerk 08:00-12:00; the 09:00-10:00 hour is closed; 10:00 is booked by someone else.
    const s = office()
      .open("Mon-Fri", "08:00-12:00", { clerks: 1 })
      .closed(MONDAY, "09:00-10:00")
      .booked(MONDAY, "10:00-10:30")
      .service("standard", 30)
      .now(`${MONDAY} 07:00`);
    const moved = plan(s, [
      displaced(s, "b", MONDAY, "09:30"),
      displaced(s, "a", MONDAY, "09:00"),
      displaced(s, "c", MONDAY, "09:30", { made: 1 }),
    ]);
    // 08:00 and 08:30 are free but earlier than planned: nobody is asked to come sooner.
    expect(moved).toEqual({ a: `${MONDAY} 10:30`, b: `${MONDAY} 11:00`, c: `${MONDAY} 11:30` });
  });

  it("goes on to the next days, and leaves a booking without a time when the horizon is full", () => {
    const s = office()
      .open("Mon-Tue", "08:00-09:00", { clerks: 1 })
      .closed(MONDAY)
      .booked(TUESDAY, "08:00-08:30")
      .rules({ bookingHorizonDays: 1 })
      .service("standard", 30)
      .now(`${MONDAY} 07:00`);
    expect(plan(s, [displaced(s, "a", MONDAY, "08:00"), displaced(s, "b", MONDAY, "08:30")])).toEqual({
      a: `${TUESDAY} 08:30`,
      b: null,
    });
  });

  it("respects the party size, the service's clerks and the minimum notice", () => {
    const s = office()
      .open("Mon", "08:00-12:00", { clerks: 1, services: ["pass"] })
      .open("Mon", "08:00-12:00", { clerks: 1, services: ["kfz"] })
      .closed(MONDAY, "08:00-09:00")
      .service("pass", 30, { extraPersonMinutes: 15, maxPersons: 3 })
      .service("kfz", 30)
      .booked(MONDAY, "10:00-10:30", "pass")
      .rules({ minNoticeMinutes: 150 })
      .now(`${MONDAY} 07:00`);
    // Two people need 45 minutes: 09:30 is earliest by the notice, but 10:00 is taken, so 10:30 (the pass clerk).
    // The car registration has its own clerk and takes 09:30.
    const family = displaced(s, "family", MONDAY, "08:00", { service: "pass", persons: 2 });
    const car = displaced(s, "car", MONDAY, "08:00", { service: "kfz" });
    expect(plan(s, [family, car])).toEqual({ family: `${MONDAY} 10:30`, car: `${MONDAY} 09:30` });
  });

  it("finds the next free morning across the October DST change at its wall-clock time", () => {
    const s = office(BERLIN)
      .open("Mon-Fri", "08:00-09:00", { clerks: 1 })
      .closed("2026-10-23")
      .service("standard", 60)
      .now("2026-10-22 12:00");
    const friday = displaced(s, "a", "2026-10-23", "08:00");
    const { service: _service, persons: _persons, ...base } = s.input();
    const slot = planRelocations(base, [friday]).get("a");
    // Monday after the change: 08:00 in Berlin is 07:00 UTC (it was 06:00 UTC the Friday before).
    expect(slot?.start.toISOString()).toBe("2026-10-26T07:00:00.000Z");
    expect(s.label(slot!.start)).toBe("2026-10-26 08:00");
  });
});
