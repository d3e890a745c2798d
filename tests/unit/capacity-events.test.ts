import { calendarEntries } from "@/components/staff/capacity/events";
import type { CapacityPlan } from "@/components/staff/capacity/plan";

// What the week calendar shows, computed from the page's data: the weekly plan expanded to the displayed dates,
// as booking reads it (validity honoured, a date's overrides replace its weekly blocks).

function plan(overrides: Partial<CapacityPlan> = {}): CapacityPlan {
  return {
    office: { id: "o", slug: "amt", name: "Amt", timeZone: "Europe/Berlin" },
    today: "2027-03-01",
    horizonEnd: "2027-04-30",
    services: [{ id: "s1", name: "Abholung", active: true }],
    blocks: [
      { id: "mon", weekday: 1, startMinute: 480, endMinute: 720, clerks: 2, serviceIds: [], validFrom: null, validUntil: null },
      { id: "tue-later", weekday: 2, startMinute: 540, endMinute: 600, clerks: 1, serviceIds: ["s1"], validFrom: "2027-03-10", validUntil: null },
      { id: "sun-late", weekday: 7, startMinute: 1200, endMinute: 1440, clerks: 1, serviceIds: [], validFrom: null, validUntil: "2027-03-07" },
    ],
    closures: [],
    overrides: [],
    holidayRegionName: "Rheinland-Pfalz",
    holidays: [],
    can: { manageHolidays: true },
    ...overrides,
  };
}

describe("calendar entries", () => {
  it("expand each weekly block on its weekday within its validity, as wall-clock times", () => {
    const week1 = calendarEntries(plan(), "2027-03-01", "2027-03-08");
    expect(week1.map((e) => [e.id, e.start, e.end])).toEqual([
      ["weekly:mon:2027-03-01", "2027-03-01T08:00:00", "2027-03-01T12:00:00"],
      // Until midnight: the end is the next day's 00:00.
      ["weekly:sun-late:2027-03-07", "2027-03-07T20:00:00", "2027-03-08T00:00:00"],
    ]);
    // Valid from Wednesday 10 March: not yet on Tuesday the 9th, from the 16th on.
    const week2 = calendarEntries(plan(), "2027-03-08", "2027-03-15");
    expect(week2.map((e) => e.id)).toEqual(["weekly:mon:2027-03-08"]);
    const week3 = calendarEntries(plan(), "2027-03-15", "2027-03-22");
    expect(week3.map((e) => e.id)).toEqual(["weekly:mon:2027-03-15", "weekly:tue-later:2027-03-16"]);
    expect(week3[1]).toMatchObject({ kind: "weekly", recordId: "tue-later", clerks: 1, serviceIds: ["s1"] });
  });

  it("show a date's overrides instead of its weekly blocks", () => {
    const p = plan({ overrides: [{ id: "ov", date: "2027-03-08", startMinute: 840, endMinute: 960, clerks: 3, serviceIds: [], note: "Aktionstag" }] });
    const entries = calendarEntries(p, "2027-03-08", "2027-03-09");
    expect(entries).toEqual([
      expect.objectContaining({ id: "override:ov", kind: "override", start: "2027-03-08T14:00:00", end: "2027-03-08T16:00:00", clerks: 3, text: "Aktionstag" }),
    ]);
  });

  it("show closures (whole day in the all-day row), holidays closed by default and holidays opened", () => {
    const p = plan({
      closures: [
        { id: "c1", date: "2027-03-01", startMinute: null, endMinute: null, reason: "Personalversammlung" },
        { id: "c2", date: "2027-03-08", startMinute: 600, endMinute: 660, reason: "Teambesprechung" },
      ],
      holidays: [
        { date: "2027-03-26", name: "Karfreitag", open: false },
        { date: "2027-03-29", name: "Ostermontag", open: true },
      ],
    });
    const byId = new Map(calendarEntries(p, "2027-03-01", "2027-04-01").map((e) => [e.id, e]));
    expect(byId.get("closure:c1")).toMatchObject({ kind: "closure", allDay: true, start: "2027-03-01", end: "2027-03-02" });
    // The weekly block stays (it is the plan) but is marked as not in force that day.
    expect(byId.get("weekly:mon:2027-03-01")).toMatchObject({ closedThatDay: true });
    expect(byId.get("weekly:mon:2027-03-08")).toMatchObject({ closedThatDay: false });
    expect(byId.get("closure:c2")).toMatchObject({ kind: "closure", allDay: false, start: "2027-03-08T10:00:00", end: "2027-03-08T11:00:00" });
    expect(byId.get("holiday:2027-03-26")).toMatchObject({ kind: "holiday", allDay: true, recordId: null, text: "Karfreitag" });
    expect(byId.get("holiday:2027-03-29")).toMatchObject({ kind: "openHoliday", allDay: true, recordId: null, text: "Ostermontag" });
    // Easter Monday is opened: its weekly block is in force; a closed holiday has none (Good Friday has no block).
    expect(byId.get("weekly:mon:2027-03-29")).toMatchObject({ closedThatDay: false });
  });

  it("grey out the weekly blocks of a holiday that stays closed", () => {
    const p = plan({ holidays: [{ date: "2027-03-29", name: "Ostermontag", open: false }] });
    const byId = new Map(calendarEntries(p, "2027-03-29", "2027-03-30").map((e) => [e.id, e]));
    expect(byId.get("weekly:mon:2027-03-29")).toMatchObject({ closedThatDay: true });
    expect(byId.get("holiday:2027-03-29")).toMatchObject({ kind: "holiday", text: "Ostermontag" });
  });
});
