import {
  combinedDayStatus,
  compareLocations,
  earliestSlot,
  kindsAtAnyLocation,
  mergeSlots,
  mergeWeek,
  preferredKind,
  servicesForEntries,
} from "@/lib/domain/any-location";
import type { DayStatus } from "@/lib/domain";
import { BERLIN, office } from "../../helpers/scenario";

// "Earliest at any location" merges what each office's own booking rule found: given Bürgerbüro Mitte, Nord and
// Süd in Berlin (and one in London), the earliest time wins, a tie goes to the office first by name, and each day
// lists every office with its own reason.

const berlin = office(BERLIN);
const at = (when: string) => berlin.instant(when);
const slot = (when: string, minutes = 30) => ({ start: new Date(at(when)), end: new Date(at(when) + minutes * 60_000) });

const mitte = { slug: "mitte", name: "Bürgerbüro Mitte", timeZone: BERLIN };
const nord = { slug: "nord", name: "Bürgerbüro Nord", timeZone: BERLIN };
const sued = { slug: "sued", name: "Bürgerbüro Süd", timeZone: BERLIN };
const london = { slug: "london", name: "Außenstelle London", timeZone: "Europe/London" };

describe("the next free time across locations", () => {
  it("is the earliest of the offices' own next free times", () => {
    expect(
      earliestSlot([
        { location: mitte, slot: slot("2027-03-02 10:00") },
        { location: nord, slot: slot("2027-03-01 14:30") },
        { location: sued, slot: null },
      ]),
    ).toEqual({ ...slot("2027-03-01 14:30"), office: "nord" });
  });

  it("goes to the office first by name when two start at the same instant, whatever order they were found in", () => {
    const tie = [
      { location: sued, slot: slot("2027-03-01 09:00") },
      { location: nord, slot: slot("2027-03-01 09:00") },
      { location: mitte, slot: slot("2027-03-01 09:00", 45) },
    ];
    expect(earliestSlot(tie)?.office).toBe("mitte");
    expect(earliestSlot([...tie].reverse())?.office).toBe("mitte");
  });

  it("compares instants, not wall-clock times, across time zones", () => {
    // 09:30 in London is 10:30 in Berlin: Berlin's 10:00 comes first.
    const londonSlot = { start: new Date("2027-03-01T09:30:00Z"), end: new Date("2027-03-01T10:00:00Z") };
    expect(earliestSlot([{ location: london, slot: londonSlot }, { location: mitte, slot: slot("2027-03-01 10:00") }])?.office).toBe("mitte");
  });

  it("is none when no office has a free time", () => {
    expect(earliestSlot([{ location: mitte, slot: null }])).toBeNull();
    expect(earliestSlot([])).toBeNull();
  });

  it("orders locations by name in German, then by slug", () => {
    const names = [sued, nord, london, mitte].sort(compareLocations).map((l) => l.slug);
    expect(names).toEqual(["london", "mitte", "nord", "sued"]);
    expect(compareLocations({ name: "Amt", slug: "b" }, { name: "Amt", slug: "a" })).toBeGreaterThan(0);
  });
});

describe("the merged list of free times", () => {
  it("is sorted by start, and by office name at the same start", () => {
    const merged = mergeSlots([
      { location: nord, slots: [slot("2027-03-01 09:00"), slot("2027-03-01 11:00")] },
      { location: mitte, slots: [slot("2027-03-01 09:00"), slot("2027-03-01 10:00")] },
    ]);
    expect(merged.map((s) => [s.office, s.start.getTime()])).toEqual([
      ["mitte", at("2027-03-01 09:00")],
      ["nord", at("2027-03-01 09:00")],
      ["mitte", at("2027-03-01 10:00")],
      ["nord", at("2027-03-01 11:00")],
    ]);
  });
});

describe("a day across locations", () => {
  const free: DayStatus = { kind: "free" };
  const closed: DayStatus = { kind: "closed" };
  const full: DayStatus = { kind: "fullyBooked" };

  it("is free when any office has a free time", () => {
    expect(combinedDayStatus([closed, full, free])).toEqual(free);
  });

  it("keeps the reason every office shares, e.g. a public holiday or the weekend", () => {
    const holiday: DayStatus = { kind: "holiday", holiday: { date: "2027-05-01", name: "Tag der Arbeit" } };
    expect(combinedDayStatus([holiday, holiday])).toEqual(holiday);
    expect(combinedDayStatus([closed, closed])).toEqual(closed);
  });

  it("has no single reason when the offices' reasons differ", () => {
    expect(combinedDayStatus([closed, full])).toEqual({ kind: "noFreeTime" });
  });

  it("lists every office in location order with its own status and that day's times in its own time zone", () => {
    const days = mergeWeek(
      ["2027-03-01", "2027-03-02"],
      [
        {
          location: mitte,
          days: [
            { date: "2027-03-01", status: free },
            { date: "2027-03-02", status: full },
          ],
          slots: [slot("2027-03-01 09:00"), slot("2027-03-01 23:30")],
        },
        {
          location: london,
          days: [
            { date: "2027-03-01", status: free },
            { date: "2027-03-02", status: closed },
          ],
          // 23:30 in Berlin on 1 March is 22:30 on 1 March in London: still that office's 1 March.
          slots: [{ start: new Date(at("2027-03-01 23:30")), end: new Date(at("2027-03-02 00:00")) }],
        },
      ],
    );
    expect(days.map((d) => d.status.kind)).toEqual(["free", "noFreeTime"]);
    expect(days[0].locations.map((l) => [l.office, l.slots.length])).toEqual([
      ["mitte", 2],
      ["london", 1],
    ]);
    expect(days[1].locations.map((l) => [l.office, l.status.kind, l.slots.length])).toEqual([
      ["mitte", "fullyBooked", 0],
      ["london", "closed", 0],
    ]);
  });
});

describe("a combination across locations", () => {
  // Mitte offers the identity card and the passport, Nord the identity card only.
  const mitteServices = new Map([
    ["ausweis", "mitte-ausweis"],
    ["pass", "mitte-pass"],
  ]);
  const nordServices = new Map([["ausweis", "nord-ausweis"]]);

  it("finds each location's own services for the entries asked for, in their order, or none if one is missing", () => {
    expect(servicesForEntries(mitteServices, ["pass", "ausweis"])).toEqual(["mitte-pass", "mitte-ausweis"]);
    expect(servicesForEntries(nordServices, ["ausweis", "pass"])).toBeNull();
    expect(servicesForEntries(nordServices, [])).toEqual([]);
  });

  it("offers each kind that at least one location takes the combination in, in the usual order", () => {
    expect(kindsAtAnyLocation([["VIDEO"], null, ["IN_PERSON", "PHONE"]])).toEqual(["IN_PERSON", "PHONE", "VIDEO"]);
    expect(kindsAtAnyLocation([null, ["PHONE"]])).toEqual(["PHONE"]);
    expect(kindsAtAnyLocation([null, []])).toEqual([]);
  });

  it("keeps the kind asked for where offered, else in person, else the first offered", () => {
    expect(preferredKind(["IN_PERSON", "VIDEO"], "VIDEO")).toBe("VIDEO");
    expect(preferredKind(["IN_PERSON", "VIDEO"])).toBe("IN_PERSON");
    expect(preferredKind(["PHONE", "VIDEO"], "IN_PERSON")).toBe("PHONE");
    expect(preferredKind([])).toBeNull();
  });
});
