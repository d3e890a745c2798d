jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));

import { GET as exportEvaluation } from "@/app/(staff)/staff/(signed-in)/auswertung/export/route";
import type { Actor } from "@/lib/server/auth/permissions";
import { PERSONAL_WISH_FIELDS } from "@/lib/domain/erasure";
import { runJobs } from "@/lib/server/jobs/scheduler";
import { parseEvaluationQuery } from "@/lib/server/services/evaluation/query";
import { readEvaluation } from "@/lib/server/services/evaluation/read-evaluation";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { signIn } from "../helpers/integration/session";
import { staff } from "../helpers/integration/staff";
import { insertOffer, insertWish } from "../helpers/integration/waitlist-rows";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The waiting list's figures of the evaluation on both databases: given wishes and offers with known days and
// outcomes, the dashboard shows hand-computed counts, acceptance rate and wait; per office, per service and for a
// comparison period; and the same figures once every wish and booking has lost its personal data.

const PERIOD = { von: "2027-03-01", bis: "2027-03-10" };
const NOW = at("2027-03-10", "07:00");
const DAY_MS = 86_400_000;

describeEachDatabase("evaluation of the waiting list", (ctx) => {
  let officeA: string;
  let beratung: string;
  let abholung: string;
  const admin: Actor = { id: "admin", role: "ADMIN", officeIds: [] };

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const a = await createOfficeFixture(db, {
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "abholung", durationMinutes: 10 },
      ],
    });
    officeA = a.office.id;
    [beratung, abholung] = a.services.map((s) => s.id);
    const b = await createOfficeFixture(db, { slug: "zweitamt" });

    const wish = (o: { service?: string; created: string; confirmed?: string | null; office?: string }) =>
      insertWish(db, {
        officeId: o.office ?? officeA,
        serviceId: o.office ? b.service.id : (o.service ?? beratung),
        earliestDate: "2027-03-01",
        latestDate: "2027-04-30",
        status: o.confirmed === null ? "UNCONFIRMED" : "ACTIVE",
        createdAt: at(o.created, "10:00"),
        confirmedAt: o.confirmed ? at(o.confirmed, "23:30") : null,
      });
    const offer = (w: Awaited<ReturnType<typeof wish>>, day: string, outcome: "OPEN" | "ACCEPTED" | "DECLINED" | "EXPIRED", appointment: string) =>
      insertOffer(db, w, { startsAt: at(appointment, "09:00"), endsAt: at(appointment, "09:30"), offeredAt: at(day, "08:00"), deadline: at(day, "20:00"), outcome });

    // Confirmed late on 1 March (23:30 local is still 1 March), offered on 2 March, accepted: appointment 8 March.
    const w1 = await wish({ created: "2027-02-26", confirmed: "2027-03-01" });
    await offer(w1, "2027-03-02", "ACCEPTED", "2027-03-08");
    // Declined once, let one offer expire, still waiting.
    const w2 = await wish({ created: "2027-03-02", confirmed: "2027-03-02" });
    await offer(w2, "2027-03-03", "DECLINED", "2027-03-15");
    await offer(w2, "2027-03-04", "EXPIRED", "2027-03-15");
    // Never confirmed.
    await wish({ created: "2027-03-05", confirmed: null });
    // Confirmed in February, offered and accepted in the comparison period: its appointment on 1 March counts now.
    const w4 = await wish({ created: "2027-02-10", confirmed: "2027-02-10" });
    await offer(w4, "2027-02-25", "ACCEPTED", "2027-03-01");
    // Another service, an offer still open.
    const w6 = await wish({ service: abholung, created: "2027-03-03", confirmed: "2027-03-03" });
    await offer(w6, "2027-03-09", "OPEN", "2027-03-22");
    // Another office: never in office A's figures.
    const other = await wish({ office: b.office.id, created: "2027-03-02", confirmed: "2027-03-02" });
    await offer(other, "2027-03-03", "ACCEPTED", "2027-03-08");
  });

  const figures = (params: Record<string, string> = {}, actor = admin) =>
    readEvaluation(ctx.db, actor, parseEvaluationQuery({ stelle: "testamt", ...PERIOD, ...params }, "2027-03-10"), NOW);

  function expectHandComputed(w: Awaited<ReturnType<typeof figures>>["current"]["waitlist"]) {
    expect(w.wishesNew).toBe(3);
    expect(w.wishesConfirmed).toBe(3);
    expect(w.offers).toEqual({ made: 4, accepted: 1, declined: 1, expired: 1, open: 1, acceptanceRate: 1 / 3 });
    // 1 March to 8 March: 7 days; 10 February to 1 March: 19 days.
    expect(w.wait).toEqual({ count: 2, mean: 13, median: 13, buckets: [0, 1, 1, 0, 0] });
  }

  it("counts wishes, offers, the acceptance rate and the wait by the office's local days", async () => {
    const e = await figures();
    expectHandComputed(e.current.waitlist);
    // A service filter narrows every figure.
    const pickUps = (await figures({ leistung: "abholung" })).current.waitlist;
    expect(pickUps).toMatchObject({ wishesNew: 1, wishesConfirmed: 1, offers: { made: 1, open: 1, acceptanceRate: null }, wait: { count: 0, median: null } });
    // All offices together: office B's wish and its accepted offer join.
    const all = (await figures({ stelle: "alle" })).current.waitlist;
    expect(all).toMatchObject({ wishesNew: 4, wishesConfirmed: 4, offers: { made: 5, accepted: 2 }, wait: { count: 3 } });
  });

  it("compares with the previous period", async () => {
    const e = await figures({ vergleich: "vorher" });
    expect(e.comparison?.period).toEqual({ from: "2027-02-19", to: "2027-02-28" });
    expect(e.comparison?.waitlist).toMatchObject({ wishesNew: 1, wishesConfirmed: 0, offers: { made: 1, accepted: 1, acceptanceRate: 1 }, wait: { count: 0 } });
  });

  it("shows the same figures after every wish has expired and lost its personal data", async () => {
    // The open offer ran out at its deadline (the offers worker's job): the wish waits again, the hold is over.
    const open = await ctx.db.wishOffer.findFirstOrThrow({ where: { outcome: "OPEN" } });
    await ctx.db.wishOffer.update({ where: { id: open.id }, data: { outcome: "EXPIRED", decidedAt: open.deadline } });
    await ctx.db.wish.update({ where: { id: open.wishId }, data: { openOfferId: null } });
    await ctx.db.booking.update({ where: { id: open.bookingId }, data: { holdExpiresAt: open.deadline } });
    const before = (await figures()).current.waitlist;
    expect(before.offers).toMatchObject({ made: 4, expired: 2, open: 0, acceptanceRate: 1 / 4 });
    // Months later: the scheduler expires the waiting wishes, and after the retention period erases them all.
    const log = { info: jest.fn(), error: jest.fn() };
    await runJobs(ctx.db, log, new Date(at("2027-05-01", "08:00").getTime()));
    await runJobs(ctx.db, log, new Date(at("2027-05-01", "08:00").getTime() + 31 * DAY_MS));
    expect(log.error).not.toHaveBeenCalled();
    const wishes = await ctx.db.wish.findMany();
    expect(wishes.every((w) => w.erasedAt !== null)).toBe(true);
    for (const w of wishes) for (const field of PERSONAL_WISH_FIELDS) expect(w[field]).toBeNull();
    expect(JSON.stringify(await ctx.db.booking.findMany())).not.toMatch(/Amira|Beispiel|@example\.org/);
    expect((await figures()).current.waitlist).toEqual(before);
    expect(before.wait).toEqual({ count: 2, mean: 13, median: 13, buckets: [0, 1, 1, 0, 0] });
  });

  it("exports the same figures as CSV and JSON", async () => {
    signIn(admin);
    // The route reads the clock itself: pin only Date, so that database drivers keep their real timers.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
    });
    try {
      const url = (extra: Record<string, string>) =>
        `http://localhost/staff/auswertung/export?${new URLSearchParams({ stelle: "testamt", ...PERIOD, ...extra })}`;
      const totals = await (await exportEvaluation(new Request(url({ format: "csv", teil: "kennzahlen", vergleich: "vorher" })))).text();
      expect(totals).toContain("Warteliste: neue Wünsche;3;1;2");
      expect(totals).toContain("Warteliste: Angebote gemacht;4;1;3");
      expect(totals).toContain("Warteliste: Annahmequote (Anteil);0,3333;1;-0,6667");
      expect(totals).toContain("Warteliste: Tage vom Wunsch bis zum Termin Median;13;;");
      const body = await (await exportEvaluation(new Request(url({ format: "json" })))).json();
      expectHandComputed(body.current.waitlist);
      expect(JSON.stringify(body)).not.toMatch(/Amira|Beispiel|example\.org|WL-/);
    } finally {
      jest.useRealTimers();
    }
  });

  it("only for those who may see the office's evaluation", async () => {
    const head = await staff(ctx.db, "OFFICE_ADMIN", [officeA]);
    expectHandComputed((await figures({}, head)).current.waitlist);
    const clerk = await staff(ctx.db, "CLERK", [officeA]);
    await expect(figures({}, clerk)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
