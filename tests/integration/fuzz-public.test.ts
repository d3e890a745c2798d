// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);
// The request context a server action expects from Next.js (see the helper).
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("next-intl/server", () => require("../helpers/next-request-mocks").nextIntlServerMock("de"));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import fc from "fast-check";
import { chooseService, chooseSlot, confirmBooking, savePersonalData } from "@/app/[locale]/[office]/actions";
import { cancelBooking, confirmHeldBooking, rescheduleBooking } from "@/app/[locale]/termin/[token]/actions";
import { GET as health } from "@/app/api/health/route";
import { GET as qrOffice } from "@/app/api/qr/[office]/route";
import { GET as qrService } from "@/app/api/qr/[office]/[service]/route";
import { GET as calendar } from "@/app/api/v1/bookings/[token]/calendar.ics/route";
import { POST as acceptBookingOffer } from "@/app/api/v1/bookings/[token]/offer/acceptance/route";
import { POST as declineBookingOffer } from "@/app/api/v1/bookings/[token]/offer/refusal/route";
import { DELETE as deleteBooking, GET as viewBooking } from "@/app/api/v1/bookings/[token]/route";
import { POST as postBooking } from "@/app/api/v1/bookings/route";
import { GET as listOffices } from "@/app/api/v1/offices/route";
import { GET as listServices } from "@/app/api/v1/offices/[office]/services/route";
import { GET as serviceRounds } from "@/app/api/v1/offices/[office]/services/[service]/rounds/route";
import { GET as listSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import { GET as verifyReceipt } from "@/app/api/v1/receipts/verification/route";
import { POST as requestInRound } from "@/app/api/v1/rounds/[id]/requests/route";
import { GET as viewRound } from "@/app/api/v1/rounds/[id]/route";
import { POST as confirmWish } from "@/app/api/v1/wishes/[token]/confirmation/route";
import { POST as acceptOffer } from "@/app/api/v1/wishes/[token]/offer/acceptance/route";
import { POST as declineOffer } from "@/app/api/v1/wishes/[token]/offer/refusal/route";
import { DELETE as withdrawWish, GET as viewWish, PATCH as updateWish } from "@/app/api/v1/wishes/[token]/route";
import { POST as postWish } from "@/app/api/v1/wishes/route";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import type { Db } from "@/lib/server/db/client";
import { overrideAntibot } from "@/lib/server/security/antibot";
import { overrideApiLimit } from "@/lib/server/security/api-rate-limit";
import { createBooking } from "@/lib/server/services/create-booking";
import { createWish } from "@/lib/server/services/waitlist/create-wish";
import { type ApiAnswer, APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { actionResult, CookieJar, formData, inBrowser, useTestDb } from "../helpers/next-request-mocks";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// Invariant 5, by brute force: thousands of malformed and hostile inputs (wrong types, huge strings, unicode edge
// cases, SQL and script fragments, the other office's slugs and ids) against every public route handler and server
// action. No answer may be a 5xx, every error keeps the one error shape, nothing looks like a stack trace or a file
// path, and the bookings, outbox and lock rows are exactly as before. Seeds are pinned (FC_SEED=<n> for others).

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const SEED = Number(process.env.FC_SEED ?? 5);
const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");
const OFFICE = "testamt";
const SERVICE = "beratung";
const OTHER_OFFICE = "standesamt";
const OTHER_SERVICE = "eheschliessung";
/** A Tuesday: the offices open on Mondays only, so even a well-formed booking for it is refused. */
const CLOSED_START = at("2030-03-05", "09:00").toISOString();
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

// ---- hostile inputs ---------------------------------------------------------------------------------------------

/** Filled in once the fixture exists: ids and codes of rows that belong to the other office or another person. */
const foreign: string[] = [];

const FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Booking\"; --",
  "1; SELECT pg_sleep(5)",
  "\" UNION SELECT * FROM \"User\" --",
  "%' --",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "\u202E\u2066",
  "\uFEFF",
  "e\u0301\u0301\u0301",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "👩‍👩‍👧‍👦",
  "İı",
  "\r\nSet-Cookie: x=1",
  "__proto__",
  "constructor",
  "toString",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x10",
  "2030-02-30",
  "2030-03-04T25:00:00Z",
  "9999-12-31",
  "0000-01-01",
  "+275760-09-13T00:00:00.000Z",
  "",
  " ",
  OFFICE,
  SERVICE,
  OTHER_OFFICE,
  OTHER_SERVICE,
  `${OTHER_OFFICE}/${OTHER_SERVICE}`,
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(100_000), "ä".repeat(20_000), "\uD83D".repeat(5_000), "a".repeat(257)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000 }).map((i) => foreign[i % Math.max(1, foreign.length)] ?? OTHER_OFFICE) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 8 })).map(([a, b]) => a + b) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withBigInt: false, withNullPrototype: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 0, 1.5, 2 ** 53, null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
);

/** Percent-encodes any JS string as its UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send them). */
function encode(s: string): string {
  // Node's UTF-8 encoder replaces lone surrogates as TextEncoder does; hex and a regular expression keep the long
  // hostile strings cheap.
  return Buffer.from(s, "utf8").toString("hex").replace(/../g, "%$&");
}

const queryArb = fc.dictionary(
  fc.constantFrom("from", "to", "persons", "date", "q", "locale", "lang", "size", "format", "__proto__"),
  hostileString,
  { maxKeys: 4 },
);

function queryString(query: Record<string, string>): string {
  const parts = Object.entries(query).map(([k, v]) => `${k}=${encode(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

// ---- answers ----------------------------------------------------------------------------------------------------

const TRACE = /\bat [\w.<>]+ \(|\bat .*:\d+:\d+|node_modules|\/work\/|[A-Z]:\\|\.tsx?\b:\d|prisma|invalid byte sequence|stack/i;

interface Answered {
  where: string;
  status: number;
}

/** Rough milliseconds per route (time since the previous answer), printed with FUZZ_VERBOSE=1. */
const timing = new Map<string, number>();
let lastAt = Date.now();
/**
 * Rules for any route answer beyond the OpenAPI document, which callApi has checked it against (so every error has
 * the one error shape): no 5xx and nothing that looks like a trace. Returns the status for the tallies.
 */
function checkAnswer(where: string, { status, text }: ApiAnswer): Answered {
  timing.set(where, (timing.get(where) ?? 0) + Date.now() - lastAt);
  if (status >= 500) throw new Error(`${where}: status ${status}: ${text.slice(0, 300)}`);
  if (TRACE.test(text)) throw new Error(`${where}: body looks like it leaks internals: ${text.slice(0, 300)}`);
  lastAt = Date.now();
  return { where, status };
}

/** A server action may only answer with a value or Next's redirect, to a path on this site. */
async function checkAction(where: string, run: () => Promise<unknown>, jar = new CookieJar()): Promise<void> {
  let result;
  try {
    result = await inBrowser(jar, () => actionResult(run()));
  } catch (e) {
    throw new Error(`${where} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  if ("redirect" in result) {
    if (!result.redirect.startsWith("/") || result.redirect.startsWith("//") || /[\r\n\\]/.test(result.redirect)) {
      throw new Error(`${where}: redirect leaves the site: ${JSON.stringify(result.redirect)}`);
    }
  } else {
    const text = JSON.stringify(result.returned ?? null);
    if (TRACE.test(text)) throw new Error(`${where}: answer leaks internals: ${text.slice(0, 300)}`);
  }
}

/** Every row a public request could write: bookings, wishes, outbox e-mails and the per-day lock rows. */
async function snapshot(db: Db) {
  return {
    bookings: await db.booking.findMany({ orderBy: { id: "asc" } }),
    wishes: await db.wish.findMany({ orderBy: { id: "asc" } }),
    outbox: await db.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    officeDays: await db.officeDay.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] }),
  };
}

describeEachDatabase("hostile input to every public route and action", (ctx) => {
  let restoreApi: () => void;
  let restoreAntibot: () => void;
  let restoreApiLimit: () => void;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let wishToken = "";
  const statuses = new Map<string, number>();
  const tally = (a: Answered) => {
    const key = `${a.where} ${a.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  };

  beforeAll(async () => {
    await resetDatabase(ctx.db);
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((d) => [d, "08:00", "12:00", 2] as [number, string, string, number]);
    const mine = await createOfficeFixture(ctx.db, { slug: OFFICE, blocks: [[1, "08:00", "12:00", 2]] });
    const other = await createOfficeFixture(ctx.db, {
      slug: OTHER_OFFICE,
      blocks: everyDay,
      services: [{ slug: OTHER_SERVICE, durationMinutes: 60 }],
    });
    // A real booking of the other office, so that its id, reference code and office ids are at hand as "foreign" ids.
    const booked = await createBooking(ctx.db, {
      officeSlug: OTHER_OFFICE,
      serviceSlug: OTHER_SERVICE,
      start: at(MONDAY, "09:00"),
      persons: 1,
      person: person(1),
      channel: "ONLINE",
      locale: "de",
      now: NOW,
    });
    // A real wish of the other office's person: its token is hit with hostile changes, which must change nothing.
    const wished = await createWish({
      db: ctx.db,
      officeId: other.office.id,
      serviceId: other.service.id,
      persons: 1,
      person: person(2),
      preferences: { earliestDate: "2030-03-11", latestDate: "2030-03-29", weekdays: [1], dayParts: ["MORNING"] },
      locale: "de",
      source: "WAITLIST",
      now: NOW,
    });
    wishToken = wished.token;
    foreign.length = 0;
    foreign.push(mine.office.id, mine.service.id, other.office.id, other.service.id, booked.id, booked.referenceCode);
    foreign.push(wished.wishId, wished.referenceCode);
    // Tokens of the right shape that belong to nobody.
    foreign.push("A".repeat(43), "_".repeat(43), "-".repeat(43), nearMiss(booked.manageToken), nearMiss(wished.token));

    useTestDb(ctx.db);
    restoreApi = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => {} });
    // Without the proof of work, hostile bodies reach the booking service itself.
    restoreAntibot = overrideAntibot({ enabled: false });
    // Thousands of slot queries from one test client: every one must reach the route, not the rate limit.
    restoreApiLimit = overrideApiLimit({ points: 1_000_000 });
    before = await snapshot(ctx.db);
  });

  afterAll(() => {
    restoreApi?.();
    restoreAntibot?.();
    restoreApiLimit?.();
  });

  afterEach(async () => {
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  const options = (offset: number) => ({ seed: SEED + offset, numRuns: RUNS, endOnFailure: true });

  it("catalogue, slots, QR and health answer hostile paths and queries without a 5xx or a trace", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, queryArb, fc.boolean(), async (office, service, query, realOffice) => {
        const o = realOffice ? OFFICE : office;
        const q = queryString(query);
        tally(checkAnswer("offices", await callApi(listOffices, `/api/v1/offices${q}`)));
        tally(checkAnswer("services", await callApi(listServices, `/api/v1/offices/${encode(o)}/services${q}`, { params: { office: o } })));
        const slotsPath = `/api/v1/offices/${encode(o)}/services/${encode(service)}/slots${q}`;
        tally(checkAnswer("slots", await callApi(listSlots, slotsPath, { params: { office: o, service } })));
        // The QR routes get the hostile slug only: a real 1024-pixel PNG takes seconds here, see the pinned case below.
        tally(checkAnswer("qr.office", await callApi(qrOffice, `/api/qr/${encode(office)}${q}`, { params: { office } })));
        const qrPath = `/api/qr/${encode(office)}/${encode(service)}${q}`;
        tally(checkAnswer("qr.service", await callApi(qrService, qrPath, { params: { office, service } })));
      }),
      options(0),
    );
    tally(checkAnswer("health", await callApi(health, "/api/health")));
    for (const q of ["?format=svg", "?format=png&format=svg", "?format=%00", "?format=SVG", "?format[]=png"]) {
      tally(checkAnswer("qr.office.real", await callApi(qrOffice, `/api/qr/${OFFICE}${q}`)));
      tally(checkAnswer("qr.service.real", await callApi(qrService, `/api/qr/${OFFICE}/${SERVICE}${q}`)));
    }
    // Slots for the real office and service with hostile queries only.
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        const path = `/api/v1/offices/${OFFICE}/services/${SERVICE}/slots${queryString(query)}`;
        tally(checkAnswer("slots.query", await callApi(listSlots, path)));
      }),
      options(1),
    );
  });

  it("release rounds, round requests and receipt checks answer hostile slugs, ids and codes without a 5xx or a trace", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, queryArb, fc.boolean(), async (office, service, query, realOffice) => {
        const o = realOffice ? OFFICE : office;
        const q = queryString(query);
        const roundsPath = `/api/v1/offices/${encode(o)}/services/${encode(service)}/rounds${q}`;
        tally(checkAnswer("rounds", await callApi(serviceRounds, roundsPath, { params: { office: o, service } })));
        tally(checkAnswer("round", await callApi(viewRound, `/api/v1/rounds/${encode(service)}${q}`, { params: { id: service } })));
        const roundRequest = await callApi(requestInRound, `/api/v1/rounds/${encode(service)}/requests${q}`, {
          method: "POST",
          json: { office: o, service },
          params: { id: service },
        });
        tally(checkAnswer("round.request", roundRequest));
        expect(roundRequest.status).not.toBe(201);
        const receipt = await callApi(verifyReceipt, `/api/v1/receipts/verification?code=${encode(office)}&${q.slice(1)}`);
        tally(checkAnswer("receipt", receipt));
        if (receipt.status === 200) expect(receipt.body).toEqual({ genuine: false });
      }),
      options(8),
    );
  });

  it("POST bookings refuses hostile JSON objects, raw bodies and media types", async () => {
    const valid: Record<string, unknown> = {
      office: OFFICE,
      service: SERVICE,
      start: CLOSED_START,
      persons: 1,
      givenName: "Amira",
      familyName: "Haddad",
      email: "amira@example.org",
      phone: "+49 30 1234567",
      dateOfBirth: "1990-05-17",
      remark: "",
      privacyConsent: true,
      locale: "de",
    };
    const keys = [...Object.keys(valid), "altcha", "__proto__", "status", "officeId", "id"];
    const body = fc.oneof(
      // One or more fields of an otherwise well-formed body replaced.
      fc.dictionary(fc.constantFrom(...keys), hostileValue, { minKeys: 1, maxKeys: 4 }).map((patch) => JSON.stringify({ ...valid, ...patch })),
      // Any JSON value at all.
      hostileValue.map((v) => JSON.stringify(v) ?? "null"),
      // Not JSON.
      hostileString,
      fc.constantFrom("{", "{\"office\":", "[1,2", "\"\\ud800\"", "{\"a\":1}garbage", "{\"office\": \"testamt\", \"office\": {}}", `{"x":"${"y".repeat(20_000)}"}`),
    );
    const contentType = fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "application/vnd.api+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json\u0000",
      null,
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, fc.boolean(), async (raw, type, asBytes) => {
        const headers: Record<string, string> = { "accept-language": "de-DE,de;q=0.9" };
        if (type !== null) headers["content-type"] = type.replace(/\u0000/g, "");
        // Raw bytes include invalid UTF-8 (lone surrogates written as WTF-8).
        const payload = asBytes ? wtf8(raw) : raw;
        const answer = await callApi(postBooking, "/api/v1/bookings", { method: "POST", body: payload, headers });
        tally(checkAnswer("bookings.create", answer));
        expect(answer.status).not.toBe(201);
      }),
      options(2),
    );
  });

  it("GET and DELETE bookings/{token} and the calendar download refuse hostile tokens alike", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (token) => {
        const path = `/api/v1/bookings/${encode(token)}`;
        const view = checkAnswer("bookings.view", await callApi(viewBooking, path, { params: { token } }));
        const del = checkAnswer("bookings.delete", await callApi(deleteBooking, path, { method: "DELETE", params: { token } }));
        const ics = checkAnswer("bookings.calendar", await callApi(calendar, `${path}/calendar.ics`, { params: { token } }));
        const post = { method: "POST", params: { token } };
        const accept = checkAnswer("bookings.offer.accept", await callApi(acceptBookingOffer, `${path}/offer/acceptance`, post));
        const decline = checkAnswer("bookings.offer.decline", await callApi(declineBookingOffer, `${path}/offer/refusal`, post));
        [view, del, ics, accept, decline].forEach(tally);
        // A wrong token never reveals anything, whichever way it is asked.
        for (const a of [view, del, ics, accept, decline]) expect([400, 404]).toContain(a.status);
      }),
      options(3),
    );
  });

  it("POST wishes refuses hostile JSON objects and raw bodies", async () => {
    // Preferences from before today: even the untouched body is refused, so every answer is a refusal.
    const preferences = { earliestDate: "2030-03-01", latestDate: "2030-03-29", weekdays: [1, 3], dayParts: ["MORNING"] };
    const valid: Record<string, unknown> = {
      office: OFFICE,
      service: SERVICE,
      persons: 1,
      familyName: "Haddad",
      email: "amira@example.org",
      dateOfBirth: "1990-05-17",
      privacyConsent: true,
      permitExpiresOn: "2030-06-30",
      preferences,
    };
    const keys = [...Object.keys(valid), "altcha", "__proto__", "status", "source", "roundId", "officeId"];
    const prefKeys = [...Object.keys(preferences), "__proto__", "confirmedAt"];
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom(...keys), hostileValue, { minKeys: 1, maxKeys: 4 }).map((patch) => JSON.stringify({ ...valid, ...patch })),
      fc
        .dictionary(fc.constantFrom(...prefKeys), hostileValue, { minKeys: 1, maxKeys: 3 })
        .map((patch) => JSON.stringify({ ...valid, preferences: { ...preferences, ...patch } })),
      hostileValue.map((v) => JSON.stringify(v) ?? "null"),
      hostileString,
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (raw, asBytes) => {
        const headers = { "content-type": "application/json", "accept-language": "de-DE,de;q=0.9" };
        const answer = await callApi(postWish, "/api/v1/wishes", { method: "POST", body: asBytes ? wtf8(raw) : raw, headers });
        tally(checkAnswer("wishes.create", answer));
        expect(answer.status).not.toBe(201);
      }),
      options(6),
    );
  });

  it("wishes/{token} refuses hostile tokens alike, and hostile changes to a real wish", async () => {
    const prefs = fc.oneof(
      hostileValue.map((v) => JSON.stringify(v) ?? "null"),
      fc
        .dictionary(fc.constantFrom("earliestDate", "latestDate", "weekdays", "dayParts", "__proto__", "status"), hostileValue, { maxKeys: 4 })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(hostileString, prefs, async (token, raw) => {
        const path = `/api/v1/wishes/${encode(token)}`;
        const json = { "content-type": "application/json" };
        const answers = [
          checkAnswer("wishes.view", await callApi(viewWish, path, { params: { token } })),
          checkAnswer("wishes.withdraw", await callApi(withdrawWish, path, { method: "DELETE", params: { token } })),
          checkAnswer("wishes.confirm", await callApi(confirmWish, `${path}/confirmation`, { method: "POST", params: { token } })),
          checkAnswer("wishes.accept", await callApi(acceptOffer, `${path}/offer/acceptance`, { method: "POST", params: { token } })),
          checkAnswer("wishes.decline", await callApi(declineOffer, `${path}/offer/refusal`, { method: "POST", params: { token } })),
          checkAnswer("wishes.update", await callApi(updateWish, path, { method: "PATCH", body: raw, headers: json, params: { token } })),
        ];
        answers.forEach(tally);
        // A wrong token never reveals anything, whichever way it is asked.
        for (const a of answers) expect([400, 404, 413]).toContain(a.status);
        const real = await callApi(updateWish, `/api/v1/wishes/${wishToken}`, { method: "PATCH", body: raw, headers: json });
        tally(checkAnswer("wishes.update.real", real));
        expect([400, 413, 422]).toContain(real.status);
      }),
      options(7),
    );
  });

  it("wizard actions answer hostile slugs, forms and cookies with a value or a redirect", async () => {
    const slug = fc.oneof(fc.constantFrom(OFFICE, SERVICE, OTHER_OFFICE, OTHER_SERVICE), hostileString);
    const field = fc.oneof(
      { weight: 5, arbitrary: hostileString },
      { weight: 1, arbitrary: hostileString.map((s) => new Blob([s])) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const personFields = ["givenName", "familyName", "email", "phone", "dobDay", "dobMonth", "dobYear", "persons", "remark", "privacyConsent"];
    const goodPerson: Record<string, string> = {
      givenName: "Amira",
      familyName: "Haddad",
      email: "amira@example.org",
      phone: "",
      dobDay: "17",
      dobMonth: "5",
      dobYear: "1990",
      persons: "1",
      remark: "",
      privacyConsent: "on",
    };
    const form = fc.dictionary(fc.constantFrom(...personFields, "service", "start", "altcha", "__proto__"), field, { maxKeys: 5 });

    await fc.assert(
      fc.asyncProperty(slug, slug, form, hostileString, fc.boolean(), async (office, service, fields, cookie, sealedCookie) => {
        // A browser with a hostile cookie, or one that got as far as the slot step with the real office.
        const jar = new CookieJar(sealedCookie ? {} : { tv_wizard: cookie.replace(/[\uD800-\uDFFF]/g, "?") });
        if (sealedCookie) {
          await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, formData(goodPerson))));
        }
        await checkAction("chooseService", () => chooseService(office, {}, formData(fields)), jar);
        await checkAction("savePersonalData", () => savePersonalData(office, service, {}, formData({ ...goodPerson, ...fields })), jar);
        await checkAction("savePersonalData(form)", () => savePersonalData(OFFICE, SERVICE, {}, formData(fields)), jar);
        await checkAction("chooseSlot", () => chooseSlot(office, service, formData(fields)), jar);
        await checkAction("chooseSlot(real)", () => chooseSlot(OFFICE, SERVICE, formData(fields)), jar);
        await checkAction("confirmBooking", () => confirmBooking(office, service, formData(fields)), jar);
      }),
      options(4),
    );
  });

  it("manage-link actions answer hostile tokens and starts with a redirect", async () => {
    const start = fc.oneof(hostileString, fc.constant(CLOSED_START), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    await fc.assert(
      fc.asyncProperty(hostileString, start, async (token, when) => {
        await checkAction("cancelBooking", () => cancelBooking(token));
        await checkAction("confirmHeldBooking", () => confirmHeldBooking(token));
        await checkAction("rescheduleBooking", () => rescheduleBooking(token, formData({ start: when })));
      }),
      options(5),
    );
  });

  afterAll(() => {
    // Which answers the fuzzers drew, so a generator that never gets past validation is easy to spot.
    if (process.env.FUZZ_VERBOSE) console.log([...timing].join("\n"));
    if (process.env.FUZZ_VERBOSE) console.log([...statuses].sort().map(([k, n]) => `${k}: ${n}`).join("\n"));
  });
});

/** The real token with its first character changed: one character away from a working link. */
function nearMiss(token: string): string {
  return (token[0] === "A" ? "B" : "A") + token.slice(1);
}

/** UTF-8 bytes of a string, writing lone surrogates as their three-byte form (invalid UTF-8 a decoder must reject). */
function wtf8(s: string): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(bytes);
}
