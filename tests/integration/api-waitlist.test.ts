// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run; the ES
// build is transformed like the app's code.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { GET as getChallenge } from "@/app/api/antibot/challenge/route";
import { POST as acceptByBooking } from "@/app/api/v1/bookings/[token]/offer/acceptance/route";
import { POST as declineByBooking } from "@/app/api/v1/bookings/[token]/offer/refusal/route";
import { DELETE as cancelBooking, GET as viewBooking } from "@/app/api/v1/bookings/[token]/route";
import { POST as postBooking } from "@/app/api/v1/bookings/route";
import { POST as confirmWish } from "@/app/api/v1/wishes/[token]/confirmation/route";
import { POST as acceptOffer } from "@/app/api/v1/wishes/[token]/offer/acceptance/route";
import { POST as declineOffer } from "@/app/api/v1/wishes/[token]/offer/refusal/route";
import { DELETE as withdrawWish, GET as viewWish, PATCH as updateWish } from "@/app/api/v1/wishes/[token]/route";
import { POST as createWish } from "@/app/api/v1/wishes/route";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deWaitlist from "@/lib/i18n/messages/de/waitlist.json";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enWaitlist from "@/lib/i18n/messages/en/waitlist.json";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { overrideAntibot } from "@/lib/server/security/antibot";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";
import { overrideBookingLimits } from "@/lib/server/security/rate-limit";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { insertOffer, insertWish } from "../helpers/integration/waitlist-rows";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The waiting list through the JSON API: the same createWish, confirm, update and withdraw services as the wish form
// and its manage page. The clock is pinned to Monday 4 March 2030, 07:00 in Berlin; the office's horizon is 30 days.
// Every answer is checked against the OpenAPI document.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// Most tests post without a proof of work; the anti-bot test below switches it on.
process.env.ANTIBOT ??= "off";

const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");
const OFFICE = "auslaenderbehoerde";
const SERVICE = "aufenthaltstitel";
const CLIENT_IP = "203.0.113.78";

const preferences = { earliestDate: "2030-03-11", latestDate: "2030-04-30", weekdays: [3, 1], dayParts: ["MORNING"] };
const valid = {
  office: OFFICE,
  service: SERVICE,
  persons: 2,
  givenName: "Amira",
  familyName: "Haddad",
  email: "Amira.Haddad@example.org",
  dateOfBirth: "1990-05-17",
  privacyConsent: true,
  permitExpiresOn: "2030-03-20",
  preferences,
};

function post(body: unknown, headers: Record<string, string> = {}) {
  return callApi(createWish, "/api/v1/wishes", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", "accept-language": "de-DE", [PEER_ADDRESS_HEADER]: CLIENT_IP, ...headers },
  });
}

const wishPath = (token: string) => `/api/v1/wishes/${encodeURIComponent(token)}`;
const view = (token: string, query = "") => callApi(viewWish, `${wishPath(token)}${query}`, { params: { token } });
const confirm = (token: string) => callApi(confirmWish, `${wishPath(token)}/confirmation`, { method: "POST", params: { token } });
const withdraw = (token: string) => callApi(withdrawWish, wishPath(token), { method: "DELETE", params: { token } });
const accept = (token: string) => callApi(acceptOffer, `${wishPath(token)}/offer/acceptance`, { method: "POST", params: { token } });
const decline = (token: string) => callApi(declineOffer, `${wishPath(token)}/offer/refusal`, { method: "POST", params: { token } });
const patch = (token: string, json: unknown, headers: Record<string, string> = {}) =>
  callApi(updateWish, wishPath(token), { method: "PATCH", json, params: { token }, headers });

describeEachDatabase("API waiting list", (ctx) => {
  let now = NOW;
  const mailWritten = jest.fn();
  let restore: () => void;
  let ids: { officeId: string; serviceId: string };

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => now, mailWritten });
  });
  afterAll(() => restore());

  beforeEach(async () => {
    now = NOW;
    mailWritten.mockClear();
    await resetDatabase(ctx.db);
    const { office, service } = await createOfficeFixture(ctx.db, {
      slug: OFFICE,
      maxActiveBookingsPerEmail: 2,
      blocks: [[1, "08:00", "12:00", 1]],
      services: [{ slug: SERVICE, durationMinutes: 30, maxPersons: 3 }],
    });
    ids = { officeId: office.id, serviceId: service.id };
    await ctx.db.service.update({ where: { id: service.id }, data: { asksPermitExpiry: true } });
  });

  /** The manage token from the newest confirmation e-mail: the API never answers it. */
  async function tokenFromMail(): Promise<string> {
    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "wish-confirmation" }, orderBy: { createdAt: "desc" } });
    const match = /\/warteliste\/([A-Za-z0-9_-]{43})/.exec(mail.payload);
    if (!match) throw new Error("no manage link in the e-mail");
    return match[1];
  }

  async function written() {
    return { wishes: await ctx.db.wish.count(), outbox: await ctx.db.outboxMessage.count() };
  }

  it("writes an unconfirmed wish, e-mails its link, and lets the link's holder confirm, change and withdraw it", async () => {
    const created = await post(valid);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ referenceCode: expect.stringMatching(/^TV-[0-9A-Z]{4}-[0-9A-Z]{4}$/), status: "UNCONFIRMED" });
    // No token and no link in the answer: only the mailbox's owner can confirm.
    expect(created.text).not.toMatch(/warteliste|[A-Za-z0-9_-]{43}/);
    expect(created.response.headers.get("location")).toBeNull();
    expect(mailWritten).toHaveBeenCalledTimes(1);

    const row = await ctx.db.wish.findUniqueOrThrow({ where: { referenceCode: created.body.referenceCode } });
    expect(row).toMatchObject({
      status: "UNCONFIRMED",
      source: "WAITLIST",
      persons: 2,
      weekdays: "1,3",
      dayParts: "MORNING",
      email: "amira.haddad@example.org",
      permitExpiresOn: "2030-03-20",
      locale: "de",
    });
    const token = await tokenFromMail();

    const seen = await view(token, "?lang=en");
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      referenceCode: created.body.referenceCode,
      status: "UNCONFIRMED",
      source: "WAITLIST",
      persons: 2,
      confirmedAt: null,
      preferences: { ...preferences, weekdays: [1, 3] },
      office: { slug: OFFICE, timeZone: "Europe/Berlin" },
      service: { slug: SERVICE },
      offer: null,
      booking: null,
      links: { manage: `${APP_URL}/warteliste/${token}` },
    });
    // Personal data never leaves through the link.
    expect(seen.text).not.toMatch(/Haddad|@example\.org|1990-05-17|2030-03-20/);
    // Reading never confirms.
    expect((await ctx.db.wish.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("UNCONFIRMED");

    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: "ACTIVE", confirmedAt: NOW.toISOString() });
    // Confirming again keeps the first time: the place in the order.
    now = new Date(NOW.getTime() + 3_600_000);
    expect((await confirm(token)).body).toMatchObject({ status: "ACTIVE", confirmedAt: NOW.toISOString() });

    const changed = await patch(token, { earliestDate: "2030-03-05", latestDate: "2030-03-29", weekdays: [5, 2, 2], dayParts: ["AFTERNOON", "MORNING"] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      status: "ACTIVE",
      confirmedAt: NOW.toISOString(),
      preferences: { earliestDate: "2030-03-05", latestDate: "2030-03-29", weekdays: [2, 5], dayParts: ["MORNING", "AFTERNOON"] },
    });
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ weekdays: "2,5", dayParts: "MORNING,AFTERNOON" });

    const withdrawn = await withdraw(token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe("WITHDRAWN");
    expect((await withdraw(token)).body.status).toBe("WITHDRAWN");

    // Closed: neither changed nor confirmed any more, in the request's language.
    const late = await patch(token, preferences, { "accept-language": "en" });
    expect([late.status, late.body]).toEqual([409, { error: { code: "WISH_CLOSED", message: enErrors.WISH_CLOSED } }]);
    expect((await confirm(token)).body.error.code).toBe("WISH_CLOSED");
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "WITHDRAWN", weekdays: "2,5" });
  });

  it("keeps the permit's expiry only for a service that asks for it", async () => {
    await ctx.db.service.update({ where: { id: ids.serviceId }, data: { asksPermitExpiry: false } });
    expect((await post(valid)).status).toBe(201);
    expect((await ctx.db.wish.findFirstOrThrow()).permitExpiresOn).toBeNull();
  });

  it("writes the e-mail and the link in the request's language unless the body names one", async () => {
    await post(valid, { "accept-language": "en-GB,en;q=0.9" });
    expect(await tokenFromMail()).toBeTruthy();
    const first = await ctx.db.wish.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    expect(first.locale).toBe("en");
    const token = await tokenFromMail();
    expect((await view(token)).body.links.manage).toBe(`${APP_URL}/en/warteliste/${token}`);

    await ctx.db.wish.deleteMany();
    await ctx.db.outboxMessage.deleteMany();
    await post({ ...valid, locale: "ar" }, { "accept-language": "en" });
    expect((await ctx.db.wish.findFirstOrThrow()).locale).toBe("ar");
  });

  it("refuses invalid bodies with every field's problem, in the request's language, and writes nothing", async () => {
    const before = await written();
    const bad = await post(
      {
        ...valid,
        persons: "2",
        email: "not-an-address",
        privacyConsent: false,
        permitExpiresOn: "2030-02-30",
        preferences: { earliestDate: "2030-03-01", latestDate: "2031-12-31", weekdays: ["1"], dayParts: [] },
      },
      { "accept-language": "en" },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("INVALID_INPUT");
    expect(bad.body.error.message).toBe(enErrors.INVALID_INPUT);
    // The wish form's own texts, in the request's language.
    expect(bad.body.error.fields["preferences.earliestDate"]).toEqual([enWaitlist.validation.earliestDatePast]);
    expect(bad.body.error.fields["preferences.dayParts"]).toEqual([enWaitlist.validation.dayPartsRequired]);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(
      [
        "email",
        "permitExpiresOn",
        "persons",
        "preferences.dayParts",
        "preferences.earliestDate",
        "preferences.latestDate",
        "preferences.weekdays",
        "privacyConsent",
      ].sort(),
    );

    // The dates in the wrong order: the form's own cross-field rule.
    const order = await post({ ...valid, preferences: { ...preferences, earliestDate: "2030-04-02", latestDate: "2030-04-01" } });
    expect(order.status).toBe(422);
    expect(order.body.error.fields).toEqual({ "preferences.latestDate": [deWaitlist.validation.latestBeforeEarliest] });

    // Too many persons for the service; no preferences at all.
    const more = await post({ ...valid, persons: 4, preferences: undefined });
    expect(Object.keys(more.body.error.fields).sort()).toEqual(["persons", "preferences"]);
    expect(await written()).toEqual(before);
    expect(mailWritten).not.toHaveBeenCalled();
  });

  it("answers unknown offices and services 404, an office without a waiting list and a full mailbox 409", async () => {
    expect((await post({ ...valid, office: "nirgendwo" })).body.error.code).toBe("OFFICE_NOT_FOUND");
    expect((await post({ ...valid, service: "nichts" })).body.error.code).toBe("SERVICE_NOT_FOUND");

    await ctx.db.office.update({ where: { id: ids.officeId }, data: { waitlistEnabled: false } });
    const disabled = await post(valid);
    expect([disabled.status, disabled.body.error]).toEqual([409, { code: "WAITLIST_DISABLED", message: deErrors.WAITLIST_DISABLED }]);
    expect(await written()).toEqual({ wishes: 0, outbox: 0 });

    await ctx.db.office.update({ where: { id: ids.officeId }, data: { waitlistEnabled: true } });
    expect((await post(valid)).status).toBe(201);
    // The same mailbox however spelt: the office allows two open wishes per address.
    expect((await post({ ...valid, email: "amira.haddad@EXAMPLE.org" })).status).toBe(201);
    const third = await post({ ...valid, email: "AMIRA.HADDAD@example.org" });
    expect([third.status, third.body.error.code]).toEqual([409, "TOO_MANY_WISHES"]);
    expect(await written()).toEqual({ wishes: 2, outbox: 2 });
  });

  it("answers a wrong, malformed or erased token 404 alike, whatever the method", async () => {
    const wish = await insertWish(ctx.db, { ...ids, earliestDate: "2030-03-11", latestDate: "2030-04-30" });
    const wrong = "A".repeat(43);
    for (const token of [wrong, "kurz", "../../etc/passwd", `${wrong}A`]) {
      for (const answer of [await view(token), await confirm(token), await withdraw(token), await patch(token, preferences)]) {
        expect([token, answer.status, answer.body]).toEqual([token, 404, { error: { code: "WISH_NOT_FOUND", message: deErrors.WISH_NOT_FOUND } }]);
      }
    }
    expect(await ctx.db.wish.findUniqueOrThrow({ where: { id: wish.id } })).toMatchObject({ status: "ACTIVE", weekdays: wish.weekdays });
  });

  it("shows the open offer with its deadline, and the appointment once booked", async () => {
    const created = await post(valid);
    const token = await tokenFromMail();
    await confirm(token);
    const wish = await ctx.db.wish.findUniqueOrThrow({ where: { referenceCode: created.body.referenceCode } });
    const startsAt = at("2030-03-11", "09:00");
    const endsAt = at("2030-03-11", "09:30");
    const deadline = new Date(NOW.getTime() + 12 * 3_600_000);
    const offered = await insertOffer(ctx.db, wish, { startsAt, endsAt, offeredAt: NOW, deadline });
    const open = await view(token);
    expect(open.body).toMatchObject({
      status: "ACTIVE",
      offer: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), deadline: deadline.toISOString() },
      booking: null,
    });

    // Accepted (as the offers service leaves it): the appointment's reference instead of the offer.
    await ctx.db.booking.update({ where: { id: offered.booking.id }, data: { status: "CONFIRMED", holdExpiresAt: null } });
    await ctx.db.wishOffer.update({ where: { id: offered.offer.id }, data: { outcome: "ACCEPTED", decidedAt: NOW } });
    await ctx.db.wish.update({ where: { id: wish.id }, data: { status: "BOOKED", openOfferId: null, bookingId: offered.booking.id } });
    const booked = await view(token);
    expect(booked.body).toMatchObject({
      status: "BOOKED",
      offer: null,
      booking: { referenceCode: offered.booking.referenceCode, status: "CONFIRMED", startsAt: startsAt.toISOString() },
    });
    // A booked wish is closed for changes and withdrawal.
    expect((await withdraw(token)).body.error.code).toBe("WISH_CLOSED");
  });

  /** A confirmed wish made through the API, with its token from the e-mail and its row. */
  async function confirmedWish(body: object = valid) {
    const created = await post(body);
    const token = await tokenFromMail();
    expect((await confirm(token)).status).toBe(200);
    return { token, row: await ctx.db.wish.findUniqueOrThrow({ where: { referenceCode: created.body.referenceCode } }) };
  }

  it("offers time freed by a cancellation through the API to the wish, which accepts it and gets the booking's token", async () => {
    // Someone else's appointment on the wished Monday morning, booked and then cancelled through the API.
    const booked = await callApi(postBooking, "/api/v1/bookings", {
      method: "POST",
      json: {
        office: OFFICE,
        service: SERVICE,
        start: at("2030-03-11", "10:00").toISOString(),
        familyName: "Schmidt",
        email: "schmidt@example.org",
        dateOfBirth: "1980-01-01",
        privacyConsent: true,
      },
    });
    expect(booked.status).toBe(201);
    const { token } = await confirmedWish();
    expect((await view(token)).body.offer).toBeNull();
    expect((await callApi(cancelBooking, `/api/v1/bookings/${booked.body.manageToken}`, { method: "DELETE" })).status).toBe(200);

    const offered = await view(token);
    expect(offered.body.status).toBe("ACTIVE");
    const offer = offered.body.offer;
    expect(offer).not.toBeNull();
    expect(offer.startsAt.startsWith("2030-03-11")).toBe(true);
    expect(Date.parse(offer.deadline)).toBeGreaterThan(NOW.getTime());
    expect((await ctx.db.outboxMessage.findMany({ orderBy: { createdAt: "asc" } })).map((m) => m.template)).toContain("wish-offer");

    mailWritten.mockClear();
    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      referenceCode: expect.stringMatching(/^TV-/),
      status: "CONFIRMED",
      startsAt: offer.startsAt,
      endsAt: offer.endsAt,
      manageToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      manageUrl: `${APP_URL}/termin/${accepted.body.manageToken}`,
      calendarUrl: `${APP_URL}/api/v1/bookings/${accepted.body.manageToken}/calendar.ics`,
    });
    expect(accepted.response.headers.get("location")).toBe(`/api/v1/bookings/${accepted.body.manageToken}`);
    expect(mailWritten).toHaveBeenCalled();
    // The token works for the booking, which is confirmed; the wish shows it as its appointment.
    const booking = await callApi(viewBooking, `/api/v1/bookings/${accepted.body.manageToken}`);
    expect(booking.body).toMatchObject({ referenceCode: accepted.body.referenceCode, status: "CONFIRMED" });
    expect((await view(token)).body).toMatchObject({ status: "BOOKED", offer: null, booking: { referenceCode: accepted.body.referenceCode } });

    // Accepting again is harmless, without handing out a second token.
    const again = await accept(token);
    expect([again.status, again.body.manageToken, again.body.referenceCode]).toEqual([200, null, accepted.body.referenceCode]);
    expect(again.response.headers.get("location")).toBeNull();
    // Declining after accepting is refused.
    expect((await decline(token)).body.error.code).toBe("OFFER_DECIDED");
  });

  it("declines an offer (the wish waits on) and refuses answers without an offer or after the deadline", async () => {
    const { token, row } = await confirmedWish();
    const none = await accept(token);
    expect([none.status, none.body.error.code]).toEqual([404, "OFFER_NOT_FOUND"]);
    expect((await decline(token)).body.error.code).toBe("OFFER_NOT_FOUND");

    const deadline = new Date(NOW.getTime() + 3_600_000);
    const first = await insertOffer(ctx.db, row, { startsAt: at("2030-03-11", "09:00"), endsAt: at("2030-03-11", "09:30"), offeredAt: NOW, deadline });
    const declined = await decline(token);
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: "ACTIVE", booking: null });
    expect(await ctx.db.wishOffer.findUniqueOrThrow({ where: { id: first.offer.id } })).toMatchObject({ outcome: "DECLINED" });
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: first.booking.id } })).status).not.toBe("HELD");
    // The time passed on at once; to this wish only another time of that day (never the declined one again).
    const next = declined.body.offer;
    expect(next).not.toBeNull();
    expect(next.startsAt).not.toBe(at("2030-03-11", "09:00").toISOString());

    // That offer, answered too late, in the request's language.
    now = new Date(next.deadline);
    const late = await callApi(acceptOffer, `${wishPath(token)}/offer/acceptance?lang=en`, { method: "POST", params: { token } });
    expect([late.status, late.body]).toEqual([409, { error: { code: "OFFER_EXPIRED", message: enErrors.OFFER_EXPIRED } }]);
    expect(await ctx.db.booking.count({ where: { status: "CONFIRMED" } })).toBe(0);

    // A wrong wish token is a wrong token, not a wish without an offer.
    for (const answer of [await accept("A".repeat(43)), await decline("A".repeat(43)), await accept("kurz")]) {
      expect([answer.status, answer.body.error.code]).toEqual([404, "WISH_NOT_FOUND"]);
    }
  });

  it("withdrawing a wish passes its open offer on to the next matching wish at once and wakes the mail worker", async () => {
    const { token, row } = await confirmedWish();
    const next = await insertWish(ctx.db, { ...ids, earliestDate: "2030-03-11", latestDate: "2030-04-30" });
    const deadline = new Date(NOW.getTime() + 3_600_000);
    const offered = await insertOffer(ctx.db, row, { startsAt: at("2030-03-11", "09:00"), endsAt: at("2030-03-11", "09:30"), offeredAt: NOW, deadline });
    mailWritten.mockClear();

    const withdrawn = await withdraw(token);
    expect([withdrawn.status, withdrawn.body.status, withdrawn.body.offer]).toEqual([200, "WITHDRAWN", null]);
    expect(await ctx.db.wishOffer.findUniqueOrThrow({ where: { id: offered.offer.id } })).toMatchObject({ outcome: "DECLINED" });
    const passed = await ctx.db.wishOffer.findFirstOrThrow({ where: { wishId: next.id } });
    expect([passed.outcome, passed.startsAt.toISOString().slice(0, 10)]).toEqual(["OPEN", "2030-03-11"]);
    // The next wish's offer e-mail is written, and the worker is woken to send it now rather than on its next round.
    expect(await ctx.db.outboxMessage.count({ where: { template: "wish-offer" } })).toBe(1);
    expect(mailWritten).toHaveBeenCalled();
  });

  it("answers an offer by its held booking's token too, as the offer e-mail's link does", async () => {
    const { token, row } = await confirmedWish();
    const deadline = new Date(NOW.getTime() + 3_600_000);
    const byBooking = (handler: typeof acceptByBooking, bookingToken: string, answer: "acceptance" | "refusal") =>
      callApi(handler, `/api/v1/bookings/${bookingToken}/offer/${answer}`, { method: "POST" });

    const offered = await insertOffer(ctx.db, row, { startsAt: at("2030-03-18", "09:00"), endsAt: at("2030-03-18", "09:30"), offeredAt: NOW, deadline });
    const accepted = await byBooking(acceptByBooking, offered.manageToken, "acceptance");
    expect(accepted.status).toBe(200);
    // The booking keeps the token the offer e-mail gave.
    expect(accepted.body).toMatchObject({ status: "CONFIRMED", referenceCode: offered.booking.referenceCode, manageToken: offered.manageToken });
    expect(accepted.response.headers.get("location")).toBe(`/api/v1/bookings/${offered.manageToken}`);
    expect((await callApi(viewBooking, `/api/v1/bookings/${offered.manageToken}`)).body.status).toBe("CONFIRMED");
    expect((await view(token)).body).toMatchObject({ status: "BOOKED", booking: { referenceCode: offered.booking.referenceCode } });
    expect((await byBooking(declineByBooking, offered.manageToken, "refusal")).body.error.code).toBe("OFFER_DECIDED");

    // Another person's wish declines its offer: the held booking is cancelled; declining twice is harmless.
    const other = await insertWish(ctx.db, { ...ids, earliestDate: "2030-03-11", latestDate: "2030-04-30" });
    const second = await insertOffer(ctx.db, other, { startsAt: at("2030-03-11", "09:00"), endsAt: at("2030-03-11", "09:30"), offeredAt: NOW, deadline });
    const declined = await byBooking(declineByBooking, second.manageToken, "refusal");
    expect([declined.status, declined.body.status, declined.body.referenceCode]).toEqual([200, "CANCELLED", second.booking.referenceCode]);
    expect((await byBooking(declineByBooking, second.manageToken, "refusal")).status).toBe(200);
    expect((await byBooking(acceptByBooking, second.manageToken, "acceptance")).body.error.code).toBe("OFFER_DECIDED");

    // A booking that is no offer, and a wrong token.
    const plain = await callApi(postBooking, "/api/v1/bookings", {
      method: "POST",
      json: {
        office: OFFICE,
        service: SERVICE,
        start: at("2030-03-11", "11:00").toISOString(),
        familyName: "Schmidt",
        email: "schmidt@example.org",
        dateOfBirth: "1980-01-01",
        privacyConsent: true,
      },
    });
    expect((await byBooking(acceptByBooking, plain.body.manageToken, "acceptance")).body.error.code).toBe("OFFER_NOT_FOUND");
    expect((await byBooking(declineByBooking, "A".repeat(43), "refusal")).body.error.code).toBe("BOOKING_NOT_FOUND");
  });

  it("refuses preferences that JSON types wrongly or the form refuses, and changes nothing", async () => {
    await post(valid);
    const token = await tokenFromMail();
    const cases: Array<[unknown, string[]]> = [
      [{ ...preferences, weekdays: "1" }, ["weekdays"]],
      [{ ...preferences, weekdays: [0, 8] }, ["weekdays"]],
      [{ ...preferences, dayParts: ["EVENING"] }, ["dayParts"]],
      [{ ...preferences, earliestDate: "2030-03-03" }, ["earliestDate"]],
      [{ earliestDate: "4.3.2030" }, ["dayParts", "earliestDate", "latestDate", "weekdays"]],
    ];
    for (const [body, fields] of cases) {
      const answer = await patch(token, body);
      expect([body, answer.status, Object.keys(answer.body.error.fields ?? {}).sort()]).toEqual([body, 422, fields]);
    }
    expect((await patch(token, [preferences])).status).toBe(400);
    const raw = await callApi(updateWish, wishPath(token), {
      method: "PATCH",
      body: "earliestDate=2030-03-05",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      params: { token },
    });
    expect(raw.status).toBe(415);
    expect((await ctx.db.wish.findFirstOrThrow()).weekdays).toBe("1,3");
  });

  describe("with the proof of work and the rate limits on", () => {
    let restoreAntibot: () => void;
    beforeAll(() => {
      restoreAntibot = overrideAntibot({ enabled: true, baseCounter: 20 });
    });
    afterAll(() => restoreAntibot());

    async function solvedChallenge(): Promise<string> {
      const { body } = await callApi(getChallenge, "/api/antibot/challenge", { headers: { [PEER_ADDRESS_HEADER]: CLIENT_IP } });
      const challenge = body as Challenge;
      const solution = await solveChallenge({ challenge, deriveKey });
      if (!solution) throw new Error("challenge not solved");
      return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
    }

    it("refuses a wish without a solved challenge, takes one with it, and refuses a second use", async () => {
      const refused = await post(valid);
      expect([refused.status, refused.body.error.code]).toEqual([403, "ANTIBOT_FAILED"]);
      expect(await written()).toEqual({ wishes: 0, outbox: 0 });

      const payload = await solvedChallenge();
      expect((await post(valid, { "x-altcha": payload })).status).toBe(201);
      const replayed = await post({ ...valid, email: "other@example.org", altcha: payload });
      expect([replayed.status, replayed.body.error.code]).toEqual([403, "ANTIBOT_FAILED"]);
      expect(await written()).toEqual({ wishes: 1, outbox: 1 });
    });

    it("counts wishes against the limits per e-mail address and answers 429 with Retry-After", async () => {
      const restoreLimits = overrideBookingLimits({ perEmail: 1 });
      try {
        expect((await post(valid, { "x-altcha": await solvedChallenge() })).status).toBe(201);
        const limited = await post(valid, { "x-altcha": await solvedChallenge() });
        expect([limited.status, limited.body.error.code]).toEqual([429, "RATE_LIMITED"]);
        expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await written()).toEqual({ wishes: 1, outbox: 1 });
      } finally {
        restoreLimits();
      }
    });
  });
});
