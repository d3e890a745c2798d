// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { GET as getChallenge } from "@/app/api/antibot/challenge/route";
import { POST as createBooking } from "@/app/api/v1/bookings/route";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { overrideAntibot } from "@/lib/server/security/antibot";
import { overrideBookingLimits } from "@/lib/server/security/rate-limit";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";

// The JSON API with the proof of work and the rate limits switched on, as in production: a scripted client
// without a solved challenge is refused and nothing is written; one solution books once; the limits answer 429.
// Every answer is checked against the OpenAPI document.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");
const OFFICE = "auslaenderbehoerde";
const SERVICE = "aufenthaltstitel";
const CLIENT_IP = "203.0.113.77";

const slot = (time: string) => at(MONDAY, time).toISOString();
const request = (email: string, start: string) => ({
  office: OFFICE,
  service: SERVICE,
  start,
  persons: 1,
  familyName: "Haddad",
  email,
  dateOfBirth: "1990-05-17",
  privacyConsent: true,
});

function post(body: object, headers: Record<string, string> = {}, ip = CLIENT_IP) {
  return callApi(createBooking, "/api/v1/bookings", { method: "POST", json: body, headers: { [PEER_ADDRESS_HEADER]: ip, ...headers } });
}

function challengeFor(ip = CLIENT_IP) {
  return callApi(getChallenge, "/api/antibot/challenge", { headers: { [PEER_ADDRESS_HEADER]: ip } });
}

/** Fetches a challenge as a client would and solves it with altcha-lib, as the widget's worker does. */
async function solvedChallenge(ip = CLIENT_IP): Promise<string> {
  const { status, response, body } = await challengeFor(ip);
  expect(status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const challenge = body as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("challenge not solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

describeEachDatabase("API bookings with anti-bot checks", (ctx) => {
  const restores: Array<() => void> = [];

  beforeAll(() => {
    restores.push(overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => {} }));
    // Cheap challenges keep the test fast; the checks are the same.
    restores.push(overrideAntibot({ enabled: true, baseCounter: 20 }));
  });
  afterAll(() => restores.reverse().forEach((r) => r()));

  beforeEach(async () => {
    await resetDatabase(ctx.db);
    await createOfficeFixture(ctx.db, {
      slug: OFFICE,
      blocks: [[1, "08:00", "12:00", 3]],
      services: [{ slug: SERVICE, durationMinutes: 30 }],
    });
  });

  const counts = async () => ({ bookings: await ctx.db.booking.count(), outbox: await ctx.db.outboxMessage.count() });

  it("refuses a booking without a solved challenge and writes nothing", async () => {
    const response = await post(request("a@example.org", slot("09:00")));
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("ANTIBOT_FAILED");
    const forged = await post({ ...request("a@example.org", slot("09:00")), altcha: Buffer.from("{}").toString("base64") });
    expect(forged.status).toBe(403);
    expect(await counts()).toEqual({ bookings: 0, outbox: 0 });
  });

  it("books with a solved challenge, in the header or the body, and refuses its replay", async () => {
    const payload = await solvedChallenge();
    expect((await post(request("a@example.org", slot("09:00")), { "x-altcha": payload })).status).toBe(201);
    const replay = await post({ ...request("b@example.org", slot("09:30")), altcha: payload });
    expect(replay.status).toBe(403);
    expect(replay.body.error.code).toBe("ANTIBOT_FAILED");
    expect((await post({ ...request("b@example.org", slot("09:30")), altcha: await solvedChallenge() })).status).toBe(201);
    expect(await ctx.db.booking.count()).toBe(2);
  });

  it("holds the per-e-mail limit across clients and answers 429 with Retry-After", async () => {
    const restore = overrideBookingLimits({ perEmail: 2 });
    try {
      const email = "Same.Person@example.org";
      expect((await post(request(email, slot("09:00")), { "x-altcha": await solvedChallenge() }, "198.51.100.1")).status).toBe(201);
      expect((await post(request(email.toLowerCase(), slot("09:30")), { "x-altcha": await solvedChallenge() }, "198.51.100.2")).status).toBe(201);
      // A "+tag" reaches the same mailbox: no new person.
      const third = await post(request("same.person+3@example.org", slot("10:00")), { "x-altcha": await solvedChallenge() }, "198.51.100.3");
      expect(third.status).toBe(429);
      expect(Number(third.response.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = third.body;
      expect(Object.keys(body)).toEqual(["error"]);
      expect(body.error).toEqual({ code: "RATE_LIMITED", message: expect.any(String) });
      expect(await ctx.db.booking.count()).toBe(2);
      // The counters hold keyed hashes, never an address in clear.
      const keys = (await ctx.db.rateLimit.findMany()).map((r) => r.key);
      expect(keys.filter((k) => k.startsWith("booking-email"))).toHaveLength(1);
      expect(keys.filter((k) => /@|same|person|198\.51/i.test(k))).toEqual([]);
    } finally {
      restore();
    }
  });

  it("limits booking attempts per client address, and makes its challenges harder", async () => {
    const restore = overrideBookingLimits({ perIp: 3 });
    try {
      const firstCost = (await challengeFor()).body as Challenge;
      for (let i = 0; i < 3; i++) expect((await post(request(`p${i}@example.org`, slot("11:00")))).status).toBe(403);
      const limited = await post(request("p9@example.org", slot("11:00")));
      expect(limited.status).toBe(429);
      expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another client is not affected.
      expect((await post(request("q@example.org", slot("11:00")), {}, "192.0.2.5")).status).toBe(403);
      const later = (await challengeFor()).body as Challenge;
      // The counter (the work) is not revealed, but the deterministic key prefix is signed; compare by solving.
      const work = async (c: Challenge) => (await solveChallenge({ challenge: c, deriveKey }))!.counter;
      expect(await work(later)).toBeGreaterThanOrEqual(Math.ceil((20 * 2) / 2));
      expect(await work(firstCost)).toBeLessThanOrEqual(20);
    } finally {
      restore();
    }
  });

  it("never stores a client address in clear", async () => {
    await post(request("a@example.org", slot("09:00")), { "x-altcha": await solvedChallenge() });
    await post(request("b@example.org", slot("09:30")));
    const keys = (await ctx.db.rateLimit.findMany()).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain(CLIENT_IP);
      expect(key).not.toContain("203.0.113");
    }
  });
});
