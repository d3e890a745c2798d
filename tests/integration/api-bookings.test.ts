// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run; the ES
// build is transformed like the app's code. (The calendar download is the e-mails' own calendar entry.)
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import { randomBytes } from "node:crypto";
import { GET as calendar } from "@/app/api/v1/bookings/[token]/calendar.ics/route";
import { DELETE as cancelBooking, GET as viewBooking } from "@/app/api/v1/bookings/[token]/route";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { GET as listSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import trErrors from "@/lib/i18n/messages/tr/errors.json";
import { MAX_BODY_BYTES } from "@/lib/server/api/body";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// Booking through the JSON API: the same createBooking, getBookingByToken and cancelBookingByToken as the wizard.
// The clock is pinned to Monday 4 March 2030, 07:00 in Berlin; the office opens Mondays 08:00-12:00 with one clerk,
// so every slot has room for exactly one booking. Every answer is checked against the OpenAPI document.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// These tests book without a proof of work; tests/integration/antibot-*.test.ts cover it.
process.env.ANTIBOT ??= "off";

const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");
const OFFICE = "auslaenderbehoerde";
const SERVICE = "aufenthaltstitel";

const valid = {
  office: OFFICE,
  service: SERVICE,
  start: at(MONDAY, "09:00").toISOString(),
  persons: 1,
  givenName: "Amira",
  familyName: "Haddad",
  email: "Amira.Haddad@example.org",
  phone: "+49 30 1234567",
  dateOfBirth: "1990-05-17",
  remark: "Bitte barrierefreier Zugang",
  privacyConsent: true,
};

function post(body: unknown, headers: Record<string, string> = {}, path = "/api/v1/bookings") {
  return callApi(createBooking, path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", "accept-language": "de-DE,de;q=0.9", ...headers },
  });
}

/** The booking resource of a token, or its calendar download; the token is passed as it is, however it reads. */
function withToken(handler: typeof viewBooking, token: string, method = "GET") {
  const path = `/api/v1/bookings/${encodeURIComponent(token)}${handler === calendar ? "/calendar.ics" : ""}`;
  return callApi(handler, path, { method, params: { token } });
}

/** The one error shape: exactly { error: { code, message, fields? } } with texts, and nothing that looks like a trace. */
function expectErrorShape(text: string) {
  const body = JSON.parse(text);
  expect(Object.keys(body)).toEqual(["error"]);
  const keys = Object.keys(body.error).sort();
  expect(keys.filter((k) => k !== "fields")).toEqual(["code", "message"]);
  expect(typeof body.error.message).toBe("string");
  for (const messages of Object.values(body.error.fields ?? {})) {
    expect(messages).toEqual(expect.arrayContaining([expect.any(String)]));
  }
  expect(text).not.toMatch(/\bat .*:\d+:\d+|prisma|node_modules|stack/i);
  return body.error as { code: string; message: string; fields?: Record<string, string[]> };
}

const slotsPath = `/api/v1/offices/${OFFICE}/services/${SERVICE}/slots`;
async function freeStarts(date = MONDAY, persons = 1): Promise<string[]> {
  const { body } = await callApi(listSlots, `${slotsPath}?from=${date}&to=${date}&persons=${persons}`);
  return body.slots.map((s: { start: string }) => s.start);
}

describeEachDatabase("API bookings", (ctx) => {
  let now = NOW;
  const mailWritten = jest.fn();
  let restore: () => void;

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => now, mailWritten });
  });
  afterAll(() => restore());

  beforeEach(async () => {
    now = NOW;
    mailWritten.mockClear();
    await resetDatabase(ctx.db);
    await createOfficeFixture(ctx.db, {
      slug: OFFICE,
      blocks: [[1, "08:00", "12:00", 1]],
      services: [{ slug: SERVICE, durationMinutes: 30, extraPersonMinutes: 15, maxPersons: 3 }],
    });
    await createOfficeFixture(ctx.db, { slug: "buergeramt", services: [{ slug: "personalausweis", durationMinutes: 15 }] });
  });

  async function written() {
    return {
      bookings: await ctx.db.booking.count(),
      outbox: await ctx.db.outboxMessage.count(),
      lockDays: await ctx.db.officeDay.count(),
    };
  }

  it("holds a booking of an office that verifies e-mail addresses, without giving out its link", async () => {
    await ctx.db.office.update({ where: { slug: OFFICE }, data: { verificationMode: "EMAIL", holdMinutes: 20 } });
    const created = await post(valid);
    expect(created.response.headers.get("location")).toBeNull();
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      referenceCode: expect.stringMatching(/^TV-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      status: "HELD",
      startsAt: "2030-03-04T08:00:00.000Z",
      endsAt: "2030-03-04T08:30:00.000Z",
      holdExpiresAt: new Date(NOW.getTime() + 20 * 60_000).toISOString(),
    });
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { referenceCode: created.body.referenceCode } });
    expect(row).toMatchObject({ channel: "API", status: "HELD" });
    expect((await ctx.db.outboxMessage.findMany()).map((m) => m.template)).toEqual(["booking-verification"]);
    // Held: neither listed nor bookable until it expires.
    expect(await freeStarts()).not.toContain(valid.start);
    now = new Date(NOW.getTime() + 20 * 60_000);
    expect(await freeStarts()).toContain(valid.start);
  });

  it("books, shows, cancels and frees the slot again", async () => {
    expect(await freeStarts()).toContain(valid.start);

    const created = await post(valid);
    expect(created.status).toBe(201);
    const { manageToken, referenceCode } = created.body;
    expect(created.body).toEqual({
      referenceCode: expect.stringMatching(/^TV-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      status: "CONFIRMED",
      startsAt: "2030-03-04T08:00:00.000Z",
      endsAt: "2030-03-04T08:30:00.000Z",
      manageToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      manageUrl: `${APP_URL}/termin/${manageToken}`,
      calendarUrl: `${APP_URL}/api/v1/bookings/${manageToken}/calendar.ics`,
    });
    expect(mailWritten).toHaveBeenCalledTimes(1);
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { referenceCode } });
    expect(row).toMatchObject({ channel: "API", status: "CONFIRMED", email: "amira.haddad@example.org", persons: 1 });
    expect(row.manageTokenHash).not.toContain(manageToken);
    expect(await ctx.db.outboxMessage.count({ where: { bookingId: row.id } })).toBe(1);
    expect(await freeStarts()).not.toContain(valid.start);

    const view = await withToken(viewBooking, manageToken);
    expect(view.response.headers.get("cache-control")).toBe("no-store");
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      referenceCode,
      status: "CONFIRMED",
      startsAt: "2030-03-04T08:00:00.000Z",
      endsAt: "2030-03-04T08:30:00.000Z",
      persons: 1,
      cancellable: true,
      office: { slug: OFFICE, timeZone: "Europe/Berlin", address: { street: "Rathausplatz 1" } },
      service: { slug: SERVICE, documents: ["Reisepass", "Foto"] },
      links: { manage: created.body.manageUrl, calendar: created.body.calendarUrl },
    });
    // Nothing personal in the view: the link may be forwarded.
    expect(view.text).not.toMatch(/1990-05-17|amira|haddad|1234567|barrierefrei/i);

    const cancelled = await withToken(cancelBooking, manageToken, "DELETE");
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ referenceCode, status: "CANCELLED", cancellable: false });
    expect(mailWritten).toHaveBeenCalledTimes(2);
    expect(await ctx.db.outboxMessage.count({ where: { bookingId: row.id } })).toBe(2);
    expect(await freeStarts()).toContain(valid.start);

    const again = await withToken(cancelBooking, manageToken, "DELETE");
    expect(again.status).toBe(409);
    expect(expectErrorShape(again.text).code).toBe("ALREADY_CANCELLED");
    expect((await withToken(viewBooking, manageToken)).body.status).toBe("CANCELLED");
  });

  it("accepts exactly the listed slots: listing and booking agree at every step", async () => {
    // 45-minute appointments on a 30-minute grid with one clerk: each booking also blocks the next start.
    const initially = await freeStarts(MONDAY, 2);
    expect(initially).toHaveLength(7);
    const statuses = [];
    for (const [i, start] of initially.entries()) {
      const listed = await freeStarts(MONDAY, 2);
      const response = await post({ ...valid, start, persons: 2, email: `p${i}@example.org` });
      expect([start, response.status]).toEqual([start, listed.includes(start) ? 201 : 409]);
      if (response.status === 409) expect(expectErrorShape(response.text).code).toBe("SLOT_TAKEN");
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 409, 201, 409, 201, 409, 201]);
    expect(await freeStarts(MONDAY, 2)).toEqual([]);
    expect(await freeStarts(MONDAY, 1)).toEqual([]);
  });

  it("answers 409 SLOT_TAKEN for a taken slot and writes nothing", async () => {
    expect((await post(valid)).status).toBe(201);
    const before = await written();
    mailWritten.mockClear();
    const taken = await post({ ...valid, email: "other@example.org" });
    expect(taken.status).toBe(409);
    expect(expectErrorShape(taken.text)).toEqual({ code: "SLOT_TAKEN", message: deErrors.SLOT_TAKEN });
    expect(await written()).toEqual(before);
    expect(mailWritten).not.toHaveBeenCalled();
  });

  it("answers 409 TOO_MANY_BOOKINGS above the office's limit per e-mail address", async () => {
    await ctx.db.office.update({ where: { slug: OFFICE }, data: { maxActiveBookingsPerEmail: 1 } });
    expect((await post(valid)).status).toBe(201);
    const second = await post({ ...valid, start: at(MONDAY, "10:00").toISOString(), email: "AMIRA.haddad@example.org" });
    expect(second.status).toBe(409);
    expect(expectErrorShape(second.text).code).toBe("TOO_MANY_BOOKINGS");
  });

  it("answers 409 APPOINTMENT_PAST when cancelling after the appointment", async () => {
    const { body } = await post(valid);
    now = at(MONDAY, "09:15");
    const late = await withToken(cancelBooking, body.manageToken, "DELETE");
    expect(late.status).toBe(409);
    expect(expectErrorShape(late.text).code).toBe("APPOINTMENT_PAST");
    expect((await withToken(viewBooking, body.manageToken)).body).toMatchObject({ status: "CONFIRMED", cancellable: false });
  });

  it("answers a random, malformed or erased token with the same 404", async () => {
    const { body } = await post(valid);
    await ctx.db.booking.updateMany({ data: { erasedAt: NOW } });
    const tokens = [randomBytes(32).toString("base64url"), "abc", "x".repeat(500), "%00", body.manageToken];
    const answers = [];
    for (const token of tokens) {
      for (const [handler, method] of [
        [viewBooking, "GET"],
        [cancelBooking, "DELETE"],
        [calendar, "GET"],
      ] as const) {
        const result = await withToken(handler, token, method);
        expect(result.status).toBe(404);
        answers.push(result.text);
      }
    }
    expect(new Set(answers)).toEqual(new Set([JSON.stringify({ error: { code: "BOOKING_NOT_FOUND", message: deErrors.BOOKING_NOT_FOUND } })]));
  });

  it("serves the appointment as an iCalendar download, and its removal once cancelled", async () => {
    const { body } = await post(valid);
    const { status, response, text: ics } = await withToken(calendar, body.manageToken);
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="termin.ics"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("DTSTART:20300304T080000Z");
    expect(ics).toContain("DTEND:20300304T083000Z");
    expect(ics).toContain(body.referenceCode);
    expect(ics).not.toMatch(/1990-05-17|Haddad/);

    // After cancelling, the same entry (same UID) comes as the one that removes it from the calendar.
    await withToken(cancelBooking, body.manageToken, "DELETE");
    const removal = (await withToken(calendar, body.manageToken)).text;
    const uid = (text: string) => /^UID:.*$/m.exec(text)?.[0];
    expect(removal).toContain("METHOD:CANCEL");
    expect(uid(removal)).toBe(uid(ics));
  });

  it("answers in the caller's language: Accept-Language, overridden by ?lang=", async () => {
    const english = await post({ ...valid, email: "kaputt" }, { "accept-language": "en-GB,en;q=0.9" });
    expect(expectErrorShape(english.text)).toEqual({
      code: "INVALID_INPUT",
      message: enErrors.INVALID_INPUT,
      fields: { email: [enValidation.invalidEmail] },
    });
    const turkish = await post({ ...valid, email: "kaputt" }, { "accept-language": "en" }, "/api/v1/bookings?lang=tr");
    expect(expectErrorShape(turkish.text)).toMatchObject({ message: trErrors.INVALID_INPUT });
  });

  it("answers in German when the caller's language has no messages", async () => {
    const result = await post({ ...valid, email: "kaputt" }, { "accept-language": "pl-PL,pl;q=0.9" });
    expect(result.status).toBe(422);
    expect(expectErrorShape(result.text)).toEqual({
      code: "INVALID_INPUT",
      message: deErrors.INVALID_INPUT,
      fields: { email: [deValidation.invalidEmail] },
    });
  });

  describe("bad input changes nothing", () => {
    const huge = "x".repeat(MAX_BODY_BYTES);
    const monday = (time: string, date = MONDAY) => at(date, time).toISOString();
    const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

    // [case, body (object or raw text), status, code, fields that must be named]
    const cases: Array<[string, unknown, number, string, string[]?]> = [
      ["malformed JSON", '{"office": "auslaenderbehoerde",', 400, "MALFORMED_REQUEST"],
      ["empty body", "", 400, "MALFORMED_REQUEST"],
      ["a JSON array", "[1, 2, 3]", 400, "MALFORMED_REQUEST"],
      ["a JSON string", '"Amira"', 400, "MALFORMED_REQUEST"],
      ["JSON null", "null", 400, "MALFORMED_REQUEST"],
      ["body over the cap", { ...valid, remark: huge }, 413, "PAYLOAD_TOO_LARGE"],
      ["empty object", {}, 422, "INVALID_INPUT", ["office", "service"]],
      ["office as a number", { ...valid, office: 7 }, 422, "INVALID_INPUT", ["office"]],
      ["missing service", without("service"), 422, "INVALID_INPUT", ["service"]],
      ["missing start", without("start"), 422, "INVALID_INPUT", ["start"]],
      ["missing e-mail", without("email"), 422, "INVALID_INPUT", ["email"]],
      ["missing date of birth", without("dateOfBirth"), 422, "INVALID_INPUT", ["dateOfBirth"]],
      ["missing consent", without("privacyConsent"), 422, "INVALID_INPUT", ["privacyConsent"]],
      ["consent false", { ...valid, privacyConsent: false }, 422, "INVALID_INPUT", ["privacyConsent"]],
      ["consent as a string", { ...valid, privacyConsent: "true" }, 422, "INVALID_INPUT", ["privacyConsent"]],
      ["persons as a string", { ...valid, persons: "1" }, 422, "INVALID_INPUT", ["persons"]],
      ["persons true", { ...valid, persons: true }, 422, "INVALID_INPUT", ["persons"]],
      ["persons 0", { ...valid, persons: 0 }, 422, "INVALID_INPUT", ["persons"]],
      ["persons -1", { ...valid, persons: -1 }, 422, "INVALID_INPUT", ["persons"]],
      ["persons 1.5", { ...valid, persons: 1.5 }, 422, "INVALID_INPUT", ["persons"]],
      ["persons 100", { ...valid, persons: 100 }, 422, "INVALID_INPUT", ["persons"]],
      ["persons 1e308", { ...valid, persons: 1e308 }, 422, "INVALID_INPUT", ["persons"]],
      ["name as a number", { ...valid, givenName: 42 }, 422, "INVALID_INPUT", ["givenName"]],
      ["name as an object", { ...valid, givenName: { $gt: "" } }, 422, "INVALID_INPUT", ["givenName"]],
      ["e-mail as an array", { ...valid, email: ["a@example.org"] }, 422, "INVALID_INPUT", ["email"]],
      ["start as a number", { ...valid, start: Date.parse(valid.start) }, 422, "INVALID_INPUT", ["start"]],
      ["start with an offset", { ...valid, start: "2030-03-04T09:00:00+01:00" }, 422, "INVALID_INPUT", ["start"]],
      ["start on 30 February", { ...valid, start: "2030-02-30T08:00:00Z" }, 422, "INVALID_INPUT", ["start"]],
      ["start as words", { ...valid, start: "morgen früh" }, 422, "INVALID_INPUT", ["start"]],
      ["German date of birth", { ...valid, dateOfBirth: "17.05.1990" }, 422, "INVALID_INPUT", ["dateOfBirth"]],
      ["date of birth in the future", { ...valid, dateOfBirth: "2031-01-01" }, 422, "INVALID_INPUT", ["dateOfBirth"]],
      ["unknown locale", { ...valid, locale: "xx" }, 422, "INVALID_INPUT", ["locale"]],
      ["name of 5000 characters", { ...valid, givenName: "A".repeat(5000) }, 422, "INVALID_INPUT", ["givenName"]],
      ["remark of 501 characters", { ...valid, remark: "r".repeat(501) }, 422, "INVALID_INPUT", ["remark"]],
      ["NUL byte in a name", { ...valid, familyName: "Haddad\u0000" }, 422, "INVALID_INPUT", ["familyName"]],
      ["NUL byte in the remark", { ...valid, remark: "\u0000" }, 422, "INVALID_INPUT", ["remark"]],
      ["line break in a name", { ...valid, givenName: "Amira\nHaddad" }, 422, "INVALID_INPUT", ["givenName"]],
      ["escape character in the remark", { ...valid, remark: "\u001b[31mrot" }, 422, "INVALID_INPUT", ["remark"]],
      ["lone surrogate in a name", '{"givenName":"A\\ud800","familyName":"B"}', 422, "INVALID_INPUT", ["givenName"]],
      ["emoji e-mail address", { ...valid, email: "😀@😀" }, 422, "INVALID_INPUT", ["email"]],
      ["script in a name", { ...valid, givenName: "<script>alert(1)</script>" }, 422, "INVALID_INPUT", ["givenName"]],
      ["SQL in the e-mail", { ...valid, email: "a@example.org'; DROP TABLE \"Booking\";--" }, 422, "INVALID_INPUT", ["email"]],
      ["SQL in the office", { ...valid, office: "auslaenderbehoerde' OR '1'='1" }, 404, "OFFICE_NOT_FOUND"],
      ["path in the service", { ...valid, service: "../../etc/passwd" }, 404, "SERVICE_NOT_FOUND"],
      ["unknown office", { ...valid, office: "mondamt" }, 404, "OFFICE_NOT_FOUND"],
      ["another office's service", { ...valid, service: "personalausweis" }, 404, "SERVICE_NOT_FOUND"],
      ["start in the past", { ...valid, start: monday("09:00", "2030-02-25") }, 409, "SLOT_TOO_SOON"],
      ["start within the notice", { ...valid, start: monday("07:30") }, 409, "SLOT_TOO_SOON"],
      ["start off the grid", { ...valid, start: monday("09:10") }, 409, "SLOT_NOT_OFFERED"],
      ["start with seconds", { ...valid, start: "2030-03-04T08:00:30Z" }, 409, "SLOT_NOT_OFFERED"],
      ["start when closed", { ...valid, start: monday("09:00", "2030-03-05") }, 409, "SLOT_NOT_OFFERED"],
      ["appointment past closing time", { ...valid, start: monday("11:30"), persons: 2 }, 409, "SLOT_NOT_OFFERED"],
      ["start beyond the horizon", { ...valid, start: monday("09:00", "2030-05-06") }, 409, "SLOT_BEYOND_HORIZON"],
      ["start in year 9999", { ...valid, start: "9999-12-27T08:00:00Z" }, 409, "SLOT_BEYOND_HORIZON"],
    ];

    it.each(cases)("%s", async (_name, body, status, code, fields = []) => {
      const log = jest.spyOn(console, "error");
      const before = await written();
      const result = await post(body);
      const error = expectErrorShape(result.text);
      expect([result.status, error.code]).toEqual([status, code]);
      expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(fields));
      expect(await written()).toEqual(before);
      expect(mailWritten).not.toHaveBeenCalled();
      // Bad input is the caller's mistake, not an incident to log.
      expect(log).not.toHaveBeenCalled();
      log.mockRestore();
    });

    it("refuses other media types with 415", async () => {
      const before = await written();
      const result = await post(valid, { "content-type": "application/x-www-form-urlencoded" });
      expect([result.status, expectErrorShape(result.text).code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
      expect(await written()).toEqual(before);
    });
  });

  it("treats null in optional fields as not given", async () => {
    const result = await post({ ...valid, persons: null, givenName: null, phone: null, remark: null, locale: null });
    expect(result.status).toBe(201);
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { referenceCode: result.body.referenceCode } });
    expect([row.persons, row.givenName, row.phone, row.remark, row.locale]).toEqual([1, null, null, null, "de"]);
  });

  it("takes the permit's expiry for a service that asks for it, and refuses one that is no date", async () => {
    await ctx.db.service.updateMany({ where: { slug: SERVICE }, data: { asksPermitExpiry: true } });
    const bad = await post({ ...valid, permitExpiresOn: "2030-02-30" });
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([422, ["permitExpiresOn"]]);
    const result = await post({ ...valid, permitExpiresOn: "2030-06-30" });
    expect(result.status).toBe(201);
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { referenceCode: result.body.referenceCode } });
    expect(row.permitExpiresOn).toBe("2030-06-30");
  });

  describe("unusual but valid text is stored exactly", () => {
    it.each([
      ["emoji in the remark", "Ana", "Nguyễn", "Danke 🙏"],
      ["right-to-left marks", "\u200fمريم\u200f", "\u200fالحداد\u200e", "\u202bشكرا\u202c"],
      ["SQL fragments in the remark", "Robert", "O'Brien", "Robert'); DROP TABLE Booking;-- 1; DELETE FROM \"OutboxMessage\" --"],
      ["combining characters", "Zoe\u0308", "Ła\u0301ska", "e\u0301"],
      ["a multi-line remark", "Amira", "Haddad", "Erste Zeile\r\nZweite Zeile\n\tEingerückt"],
    ])("%s", async (_name, givenName, familyName, remark) => {
      const result = await post({ ...valid, givenName, familyName, remark });
      expect(result.status).toBe(201);
      const row = await ctx.db.booking.findUniqueOrThrow({ where: { referenceCode: result.body.referenceCode } });
      expect([row.givenName, row.familyName, row.remark]).toEqual([givenName, familyName, remark]);
      expect(await ctx.db.outboxMessage.count()).toBe(1);
    });
  });
});
