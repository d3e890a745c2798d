import { zonedInstant } from "@/lib/domain";
import {
  aggregateTickets,
  calledOnTime,
  histogramPercentile,
  queueSeries,
  summarizeQueue,
  type StatisticsTicket,
} from "@/lib/domain/statistics";
import { BERLIN } from "@/tests/helpers/scenario";

// Given a day of tickets with known times, the queue's daily rows and the period figures equal values counted by hand.

const MONDAY = "2026-03-02";
const TUESDAY = "2026-03-03";

const at = (date: string, hhmm: string) =>
  new Date(zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), BERLIN));

function ticket(t: Partial<StatisticsTicket> & { arrived: string; called?: string; finished?: string; due?: string }): StatisticsTicket {
  const date = t.date ?? MONDAY;
  return {
    serviceId: t.serviceId ?? "A",
    date,
    kind: t.kind ?? (t.due ? "APPOINTMENT" : "WALK_IN"),
    status: t.status ?? (t.finished ? "SERVED" : t.called ? "CALLED" : "WAITING"),
    dueAt: t.due ? at(date, t.due) : null,
    arrivedAt: at(date, t.arrived),
    firstCalledAt: t.called ? at(date, t.called) : null,
    finishedAt: t.finished ? at(date, t.finished) : null,
  };
}

const TOLERANCE = 10;

const monday: StatisticsTicket[] = [
  // Appointment at 09:00, checked in 08:50, called 09:05 (on time), served by 09:25.
  ticket({ due: "09:00", arrived: "08:50", called: "09:05", finished: "09:25" }),
  // Appointment at 09:30, checked in 09:28, called 09:45: 15 minutes late, beyond the tolerance of 10.
  ticket({ due: "09:30", arrived: "09:28", called: "09:45", finished: "09:55" }),
  // Appointment at 10:00, called at 10:10 exactly: the tolerance's last minute counts as on time; did not come.
  ticket({ due: "10:00", arrived: "09:55", called: "10:10", status: "NO_SHOW", finished: "10:12" }),
  // Walk-ins: one waited 20 minutes and was served in 6; one waited 3, still at the counter; one still waiting.
  ticket({ arrived: "09:00", called: "09:20", finished: "09:26" }),
  ticket({ arrived: "09:40", called: "09:43" }),
  ticket({ arrived: "10:30" }),
  // A walk-in of service B issued by mistake and cancelled: counts nowhere.
  ticket({ serviceId: "B", arrived: "10:00", status: "CANCELLED" }),
  // Service B walk-in: waited 45 minutes, served in 12.
  ticket({ serviceId: "B", arrived: "08:15", called: "09:00", finished: "09:12" }),
];

describe("the queue's daily rows", () => {
  const rows = aggregateTickets(monday, TOLERANCE);

  it("counts tickets, outcomes, waits and serving times per service, day and kind", () => {
    expect(rows.map((r) => [r.serviceId, r.kind, r.tickets, r.served, r.noShow])).toEqual([
      ["A", "APPOINTMENT", 3, 2, 1],
      ["A", "WALK_IN", 3, 1, 0],
      ["B", "WALK_IN", 1, 1, 0],
    ]);
    const appointments = rows[0];
    // Waits 15, 17, 15; serving 20 and 10 (the no-show's minutes at the counter are no serving time).
    expect(appointments).toMatchObject({ waitCount: 3, waitSum: 47, waitHistogram: { 15: 2, 17: 1 } });
    expect(appointments).toMatchObject({ serveCount: 2, serveSum: 30, serveHistogram: { 20: 1, 10: 1 } });
    expect(appointments.onTimeCalled).toBe(2);
    // Walk-ins: waits 20 and 3 (the one still waiting has none yet), one served in 6; walk-ins are never "on time".
    expect(rows[1]).toMatchObject({ waitCount: 2, waitSum: 23, serveCount: 1, serveSum: 6, onTimeCalled: 0 });
  });

  it("never counts a negative wait when clocks disagree", () => {
    const [row] = aggregateTickets([ticket({ arrived: "09:10", called: "09:08", finished: "09:20" })], TOLERANCE);
    expect(row.waitHistogram).toEqual({ 0: 1 });
  });

  it("calls an appointment on time up to the tolerance's end and not a minute later", () => {
    expect(calledOnTime(at(MONDAY, "09:00"), at(MONDAY, "09:10"), 10)).toBe(true);
    expect(calledOnTime(at(MONDAY, "09:00"), at(MONDAY, "09:11"), 10)).toBe(false);
    expect(calledOnTime(at(MONDAY, "09:00"), at(MONDAY, "08:40"), 0)).toBe(true);
  });
});

describe("the queue's figures of a period", () => {
  const tuesday = aggregateTickets(
    [
      ticket({ date: TUESDAY, arrived: "08:00", called: "09:30", finished: "09:40" }),
      ticket({ date: TUESDAY, due: "11:00", arrived: "10:59", called: "11:30", finished: "11:45" }),
    ],
    TOLERANCE,
  );
  const rows = [...aggregateTickets(monday, TOLERANCE), ...tuesday];

  it("gives walk-ins, median and 90th percentile of the wait, serving time and the share called on time", () => {
    const s = summarizeQueue({ from: MONDAY, to: TUESDAY, rows });
    expect(s).toMatchObject({ walkIns: 5, walkInsServed: 3, appointments: 4, served: 6, noShow: 1 });
    // Waits: 15, 17, 15, 20, 3, 45, 90, 31 -> sorted 3 15 15 17 20 31 45 90: median (17+20)/2, p90 the 8th value.
    expect(s.wait).toMatchObject({ count: 8, median: 18.5, p90: 90, buckets: [1, 2, 2, 2, 1] });
    expect(s.walkInWait).toMatchObject({ count: 4, median: 32.5, p90: 90 });
    expect(s.appointmentWait).toMatchObject({ count: 4, median: 16, p90: 31 });
    // Serving: 20, 10, 6, 12, 10, 15.
    expect(s.serve).toMatchObject({ count: 6, mean: 73 / 6, median: 11, p90: 20 });
    expect(s.onTime).toEqual({ called: 4, onTime: 2, share: 0.5 });
    expect(s.byService.map((b) => [b.serviceId, b.walkIns, b.appointments, b.served, b.serve.median])).toEqual([
      ["A", 4, 4, 5, 10],
      ["B", 1, 0, 1, 12],
    ]);
  });

  it("leaves out the days outside the period and has no figure without data", () => {
    const s = summarizeQueue({ from: TUESDAY, to: TUESDAY, rows });
    expect(s).toMatchObject({ walkIns: 1, appointments: 1, onTime: { called: 1, onTime: 0, share: 0 } });
    const none = summarizeQueue({ from: "2026-04-01", to: "2026-04-30", rows });
    expect(none).toMatchObject({ walkIns: 0, wait: { count: 0, median: null, p90: null }, onTime: { share: null } });
  });

  it("lists every day of the period, empty ones as 0, or weeks from Monday", () => {
    const days = queueSeries({ from: MONDAY, to: "2026-03-04", rows }, [MONDAY, TUESDAY, "2026-03-04"], "day");
    expect(days).toEqual([
      { start: MONDAY, walkIns: 4, walkInsByService: { A: 3, B: 1 }, appointments: 3, waitMedian: 16, waitP90: 45 },
      { start: TUESDAY, walkIns: 1, walkInsByService: { A: 1 }, appointments: 1, waitMedian: 60.5, waitP90: 90 },
      { start: "2026-03-04", walkIns: 0, walkInsByService: {}, appointments: 0, waitMedian: null, waitP90: null },
    ]);
    const weeks = queueSeries({ from: MONDAY, to: TUESDAY, rows }, [MONDAY, TUESDAY], "week");
    expect(weeks).toEqual([{ start: MONDAY, walkIns: 5, walkInsByService: { A: 4, B: 1 }, appointments: 4, waitMedian: 18.5, waitP90: 90 }]);
  });
});

describe("percentiles of a histogram", () => {
  it("picks the nearest rank: a value that occurred", () => {
    const h = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1 };
    expect(histogramPercentile(h, 0.9)).toBe(9);
    expect(histogramPercentile(h, 0.5)).toBe(5);
    expect(histogramPercentile(h, 1)).toBe(10);
    expect(histogramPercentile({ 7: 3 }, 0.9)).toBe(7);
    expect(histogramPercentile({}, 0.9)).toBeNull();
  });
});
