import { type CalendarEntry, calendarEntries } from "@/components/staff/capacity/events";
import type { CapacityPlan } from "@/components/staff/capacity/plan";
import { type CapacityPool, capacityAt, capacityForDate } from "@/lib/domain/capacity";
import { publicHolidays } from "@/lib/domain/holidays";
import { addDays, datesBetween, localMinuteOf, zonedInstant } from "@/lib/domain/time";
import type { OfficeSchedule, Weekday } from "@/lib/domain/types";
import { formatTime } from "@/lib/schemas/capacity";

// What the week calendar shows, computed from the page's data: the weekly plan expanded to the displayed dates,
// as booking reads it (validity honoured, a date's overrides replace its weekly blocks, closures as the slot
// engine applies them).

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

describe("a closure with one open bound", () => {
  it("shows the hours the slot engine closes: from its start to midnight, or from midnight to its end", () => {
    const p = plan({
      closures: [
        { id: "from", date: "2027-03-01", startMinute: 600, endMinute: null, reason: "Umzug" },
        { id: "until", date: "2027-03-08", startMinute: null, endMinute: 540, reason: "Schulung" },
        { id: "all", date: "2027-03-15", startMinute: 0, endMinute: null, reason: "Betriebsausflug" },
      ],
    });
    const byId = new Map(calendarEntries(p, "2027-03-01", "2027-03-16").map((e) => [e.id, e]));
    expect(byId.get("closure:from")).toMatchObject({ allDay: false, start: "2027-03-01T10:00:00", end: "2027-03-02T00:00:00" });
    expect(byId.get("closure:until")).toMatchObject({ allDay: false, start: "2027-03-08T00:00:00", end: "2027-03-08T09:00:00" });
    // The weekly blocks of those days are still in force outside the closed hours.
    expect(byId.get("weekly:mon:2027-03-01")).toMatchObject({ closedThatDay: false });
    expect(byId.get("weekly:mon:2027-03-08")).toMatchObject({ closedThatDay: false });
    // From midnight with no end is the whole day.
    expect(byId.get("closure:all")).toMatchObject({ allDay: true, start: "2027-03-15", end: "2027-03-16" });
    expect(byId.get("weekly:mon:2027-03-15")).toMatchObject({ closedThatDay: true });
  });
});

const REGION = "DE-RP";

/**
 * Given a plan that uses every rule: blocks with validity and service restrictions, overlapping blocks, an override,
 * closures with and without bounds, a closed and an opened public holiday, and blocks across the DST changes.
 */
function fullPlan(from: string, until: string, openHolidays: string[]): CapacityPlan {
  const block = (id: string, weekday: number, startMinute: number, endMinute: number, extra: Partial<CapacityPlan["blocks"][number]> = {}) => ({
    id,
    weekday,
    startMinute,
    endMinute,
    clerks: 1,
    serviceIds: [] as string[],
    validFrom: null as string | null,
    validUntil: null as string | null,
    ...extra,
  });
  const closure = (id: string, date: string, startMinute: number | null, endMinute: number | null) => ({ id, date, startMinute, endMinute, reason: id });
  return plan({
    blocks: [
      block("mon", 1, 480, 720, { clerks: 2 }),
      block("tue", 2, 480, 960),
      block("tue-s1", 2, 540, 660, { serviceIds: ["s1"] }),
      block("wed", 3, 480, 960, { clerks: 2 }),
      block("wed-later", 3, 780, 960, { validFrom: "2027-03-31" }),
      block("thu", 4, 480, 1080),
      block("thu-s1", 4, 600, 840, { clerks: 2, serviceIds: ["s1"] }),
      block("fri", 5, 480, 720),
      block("sat", 6, 540, 780),
      // 01:00-04:00 has two real hours in spring and four in autumn; 02:30-03:15 does not exist in spring.
      block("sun-night", 7, 60, 240),
      block("sun-gap", 7, 150, 195, { clerks: 3 }),
      block("sun-late", 7, 1200, 1440, { validUntil: "2027-03-28" }),
    ],
    overrides: [
      { id: "sat-spring", date: "2027-03-27", startMinute: 600, endMinute: 660, clerks: 3, serviceIds: ["s1"], note: null },
      { id: "sat-autumn", date: "2027-10-30", startMinute: 0, endMinute: 1440, clerks: 1, serviceIds: [], note: null },
    ],
    closures: [
      closure("tue-from-10", "2027-03-23", 600, null),
      closure("wed-until-14", "2027-03-24", null, 840),
      closure("thu-noon", "2027-03-25", 720, 780),
      closure("mon-until-9", "2027-03-29", null, 540),
      closure("tue-all", "2027-10-26", null, null),
      closure("wed-from-midnight", "2027-10-27", 0, null),
      closure("thu-until-noon", "2027-10-28", null, 720),
    ],
    holidays: publicHolidays(REGION, from, addDays(until, -1)).map((h) => ({ ...h, open: openHolidays.includes(h.date) })),
  });
}

/** The schedule the slot engine reads for the same rows. */
function scheduleOf(p: CapacityPlan): OfficeSchedule {
  return {
    timeZone: p.office.timeZone,
    weeklyBlocks: p.blocks.map((b) => ({ ...b, weekday: b.weekday as Weekday })),
    dateOverrides: p.overrides,
    closures: p.closures,
    holidayRegion: REGION,
    openHolidays: p.holidays.filter((h) => h.open).map((h) => h.date),
  };
}

/** Pools as comparable text, "services:clerks" with "*" for every service, merging pools that serve the same. */
function describePools(pools: CapacityPool[]): string[] {
  const clerks = new Map<string, number>();
  for (const pool of pools) {
    const key = pool.serviceIds && pool.serviceIds.length > 0 ? [...pool.serviceIds].sort().join("+") : "*";
    clerks.set(key, (clerks.get(key) ?? 0) + pool.clerks);
  }
  return [...clerks].map(([key, n]) => `${key}:${n}`).sort();
}

/** What the calendar shows on duty at an instant: its timed blocks and overrides there, unless something closes it. */
function shownAt(entries: CalendarEntry[], instant: number, timeZone: string): string[] {
  const at = (floating: string) => zonedInstant(floating.slice(0, 10), Number(floating.slice(11, 13)) * 60 + Number(floating.slice(14, 16)), timeZone);
  const covers = (e: CalendarEntry) => !e.allDay && at(e.start) <= instant && instant < at(e.end);
  if (entries.some((e) => e.allDay && (e.kind === "closure" || e.kind === "holiday"))) return [];
  if (entries.some((e) => e.kind === "closure" && covers(e))) return [];
  const onDuty = entries.filter((e) => (e.kind === "weekly" || e.kind === "override") && !e.closedThatDay && covers(e));
  return describePools(onDuty.map((e) => ({ clerks: e.clerks!, serviceIds: e.serviceIds! })));
}

describe("the calendar and the slot engine", () => {
  it.each([
    // Summer time starts on Sunday 28 March 2027; Good Friday is closed, Easter Monday opened.
    ["spring", "2027-03-22", "2027-03-30", ["2027-03-29"], "2027-03-28"],
    // Summer time ends on Sunday 31 October 2027; All Saints' Day (1 November) stays closed.
    ["autumn", "2027-10-25", "2027-11-02", [], "2027-10-31"],
  ])("show the same clerks at every quarter hour of a week with the %s DST change", (_, from, until, opened, dstDay) => {
    const p = fullPlan(from, until, opened);
    const schedule = scheduleOf(p);
    const entries = calendarEntries(p, from, until);
    const mismatches: string[] = [];
    let open = 0;
    for (const date of datesBetween(from, addDays(until, -1))) {
      const ofDate = entries.filter((e) => e.date === date);
      const segments = capacityForDate(schedule, date);
      for (let t = zonedInstant(date, 0, p.office.timeZone); t < zonedInstant(date, 1440, p.office.timeZone); t += 15 * 60_000) {
        const shown = shownAt(ofDate, t, p.office.timeZone);
        const booked = describePools(capacityAt(segments, t));
        if (booked.length > 0) open++;
        if (shown.join() !== booked.join()) {
          mismatches.push(`${date} ${formatTime(localMinuteOf(t, p.office.timeZone))}: calendar ${shown.join() || "closed"}, booking ${booked.join() || "closed"}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Not vacuous: the week has open hours, and the DST night block has its real length (2 or 4 hours).
    expect(open).toBeGreaterThan(100);
    const night = capacityForDate(schedule, dstDay).filter((s) => s.start < zonedInstant(dstDay, 300, p.office.timeZone));
    expect((night[night.length - 1].end - night[0].start) / 3_600_000).toBe(dstDay === "2027-03-28" ? 2 : 4);
  });
});
