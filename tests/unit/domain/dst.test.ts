import { capacityForDate } from "@/lib/domain";
import { BERLIN, office, realMinutes } from "@/tests/helpers/scenario";

// Europe/Berlin: summer time starts 29 March 2026 and 28 March 2027 at 02:00 CET (01:00 UTC, clocks jump to 03:00);
// it ends 25 October 2026 and 31 October 2027 at 03:00 CEST (01:00 UTC, clocks go back to 02:00).

const isoStarts = (slots: { start: Date }[]) => slots.map((s) => s.start.toISOString());

/** Given an office open on Sundays 01:00-04:00 with one clerk, and open on Mondays as usual. */
const nightOffice = () =>
  office(BERLIN)
    .open("Sun", "01:00-04:00", { clerks: 1 })
    .open("Mon", "08:00-12:00", { clerks: 1 })
    .service("pass", 30)
    .service("long", 60)
    .rules({ bookingHorizonDays: 800 })
    .now("2026-03-01 09:00");

describe("spring forward, 29 March 2026", () => {
  it("offers a 01:00-04:00 block as the two real hours it has", () => {
    const o = nightOffice();
    const slots = o.slots("2026-03-29");
    expect(isoStarts(slots)).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
    expect(o.slotTimes("2026-03-29")).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    expect(slots.every((s) => realMinutes(s) === 30)).toBe(true);
    // The Sundays around it keep three hours.
    expect(o.slotTimes("2026-03-22")).toEqual(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(o.slotTimes("2026-04-05")).toEqual(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
  });

  it("measures appointments in real minutes across the jump", () => {
    const o = nightOffice();
    const slots = o.slots("2026-03-29", "2026-03-29", { service: "long" });
    expect(o.slotTimes("2026-03-29", { service: "long" })).toEqual(["01:00", "01:30", "03:00"]);
    // 01:30 CET plus 60 real minutes is 03:30 CEST.
    expect(slots[1].end.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(slots.every((s) => realMinutes(s) === 60)).toBe(true);
  });

  it("starts a block whose wall-clock start falls into the gap at 03:30", () => {
    const o = office().override("2026-03-29", "02:30-04:00", { clerks: 1 }).now("2026-03-01 09:00");
    expect(isoStarts(o.slots("2026-03-29"))).toEqual(["2026-03-29T01:30:00.000Z"]);
    expect(o.slotTimes("2026-03-29")).toEqual(["03:30"]);
  });

  it("shifts a block inside the gap forward, and drops one that would end before its shifted start", () => {
    const shifted = office().override("2026-03-29", "02:00-02:45", { clerks: 1 }).now("2026-03-01 09:00");
    expect(shifted.slotTimes("2026-03-29")).toEqual(["03:00"]);
    expect(isoStarts(shifted.slots("2026-03-29"))).toEqual(["2026-03-29T01:00:00.000Z"]);

    const inverted = office().override("2026-03-29", "02:30-03:15", { clerks: 1 }).now("2026-03-01 09:00");
    expect(capacityForDate(inverted.input().schedule, "2026-03-29")).toEqual([]);
  });

  it("lets a booking across the jump block exactly the slots it overlaps", () => {
    // 01:30 CET to 03:30 CEST: one real hour.
    const o = nightOffice().bookedInstants("2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "pass");
    expect(o.slotTimes("2026-03-29")).toEqual(["01:00", "03:30"]);
    expect(o.check("2026-03-29T01:00:00Z")).toBe("full");
  });

  it("moves Monday 08:00 from 07:00 UTC to 06:00 UTC", () => {
    const o = nightOffice();
    expect(o.slots("2026-03-23")[0].start.toISOString()).toBe("2026-03-23T07:00:00.000Z");
    expect(o.slots("2026-03-30")[0].start.toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(o.check("2026-03-30T07:00:00Z")).toBe("ok");
    expect(o.check("2026-03-30T06:00:00Z")).toBe("ok");
    expect(o.check("2026-03-30T05:30:00Z")).toBe("not-offered");
  });

  it("knows that today is already the DST Sunday at 00:30 local time", () => {
    // 23:30 UTC on Saturday is 00:30 CET on Sunday; with a zero-day horizon only Sunday is bookable.
    const o = nightOffice().now("2026-03-28T23:30:00Z").rules({ bookingHorizonDays: 0 });
    expect(o.next()).toBe("2026-03-29 01:00");
    expect(o.check("2026-03-30 08:00")).toBe("beyond-horizon");
  });
});

describe("fall back, 25 October 2026", () => {
  it("offers a 01:00-04:00 block as four real hours, with 02:00 and 02:30 twice", () => {
    const o = nightOffice();
    const slots = o.slots("2026-10-25");
    expect(isoStarts(slots)).toEqual([
      "2026-10-24T23:00:00.000Z",
      "2026-10-24T23:30:00.000Z",
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:00:00.000Z",
      "2026-10-25T02:30:00.000Z",
    ]);
    expect(o.slotTimes("2026-10-25")).toEqual(["01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(slots.every((s) => realMinutes(s) === 30)).toBe(true);
  });

  it("starts a block at the ambiguous 02:00 on its first, summer-time occurrence", () => {
    const o = office().override("2026-10-25", "02:00-03:00", { clerks: 1 }).now("2026-10-01 09:00");
    expect(isoStarts(o.slots("2026-10-25"))).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
  });

  it("tells the two 02:00s apart when one of them is booked", () => {
    // The second 02:00 (CET) is booked; the first (CEST) stays free.
    const o = nightOffice().bookedInstants("2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", "pass");
    expect(o.check("2026-10-25T00:00:00Z")).toBe("ok");
    expect(o.check("2026-10-25T01:00:00Z")).toBe("full");
    expect(o.slots("2026-10-25")).toHaveLength(7);
  });

  it("moves Monday 08:00 from 06:00 UTC to 07:00 UTC", () => {
    const o = nightOffice();
    expect(o.slots("2026-10-19")[0].start.toISOString()).toBe("2026-10-19T06:00:00.000Z");
    expect(o.slots("2026-10-26")[0].start.toISOString()).toBe("2026-10-26T07:00:00.000Z");
  });
});

describe("the 2027 changes", () => {
  it("has two real hours on 28 March 2027 and four on 31 October 2027", () => {
    const o = nightOffice();
    expect(isoStarts(o.slots("2027-03-28"))).toEqual([
      "2027-03-28T00:00:00.000Z",
      "2027-03-28T00:30:00.000Z",
      "2027-03-28T01:00:00.000Z",
      "2027-03-28T01:30:00.000Z",
    ]);
    expect(o.slotTimes("2027-10-31")).toEqual(["01:00", "01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(o.slots("2027-10-31")[0].start.toISOString()).toBe("2027-10-30T23:00:00.000Z");
  });

  it("finds the next free slot across the change", () => {
    const o = nightOffice().now("2027-03-28 01:10");
    expect(o.next()).toBe("2027-03-28 01:30");
    expect(o.now("2027-03-28 03:40").next()).toBe("2027-03-29 08:00");
  });
});
