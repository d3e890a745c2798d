jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));

import { GET as exportEvaluation } from "@/app/(staff)/staff/(signed-in)/auswertung/export/route";
import type { Actor } from "@/lib/server/auth/permissions";
import { AppError } from "@/lib/server/errors";
import { PERSONAL_BOOKING_FIELDS } from "@/lib/domain/erasure";
import { aggregateStatistics } from "@/lib/server/services/evaluation/aggregate-statistics";
import { erasePersonalData } from "@/lib/server/services/privacy/erase-personal-data";
import { runJobs } from "@/lib/server/jobs/scheduler";
import { createManageToken } from "@/lib/server/security/tokens";
import { parseEvaluationQuery } from "@/lib/server/services/evaluation/query";
import { readEvaluation } from "@/lib/server/services/evaluation/read-evaluation";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";
import { signIn } from "../helpers/integration/session";

// The evaluation on both databases: given an office with known capacity and bookings with known outcomes, the
// dashboard's figures equal hand-computed values; they stay the same after the personal data is erased (and even if
// the booking rows were gone); the exports carry the same numbers; and only the right people may see them.

const FIRST_MONDAY = "2027-03-01";
const SECOND_MONDAY = "2027-03-08";
/** Wednesday after the two Mondays: both are settled days. */
const NOW = at("2027-03-10", "07:00");
const PERIOD = { von: FIRST_MONDAY, bis: "2027-03-10" };
const DAY_MS = 86_400_000;

/** The route reads the clock itself: pin only Date, so that database drivers keep their real timers. */
function pinClock(now: Date) {
  jest.useFakeTimers({
    now,
    doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
  });
}

describeEachDatabase("evaluation", (ctx) => {
  let officeA: { id: string; slug: string };
  let officeB: { id: string; slug: string };
  let beratung: string;
  let abholung: string;
  let n = 0;

  async function book(b: {
    service: string;
    date: string;
    from: string;
    to: string;
    madeOn: string;
    channel?: "ONLINE" | "API" | "PHONE" | "COUNTER";
    status?: "HELD" | "CONFIRMED" | "ARRIVED" | "SERVED" | "NO_SHOW" | "CANCELLED";
    cancelledAt?: Date;
    arrived?: string;
    served?: string;
  }) {
    n++;
    await ctx.db.booking.create({
      data: {
        officeId: officeA.id,
        serviceId: b.service,
        startsAt: at(b.date, b.from),
        endsAt: at(b.date, b.to),
        status: b.status ?? "CONFIRMED",
        channel: b.channel ?? "ONLINE",
        createdAt: at(b.madeOn, "12:00"),
        cancelledAt: b.cancelledAt ?? null,
        arrivedAt: b.arrived ? at(b.date, b.arrived) : null,
        servedAt: b.served ? at(b.date, b.served) : null,
        holdExpiresAt: b.status === "HELD" ? at(b.date, "07:00") : null,
        referenceCode: `TV-EVAL-${String(n).padStart(4, "0")}`,
        manageTokenHash: createManageToken().hash,
        ...person(n),
        phone: "+49 170 7654321",
        remark: `Anmerkung ${n}`,
      },
    });
  }

  const query = (params: Record<string, string>) => parseEvaluationQuery(params, "2027-03-10");

  afterEach(() => jest.useRealTimers());

  eachTestOnEmptyDatabase(ctx, async () => {
    n = 0;
    // Office A: Mondays 08:00-12:00 with two clerks = 480 clerk-minutes per Monday.
    const a = await createOfficeFixture(ctx.db, {
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "abholung", durationMinutes: 10 },
      ],
    });
    officeA = a.office;
    [beratung, abholung] = a.services.map((s) => s.id);
    officeB = (await createOfficeFixture(ctx.db, { slug: "zweitamt", services: [{ slug: "anmeldung", durationMinutes: 15 }] })).office;

    // First Monday.
    await book({ service: beratung, date: FIRST_MONDAY, from: "08:00", to: "08:30", madeOn: "2027-02-22", status: "SERVED", arrived: "07:58", served: "08:20" });
    await book({ service: beratung, date: FIRST_MONDAY, from: "08:30", to: "09:00", madeOn: "2027-02-26", status: "SERVED", arrived: "08:36", served: "09:00" });
    await book({ service: beratung, date: FIRST_MONDAY, from: "09:00", to: "09:30", madeOn: "2027-02-28", channel: "PHONE", status: "NO_SHOW" });
    await book({ service: abholung, date: FIRST_MONDAY, from: "09:00", to: "09:10", madeOn: "2027-02-15", status: "CANCELLED", cancelledAt: at("2027-02-27", "09:00") });
    await book({ service: abholung, date: FIRST_MONDAY, from: "10:00", to: "10:10", madeOn: FIRST_MONDAY, channel: "COUNTER", status: "ARRIVED", arrived: "10:01" });
    await book({ service: beratung, date: FIRST_MONDAY, from: "11:00", to: "11:30", madeOn: "2027-02-25" });
    // Second Monday: a no-show booked through the API, and a hold that never became a booking.
    await book({ service: beratung, date: SECOND_MONDAY, from: "08:00", to: "08:30", madeOn: FIRST_MONDAY, channel: "API", status: "NO_SHOW" });
    await book({ service: beratung, date: SECOND_MONDAY, from: "09:00", to: "09:30", madeOn: SECOND_MONDAY, status: "HELD" });

    await aggregateStatistics(ctx.db, { now: NOW });
  });

  const admin: Actor = { id: "admin", role: "ADMIN", officeIds: [] };

  async function figuresOf(params: Record<string, string> = {}) {
    return readEvaluation(ctx.db, admin, query({ stelle: "testamt", ...PERIOD, ...params }), NOW);
  }

  function expectHandComputed(s: Awaited<ReturnType<typeof figuresOf>>["current"]["summary"]) {
    // Seven bookings (the hold is none), one cancelled.
    expect(s).toMatchObject({ booked: 7, cancelled: 1, noShow: 2, arrived: 1, served: 2, settledAppointments: 6, settledNoShows: 2, unrecorded: 1 });
    expect(s.byChannel).toEqual({ ONLINE: 4, API: 1, PHONE: 1, COUNTER: 1 });
    expect(s.cancellationRate).toBeCloseTo(1 / 7, 12);
    expect(s.noShowRate).toBeCloseTo(2 / 6, 12);
    // 30+30+30+10+30 on the first Monday, 30 on the second; offered 2 Mondays x 4 h x 2 clerks.
    expect(s.bookedMinutes).toBe(160);
    expect(s.offeredMinutes).toBe(960);
    expect(s.utilisation).toBeCloseTo(160 / 960, 12);
    // Lead days 7, 3, 1, 14, 0, 4, 7.
    expect(s.leadDays.count).toBe(7);
    expect(s.leadDays.median).toBe(4);
    expect(s.leadDays.mean).toBeCloseTo(36 / 7, 12);
    // Cancelled 48 hours ahead: the "2 to 7 days" bucket.
    expect(s.cancelLead).toEqual([0, 0, 1, 0, 0]);
    // Arrivals -2, +6 and +1 minutes; served 22 and 24 minutes after arriving.
    expect(s.punctuality).toEqual({ count: 3, mean: 5 / 3, median: 1, buckets: [0, 1, 1, 1, 0] });
    expect(s.duration).toEqual({ count: 2, mean: 23, median: 23 });
    // The sample of the Wednesday: the next free slot is on Monday 15 March, five days later, for both services.
    expect(s.nextFreeSlot).toEqual({ samples: 2, mean: 5, none: 0, latest: { date: "2027-03-10", days: 5 } });
  }

  it("shows the hand-computed utilisation, no-show rate, lead time and punctuality", async () => {
    const e = await figuresOf();
    expectHandComputed(e.current.summary);
    const mondays = e.current.series.filter((p) => p.offeredMinutes > 0);
    expect(mondays.map((p) => [p.start, p.booked, p.bookedMinutes, p.offeredMinutes])).toEqual([
      [FIRST_MONDAY, 6, 130, 480],
      [SECOND_MONDAY, 1, 30, 480],
    ]);
    // A service filter narrows the counts; utilisation is not split by service.
    const pickUps = (await figuresOf({ leistung: "abholung" })).current.summary;
    expect(pickUps).toMatchObject({ booked: 2, cancelled: 1, bookedMinutes: 10, utilisation: null });
  });

  it("compares with the previous period of equal length in one step", async () => {
    const e = await figuresOf({ vergleich: "vorher" });
    expect(e.comparison?.period).toEqual({ from: "2027-02-19", to: "2027-02-28" });
    const booked = e.figures?.find((f) => f.figure === "booked");
    expect(booked).toEqual({ figure: "booked", current: 7, previous: 0, delta: 7 });
  });

  it("keeps the statistics when the personal data is erased, and even without the booking rows", async () => {
    const rowsBefore = await ctx.db.dailyBookingStats.findMany({ orderBy: [{ date: "asc" }, { serviceId: "asc" }, { channel: "asc" }] });
    const strip = (rows: typeof rowsBefore) => rows.map(({ updatedAt: _, ...r }) => r);
    const afterRetention = new Date(at(SECOND_MONDAY, "09:00").getTime() + 31 * DAY_MS);
    expect((await erasePersonalData(ctx.db, { now: afterRetention })).expired).toBe(7);

    for (const b of await ctx.db.booking.findMany()) {
      for (const field of PERSONAL_BOOKING_FIELDS) expect(b[field]).toBeNull();
    }
    const rowsAfter = await ctx.db.dailyBookingStats.findMany({ orderBy: [{ date: "asc" }, { serviceId: "asc" }, { channel: "asc" }] });
    expect(strip(rowsAfter)).toEqual(strip(rowsBefore));
    // No personal data in the statistics.
    expect(JSON.stringify(rowsAfter)).not.toMatch(/Amira|Beispiel|example\.org|1990|7654321|Anmerkung|TV-EVAL/);
    expectHandComputed((await figuresOf()).current.summary);

    // Later runs of the job do not wipe settled days, even if booking rows were deleted one day.
    await ctx.db.outboxMessage.deleteMany();
    await ctx.db.booking.deleteMany();
    await aggregateStatistics(ctx.db, { now: afterRetention });
    expectHandComputed((await figuresOf()).current.summary);
  });

  it("the erasure writes the statistics of the days it erases first, even when the job never ran for them", async () => {
    await ctx.db.dailyBookingStats.deleteMany();
    await ctx.db.dailyOfficeCapacity.deleteMany();
    const afterRetention = new Date(at(SECOND_MONDAY, "09:00").getTime() + 31 * DAY_MS);
    await erasePersonalData(ctx.db, { now: afterRetention });
    await ctx.db.outboxMessage.deleteMany();
    await ctx.db.booking.deleteMany();
    const s = (await figuresOf()).current.summary;
    expect(s).toMatchObject({ booked: 7, cancelled: 1, settledNoShows: 2, bookedMinutes: 160, offeredMinutes: 960 });
    expect(s.leadDays.median).toBe(4);
  });

  it("the in-app scheduler keeps the statistics up to date", async () => {
    await ctx.db.dailyBookingStats.deleteMany();
    await ctx.db.nextFreeSlotSample.deleteMany();
    const log = { info: jest.fn(), error: jest.fn() };
    await runJobs(ctx.db, log, NOW);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith({ job: "statistics", rows: 5, samples: 3 }, "statistics updated");
    expectHandComputed((await figuresOf()).current.summary);
  });

  it("recomputes a changed day and leaves unchanged rows alone", async () => {
    const before = await ctx.db.dailyBookingStats.findMany();
    expect((await aggregateStatistics(ctx.db, { now: NOW })).rows).toBe(0);
    await book({ service: abholung, date: SECOND_MONDAY, from: "10:00", to: "10:10", madeOn: SECOND_MONDAY, channel: "PHONE" });
    const result = await aggregateStatistics(ctx.db, { now: NOW });
    expect(result.rows).toBe(1);
    expect(result.samples).toBe(0);
    expect(await ctx.db.dailyBookingStats.count()).toBe(before.length + 1);
  });

  it("two instances' schedulers that write the same new rows at once write each row once, and both succeed", async () => {
    const written = <T extends { updatedAt?: Date }>(rows: T[]) => rows.map(({ updatedAt: _, ...row }) => row);
    const rowsOf = async () => ({
      bookings: written(await ctx.db.dailyBookingStats.findMany({ orderBy: [{ serviceId: "asc" }, { date: "asc" }, { channel: "asc" }] })),
      capacity: written(await ctx.db.dailyOfficeCapacity.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] })),
      queue: written(await ctx.db.dailyQueueStats.findMany({ orderBy: [{ serviceId: "asc" }, { date: "asc" }, { kind: "asc" }] })),
    });
    const before = await rowsOf();
    await ctx.db.dailyBookingStats.deleteMany();
    await ctx.db.dailyOfficeCapacity.deleteMany();
    await ctx.db.dailyQueueStats.deleteMany();
    // Both read an empty table, then both insert the same new rows: the second insert collides and reads again.
    await Promise.all([aggregateStatistics(ctx.db, { now: NOW }), aggregateStatistics(ctx.db, { now: NOW })]);
    expect(await rowsOf()).toEqual(before);
  });

  it("exports the same numbers as CSV (UTF-8 with BOM, semicolons) and JSON", async () => {
    signIn(admin);
    pinClock(NOW);
    const url = (extra: Record<string, string>) =>
      `http://localhost/staff/auswertung/export?${new URLSearchParams({ stelle: "testamt", ...PERIOD, ...extra })}`;

    const days = await exportEvaluation(new Request(url({ format: "csv", teil: "tage" })));
    expect(days.status).toBe(200);
    expect(days.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const daysText = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await days.arrayBuffer());
    expect(daysText.startsWith("\uFEFFZeitraum;Datum;Stelle;Leistung;Kanal;Buchungen;")).toBe(true);
    const lines = daysText.trim().split("\r\n").slice(1);
    expect(lines).toHaveLength(5);
    const sumColumn = (i: number) => lines.reduce((s, l) => s + Number(l.split(";")[i]), 0);
    expect([sumColumn(5), sumColumn(6), sumColumn(7), sumColumn(10)]).toEqual([7, 1, 2, 160]);

    const totals = await (await exportEvaluation(new Request(url({ format: "csv", teil: "kennzahlen", vergleich: "vorher" })))).text();
    expect(totals).toContain("Kennzahl;2027-03-01 bis 2027-03-10;2027-02-19 bis 2027-02-28;Differenz");
    expect(totals).toContain("Auslastung (Anteil);0,1667;;");
    expect(totals).toContain("Nichterscheinen-Quote (Anteil);0,3333;;");
    expect(totals).toContain("Vorlauf Median (Tage);4;;");
    expect(totals).toContain("Buchungen;7;0;7");

    const json = await exportEvaluation(new Request(url({ format: "json" })));
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await json.json();
    expectHandComputed(body.current.totals);
    expect(body.current.days).toHaveLength(5);
    expect(JSON.stringify(body)).not.toMatch(/Amira|example\.org|TV-EVAL/);
  });

  describe("who may see what", () => {
    const clerkOfA = (): Actor => ({ id: "clerk", role: "CLERK", officeIds: [officeA.id] });
    const officeAdminOfA = (): Actor => ({ id: "lead", role: "OFFICE_ADMIN", officeIds: [officeA.id] });

    async function outcome(actor: Actor, params: Record<string, string>) {
      try {
        const e = await readEvaluation(ctx.db, actor, query({ ...PERIOD, ...params }), NOW);
        return e.scope.office?.slug ?? "alle";
      } catch (e) {
        if (e instanceof AppError) return e.code;
        throw e;
      }
    }

    it("refuses clerks, keeps office administrators to their offices, and lets administrators see all", async () => {
      const table: Array<[Actor, Record<string, string>, string]> = [
        [clerkOfA(), {}, "FORBIDDEN"],
        [clerkOfA(), { stelle: "testamt" }, "FORBIDDEN"],
        [clerkOfA(), { stelle: "alle" }, "FORBIDDEN"],
        [officeAdminOfA(), {}, "testamt"],
        [officeAdminOfA(), { stelle: "testamt" }, "testamt"],
        [officeAdminOfA(), { stelle: "zweitamt" }, "FORBIDDEN"],
        [officeAdminOfA(), { stelle: "alle" }, "FORBIDDEN"],
        [admin, {}, "alle"],
        [admin, { stelle: "zweitamt" }, "zweitamt"],
        // Forged and unknown offices and services.
        [admin, { stelle: "gibt-es-nicht" }, "OFFICE_NOT_FOUND"],
        [admin, { stelle: "../../etc/passwd" }, "OFFICE_NOT_FOUND"],
        [admin, { stelle: officeB.id }, "OFFICE_NOT_FOUND"],
        [admin, { stelle: "testamt", leistung: "anmeldung" }, "SERVICE_NOT_FOUND"],
        [admin, { stelle: "alle", leistung: "beratung" }, "SERVICE_NOT_FOUND"],
        [officeAdminOfA(), { stelle: "testamt", leistung: "beratung" }, "testamt"],
      ];
      const answers = [];
      for (const [actor, params] of table) answers.push(await outcome(actor, params));
      expect(answers).toEqual(table.map(([, , expected]) => expected));
    });

    it("the export authorises itself: 401, 403, 404 and 400, never a 500", async () => {
      const status = async (actor: Actor | null, params: Record<string, string>) => {
        signIn(actor);
        const response = await exportEvaluation(new Request(`http://localhost/staff/auswertung/export?${new URLSearchParams(params)}`));
        return response.status;
      };
      const cases: Array<[Actor | null, Record<string, string>, number]> = [
        [null, { stelle: "testamt" }, 401],
        [clerkOfA(), { stelle: "testamt" }, 403],
        [clerkOfA(), {}, 403],
        [officeAdminOfA(), { stelle: "zweitamt" }, 403],
        [officeAdminOfA(), { stelle: "alle", format: "json" }, 403],
        [officeAdminOfA(), { stelle: "testamt", format: "json" }, 200],
        [admin, { stelle: "alle", format: "csv", teil: "kennzahlen" }, 200],
        [admin, { stelle: "gibt-es-nicht" }, 404],
        [admin, { stelle: "x".repeat(5000) }, 404],
        [admin, { stelle: "testamt", leistung: "anmeldung" }, 404],
        [admin, { stelle: "testamt", von: "2027-13-45", bis: "2027-03-01" }, 400],
        [admin, { stelle: "testamt", von: "2027-03-10", bis: "2027-03-01" }, 400],
        [admin, { stelle: "testamt", von: "2000-01-01", bis: "2027-03-01" }, 400],
        [admin, { stelle: "testamt", vergleich: "zeitraum", vvon: "kaputt" }, 400],
        [admin, { stelle: "testamt", format: "xlsx" }, 400],
      ];
      const answers = [];
      for (const [actor, params] of cases) answers.push(await status(actor, params));
      expect(answers).toEqual(cases.map(([, , expected]) => expected));
    });
  });
});
