import { verifyDrawRecord, type DrawRecord } from "@/lib/domain/release-draw";
import { runJobs } from "@/lib/server/jobs/scheduler";
import { createDb, type Db } from "@/lib/server/db/client";
import { createBooking } from "@/lib/server/services/create-booking";
import { listFreeSlots, findNextFreeSlot } from "@/lib/server/services/list-slots";
import { cancelRound, createRound } from "@/lib/server/services/rounds/create-round";
import { claimDraw, drawClaimedRound, drawDueRounds } from "@/lib/server/services/rounds/draw-round";
import { dryRunDraw, getPublicRound, listRounds, roundInfoForService } from "@/lib/server/services/rounds/round-info";
import { submitRoundRequest } from "@/lib/server/services/rounds/submit-request";
import { bookOnBehalf } from "@/lib/server/services/staff/book-on-behalf";
import type { Actor } from "@/lib/server/auth/permissions";
import { createHash } from "node:crypto";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { staff } from "../helpers/integration/staff";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// Given an office open Mondays 08:00-13:00 with ten clerks (100 half-hour places a Monday) whose service is in
// release-round mode, and a round announced on Monday 1 March 2027 with its window Tuesday to Wednesday and the
// period Monday 15 March.
const NOW = at("2027-03-01", "07:00");
const OPENS = "2027-03-02T08:00";
const CLOSES = "2027-03-03T08:00";
const CLOSED = at("2027-03-03", "08:00");
const PERIOD = "2027-03-15";
const log = () => ({ info: jest.fn(), error: jest.fn() });

describeEachDatabase("release rounds", (ctx) => {
  let head: Actor;
  let serviceId: string;
  let officeId: string;

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office, service } = await createOfficeFixture(db, { blocks: [[1, "08:00", "13:00", 10]], bookingHorizonDays: 30 });
    await db.service.update({ where: { id: service.id }, data: { releaseMode: "ROUNDS" } });
    serviceId = service.id;
    officeId = office.id;
    head = await staff(db, "OFFICE_ADMIN", [office.id]);
  });

  const announce = () =>
    createRound(ctx.db, head, "testamt", { serviceId, opensAt: OPENS, closesAt: CLOSES, periodFrom: PERIOD, periodTo: PERIOD }, NOW);

  /** `n` confirmed requests for the period, any time of day, confirmed during the window. */
  async function requests(db: Db, roundId: string, n: number, from = 0, over: Record<string, unknown> = {}) {
    await db.wish.createMany({
      data: Array.from({ length: n }, (_, k) => {
        const i = from + k;
        return {
          officeId,
          serviceId,
          roundId,
          source: "ROUND" as const,
          status: "ACTIVE" as const,
          earliestDate: PERIOD,
          latestDate: PERIOD,
          weekdays: "1,2,3,4,5",
          dayParts: "MORNING,AFTERNOON",
          manageTokenHash: `hash-${i}`,
          referenceCode: `TV-R${String(i).padStart(4, "0")}`,
          givenName: "Amira",
          familyName: `Beispiel ${i}`,
          email: `person${i}@example.org`,
          dateOfBirth: "1990-03-27",
          identityHash: `identity-${i}`,
          confirmedAt: at("2027-03-02", "09:00"),
          ...over,
        };
      }),
    });
  }

  it("announces a round with the hash of a secret seed and refuses windows and periods that cannot work", async () => {
    const round = await announce();
    const row = await ctx.db.releaseRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(row.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(row.seedHash).toBe(createHash("sha256").update(Buffer.from(row.seed, "hex")).digest("hex"));
    expect(await ctx.db.auditLog.count({ where: { action: "round.create", actorId: head.id } })).toBe(1);

    const base = { serviceId, opensAt: OPENS, closesAt: CLOSES, periodFrom: PERIOD, periodTo: PERIOD };
    const refused = async (input: typeof base, now = NOW) => {
      try {
        await createRound(ctx.db, head, "testamt", input, now);
        return "OK";
      } catch (e) {
        const err = e as { field?: string; issues?: { path: string[] }[] };
        return err.field ?? err.issues?.[0]?.path.join(".") ?? String(e);
      }
    };
    expect(await refused(base, at("2027-03-02", "09:00"))).toBe("opensAt");
    expect(await refused({ ...base, closesAt: OPENS })).toBe("closesAt");
    expect(await refused({ ...base, periodFrom: "2027-03-03", periodTo: "2027-03-03" })).toBe("periodFrom");
    expect(await refused({ ...base, periodTo: "2027-05-31" })).toBe("periodTo");
    await ctx.db.service.update({ where: { id: serviceId }, data: { releaseMode: "FIRST_COME" } });
    expect(await refused(base)).toBe("serviceId");
    expect(await refused({ ...base, serviceId: "" })).toBe("serviceId");
    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    expect(await codeOf(createRound(ctx.db, clerk, "testamt", base, NOW))).toBe("FORBIDDEN");
    expect(await ctx.db.releaseRound.count()).toBe(1);
  });

  it("cancels a round only before its window opens", async () => {
    const round = await announce();
    expect(await codeOf(cancelRound(ctx.db, head, "testamt", round.id, at("2027-03-02", "08:00")))).toBe("STATUS_CHANGED");
    await cancelRound(ctx.db, head, "testamt", round.id, NOW);
    expect(await ctx.db.releaseRound.count()).toBe(0);
    expect(await ctx.db.auditLog.count({ where: { action: "round.cancel" } })).toBe(1);
  });

  it("offers unreleased dates to nobody but staff, and releases them with the draw", async () => {
    const round = await announce();
    const target = { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW };
    expect((await listFreeSlots(ctx.db, { ...target, from: PERIOD, to: PERIOD })).slots).toEqual([]);
    expect((await findNextFreeSlot(ctx.db, target)).slot).toBeNull();
    const booking = citizenBooking({ start: at(PERIOD, "09:00"), now: NOW });
    expect(await codeOf(createBooking(ctx.db, booking))).toBe("SLOT_NOT_OFFERED");
    // Staff booking on behalf is not restricted.
    const clerk = await staff(ctx.db, "CLERK", [officeId]);
    const onBehalf = { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, start: at(PERIOD, "09:00"), channel: "PHONE" as const, person: { familyName: "Anrufer" } };
    expect(await codeOf(bookOnBehalf(ctx.db, clerk, onBehalf, NOW))).toBe("OK");

    const info = await roundInfoForService(ctx.db, (await ctx.db.office.findUniqueOrThrow({ where: { id: officeId } })), await ctx.db.service.findUniqueOrThrow({ where: { id: serviceId } }), NOW);
    expect(info).toMatchObject({ next: { id: round.id, open: false, places: 99 }, lastRequestCount: null });

    await requests(ctx.db, round.id, 3);
    const [outcome] = await drawDueRounds(ctx.db, { now: CLOSED });
    expect(outcome).toEqual({ roundId: round.id, requests: 3, assigned: 3 });
    const after = { ...target, now: CLOSED };
    expect((await listFreeSlots(ctx.db, { ...after, from: PERIOD, to: PERIOD })).slots).toHaveLength(10);
    expect(await codeOf(createBooking(ctx.db, { ...booking, now: CLOSED }))).toBe("OK");
  });

  it("draws 1,000 requests for 100 places: exactly 100 bookings, one per request, never over capacity, once with two workers", async () => {
    const round = await announce();
    await requests(ctx.db, round.id, 1000);
    // These do not count: a second request of the same mailbox, one of the same person, one confirmed too late, one
    // never confirmed.
    await requests(ctx.db, round.id, 1, 1000, { email: "PERSON1@example.org", confirmedAt: at("2027-03-02", "10:00") });
    await requests(ctx.db, round.id, 1, 1001, { identityHash: "identity-2", confirmedAt: at("2027-03-02", "10:00") });
    await requests(ctx.db, round.id, 1, 1002, { confirmedAt: at("2027-03-03", "08:01") });
    await requests(ctx.db, round.id, 1, 1003, { status: "UNCONFIRMED", confirmedAt: null });
    expect((await getPublicRound(ctx.db, round.id, CLOSED))?.seed).toBeNull();

    // Two app instances run their jobs at the close at the same moment.
    const second = createDb(ctx.url);
    const [logA, logB] = [log(), log()];
    try {
      await Promise.all([runJobs(ctx.db, logA, CLOSED), runJobs(second, logB, CLOSED)]);
    } finally {
      await second.$disconnect();
    }
    expect(logA.error).not.toHaveBeenCalled();
    expect(logB.error).not.toHaveBeenCalled();
    const drawLogs = [...logA.info.mock.calls, ...logB.info.mock.calls].filter(([entry]) => entry.job === "draws");
    expect(drawLogs).toHaveLength(1);

    const bookings = await ctx.db.booking.findMany({ where: { officeId } });
    expect(bookings).toHaveLength(100);
    expect(bookings.every((b) => b.status === "CONFIRMED")).toBe(true);
    // The draw stores each address's counting key like every booking (these addresses are their own keys).
    expect(bookings.every((b) => b.email !== null && b.emailKey === b.email)).toBe(true);
    const booked = await ctx.db.wish.findMany({ where: { status: "BOOKED" } });
    expect(booked).toHaveLength(100);
    expect(new Set(booked.map((w) => w.bookingId)).size).toBe(100);
    expect(booked.every((w) => Number(w.referenceCode.slice(4)) < 1000)).toBe(true);
    // Ten at each of the ten starts: the capacity, never more.
    const perStart = new Map<number, number>();
    for (const b of bookings) perStart.set(b.startsAt.getTime(), (perStart.get(b.startsAt.getTime()) ?? 0) + 1);
    expect([...perStart.values()]).toEqual(Array(10).fill(10));

    const row = await ctx.db.releaseRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(row).toMatchObject({ requestCount: 1000, placeCount: 100, assignedCount: 100 });
    expect(row.drawnAt).toEqual(CLOSED);
    const record = JSON.parse(row.drawRecord!) as DrawRecord;
    expect(record.requests).toHaveLength(1000);
    expect(JSON.stringify(record)).not.toMatch(/example\.org|Beispiel|1990-03-27/);
    expect(verifyDrawRecord(record, row.seedHash)).toMatchObject({ seedMatchesHash: true, assignmentMatches: true });

    // Winners get the normal confirmation (with the calendar file), the others are told they stay on the list.
    expect(await ctx.db.outboxMessage.count({ where: { template: "booking-confirmation" } })).toBe(100);
    const notDrawn = await ctx.db.outboxMessage.findMany({ where: { template: "round-not-drawn" } });
    expect(notDrawn).toHaveLength(903);
    expect(await ctx.db.wish.count({ where: { status: "ACTIVE" } })).toBe(903);

    // Later runs draw nothing again.
    await runJobs(ctx.db, log(), new Date(CLOSED.getTime() + 60 * 60_000));
    expect(await ctx.db.booking.count()).toBe(100);

    // The dry run recomputes the same and writes nothing.
    const counts = async () => [await ctx.db.booking.count(), await ctx.db.wish.count({ where: { status: "BOOKED" } }), await ctx.db.outboxMessage.count(), await ctx.db.auditLog.count()];
    const before = await counts();
    expect(await dryRunDraw(ctx.db, head, "testamt", round.id)).toEqual({ seedMatchesHash: true, assignmentMatches: true, differences: [], assigned: 100 });
    expect(await counts()).toEqual(before);
    expect((await ctx.db.releaseRound.findUniqueOrThrow({ where: { id: round.id } })).drawRecord).toBe(row.drawRecord);

    const published = await getPublicRound(ctx.db, round.id, CLOSED);
    expect(published).toMatchObject({ seed: row.seed, seedHash: row.seedHash, phase: "drawn", requestCount: 1000, assignedCount: 100 });
    const { rounds } = await listRounds(ctx.db, head, "testamt", CLOSED);
    expect(rounds).toMatchObject([{ id: round.id, phase: "drawn", requests: 1000, places: 100, assigned: 100 }]);
  }, 240_000);

  it("takes requests only while the window is open, as unconfirmed wishes of the round that count once confirmed", async () => {
    const round = await announce();
    const request = (now: Date, n = 1) =>
      submitRoundRequest(ctx.db, {
        roundId: round.id,
        serviceId,
        persons: 1,
        person: person(n),
        preferences: { earliestDate: PERIOD, latestDate: PERIOD, weekdays: [1], dayParts: ["MORNING"] },
        locale: "de",
        now,
      });
    expect(await codeOf(request(NOW))).toBe("ROUND_NOT_OPEN");
    expect(await codeOf(request(CLOSED))).toBe("ROUND_NOT_OPEN");
    const inWindow = at("2027-03-02", "12:00");
    const created = await request(inWindow);
    const wish = await ctx.db.wish.findUniqueOrThrow({ where: { id: created.wishId } });
    expect(wish).toMatchObject({ source: "ROUND", status: "UNCONFIRMED", roundId: round.id, confirmedAt: null });
    expect(await ctx.db.outboxMessage.count({ where: { template: "wish-confirmation" } })).toBe(1);
    // A service the round does not release is refused.
    await ctx.db.service.update({ where: { id: serviceId }, data: { releaseMode: "FIRST_COME" } });
    expect(await codeOf(request(inWindow, 2))).toBe("ROUND_NOT_OPEN");
    await ctx.db.service.update({ where: { id: serviceId }, data: { releaseMode: "ROUNDS" } });

    // Unconfirmed at the close, it does not count; confirmed in time, it does.
    const second = await request(inWindow, 3);
    await ctx.db.wish.update({ where: { id: second.wishId }, data: { status: "ACTIVE", confirmedAt: at("2027-03-02", "13:00") } });
    expect(await drawDueRounds(ctx.db, { now: CLOSED })).toEqual([{ roundId: round.id, requests: 1, assigned: 1 }]);
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: second.wishId } })).status).toBe("BOOKED");
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: created.wishId } })).status).toBe("UNCONFIRMED");
  });

  it("lets another instance take over a claim whose instance died, and the late one then writes nothing", async () => {
    const round = await announce();
    await requests(ctx.db, round.id, 20);
    expect(await claimDraw(ctx.db, round.id, CLOSED)).toBe(true);
    // Within the lease nobody else may claim it.
    expect(await claimDraw(ctx.db, round.id, new Date(CLOSED.getTime() + 60_000))).toBe(false);
    const later = new Date(CLOSED.getTime() + 11 * 60_000);
    expect(await claimDraw(ctx.db, round.id, later)).toBe(true);
    // The first claimant wakes up: its draw must not commit.
    expect(await drawClaimedRound(ctx.db, round.id, CLOSED, later)).toBeNull();
    expect(await ctx.db.booking.count()).toBe(0);
    expect(await drawClaimedRound(ctx.db, round.id, later, later)).toMatchObject({ assigned: 20 });
    expect(await ctx.db.booking.count()).toBe(20);
  });
});
