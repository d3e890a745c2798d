jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));

import { GET as exportEvaluation } from "@/app/(staff)/staff/(signed-in)/auswertung/export/route";
import type { Actor } from "@/lib/server/auth/permissions";
import { aggregateStatistics } from "@/lib/server/services/evaluation/aggregate-statistics";
import { parseEvaluationQuery } from "@/lib/server/services/evaluation/query";
import { readEvaluation } from "@/lib/server/services/evaluation/read-evaluation";
import { erasePersonalData } from "@/lib/server/services/privacy/erase-personal-data";
import { createManageToken } from "@/lib/server/security/tokens";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { signIn } from "../helpers/integration/session";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// The queue's figures on both databases: given a Monday of tickets with known times, the evaluation shows the
// hand-computed walk-ins, waits, serving times and on-time share; the tickets are deleted once the day is past the
// retention period, and the figures stay, through later runs of the statistics job too.

const MONDAY = "2027-03-01";
const NOW = at("2027-03-03", "07:00");
const PERIOD = { stelle: "testamt", von: MONDAY, bis: "2027-03-02" };
const DAY_MS = 86_400_000;

function pinClock(now: Date) {
  jest.useFakeTimers({
    now,
    doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
  });
}

describeEachDatabase("the queue's figures", (ctx) => {
  const admin: Actor = { id: "admin", role: "ADMIN", officeIds: [] };
  let officeId: string;
  let beratung: string;
  let abholung: string;

  async function ticket(t: {
    service: string;
    series: "T" | "W";
    number: number;
    arrived: string;
    due?: string;
    called?: string;
    finished?: string;
    status: "WAITING" | "CALLED" | "SERVED" | "NO_SHOW" | "CANCELLED";
  }) {
    let bookingId: string | null = null;
    if (t.due) {
      const startsAt = at(MONDAY, t.due);
      const booking = await ctx.db.booking.create({
        data: {
          officeId,
          serviceId: t.service,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          status: t.status === "SERVED" ? "SERVED" : t.status === "NO_SHOW" ? "NO_SHOW" : "ARRIVED",
          channel: "ONLINE",
          createdAt: at("2027-02-20", "12:00"),
          arrivedAt: at(MONDAY, t.arrived),
          servedAt: t.status === "SERVED" && t.finished ? at(MONDAY, t.finished) : null,
          referenceCode: `TV-QUEUE-${t.number}`,
          manageTokenHash: createManageToken().hash,
          ...person(t.number),
        },
      });
      bookingId = booking.id;
    }
    await ctx.db.ticket.create({
      data: {
        officeId,
        serviceId: t.service,
        date: MONDAY,
        kind: t.series === "T" ? "APPOINTMENT" : "WALK_IN",
        series: t.series,
        number: t.number,
        bookingId,
        status: t.status,
        dueAt: t.due ? at(MONDAY, t.due) : null,
        arrivedAt: at(MONDAY, t.arrived),
        firstCalledAt: t.called ? at(MONDAY, t.called) : null,
        calledAt: t.called ? at(MONDAY, t.called) : null,
        callCount: t.called ? 1 : 0,
        finishedAt: t.finished ? at(MONDAY, t.finished) : null,
      },
    });
  }

  eachTestOnEmptyDatabase(ctx, async () => {
    const a = await createOfficeFixture(ctx.db, {
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "abholung", durationMinutes: 10 },
      ],
    });
    officeId = a.office.id;
    [beratung, abholung] = a.services.map((s) => s.id);
    await ctx.db.office.update({ where: { id: officeId }, data: { callToleranceMinutes: 10 } });
    // Appointments: called 5 minutes after their time (on time), 15 after (late), and one no-show called at 10:10.
    await ticket({ service: beratung, series: "T", number: 1, due: "09:00", arrived: "08:50", called: "09:05", finished: "09:25", status: "SERVED" });
    await ticket({ service: beratung, series: "T", number: 2, due: "09:30", arrived: "09:28", called: "09:45", finished: "09:55", status: "SERVED" });
    await ticket({ service: beratung, series: "T", number: 3, due: "10:00", arrived: "09:55", called: "10:10", finished: "10:12", status: "NO_SHOW" });
    // Walk-ins for the pick-up: waits 20 and 40, served in 4 and 8; one at the counter; one cancelled.
    await ticket({ service: abholung, series: "W", number: 1, arrived: "08:10", called: "08:30", finished: "08:34", status: "SERVED" });
    await ticket({ service: abholung, series: "W", number: 2, arrived: "08:20", called: "09:00", finished: "09:08", status: "SERVED" });
    await ticket({ service: abholung, series: "W", number: 3, arrived: "10:00", called: "10:30", status: "CALLED" });
    await ticket({ service: abholung, series: "W", number: 4, arrived: "10:05", status: "CANCELLED" });
    await aggregateStatistics(ctx.db, { now: NOW });
  });

  afterEach(() => jest.useRealTimers());

  const figures = async () => (await readEvaluation(ctx.db, admin, parseEvaluationQuery(PERIOD, "2027-03-03"), NOW)).current.queue;

  function expectHandComputed(q: Awaited<ReturnType<typeof figures>>) {
    expect(q).toMatchObject({ walkIns: 3, walkInsServed: 2, appointments: 3, served: 4, noShow: 1 });
    // Waits 15, 17, 15, 20, 40, 30: median (17+20)/2, 90th percentile the 6th of 6.
    expect(q.wait).toMatchObject({ count: 6, median: 18.5, p90: 40 });
    // Serving 20, 10, 4, 8 (the no-show's 2 minutes are no serving time).
    expect(q.serve).toMatchObject({ count: 4, median: 9, mean: 10.5 });
    expect(q.onTime).toEqual({ called: 3, onTime: 2, share: 2 / 3 });
    expect(q.byService.map((s) => [s.serviceId, s.walkIns, s.appointments, s.serve.median])).toEqual([
      [beratung, 0, 3, 15],
      [abholung, 3, 0, 6],
    ]);
  }

  it("shows walk-ins, the wait from check-in to call, serving times and the share called on time", async () => {
    expectHandComputed(await figures());
  });

  it("deletes the tickets once their day is past the retention period, and keeps the figures", async () => {
    // 30 days of retention: the bookings are erased 30 days after their end, the Monday's tickets only once the
    // whole day is 30 days past.
    const justBefore = new Date(at("2027-03-02", "00:00").getTime() + 30 * DAY_MS - 60_000);
    expect(await erasePersonalData(ctx.db, { now: justBefore })).toMatchObject({ expired: 3, tickets: 0 });
    expect(await ctx.db.ticket.count()).toBe(7);

    const after = new Date(at("2027-03-02", "00:00").getTime() + 30 * DAY_MS + 60_000);
    // The statistics job never ran for the day since: the erasure writes its rows before deleting.
    await ctx.db.dailyQueueStats.deleteMany();
    expect(await erasePersonalData(ctx.db, { now: after })).toMatchObject({ expired: 0, tickets: 7 });
    expect(await ctx.db.ticket.count()).toBe(0);
    expect(await ctx.db.queueDay.count({ where: { date: MONDAY } })).toBe(0);
    expectHandComputed(await figures());

    // A later run of the job over the day (from an old date on) leaves the day without tickets alone.
    await aggregateStatistics(ctx.db, { now: after, from: "2027-02-01" });
    expectHandComputed(await figures());
  });

  it("moves a forwarded ticket's figures to its new service, and removes the row nothing stands for", async () => {
    await ctx.db.ticket.updateMany({ where: { series: "W" }, data: { serviceId: beratung } });
    await aggregateStatistics(ctx.db, { now: NOW });
    const rows = await ctx.db.dailyQueueStats.findMany({ orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.serviceId === beratung ? "beratung" : "abholung", r.kind, r.tickets])).toEqual([
      ["beratung", "APPOINTMENT", 3],
      ["beratung", "WALK_IN", 3],
    ]);
  });

  it("exports the queue's rows per day and service, and its figures with the totals", async () => {
    signIn(admin);
    pinClock(NOW);
    const url = (extra: Record<string, string>) => `http://localhost/staff/auswertung/export?${new URLSearchParams({ ...PERIOD, ...extra })}`;
    const rows = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await (await exportEvaluation(new Request(url({ format: "csv", teil: "warteschlange" })))).arrayBuffer(),
    );
    const lines = rows.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Zeitraum;Datum;Stelle;Leistung;Art;Wartemarken;erledigt;nicht erschienen;Wartezeit Anzahl;Wartezeit Summe (Minuten);" +
        "Wartezeit Median (Minuten);Wartezeit 90. Perzentil (Minuten);Bearbeitungszeit Anzahl;Bearbeitungszeit Summe (Minuten);" +
        "Bearbeitungszeit Median (Minuten);pünktlich aufgerufen",
    );
    expect(lines.slice(1).sort()).toEqual(
      [
        "2027-03-01 bis 2027-03-02;2027-03-01;Amt testamt;Leistung abholung;ohne Termin;3;2;0;3;90;30;40;2;12;6;",
        "2027-03-01 bis 2027-03-02;2027-03-01;Amt testamt;Leistung beratung;Termin;3;2;1;3;47;15;17;2;30;15;2",
      ].sort(),
    );
    const totals = await (await exportEvaluation(new Request(url({ format: "csv", teil: "kennzahlen" })))).text();
    expect(totals).toContain("Wartemarken ohne Termin (Spontanbesuche);3\r\n");
    expect(totals).toContain("Wartezeit Check-in bis Aufruf Median (Minuten);18,5\r\n");
    expect(totals).toContain("Wartezeit Check-in bis Aufruf 90. Perzentil (Minuten);40\r\n");
    expect(totals).toContain("Termine pünktlich aufgerufen (Anteil);0,6667\r\n");
    expect(totals).toContain("Bearbeitungszeit Median (Minuten): Leistung abholung;6\r\n");
    const json = await (await exportEvaluation(new Request(url({ format: "json" })))).json();
    expectHandComputed({ ...json.current.queue, byService: json.current.queue.byService });
    expect(json.current.queue.days).toHaveLength(2);
    expect(JSON.stringify(json)).not.toMatch(/Amira|example\.org|TV-QUEUE/);
  });
});
