import { renderMail } from "@/lib/server/mail/render";
import { hashToken } from "@/lib/server/security/tokens";
import { createWish, type CreateWishInput } from "@/lib/server/services/waitlist/create-wish";
import { confirmWishByToken } from "@/lib/server/services/waitlist/confirm-wish";
import { findWishByToken, getWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";
import { updateWishByToken } from "@/lib/server/services/waitlist/update-wish";
import { withdrawWishByToken } from "@/lib/server/services/waitlist/withdraw-wish";
import { offerFreedTime } from "@/lib/server/services/waitlist/offer-freed-time";
import { bookingTransaction } from "@/lib/server/db/transaction";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// Jest cannot run the CommonJS build's native import of react-dom/server; the ES build is transformed like the app.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Monday 1 March 2027, 07:00 in Berlin; the fixture's horizon is 30 days.
const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");

describeEachDatabase("wishes on the waiting list", (ctx) => {
  let ids: { officeId: string; serviceId: string };
  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office, service } = await createOfficeFixture(db, { maxActiveBookingsPerEmail: 2 });
    ids = { officeId: office.id, serviceId: service.id };
  });

  const wish = (overrides: Partial<CreateWishInput> = {}, n = 1) =>
    createWish({
      db: ctx.db,
      ...ids,
      persons: 1,
      person: person(n),
      preferences: { earliestDate: "2027-03-08", latestDate: "2027-04-30", weekdays: [1, 3], dayParts: ["MORNING"] },
      locale: "de",
      source: "WAITLIST",
      now: NOW,
      ...overrides,
    });

  it("writes an unconfirmed wish with only its token's hash and the e-mail with the manage link", async () => {
    const created = await wish({ locale: "ar", permitExpiresOn: "2027-03-20" });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.referenceCode).toMatch(/^TV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const row = await ctx.db.wish.findUniqueOrThrow({ where: { id: created.wishId } });
    expect(row).toMatchObject({
      status: "UNCONFIRMED",
      source: "WAITLIST",
      confirmedAt: null,
      manageTokenHash: hashToken(created.token),
      weekdays: "1,3",
      dayParts: "MORNING",
      earliestDate: "2027-03-08",
      latestDate: "2027-04-30",
      email: "person1@example.org",
      emailKey: "person1@example.org",
      locale: "ar",
      permitExpiresOn: "2027-03-20",
    });
    expect(row.identityHash).toMatch(/^[0-9a-f]{64}$/);

    const mails = await ctx.db.outboxMessage.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "wish-confirmation", recipient: "person1@example.org", status: "PENDING" });
    const rendered = await renderMail("wish-confirmation", mails[0].payload);
    expect(rendered.attachments).toHaveLength(0);
    expect(rendered.text).toContain(`/ar/warteliste/${created.token}`);
    expect(rendered.subject).toContain(created.referenceCode);
    // Arabic, with the wish as entered: Monday and Wednesday, mornings.
    expect(rendered.html).toContain('dir="rtl"');
    expect(rendered.text).toContain("الاثنين");
    expect(rendered.text).toContain("الأربعاء");
    expect(rendered.text).toContain("صباحًا");
  });

  it("keeps the permit expiry the personal-data step asked for", async () => {
    const { wishId } = await wish({ person: { ...person(4), permitExpiresOn: "2027-04-01" } }, 4);
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } })).permitExpiresOn).toBe("2027-04-01");
  });

  it("gives one identity hash to one person however the name is spelt", async () => {
    const a = await wish({}, 1);
    const b = await wish({ person: { ...person(1), givenName: " AMIRA ", email: "other@example.org" } }, 2);
    const c = await wish({ person: { ...person(1), dateOfBirth: "1990-03-28", email: "third@example.org" } }, 3);
    const rows = await ctx.db.wish.findMany({ where: { id: { in: [a.wishId, b.wishId, c.wishId] } } });
    const hash = (id: string) => rows.find((r) => r.id === id)?.identityHash;
    expect(hash(a.wishId)).toBe(hash(b.wishId));
    expect(hash(a.wishId)).not.toBe(hash(c.wishId));
  });

  it("limits open wishes per mailbox like bookings, however the address is spelt", async () => {
    await wish();
    await wish({ person: { ...person(1), email: "Person1+warteliste@Example.org" } });
    expect(await codeOf(wish({ person: { ...person(1), email: "PERSON1@example.org" } }))).toBe("TOO_MANY_WISHES");
    // Another address, and another office, are not affected.
    expect(await codeOf(wish({}, 2))).toBe("OK");
    // A withdrawn wish no longer counts.
    await ctx.db.wish.updateMany({ where: { email: "person1@example.org" }, data: { status: "WITHDRAWN" } });
    expect(await codeOf(wish())).toBe("OK");
    expect(await ctx.db.wish.count()).toBe(4);
    expect(await ctx.db.outboxMessage.count()).toBe(4);
  });

  it("refuses bad preferences, persons, unknown services and a disabled waiting list, writing nothing", async () => {
    const prefs = { earliestDate: "2027-03-08", latestDate: "2027-04-30", weekdays: [1], dayParts: ["MORNING"] } as const;
    expect(await codeOf(wish({ preferences: { ...prefs, latestDate: "2027-03-07" } }))).toBe("INVALID_INPUT");
    expect(await codeOf(wish({ preferences: { ...prefs, earliestDate: "2027-02-28" } }))).toBe("INVALID_INPUT");
    expect(await codeOf(wish({ preferences: { ...prefs, weekdays: [] } }))).toBe("INVALID_INPUT");
    expect(await codeOf(wish({ preferences: { ...prefs, dayParts: [] } }))).toBe("INVALID_INPUT");
    // 30 days of horizon + 183: 2027-09-30 is the last date a wish may name.
    expect(await codeOf(wish({ preferences: { ...prefs, latestDate: "2027-10-01" } }))).toBe("INVALID_INPUT");
    expect(await codeOf(wish({ persons: 4 }))).toBe("INVALID_INPUT");
    expect(await codeOf(wish({ serviceId: "unknown" }))).toBe("SERVICE_NOT_FOUND");
    expect(await codeOf(wish({ officeId: "unknown" }))).toBe("OFFICE_NOT_FOUND");
    await ctx.db.office.update({ where: { id: ids.officeId }, data: { waitlistEnabled: false } });
    expect(await codeOf(wish())).toBe("WAITLIST_DISABLED");
    expect(await ctx.db.wish.count()).toBe(0);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
    // A round's request is no waiting-list entry of its own: it is taken even then.
    expect(await codeOf(wish({ source: "ROUND", preferences: { ...prefs, latestDate: "2027-09-30" } }))).toBe("OK");
  });

  const LATER = at(MONDAY, "09:00");
  const prefs = { earliestDate: "2027-03-08", latestDate: "2027-04-30", weekdays: [2, 4], dayParts: ["AFTERNOON"] } as const;

  it("is read only by its token and confirmed only by the explicit confirmation, which keeps its first time", async () => {
    const { token, wishId } = await wish();
    // Reading the wish (the GET of the link) confirms nothing.
    expect((await getWishByToken(ctx.db, token)).status).toBe("UNCONFIRMED");
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } })).status).toBe("UNCONFIRMED");

    const confirmed = await confirmWishByToken(ctx.db, { token, now: LATER });
    expect(confirmed).toMatchObject({ status: "ACTIVE", confirmedAt: LATER });
    // Twice: harmless, the place in the order stays.
    await confirmWishByToken(ctx.db, { token, now: at(MONDAY, "10:00") });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } })).toMatchObject({ status: "ACTIVE", confirmedAt: LATER });
  });

  it("changes preferences by the form's rules and keeps the place in the order", async () => {
    const { token, wishId } = await wish();
    await confirmWishByToken(ctx.db, { token, now: LATER });
    await updateWishByToken(ctx.db, { token, preferences: prefs, now: at(MONDAY, "11:00") });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } })).toMatchObject({
      status: "ACTIVE",
      confirmedAt: LATER,
      weekdays: "2,4",
      dayParts: "AFTERNOON",
      earliestDate: "2027-03-08",
      latestDate: "2027-04-30",
    });
    const refused = updateWishByToken(ctx.db, { token, preferences: { ...prefs, latestDate: "2027-03-01" }, now: LATER });
    await expect(refused).rejects.toMatchObject({ code: "INVALID_INPUT", field: "latestDate", reason: "latestBeforeEarliest" });
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } })).latestDate).toBe("2027-04-30");
  });

  it("withdraws once and then refuses changes and confirmation", async () => {
    const { token, wishId } = await wish();
    await withdrawWishByToken(ctx.db, { token, now: LATER });
    await withdrawWishByToken(ctx.db, { token, now: at(MONDAY, "10:00") });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } })).toMatchObject({ status: "WITHDRAWN", closedAt: LATER });
    expect(await codeOf(confirmWishByToken(ctx.db, { token, now: LATER }))).toBe("WISH_CLOSED");
    expect(await codeOf(updateWishByToken(ctx.db, { token, preferences: prefs, now: LATER }))).toBe("WISH_CLOSED");
  });

  it("refuses to confirm a wish past its latest date", async () => {
    const { token } = await wish();
    expect(await codeOf(confirmWishByToken(ctx.db, { token, now: at("2027-05-01", "08:00") }))).toBe("WISH_CLOSED");
  });

  it("answers a wrong, malformed or erased token as not found, never with a crash", async () => {
    const { token, wishId } = await wish();
    const wrong = "A".repeat(43);
    for (const bad of [wrong, "kurz", "", "x".repeat(5000), "../../etc"]) {
      expect(await findWishByToken(ctx.db, bad)).toBeNull();
      expect(await codeOf(confirmWishByToken(ctx.db, { token: bad, now: LATER }))).toBe("WISH_NOT_FOUND");
      expect(await codeOf(withdrawWishByToken(ctx.db, { token: bad, now: LATER }))).toBe("WISH_NOT_FOUND");
      expect(await codeOf(updateWishByToken(ctx.db, { token: bad, preferences: prefs, now: LATER }))).toBe("WISH_NOT_FOUND");
    }
    await ctx.db.wish.update({ where: { id: wishId }, data: { erasedAt: LATER } });
    expect(await findWishByToken(ctx.db, token)).toBeNull();
    expect(await codeOf(confirmWishByToken(ctx.db, { token, now: LATER }))).toBe("WISH_NOT_FOUND");
  });

  it("withdrawing passes an open offer on: its hold ends, and the wish gets no other time", async () => {
    const { token, wishId } = await wish({ preferences: { ...prefs, weekdays: [1], dayParts: ["MORNING"] } });
    await confirmWishByToken(ctx.db, { token, now: LATER });
    // Monday 8 March is open 08:00-12:00: its free times are offered to the one matching wish.
    const made = await bookingTransaction(ctx.db, ids.officeId, ["2027-03-08"], (tx) =>
      offerFreedTime(tx, { officeId: ids.officeId, dates: ["2027-03-08"], now: LATER }),
    );
    expect(made).toHaveLength(1);
    const offered = await getWishByToken(ctx.db, token);
    expect(offered.openOffer?.booking.status).toBe("HELD");

    await withdrawWishByToken(ctx.db, { token, now: at(MONDAY, "10:00") });
    const row = await ctx.db.wish.findUniqueOrThrow({ where: { id: wishId } });
    expect(row).toMatchObject({ status: "WITHDRAWN", openOfferId: null });
    const offers = await ctx.db.wishOffer.findMany({ where: { wishId } });
    expect(offers.map((o) => o.outcome)).toEqual(["DECLINED"]);
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: offers[0].bookingId } })).status).toBe("CANCELLED");
  });
});
