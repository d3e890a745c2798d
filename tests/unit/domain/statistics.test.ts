import { zonedInstant, type OfficeSchedule } from "@/lib/domain";
import {
  aggregateBookings,
  cancelLeadBucket,
  comparePeriods,
  histogramMedian,
  offeredClerkMinutes,
  periodSeries,
  splitMinutes,
  previousPeriod,
  quickPeriod,
  summarizePeriod,
  type StatisticsBooking,
  type SummaryInput,
} from "@/lib/domain/statistics";
import { BERLIN } from "@/tests/helpers/scenario";

// Given an office with known bookings, the daily rows and the period figures equal values computed by hand.

const at = (date: string, hhmm: string) =>
  new Date(zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), BERLIN));

function booking(b: Partial<StatisticsBooking> & { date: string; from: string; to: string; madeOn: string }): StatisticsBooking {
  return {
    serviceId: b.serviceId ?? "A",
    channel: b.channel ?? "ONLINE",
    status: b.status ?? "CONFIRMED",
    startsAt: at(b.date, b.from),
    endsAt: at(b.date, b.to),
    createdAt: at(b.madeOn, "12:00"),
    cancelledAt: b.cancelledAt ?? null,
    arrivedAt: b.arrivedAt ?? null,
    servedAt: b.servedAt ?? null,
  };
}

const MONDAY = "2026-03-02";

/** Monday 2 March 2026: five bookings of two services over three channels. */
const mondayBookings: StatisticsBooking[] = [
  // Made 7 days ahead; came 5 minutes early, served 25 minutes after arriving.
  booking({ date: MONDAY, from: "09:00", to: "09:30", madeOn: "2026-02-23", status: "SERVED", arrivedAt: at(MONDAY, "08:55"), servedAt: at(MONDAY, "09:20") }),
  // Made the day before; came 10 minutes late, not yet served.
  booking({ date: MONDAY, from: "09:30", to: "10:00", madeOn: "2026-03-01", status: "ARRIVED", arrivedAt: at(MONDAY, "09:40") }),
  // By phone 3 days ahead; did not come.
  booking({ date: MONDAY, from: "10:00", to: "10:30", madeOn: "2026-02-27", channel: "PHONE", status: "NO_SHOW" }),
  // Service B, 10 days ahead, cancelled exactly 24 hours before.
  booking({ date: MONDAY, from: "10:00", to: "10:20", madeOn: "2026-02-20", serviceId: "B", status: "CANCELLED", cancelledAt: at("2026-03-01", "10:00") }),
  // Service B at the counter on the day itself; nothing recorded.
  booking({ date: MONDAY, from: "11:00", to: "11:20", madeOn: MONDAY, serviceId: "B", channel: "COUNTER" }),
];

/** Monday 08:00-12:00 with two clerks for everything, 09:00-10:00 one more for service B only: 540 clerk-minutes. */
const schedule: OfficeSchedule = {
  timeZone: BERLIN,
  weeklyBlocks: [
    { weekday: 1, startMinute: 480, endMinute: 720, clerks: 2 },
    { weekday: 1, startMinute: 540, endMinute: 600, clerks: 1, serviceIds: ["B"] },
  ],
  dateOverrides: [],
  closures: [],
};

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    from: MONDAY,
    to: MONDAY,
    today: "2026-03-03",
    rows: aggregateBookings(mondayBookings, BERLIN),
    capacity: [{ date: MONDAY, offeredMinutes: offeredClerkMinutes(schedule, MONDAY) }],
    samples: [],
    serviceFiltered: false,
    ...overrides,
  };
}

describe("daily rows", () => {
  it("count, sum and bucket the bookings of a day per service and channel", () => {
    const rows = aggregateBookings(mondayBookings, BERLIN);
    expect(rows.map((r) => `${r.serviceId}|${r.channel}`)).toEqual(["A|ONLINE", "A|PHONE", "B|COUNTER", "B|ONLINE"]);
    const [aOnline, aPhone, bCounter, bOnline] = rows;
    expect(aOnline).toMatchObject({
      date: MONDAY,
      booked: 2,
      cancelled: 0,
      arrived: 1,
      served: 1,
      noShow: 0,
      bookedMinutes: 60,
      leadDaysSum: 8,
      leadDaysHistogram: { "1": 1, "7": 1 },
      punctualityCount: 2,
      punctualitySum: 5,
      punctualityHistogram: { "-5": 1, "10": 1 },
      durationCount: 1,
      durationSum: 25,
      durationHistogram: { "25": 1 },
    });
    expect(aPhone).toMatchObject({ booked: 1, noShow: 1, bookedMinutes: 30, leadDaysSum: 3, punctualityCount: 0 });
    expect(bCounter).toMatchObject({ booked: 1, bookedMinutes: 20, leadDaysSum: 0, leadDaysHistogram: { "0": 1 } });
    // A cancelled appointment holds no clerk time; its cancellation came 24 h ahead: bucket 1 (24-48 h).
    expect(bOnline).toMatchObject({ booked: 1, cancelled: 1, bookedMinutes: 0, leadDaysSum: 10, cancelLeadHistogram: { "1": 1 } });
  });

  it("counts an appointment on the local date of its start, also just after midnight", () => {
    const late = booking({ date: "2026-03-03", from: "00:10", to: "00:40", madeOn: MONDAY });
    expect(aggregateBookings([late], BERLIN)[0].date).toBe("2026-03-03");
  });

  it("buckets cancellation leads at 24 h, 48 h, 7 and 14 days; late cancellations fall into the first", () => {
    const start = at(MONDAY, "10:00");
    const before = (hours: number) => new Date(start.getTime() - hours * 3_600_000);
    expect([before(-1), before(0), before(23.9), before(24), before(47.9), before(48), before(167), before(168), before(336), before(1000)].map((c) => cancelLeadBucket(start, c))).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 4, 4,
    ]);
  });
});

describe("an appointment for several services", () => {
  const combined = (b: Partial<StatisticsBooking>) =>
    ({ ...booking({ date: MONDAY, from: "09:00", to: "09:50", madeOn: "2026-02-23", ...b }), extraServiceIds: ["B"] }) as StatisticsBooking;
  const byService = (rows: ReturnType<typeof aggregateBookings>) => Object.fromEntries(rows.map((r) => [r.serviceId, r]));

  it("counts as booked for each service, with its clerk-minutes split by the services' durations, counted once", () => {
    const served = combined({ status: "SERVED", arrivedAt: at(MONDAY, "08:58"), servedAt: at(MONDAY, "09:45") });
    const rows = byService(aggregateBookings([served], BERLIN, new Map([["A", 30], ["B", 20]])));
    expect(rows.A).toMatchObject({ booked: 1, served: 1, bookedMinutes: 30, leadDaysSum: 7, punctualityCount: 1, durationCount: 1 });
    expect(rows.B).toMatchObject({ booked: 1, served: 1, bookedMinutes: 20, leadDaysSum: 7, punctualityCount: 0, durationCount: 0 });

    const summary = summarizePeriod(input({ rows: Object.values(rows), capacity: [{ date: MONDAY, offeredMinutes: 100 }] }));
    expect(summary.bookedMinutes).toBe(50);
    expect(summary.utilisation).toBe(0.5);
    expect(summary.byService.map((s) => [s.serviceId, s.booked])).toEqual([["A", 1], ["B", 1]]);
    expect(summary.punctuality.count).toBe(1);
  });

  it("splits the minutes equally without known durations, and counts a cancellation for each service", () => {
    expect(byService(aggregateBookings([combined({})], BERLIN)).B.bookedMinutes).toBe(25);
    const cancelled = byService(aggregateBookings([combined({ status: "CANCELLED", cancelledAt: at(MONDAY, "07:00") })], BERLIN));
    expect([cancelled.A.cancelled, cancelled.B.cancelled, cancelled.A.bookedMinutes + cancelled.B.bookedMinutes]).toEqual([1, 1, 0]);
  });

  it("never loses or invents a minute when splitting", () => {
    for (const [total, weights] of [[50, [1, 1, 1]], [7, [30, 20, 10]], [1, [5, 5]], [0, [3]], [100, [0, 0]]] as const) {
      const parts = splitMinutes(total, weights);
      expect(parts.reduce((n, p) => n + p, 0)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    }
    expect(splitMinutes(50, [1, 1, 1])).toEqual([17, 17, 16]);
  });
});

describe("offered clerk-minutes", () => {
  it("add up every block's clerks times its length", () => {
    expect(offeredClerkMinutes(schedule, MONDAY)).toBe(540);
    expect(offeredClerkMinutes(schedule, "2026-03-03")).toBe(0);
  });

  it("subtract closures and follow date overrides", () => {
    const closed = { ...schedule, closures: [{ date: MONDAY, startMinute: 660, endMinute: 720 }] };
    expect(offeredClerkMinutes(closed, MONDAY)).toBe(540 - 2 * 60);
    const override = { ...schedule, dateOverrides: [{ date: MONDAY, startMinute: 600, endMinute: 660, clerks: 3 }] };
    expect(offeredClerkMinutes(override, MONDAY)).toBe(180);
    expect(offeredClerkMinutes({ ...schedule, closures: [{ date: MONDAY }] }, MONDAY)).toBe(0);
  });

  it("count the real length of the DST days: 23 hours on 29 March, 25 hours on 25 October 2026", () => {
    const allDaySunday: OfficeSchedule = {
      timeZone: BERLIN,
      weeklyBlocks: [
        { weekday: 7, startMinute: 0, endMinute: 1440, clerks: 1 },
        { weekday: 7, startMinute: 60, endMinute: 240, clerks: 2 },
      ],
      dateOverrides: [],
      closures: [],
    };
    // A normal Sunday: 24 h with one clerk plus 01:00-04:00 with two more.
    expect(offeredClerkMinutes(allDaySunday, "2026-03-22")).toBe(1440 + 2 * 180);
    // 01:00-04:00 lasts two real hours when the clocks jump from 02:00 to 03:00.
    expect(offeredClerkMinutes(allDaySunday, "2026-03-29")).toBe(1380 + 2 * 120);
    // ... and four real hours when 02:00-03:00 happens twice.
    expect(offeredClerkMinutes(allDaySunday, "2026-10-25")).toBe(1500 + 2 * 240);
  });
});

describe("period figures", () => {
  it("equal the hand-computed utilisation, rates, lead time and punctuality", () => {
    const s = summarizePeriod(input());
    expect(s).toMatchObject({
      booked: 5,
      cancelled: 1,
      appointments: 4,
      noShow: 1,
      arrived: 1,
      served: 1,
      settledAppointments: 4,
      settledNoShows: 1,
      unrecorded: 1,
      bookedMinutes: 30 + 30 + 30 + 20,
      offeredMinutes: 540,
      byChannel: { ONLINE: 3, API: 0, PHONE: 1, COUNTER: 1 },
      cancelLead: [0, 1, 0, 0, 0],
    });
    expect(s.utilisation).toBeCloseTo(110 / 540, 12);
    expect(s.cancellationRate).toBe(0.2);
    expect(s.noShowRate).toBe(0.25);
    // Lead days 7, 1, 3, 10, 0: mean 4.2, median 3.
    expect(s.leadDays).toEqual({ count: 5, mean: 4.2, median: 3 });
    // Arrivals -5 and +10 minutes: mean and median 2.5; buckets "up to 10 early" and "6 to 15 late".
    expect(s.punctuality).toEqual({ count: 2, mean: 2.5, median: 2.5, buckets: [0, 1, 0, 1, 0] });
    expect(s.duration).toEqual({ count: 1, mean: 25, median: 25 });
    expect(s.byService).toEqual([
      { serviceId: "A", booked: 3, cancelled: 0, noShow: 1, bookedMinutes: 90 },
      { serviceId: "B", booked: 2, cancelled: 1, noShow: 0, bookedMinutes: 20 },
    ]);
  });

  it("leave the no-show rate open while the day is not over, and utilisation open for a single service", () => {
    const today = summarizePeriod(input({ today: MONDAY }));
    expect(today.noShowRate).toBeNull();
    expect(today.settledAppointments).toBe(0);
    expect(summarizePeriod(input({ serviceFiltered: true })).utilisation).toBeNull();
  });

  it("combine days exactly: the median of a period is the median of all its bookings, not of daily medians", () => {
    const bookings = [
      booking({ date: "2026-03-02", from: "09:00", to: "09:30", madeOn: "2026-03-02" }),
      booking({ date: "2026-03-02", from: "09:30", to: "10:00", madeOn: "2026-03-01" }),
      booking({ date: "2026-03-03", from: "09:00", to: "09:30", madeOn: "2026-02-21" }),
    ];
    const s = summarizePeriod(input({ to: "2026-03-03", today: "2026-03-04", rows: aggregateBookings(bookings, BERLIN), capacity: [] }));
    expect(s.leadDays).toEqual({ count: 3, mean: 11 / 3, median: 1 });
    expect(s.utilisation).toBeNull();
  });

  it("average the next-free-slot samples, count days without a free slot, and report the latest", () => {
    const samples = [
      { serviceId: "A", date: "2026-03-01", days: 3 },
      { serviceId: "B", date: "2026-03-01", days: null },
      { serviceId: "A", date: "2026-03-02", days: 5 },
      { serviceId: "B", date: "2026-03-02", days: 8 },
      { serviceId: "A", date: "2026-03-05", days: 1 },
    ];
    const s = summarizePeriod(input({ from: "2026-03-01", to: "2026-03-02", samples }));
    expect(s.nextFreeSlot).toEqual({ samples: 4, mean: 16 / 3, none: 1, latest: { date: "2026-03-02", days: 6.5 } });
  });

  it("series list every day (or week) of the period, with utilisation per point", () => {
    const days = periodSeries(input({ from: "2026-03-01", to: "2026-03-03" }), ["2026-03-01", "2026-03-02", "2026-03-03"], "day");
    expect(days.map((d) => [d.start, d.booked, d.bookedMinutes, d.offeredMinutes])).toEqual([
      ["2026-03-01", 0, 0, 0],
      ["2026-03-02", 5, 110, 540],
      ["2026-03-03", 0, 0, 0],
    ]);
    expect(days[0].utilisation).toBeNull();
    const weeks = periodSeries(input({ from: "2026-03-01", to: "2026-03-03" }), ["2026-03-01", "2026-03-02", "2026-03-03"], "week");
    expect(weeks.map((w) => [w.start, w.booked])).toEqual([
      ["2026-02-23", 0],
      ["2026-03-02", 5],
    ]);
  });

  it("compare two periods figure by figure", () => {
    const after = summarizePeriod(input());
    const before = summarizePeriod(input({ rows: aggregateBookings(mondayBookings.slice(0, 2), BERLIN) }));
    const byFigure = Object.fromEntries(comparePeriods(after, before).map((c) => [c.figure, c]));
    expect(byFigure.booked).toEqual({ figure: "booked", current: 5, previous: 2, delta: 3 });
    expect(byFigure.cancellationRate.delta).toBeCloseTo(0.2, 12);
    expect(byFigure.noShowRate).toEqual({ figure: "noShowRate", current: 0.25, previous: 0, delta: 0.25 });
    expect(byFigure.durationMedian.delta).toBe(0);
    expect(byFigure.nextFreeSlotMean).toEqual({ figure: "nextFreeSlotMean", current: null, previous: null, delta: null });
  });
});

describe("periods", () => {
  it("the previous period has the same length and ends the day before", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-28" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-03-29", to: "2026-03-29" })).toEqual({ from: "2026-03-28", to: "2026-03-28" });
  });

  it("quick choices are relative to today", () => {
    expect(quickPeriod("last4Weeks", "2026-11-24")).toEqual({ from: "2026-10-27", to: "2026-11-23" });
    expect(quickPeriod("lastQuarter", "2026-11-24")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(quickPeriod("lastQuarter", "2026-02-10")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(quickPeriod("next4Weeks", "2026-11-24")).toEqual({ from: "2026-11-24", to: "2026-12-21" });
  });

  it("histogram medians are exact", () => {
    expect(histogramMedian({})).toBeNull();
    expect(histogramMedian({ "2": 3, "9": 1 })).toBe(2);
    expect(histogramMedian({ "-4": 1, "6": 1 })).toBe(1);
  });
});
