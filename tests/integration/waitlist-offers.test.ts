import type { Db } from "@/lib/server/db/client";
import { renderMail } from "@/lib/server/mail/render";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { createBooking } from "@/lib/server/services/create-booking";
import { acceptOffer } from "@/lib/server/services/waitlist/accept-offer";
import { declineOffer } from "@/lib/server/services/waitlist/decline-offer";
import { sweepWaitlist } from "@/lib/server/services/waitlist/sweep-waitlist";
import { confirmBookingByToken } from "@/lib/server/services/confirm-booking";
import { createManageToken } from "@/lib/server/security/tokens";
import { MAX_UNANSWERED_OFFERS } from "@/lib/domain/waitlist";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { citizenBooking } from "../helpers/integration/bookings";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { staff } from "../helpers/integration/staff";
import { appliedChange } from "../helpers/integration/capacity";
import { createOverrideSchema } from "@/lib/schemas/capacity";
import { createDateOverride } from "@/lib/server/services/capacity";
import { cancelBookingByStaff } from "@/lib/server/services/staff/cancel-booking";
import { moveBookingByStaff } from "@/lib/server/services/staff/move-booking";
import { withdrawWishByToken } from "@/lib/server/services/waitlist/withdraw-wish";
import { removeWishByStaff } from "@/lib/server/services/waitlist/staff/remove-wish";

// See tests/integration/mail-smtp.test.ts: Jest runs the ES build of @react-email/render.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Offers from the waiting list through the real services on both databases. One clerk on Mondays 08:00-12:00 and a
// 30-minute service: eight places, all booked, so the only free time is the one a test frees.

const MONDAY = "2027-03-01";
const STARTS = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];
// Thursday before, 07:00: offers get the office's full 12 hours.
const NOW = at("2027-02-25", "07:00");
const HOUR = 3_600_000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const NINE = at(MONDAY, "09:00");

interface Given {
  officeId: string;
  serviceId: string;
  /** Manage tokens of the day's bookings by start. */
  tokens: Map<string, string>;
}

async function fullMonday(db: Db, clerks = 1): Promise<Given> {
  const { office, service } = await createOfficeFixture(db, { blocks: [[1, "08:00", "12:00", clerks]], minNoticeMinutes: 60 });
  const tokens = new Map<string, string>();
  let n = 100;
  for (const start of STARTS) {
    for (let c = 0; c < clerks; c++) {
      const booked = await createBooking(db, citizenBooking({ start: at(MONDAY, start), now: NOW }, n++));
      if (c === 0) tokens.set(start, booked.manageToken);
    }
  }
  return { officeId: office.id, serviceId: service.id, tokens };
}

let wishNumber = 0;

/** A confirmed wish of citizen `n`; `order` sets its confirmation time (smaller: earlier). */
async function wish(db: Db, g: Given, n: number, order: number, data: { dayParts?: string; urgent?: boolean } = {}) {
  const token = createManageToken();
  const row = await db.wish.create({
    data: {
      officeId: g.officeId,
      serviceId: g.serviceId,
      persons: 1,
      earliestDate: "2027-02-26",
      latestDate: MONDAY,
      weekdays: "1,2,3,4,5",
      dayParts: data.dayParts ?? "MORNING,AFTERNOON",
      status: "ACTIVE",
      manageTokenHash: token.hash,
      referenceCode: `W-TEST-${++wishNumber}`,
      locale: "de",
      ...person(n),
      permitExpiresOn: data.urgent ? "2027-03-10" : null,
      confirmedAt: new Date(NOW.getTime() - 10 * 24 * HOUR + order * 60_000),
    },
  });
  return { id: row.id, token: token.token };
}

async function offersOf(db: Db) {
  return db.wishOffer.findMany({ include: { booking: true }, orderBy: { offeredAt: "asc" } });
}

/** The manage token of an offer's booking, read from its e-mail (only the hash is stored). */
async function offerToken(db: Db, bookingId: string): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { bookingId, template: "wish-offer" } });
  const url = (JSON.parse(mail.payload) as { manageUrl: string }).manageUrl;
  return url.slice(url.lastIndexOf("/") + 1);
}

/** Every instant of the day (each minute) has at most `clerks` bookings that hold a clerk at `now`. */
async function assertNeverOverCapacity(db: Db, clerks: number, now: Date) {
  const bookings = await db.booking.findMany({
    where: { OR: [{ status: "CONFIRMED" }, { status: "HELD", holdExpiresAt: { gt: now } }] },
  });
  for (let t = at(MONDAY, "08:00").getTime(); t < at(MONDAY, "12:00").getTime(); t += 60_000) {
    const overlapping = bookings.filter((b) => b.startsAt.getTime() <= t && t < b.endsAt.getTime()).length;
    expect(overlapping).toBeLessThanOrEqual(clerks);
  }
}

describeEachDatabase("waiting list: held offers", (ctx) => {
  let g: Given;

  eachTestOnEmptyDatabase(ctx, async () => {
    g = await fullMonday(ctx.db);
  });

  it("offers a cancelled time to the first matching wish, held so that no one else can book it", async () => {
    const second = await wish(ctx.db, g, 2, 2);
    const first = await wish(ctx.db, g, 1, 1);
    await wish(ctx.db, g, 3, 0, { dayParts: "AFTERNOON" });

    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });

    const [offer, ...others] = await offersOf(ctx.db);
    expect(others).toEqual([]);
    expect(offer.wishId).toBe(first.id);
    expect(offer.outcome).toBe("OPEN");
    expect(offer.startsAt).toEqual(NINE);
    expect(offer.deadline).toEqual(later(12));
    expect(offer.booking).toMatchObject({ status: "HELD", holdExpiresAt: later(12), email: "person1@example.org", emailKey: "person1@example.org", channel: "ONLINE" });
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: first.id } })).openOfferId).toBe(offer.id);
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: second.id } })).openOfferId).toBeNull();

    // Nobody books it meanwhile, not even right after the cancellation.
    expect(await codeOf(createBooking(ctx.db, citizenBooking({ start: NINE, now: later(1) }, 50)))).toBe("SLOT_TAKEN");

    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "wish-offer" } });
    expect(mail.recipient).toBe("person1@example.org");
    const rendered = await renderMail("wish-offer", mail.payload);
    expect(rendered.subject).toMatch(/^Termin frei für Sie: /);
    // 19:00 in Berlin, written out with its date.
    expect(rendered.text).toContain("bis Donnerstag, 25. Februar 2027, 19:00 Uhr");
    expect(rendered.text).toContain(`/termin/${await offerToken(ctx.db, offer.bookingId)}`);
    expect(rendered.attachments).toEqual([]);
  });

  it("gives an urgent wish the time before an earlier one", async () => {
    await wish(ctx.db, g, 1, 1);
    const urgent = await wish(ctx.db, g, 2, 5, { urgent: true });
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });
    const [offer] = await offersOf(ctx.db);
    expect(offer.wishId).toBe(urgent.id);
    expect(offer.booking.urgent).toBe(true);
  });

  it("accepting confirms the booking with the normal confirmation and calendar file, and books the wish", async () => {
    const first = await wish(ctx.db, g, 1, 1);
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });
    const [offer] = await offersOf(ctx.db);
    const token = await offerToken(ctx.db, offer.bookingId);

    const accepted = await acceptOffer(ctx.db, { bookingToken: token, now: later(2) });
    expect(accepted).toMatchObject({ bookingId: offer.bookingId, startsAt: NINE, manageToken: token });
    const booking = await ctx.db.booking.findUniqueOrThrow({ where: { id: offer.bookingId } });
    expect(booking).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect(await ctx.db.wishOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ outcome: "ACCEPTED", decidedAt: later(2) });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "BOOKED",
      bookingId: offer.bookingId,
      openOfferId: null,
    });
    const confirmation = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "booking-confirmation", bookingId: offer.bookingId } });
    const rendered = await renderMail("booking-confirmation", confirmation.payload);
    expect(rendered.attachments.map((a) => a.filename)).toEqual(["termin.ics"]);
    expect(rendered.text).toContain(`/termin/${token}`);

    // Twice is harmless; declining afterwards is refused; the wish's own link sees the same offer.
    expect(await codeOf(acceptOffer(ctx.db, { bookingToken: token, now: later(3) }))).toBe("OK");
    expect(await codeOf(declineOffer(ctx.db, { wishToken: first.token, now: later(3) }))).toBe("OFFER_DECIDED");
    expect(await ctx.db.outboxMessage.count({ where: { template: "booking-confirmation", bookingId: offer.bookingId } })).toBe(1);
  });

  it("accepting by the wish's link gives the confirmation a fresh manage link", async () => {
    const first = await wish(ctx.db, g, 1, 1);
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });
    const accepted = await acceptOffer(ctx.db, { wishToken: first.token, now: later(1) });
    expect(accepted.manageToken).toEqual(expect.any(String));
    const confirmation = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "booking-confirmation", bookingId: accepted.bookingId } });
    expect(JSON.parse(confirmation.payload).manageUrl).toMatch(new RegExp(`/termin/${accepted.manageToken}$`));
    // The manage page's own confirm button on the offer link would have accepted it as well.
    const held = await wish(ctx.db, g, 2, 2);
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("10:00")!, now: NOW });
    const offer = (await offersOf(ctx.db)).find((o) => o.wishId === held.id)!;
    await confirmBookingByToken(ctx.db, { token: await offerToken(ctx.db, offer.bookingId), now: later(1) });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "BOOKED", bookingId: offer.bookingId });
  });

  it("declining passes the time to the next matching wish in the same transaction; the decliner keeps waiting", async () => {
    const first = await wish(ctx.db, g, 1, 1);
    const second = await wish(ctx.db, g, 2, 2);
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });
    const [offer] = await offersOf(ctx.db);

    await declineOffer(ctx.db, { bookingToken: await offerToken(ctx.db, offer.bookingId), now: later(1) });
    expect(await codeOf(declineOffer(ctx.db, { wishToken: first.token, now: later(1) }))).toBe("OFFER_NOT_FOUND");

    const offers = await offersOf(ctx.db);
    expect(offers.map((o) => [o.wishId, o.outcome, o.booking.status, o.startsAt.getTime()])).toEqual([
      [first.id, "DECLINED", "CANCELLED", NINE.getTime()],
      [second.id, "OPEN", "HELD", NINE.getTime()],
    ]);
    expect(offers[1].deadline).toEqual(later(13));
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "ACTIVE", openOfferId: null });
    expect(await codeOf(createBooking(ctx.db, citizenBooking({ start: NINE, now: later(1) }, 50)))).toBe("SLOT_TAKEN");

    // The second declines too: no wish is left that takes 09:00 (the first declined it), so it goes public.
    await declineOffer(ctx.db, { wishToken: second.token, now: later(2) });
    expect((await offersOf(ctx.db)).map((o) => o.outcome)).toEqual(["DECLINED", "DECLINED"]);
    expect(await codeOf(createBooking(ctx.db, citizenBooking({ start: NINE, now: later(2) }, 50)))).toBe("OK");
  });

  it("expiry passes the time on: by the sweep, or by the next public booking attempt on that day", async () => {
    const first = await wish(ctx.db, g, 1, 1);
    const second = await wish(ctx.db, g, 2, 2);
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });
    const [offer] = await offersOf(ctx.db);

    // Past the deadline, accepting is refused; a public attempt first expires the offer and hands it on.
    expect(await codeOf(acceptOffer(ctx.db, { wishToken: first.token, now: later(12) }))).toBe("OFFER_EXPIRED");
    expect(await codeOf(createBooking(ctx.db, citizenBooking({ start: NINE, now: later(13) }, 50)))).toBe("SLOT_TAKEN");
    const offers = await offersOf(ctx.db);
    expect(offers.map((o) => [o.wishId, o.outcome])).toEqual([
      [first.id, "EXPIRED"],
      [second.id, "OPEN"],
    ]);
    expect(offers[0].booking.status).toBe("CANCELLED");
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "ACTIVE", openOfferId: null });
    expect(offer.id).toBe(offers[0].id);

    // The second lets it expire too; the sweep (the scheduler's guaranteed run) expires it, and nobody is left.
    const swept = await sweepWaitlist(ctx.db, { now: later(26) });
    expect(swept.offered).toBe(0);
    expect((await offersOf(ctx.db)).map((o) => o.outcome)).toEqual(["EXPIRED", "EXPIRED"]);
    expect(await codeOf(createBooking(ctx.db, citizenBooking({ start: NINE, now: later(26) }, 50)))).toBe("OK");
  });

  it("withdrawing a wish, or staff removing it, passes its open offer on at once", async () => {
    const first = await wish(ctx.db, g, 1, 1);
    const second = await wish(ctx.db, g, 2, 2);
    const third = await wish(ctx.db, g, 3, 3);
    await cancelBookingByToken(ctx.db, { token: g.tokens.get("09:00")!, now: NOW });

    await withdrawWishByToken(ctx.db, { token: first.token, now: later(1) });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "WITHDRAWN", openOfferId: null });
    expect((await offersOf(ctx.db)).map((o) => [o.wishId, o.outcome])).toEqual([
      [first.id, "DECLINED"],
      [second.id, "OPEN"],
    ]);

    const clerk = await staff(ctx.db, "CLERK", [g.officeId]);
    expect((await removeWishByStaff(ctx.db, clerk, { wishId: second.id, reason: "CITIZEN_REQUEST" }, later(2))).offerReleased).toBe(true);
    const offers = await offersOf(ctx.db);
    expect(offers.map((o) => [o.wishId, o.outcome])).toEqual([
      [first.id, "DECLINED"],
      [second.id, "DECLINED"],
      [third.id, "OPEN"],
    ]);
    expect(offers[2].startsAt).toEqual(NINE);
    await assertNeverOverCapacity(ctx.db, 1, later(2));
  });

  it("capacity an administrator adds goes to the waiting list before anyone else", async () => {
    const clerk = await staff(ctx.db, "OFFICE_ADMIN", [g.officeId]);
    const first = await wish(ctx.db, g, 1, 1, { dayParts: "MORNING" });
    const second = await wish(ctx.db, g, 2, 2);
    // An override with the usual hours adds nothing; a second one opens 12:00-13:00, an afternoon time.
    const input = createOverrideSchema.parse({ officeId: g.officeId, date: MONDAY, start: "08:00", end: "12:00", clerks: 1 });
    appliedChange(await createDateOverride(ctx.db, clerk, input, NOW));
    expect(await ctx.db.wishOffer.count()).toBe(0);
    const wider = createOverrideSchema.parse({ officeId: g.officeId, date: MONDAY, start: "12:00", end: "13:00", clerks: 1 });
    appliedChange(await createDateOverride(ctx.db, clerk, wider, NOW));
    const offers = await offersOf(ctx.db);
    expect(offers.map((o) => [o.wishId, o.startsAt.getTime()])).toEqual([[second.id, at(MONDAY, "12:00").getTime()]]);
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ openOfferId: null });
  });

  it("a clerk's cancellation and move free time for the waiting list too", async () => {
    const clerk = await staff(ctx.db, "CLERK", [g.officeId]);
    const first = await wish(ctx.db, g, 1, 1);
    const second = await wish(ctx.db, g, 2, 2);
    const nine = await ctx.db.booking.findFirstOrThrow({ where: { startsAt: NINE } });
    await cancelBookingByStaff(ctx.db, clerk, { bookingId: nine.id, reason: "Krankheit" }, NOW);
    // The ten o'clock appointment moves to 11:30 after that booking is cancelled: 10:00 becomes free.
    const eleven = await ctx.db.booking.findFirstOrThrow({ where: { startsAt: at(MONDAY, "11:30") } });
    await ctx.db.booking.update({ where: { id: eleven.id }, data: { status: "CANCELLED", cancelledAt: NOW, cancelReason: "citizen" } });
    const ten = await ctx.db.booking.findFirstOrThrow({ where: { startsAt: at(MONDAY, "10:00") } });
    await moveBookingByStaff(ctx.db, clerk, { bookingId: ten.id, start: at(MONDAY, "11:30") }, NOW);
    expect((await offersOf(ctx.db)).map((o) => [o.wishId, o.startsAt.getTime()])).toEqual([
      [first.id, NINE.getTime()],
      [second.id, at(MONDAY, "10:00").getTime()],
    ]);
    await assertNeverOverCapacity(ctx.db, 1, NOW);
  });

  it(`closes a wish that let ${MAX_UNANSWERED_OFFERS} offers expire`, async () => {
    const silent = await wish(ctx.db, g, 1, 1);
    const starts = STARTS.slice(0, MAX_UNANSWERED_OFFERS);
    for (const [i, start] of starts.entries()) {
      await cancelBookingByToken(ctx.db, { token: g.tokens.get(start)!, now: later(i * 13) });
      await sweepWaitlist(ctx.db, { now: later(i * 13 + 12.5), scope: "due" });
    }
    const offers = await offersOf(ctx.db);
    expect(offers.map((o) => o.outcome)).toEqual(starts.map(() => "EXPIRED"));
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: silent.id } })).toMatchObject({ status: "EXPIRED", openOfferId: null });
  });

  it("the sweep offers free time no change announced (e.g. a day the horizon newly reaches)", async () => {
    // A free place that was never offered: the booking is removed behind the services' back.
    await ctx.db.booking.deleteMany({ where: { startsAt: NINE } });
    const first = await wish(ctx.db, g, 1, 1);
    const result = await sweepWaitlist(ctx.db, { now: NOW });
    expect(result.offered).toBe(1);
    expect((await offersOf(ctx.db)).map((o) => [o.wishId, o.startsAt.getTime()])).toEqual([[first.id, NINE.getTime()]]);
    // A second sweep changes nothing.
    expect((await sweepWaitlist(ctx.db, { now: NOW })).offered).toBe(0);
  });

  it("refuses unknown and malformed tokens with a clear error", async () => {
    expect(await codeOf(acceptOffer(ctx.db, { bookingToken: "x".repeat(43), now: NOW }))).toBe("BOOKING_NOT_FOUND");
    expect(await codeOf(acceptOffer(ctx.db, { wishToken: "x".repeat(43), now: NOW }))).toBe("OFFER_NOT_FOUND");
    // A booking that is no offer.
    expect(await codeOf(declineOffer(ctx.db, { bookingToken: g.tokens.get("08:00")!, now: NOW }))).toBe("OFFER_NOT_FOUND");
    // A wish without an offer.
    const waiting = await wish(ctx.db, g, 1, 1);
    expect(await codeOf(acceptOffer(ctx.db, { wishToken: waiting.token, now: NOW }))).toBe("OFFER_NOT_FOUND");
  });
});

describeEachDatabase("waiting list: parallel cancellations and offers", (ctx) => {
  const CLERKS = 3;
  let g: Given;
  let tokens: string[];

  eachTestOnEmptyDatabase(ctx, async () => {
    g = await fullMonday(ctx.db, CLERKS);
    tokens = (await ctx.db.booking.findMany({ select: { id: true } })).map(() => "");
  });

  it("50 parallel cancellations and answers never give one time twice, one wish two live offers, or any instant too many", async () => {
    // 24 bookings (3 clerks x 8 starts); the citizens' tokens were only returned once, so new ones are set.
    const bookings = await ctx.db.booking.findMany({ orderBy: { startsAt: "asc" } });
    tokens = [];
    for (const b of bookings) {
      const t = createManageToken();
      await ctx.db.booking.update({ where: { id: b.id }, data: { manageTokenHash: t.hash } });
      tokens.push(t.token);
    }
    const wishes = [];
    for (let n = 1; n <= 30; n++) wishes.push(await wish(ctx.db, g, n, n));

    const now = later(1);
    const attempts: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      if (i < tokens.length) attempts.push(cancelBookingByToken(ctx.db, { token: tokens[i], now }).catch(() => undefined));
      else attempts.push(declineOffer(ctx.db, { wishToken: wishes[i - tokens.length].token, now }).catch(() => undefined));
      if (i % 5 === 0) attempts.push(createBooking(ctx.db, citizenBooking({ start: NINE, now }, 500 + i)).catch(() => undefined));
    }
    await Promise.all(attempts);

    const live = await ctx.db.wishOffer.findMany({ where: { outcome: "OPEN" }, include: { booking: true } });
    // Never two live offers for one wish, and each open offer is the wish's one open offer.
    expect(new Set(live.map((o) => o.wishId)).size).toBe(live.length);
    for (const o of live) {
      expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: o.wishId } })).openOfferId).toBe(o.id);
      expect(o.booking.status).toBe("HELD");
    }
    // Every freed place went to a wish (30 wishes, 24 places) unless a wish declined it and it went on.
    expect(live.length).toBeGreaterThan(0);
    await assertNeverOverCapacity(ctx.db, CLERKS, now);
    // Never two offers holding one place beyond capacity: live offers per start at most the clerks.
    const perStart = new Map<number, number>();
    for (const o of live) perStart.set(o.startsAt.getTime(), (perStart.get(o.startsAt.getTime()) ?? 0) + 1);
    expect(Math.max(...perStart.values())).toBeLessThanOrEqual(CLERKS);
  });
});
