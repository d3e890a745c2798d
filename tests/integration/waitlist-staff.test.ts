jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { removeWishAction } from "@/app/(staff)/staff/(signed-in)/[office]/warteliste/actions";
import { PERSONAL_WISH_FIELDS } from "@/lib/domain/erasure";
import { runJobs } from "@/lib/server/jobs/scheduler";
import { ERASED_RECIPIENT, erasePersonalData } from "@/lib/server/services/privacy/erase-personal-data";
import { deleteMyData } from "@/lib/server/services/privacy/delete-my-data";
import { expireWishes } from "@/lib/server/services/waitlist/expire-wishes";
import { getWishForRemoval } from "@/lib/server/services/waitlist/staff/get-wish-for-removal";
import { readOfferOutcomes } from "@/lib/server/services/waitlist/staff/read-offer-outcomes";
import { readWaitlist } from "@/lib/server/services/waitlist/staff/read-waitlist";
import { removeWishByStaff, WISH_REMOVE_ACTION } from "@/lib/server/services/waitlist/staff/remove-wish";
import { createBooking } from "@/lib/server/services/create-booking";
import type { Actor } from "@/lib/server/auth/permissions";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { signIn } from "../helpers/integration/session";
import { staff } from "../helpers/integration/staff";
import { actionResult, formData } from "../helpers/next-request-mocks";
import { insertOffer, insertWish } from "../helpers/integration/waitlist-rows";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The staff side of the waiting list on both databases: given an office with wishes and offers written as the
// citizen's pages and the offers worker leave them, the clerks see the counts and the urgent wishes first, remove a
// wish (its open offer with it) with an audit entry, never another office's; wishes expire after their latest date
// and lose their personal data after the retention period, while their anonymous columns stay.

/** Thursday 4 March 2027, 08:00 in Berlin. */
const TODAY = "2027-03-04";
const NOW = at(TODAY, "08:00");
const DAY_MS = 86_400_000;

describeEachDatabase("staff waiting list", (ctx) => {
  let officeId: string;
  let otherOfficeId: string;
  let beratung: string;
  let abholung: string;
  let clerk: Actor;
  let otherClerk: Actor;

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const fixture = await createOfficeFixture(db, {
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "abholung", durationMinutes: 15 },
      ],
      blocks: [
        [1, "08:00", "12:00", 1],
        [2, "08:00", "12:00", 1],
      ],
    });
    officeId = fixture.office.id;
    [beratung, abholung] = fixture.services.map((s) => s.id);
    otherOfficeId = (await createOfficeFixture(db, { slug: "anderes-amt" })).office.id;
    clerk = await staff(db, "CLERK", [officeId]);
    otherClerk = await staff(db, "CLERK", [otherOfficeId]);
  });

  const wish = (o: Partial<Parameters<typeof insertWish>[1]> = {}) =>
    insertWish(ctx.db, { officeId, serviceId: beratung, earliestDate: "2027-03-08", latestDate: "2027-04-30", createdAt: at("2027-03-01", "10:00"), ...o });

  it("counts the confirmed wishes by service and week, and lists the urgent ones first", async () => {
    const plain = await wish({ confirmedAt: at("2027-03-01", "10:00") });
    const urgent = await wish({ serviceId: abholung, earliestDate: "2027-03-16", permitExpiresOn: "2027-03-20", confirmedAt: at("2027-03-03", "18:00") });
    const earlier = await wish({ earliestDate: "2027-02-01", confirmedAt: at("2027-02-20", "10:00") });
    const unconfirmed = await wish({ status: "UNCONFIRMED", serviceId: abholung });
    await wish({ status: "BOOKED", closedAt: at("2027-03-02", "10:00") });
    await wish({ status: "EXPIRED", closedAt: at("2027-03-02", "10:00") });
    await insertWish(ctx.db, { officeId: otherOfficeId, serviceId: (await ctx.db.service.findFirstOrThrow({ where: { officeId: otherOfficeId } })).id, earliestDate: TODAY, latestDate: "2027-04-30" });

    const list = await readWaitlist(ctx.db, clerk, { officeSlug: "testamt", now: NOW });
    expect(list.counts.total).toBe(3);
    expect(list.counts.urgent).toBe(1);
    expect(list.counts.byService).toEqual([
      { serviceId: beratung, total: 2, urgent: 0 },
      { serviceId: abholung, total: 1, urgent: 1 },
    ]);
    expect(list.counts.byWeek).toEqual([
      // The earliest date 1 February has passed: it counts in this week.
      { week: "2027-03-01", total: 1, urgent: 0 },
      { week: "2027-03-08", total: 1, urgent: 0 },
      { week: "2027-03-15", total: 1, urgent: 1 },
    ]);
    expect(list.unconfirmed).toBe(1);
    expect(list.entries.map((e) => e.id)).toEqual([urgent.id, earlier.id, plain.id, unconfirmed.id]);
    expect(list.entries[0]).toMatchObject({ urgent: true, permitExpiresOn: "2027-03-20", source: "WAITLIST", confirmed: true, persons: 1 });
    // No more personal data than the list needs.
    expect(JSON.stringify(list.entries)).not.toMatch(/Amira|Beispiel|@example\.org|1990-03-27|5550000|identity-/);

    // The office's own setting decides urgency: with 7 days the permit expiring on 20 March is not urgent yet.
    await ctx.db.office.update({ where: { id: officeId }, data: { urgentWithinDays: 7 } });
    const relaxed = await readWaitlist(ctx.db, clerk, { officeSlug: "testamt", now: NOW });
    expect(relaxed.counts.urgent).toBe(0);
    expect(relaxed.entries.map((e) => e.id)).toEqual([earlier.id, plain.id, urgent.id, unconfirmed.id]);

    expect(await codeOf(readWaitlist(ctx.db, otherClerk, { officeSlug: "testamt", now: NOW }))).toBe("FORBIDDEN");
  });

  it("removes a wish with an audit entry, shows the name only in the confirm step, and refuses another office's clerk", async () => {
    const w = await wish();
    const confirm = await getWishForRemoval(ctx.db, clerk, { wishId: w.id, now: NOW });
    expect(confirm).toMatchObject({ referenceCode: w.referenceCode, name: `Amira ${w.familyName}`, offerOpen: false });
    expect(JSON.stringify(confirm)).not.toMatch(/@example\.org|1990-03-27|5550000/);

    expect(await codeOf(getWishForRemoval(ctx.db, otherClerk, { wishId: w.id, now: NOW }))).toBe("FORBIDDEN");
    expect(await codeOf(removeWishByStaff(ctx.db, otherClerk, { wishId: w.id, reason: "DUPLICATE" }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(removeWishByStaff(ctx.db, clerk, { wishId: "no-such-wish", reason: "DUPLICATE" }, NOW))).toBe("WISH_NOT_FOUND");
    // A forged reason changes nothing.
    expect(await codeOf(removeWishByStaff(ctx.db, clerk, { wishId: w.id, reason: "WHATEVER" as "DUPLICATE" }, NOW))).toBe("INVALID_INPUT");
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("ACTIVE");
    expect(await ctx.db.auditLog.count()).toBe(0);

    const removed = await removeWishByStaff(ctx.db, clerk, { wishId: w.id, reason: "CITIZEN_REQUEST" }, NOW);
    expect(removed).toEqual({ id: w.id, officeSlug: "testamt", referenceCode: w.referenceCode, offerReleased: false });
    const row = await ctx.db.wish.findUniqueOrThrow({ where: { id: w.id } });
    expect(row).toMatchObject({ status: "REMOVED", closedAt: NOW, openOfferId: null });
    const log = await ctx.db.auditLog.findMany();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: clerk.id, officeId, action: WISH_REMOVE_ACTION, bookingId: null });
    expect(JSON.parse(log[0].details!)).toEqual({ wish: w.referenceCode, reason: "CITIZEN_REQUEST", wishStatus: "ACTIVE", offerReleased: false });

    // Removed once: a second attempt is refused and writes nothing.
    expect(await codeOf(removeWishByStaff(ctx.db, clerk, { wishId: w.id, reason: "CITIZEN_REQUEST" }, NOW))).toBe("WISH_CLOSED");
    expect(await ctx.db.auditLog.count()).toBe(1);
    expect((await readWaitlist(ctx.db, clerk, { officeSlug: "testamt", now: NOW })).counts.total).toBe(0);
  });

  it("the removal action validates, authorises by the wish's office and answers in the form's shape", async () => {
    const w = await wish();
    const remove = (fields: Record<string, string | null>) => actionResult(removeWishAction({}, formData(fields)));
    signIn(clerk);
    // No reason, a forged reason, a forged id: field errors, nothing written.
    expect(await remove({ wishId: w.id, reason: null })).toEqual({ returned: { fieldErrors: { reason: ["reasonRequired"] }, values: { reason: "" } } });
    expect(await remove({ wishId: w.id, reason: "ANY" })).toMatchObject({ returned: { fieldErrors: { reason: ["reasonRequired"] } } });
    expect(await remove({ wishId: "<script>", reason: "DUPLICATE" })).toMatchObject({ returned: { fieldErrors: { wishId: ["invalid"] } } });
    // Another office's clerk: refused, nothing written.
    signIn(otherClerk);
    expect(await remove({ wishId: w.id, reason: "DUPLICATE" })).toMatchObject({ returned: { formError: "FORBIDDEN" } });
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("ACTIVE");
    expect(await ctx.db.auditLog.count()).toBe(0);
    // Signed out: to the sign-in page.
    signIn(null);
    expect(await remove({ wishId: w.id, reason: "DUPLICATE" })).toEqual({ redirect: "/staff/login" });

    signIn(clerk);
    expect(await remove({ wishId: w.id, reason: "DUPLICATE" })).toEqual({ redirect: `/staff/testamt/warteliste?entfernt=${w.referenceCode}` });
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("REMOVED");
  });

  it("removing a wish with an open offer declines the offer and frees its held time at once", async () => {
    const w = await wish({ n: 41 });
    const start = at("2027-03-08", "09:00");
    const { booking, offer } = await insertOffer(ctx.db, w, {
      startsAt: start,
      endsAt: at("2027-03-08", "09:30"),
      offeredAt: NOW,
      deadline: new Date(NOW.getTime() + 12 * 3_600_000),
      n: 41,
    });
    // One clerk: the held offer takes the only place.
    const someone = citizenBooking({ start, now: NOW }, 77);
    expect(await codeOf(createBooking(ctx.db, someone))).toBe("SLOT_TAKEN");

    const removed = await removeWishByStaff(ctx.db, clerk, { wishId: w.id, reason: "SETTLED" }, NOW);
    expect(removed.offerReleased).toBe(true);
    expect(await ctx.db.wishOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ outcome: "DECLINED", decidedAt: NOW });
    const held = await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(held).toMatchObject({ status: "HELD", holdExpiresAt: NOW, erasedAt: NOW, email: null, givenName: null });
    expect((await ctx.db.auditLog.findFirstOrThrow()).bookingId).toBe(booking.id);
    expect(await codeOf(createBooking(ctx.db, someone))).toBe("OK");
  });

  it("two clerks removing one wish at once: one succeeds, the other is told, one audit entry", async () => {
    const w = await wish();
    await insertOffer(ctx.db, w, { startsAt: at("2027-03-08", "09:00"), endsAt: at("2027-03-08", "09:30"), offeredAt: NOW, deadline: new Date(NOW.getTime() + 3_600_000) });
    const colleague = await staff(ctx.db, "OFFICE_ADMIN", [officeId]);
    const codes = await Promise.all([
      codeOf(removeWishByStaff(ctx.db, clerk, { wishId: w.id, reason: "DUPLICATE" }, NOW)),
      codeOf(removeWishByStaff(ctx.db, colleague, { wishId: w.id, reason: "MISUSE" }, NOW)),
    ]);
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK")[0]).toMatch(/^(STATUS_CHANGED|WISH_CLOSED)$/);
    expect(await ctx.db.auditLog.count()).toBe(1);
    expect(await ctx.db.wishOffer.count({ where: { outcome: "DECLINED" } })).toBe(1);
    // Booked meanwhile: closed, refused.
    const booked = await wish({ status: "BOOKED", closedAt: NOW });
    expect(await codeOf(removeWishByStaff(ctx.db, clerk, { wishId: booked.id, reason: "DUPLICATE" }, NOW))).toBe("WISH_CLOSED");
  });

  it("counts the offers of a period by outcome, without personal data", async () => {
    const offer = async (day: string, outcome: "OPEN" | "ACCEPTED" | "DECLINED" | "EXPIRED", hhmm = "09:00") => {
      const w = await wish();
      return insertOffer(ctx.db, w, {
        startsAt: at("2027-03-15", hhmm),
        endsAt: at("2027-03-15", "11:30"),
        offeredAt: at(day, "10:00"),
        deadline: at(day, "22:00"),
        outcome,
      });
    };
    await offer("2027-02-28", "ACCEPTED"); // before the period
    await offer("2027-03-01", "ACCEPTED");
    await offer("2027-03-01", "DECLINED", "09:30");
    await offer("2027-03-02", "EXPIRED", "10:00");
    await offer("2027-03-03", "ACCEPTED", "10:30");
    await offer("2027-03-04", "OPEN", "11:00");

    const result = await readOfferOutcomes(ctx.db, clerk, { officeSlug: "testamt", period: { from: "2027-03-01", to: "2027-03-04" } });
    expect(result.counts).toEqual({ made: 5, accepted: 2, declined: 1, expired: 1, open: 1, acceptanceRate: 0.5 });
    expect(result.offers.map((o) => o.outcome)).toEqual(["OPEN", "ACCEPTED", "EXPIRED", "DECLINED", "ACCEPTED"]);
    expect(JSON.stringify(result.offers)).not.toMatch(/Amira|Beispiel|@example|TV-OFFR|WL-/);
    expect(await codeOf(readOfferOutcomes(ctx.db, otherClerk, { officeSlug: "testamt", period: { from: TODAY, to: TODAY } }))).toBe("FORBIDDEN");
  });

  it("expires waiting wishes the day after their latest date, once, in the scheduler's run", async () => {
    const lastToday = await wish({ latestDate: TODAY });
    const lastYesterday = await wish({ latestDate: "2027-03-03" });
    const unconfirmed = await wish({ latestDate: "2027-03-03", status: "UNCONFIRMED" });
    const withdrawn = await wish({ latestDate: "2027-03-03", status: "WITHDRAWN", closedAt: at("2027-03-01", "12:00") });
    const offered = await wish({ latestDate: "2027-03-03" });
    await insertOffer(ctx.db, offered, { startsAt: at("2027-03-08", "09:00"), endsAt: at("2027-03-08", "09:30"), offeredAt: NOW, deadline: at(TODAY, "20:00") });

    const log = { info: jest.fn(), error: jest.fn() };
    await runJobs(ctx.db, log, NOW);
    expect(log.error).not.toHaveBeenCalled();
    const status = async (id: string) => ctx.db.wish.findUniqueOrThrow({ where: { id } });
    expect(await status(lastToday.id)).toMatchObject({ status: "ACTIVE", closedAt: null });
    expect(await status(lastYesterday.id)).toMatchObject({ status: "EXPIRED", closedAt: NOW });
    expect(await status(unconfirmed.id)).toMatchObject({ status: "EXPIRED", closedAt: NOW });
    expect(await status(withdrawn.id)).toMatchObject({ status: "WITHDRAWN", closedAt: at("2027-03-01", "12:00") });
    // Its offer runs until its own deadline.
    expect(await status(offered.id)).toMatchObject({ status: "ACTIVE" });
    // Just before local midnight the latest date is still today; a second run changes nothing.
    expect(await expireWishes(ctx.db, { now: at(TODAY, "23:59") })).toBe(0);
    expect(await expireWishes(ctx.db, { now: at("2027-03-05", "00:00") })).toBe(1);
    expect(await status(lastToday.id)).toMatchObject({ status: "EXPIRED" });
  });

  it("erases a closed wish's personal data after the retention period and keeps its figures", async () => {
    const closedAt = at("2027-03-01", "12:00");
    const expired = await wish({ status: "EXPIRED", closedAt, permitExpiresOn: "2027-05-01", n: 51 });
    const removed = await wish({ status: "REMOVED", closedAt: new Date(closedAt.getTime() + 2 * DAY_MS), n: 52 });
    const waiting = await wish({ latestDate: "2027-12-31", n: 53 });
    // The confirmation e-mail of the expired wish (not tied to a booking), and one of the waiting wish.
    for (const [n, email] of [[51, "person51@example.org"], [53, "person53@example.org"]] as const) {
      await ctx.db.outboxMessage.create({
        data: { officeId, template: "wish-confirmation", recipient: email, subject: "Ihr Wunsch", payload: JSON.stringify({ name: `Beispiel ${n}` }) },
      });
    }
    const before = await ctx.db.wish.findUniqueOrThrow({ where: { id: expired.id } });

    const retention = 30 * DAY_MS;
    expect(await erasePersonalData(ctx.db, { now: new Date(closedAt.getTime() + retention - 60_000) })).toEqual({ expired: 0, holds: 0, wishes: 0, tickets: 0 });
    const now = new Date(closedAt.getTime() + retention + 60_000);
    expect(await erasePersonalData(ctx.db, { now })).toEqual({ expired: 0, holds: 0, wishes: 1, tickets: 0 });

    const after = await ctx.db.wish.findUniqueOrThrow({ where: { id: expired.id } });
    for (const field of PERSONAL_WISH_FIELDS) expect(after[field]).toBeNull();
    expect(after.erasedAt).toEqual(now);
    const KEPT = ["officeId", "serviceId", "persons", "earliestDate", "latestDate", "weekdays", "dayParts", "source", "status", "referenceCode", "createdAt", "confirmedAt", "closedAt"] as const;
    for (const field of KEPT) expect(after[field]).toEqual(before[field]);
    expect(JSON.stringify(after)).not.toMatch(/Amira|Beispiel|@example\.org|1990-03-27|5550000|identity-|2027-05-01/);
    const mails = await ctx.db.outboxMessage.findMany({ orderBy: { recipient: "asc" } });
    expect(mails.map((m) => [m.recipient, m.payload])).toEqual([
      [ERASED_RECIPIENT, "{}"],
      ["person53@example.org", JSON.stringify({ name: "Beispiel 53" })],
    ]);

    // Two days later the removed one follows; the waiting one keeps its data.
    expect(await erasePersonalData(ctx.db, { now: new Date(now.getTime() + 2 * DAY_MS) })).toMatchObject({ wishes: 1 });
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: removed.id } })).email).toBeNull();
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: waiting.id } })).email).toBe("person53@example.org");
    // The staff list still counts the waiting wish; the offers' figures do not need any erased column.
    expect((await readWaitlist(ctx.db, clerk, { officeSlug: "testamt", now })).counts.total).toBe(1);
  });

  it("'delete my data' on an offered appointment declines the offer and erases the wish too", async () => {
    const w = await wish({ n: 61 });
    const other = await wish({ n: 62 });
    const { offer, manageToken } = await insertOffer(ctx.db, w, {
      startsAt: at("2027-03-08", "09:00"),
      endsAt: at("2027-03-08", "09:30"),
      offeredAt: NOW,
      deadline: new Date(NOW.getTime() + 3_600_000),
      n: 61,
    });
    await deleteMyData(ctx.db, { token: manageToken, now: NOW });
    expect(await ctx.db.wishOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ outcome: "DECLINED" });
    const row = await ctx.db.wish.findUniqueOrThrow({ where: { id: w.id } });
    expect(row).toMatchObject({ status: "WITHDRAWN", closedAt: NOW, openOfferId: null, erasedAt: NOW, email: null, givenName: null });
    // Another person's wish is untouched.
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: other.id } })).email).toBe("person62@example.org");
  });
});
