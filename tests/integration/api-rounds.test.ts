// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import { createHash } from "node:crypto";
import { GET as serviceRounds } from "@/app/api/v1/offices/[office]/services/[service]/rounds/route";
import { POST as requestInRound } from "@/app/api/v1/rounds/[id]/requests/route";
import { GET as viewRound } from "@/app/api/v1/rounds/[id]/route";
import { POST as confirmWish } from "@/app/api/v1/wishes/[token]/confirmation/route";
import { GET as viewWish } from "@/app/api/v1/wishes/[token]/route";
import { type DrawRecord, verifyDrawRecord } from "@/lib/domain/release-draw";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import type { Actor } from "@/lib/server/auth/permissions";
import { createRound } from "@/lib/server/services/rounds/create-round";
import { createWish } from "@/lib/server/services/waitlist/create-wish";
import { drawDueRounds } from "@/lib/server/services/rounds/draw-round";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { staff } from "../helpers/integration/staff";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// Release rounds through the JSON API: what the service's page says about the next window, and the round's published
// seed hash, seed and record, from the same services as the pages. An office open Mondays 08:00-13:00 with ten
// clerks (100 half-hour places a Monday), its service in release-round mode, a round announced on Monday 1 March
// 2027 with its window Tuesday to Wednesday for Monday 15 March. Every answer is checked against the OpenAPI document.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// Requests are posted without a proof of work here; tests/integration/api-waitlist.test.ts covers it for wishes.
process.env.ANTIBOT ??= "off";

const NOW = at("2027-03-01", "07:00");
const OPENS = "2027-03-02T08:00";
const CLOSES = "2027-03-03T08:00";
const PERIOD = "2027-03-15";
const roundsPath = "/api/v1/offices/testamt/services/beratung/rounds";

describeEachDatabase("API release rounds", (ctx) => {
  let now = NOW;
  let restore: () => void;
  let head: Actor;
  let ids: { officeId: string; serviceId: string };

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => now, mailWritten: () => {} });
  });
  afterAll(() => restore());

  beforeEach(async () => {
    now = NOW;
    await resetDatabase(ctx.db);
    const { office, services } = await createOfficeFixture(ctx.db, {
      blocks: [[1, "08:00", "13:00", 10]],
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "abholung", durationMinutes: 15 },
      ],
    });
    await ctx.db.service.update({ where: { id: services[0].id }, data: { releaseMode: "ROUNDS" } });
    ids = { officeId: office.id, serviceId: services[0].id };
    head = await staff(ctx.db, "OFFICE_ADMIN", [office.id]);
  });

  const announce = () =>
    createRound(ctx.db, head, "testamt", { serviceId: ids.serviceId, opensAt: OPENS, closesAt: CLOSES, periodFrom: PERIOD, periodTo: PERIOD }, NOW);

  /** `n` confirmed requests for the period (two of them by one person), as the request page leaves them. */
  async function requests(roundId: string, n: number) {
    await ctx.db.wish.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        ...ids,
        roundId,
        source: "ROUND" as const,
        status: "ACTIVE" as const,
        earliestDate: PERIOD,
        latestDate: PERIOD,
        weekdays: "1",
        dayParts: "MORNING,AFTERNOON",
        manageTokenHash: `hash-${i}`,
        referenceCode: `TV-R${String(i).padStart(4, "0")}`,
        familyName: `Beispiel ${i}`,
        email: i === n - 1 ? "person0@example.org" : `person${i}@example.org`,
        dateOfBirth: "1990-03-27",
        identityHash: `identity-${i}`,
        confirmedAt: at("2027-03-02", "09:00"),
      })),
    });
  }

  it("tells a service's next window and places, then publishes the seed and a record anyone can recompute", async () => {
    const none = await callApi(serviceRounds, roundsPath);
    expect(none.body).toEqual({ office: "testamt", service: "beratung", releaseMode: "ROUNDS", next: null, lastRequestCount: null });

    const round = await announce();
    const announced = await callApi(serviceRounds, roundsPath);
    expect(announced.status).toBe(200);
    expect(announced.body).toEqual({
      office: "testamt",
      service: "beratung",
      releaseMode: "ROUNDS",
      next: {
        id: round.id,
        opensAt: at("2027-03-02", "08:00").toISOString(),
        closesAt: at("2027-03-03", "08:00").toISOString(),
        periodFrom: PERIOD,
        periodTo: PERIOD,
        open: false,
        places: 100,
        links: { round: `${APP_URL}/api/v1/rounds/${round.id}` },
      },
      lastRequestCount: null,
    });

    const before = await callApi(viewRound, `/api/v1/rounds/${round.id}`);
    expect(before.status).toBe(200);
    const row = await ctx.db.releaseRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(before.body).toMatchObject({
      id: round.id,
      office: { slug: "testamt", timeZone: "Europe/Berlin" },
      service: { slug: "beratung" },
      phase: "announced",
      seedHash: row.seedHash,
      seed: null,
      drawnAt: null,
      drawRecord: null,
      requestCount: 0,
    });
    // The secret seed never leaves before the draw.
    expect(before.text).not.toContain(row.seed);

    now = at("2027-03-02", "10:00");
    await requests(round.id, 5);
    expect((await callApi(serviceRounds, roundsPath)).body.next).toMatchObject({ id: round.id, open: true });
    expect((await callApi(viewRound, `/api/v1/rounds/${round.id}`)).body).toMatchObject({ phase: "open", seed: null, requestCount: 5 });

    now = at("2027-03-03", "08:05");
    expect((await callApi(viewRound, `/api/v1/rounds/${round.id}`)).body).toMatchObject({ phase: "closed", seed: null });
    await drawDueRounds(ctx.db, { now });

    const drawn = await callApi(viewRound, `/api/v1/rounds/${round.id}`);
    expect(drawn.body).toMatchObject({ phase: "drawn", seed: row.seed, requestCount: 4, assignedCount: 4 });
    expect(createHash("sha256").update(Buffer.from(drawn.body.seed, "hex")).digest("hex")).toBe(drawn.body.seedHash);
    // The record as answered recomputes to the published assignment, and names nobody.
    const record = drawn.body.drawRecord as DrawRecord;
    expect(record.assignment).toHaveLength(4);
    expect(verifyDrawRecord(record, before.body.seedHash)).toMatchObject({ seedMatchesHash: true, assignmentMatches: true });
    expect(drawn.text).not.toMatch(/Beispiel|@example\.org|1990-03-27/);

    expect((await callApi(serviceRounds, roundsPath)).body).toMatchObject({ next: null, lastRequestCount: 4 });
  });

  const requestBody = (n: number, over: Record<string, unknown> = {}) => ({
    office: "testamt",
    service: "beratung",
    familyName: ["Haddad", "Nguyen", "Schmidt", "Yilmaz", "Kowalska", "Petrenko"][n],
    email: `person${n}@example.org`,
    dateOfBirth: "1990-03-27",
    privacyConsent: true,
    preferences: { earliestDate: PERIOD, latestDate: PERIOD, weekdays: [1], dayParts: ["MORNING", "AFTERNOON"] },
    ...over,
  });
  const submit = (id: string, body: object, headers: Record<string, string> = {}) =>
    callApi(requestInRound, `/api/v1/rounds/${encodeURIComponent(id)}/requests`, { method: "POST", json: body, params: { id }, headers });

  it("takes requests only in the open window; confirmed ones count in the draw, which assigns them", async () => {
    const round = await announce();
    const early = await submit(round.id, requestBody(1), { "accept-language": "en" });
    expect([early.status, early.body.error]).toEqual([409, { code: "ROUND_NOT_OPEN", message: enErrors.ROUND_NOT_OPEN }]);

    now = at("2027-03-02", "10:00");
    const tokens: string[] = [];
    for (const n of [1, 2, 3]) {
      const sent = await submit(round.id, requestBody(n));
      expect(sent.status).toBe(201);
      expect(sent.body).toEqual({ referenceCode: expect.stringMatching(/^TV-/), status: "UNCONFIRMED" });
      const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { recipient: `person${n}@example.org` } });
      tokens.push(/\/warteliste\/([A-Za-z0-9_-]{43})/.exec(mail.payload)![1]);
    }
    expect(await ctx.db.wish.count({ where: { roundId: round.id, source: "ROUND", status: "UNCONFIRMED" } })).toBe(3);
    // Two confirm in the window; the third never does and does not count.
    for (const token of tokens.slice(0, 2)) {
      expect((await callApi(confirmWish, `/api/v1/wishes/${token}/confirmation`, { method: "POST" })).status).toBe(200);
    }
    expect((await callApi(viewRound, `/api/v1/rounds/${round.id}`)).body.requestCount).toBe(2);

    // Invalid bodies are refused with field errors and write nothing; a service the round does not release is refused.
    const invalid = await submit(round.id, requestBody(4, { privacyConsent: false, preferences: { earliestDate: PERIOD } }));
    expect([invalid.status, Object.keys(invalid.body.error.fields).sort()]).toEqual([
      422,
      ["preferences.dayParts", "preferences.latestDate", "preferences.weekdays", "privacyConsent"],
    ]);
    expect((await submit(round.id, requestBody(4, { service: "abholung" }))).body.error.code).toBe("ROUND_NOT_OPEN");
    expect(await ctx.db.wish.count()).toBe(3);

    now = at("2027-03-03", "08:00");
    const late = await submit(round.id, requestBody(5));
    expect(late.body.error.code).toBe("ROUND_NOT_OPEN");
    await drawDueRounds(ctx.db, { now });
    expect((await callApi(viewRound, `/api/v1/rounds/${round.id}`)).body).toMatchObject({ phase: "drawn", requestCount: 2, assignedCount: 2 });
    expect(await ctx.db.wish.count({ where: { roundId: round.id, status: "BOOKED" } })).toBe(2);
  });

  it("answers requests to unknown rounds 404 without reading the body", async () => {
    for (const id of ["cm4x2k9z10000abcd1234efgh", "x"]) {
      const answer = await callApi(requestInRound, `/api/v1/rounds/${id}/requests`, { method: "POST", body: "{", params: { id } });
      expect([answer.status, answer.body.error.code]).toEqual([404, "ROUND_NOT_FOUND"]);
    }
  });

  it("links a round's request to the round's record", async () => {
    const round = await announce();
    const { token } = await createWish({
      db: ctx.db,
      ...ids,
      persons: 1,
      person: person(1),
      preferences: { earliestDate: PERIOD, latestDate: PERIOD, weekdays: [1], dayParts: ["MORNING"] },
      locale: "de",
      source: "ROUND",
      roundId: round.id,
      now: at("2027-03-02", "10:00"),
    });
    const wish = await callApi(viewWish, `/api/v1/wishes/${token}`);
    expect(wish.body).toMatchObject({ source: "ROUND", links: { round: `${APP_URL}/api/v1/rounds/${round.id}` } });
    expect(wish.body.links.receipt).toBeUndefined();
  });

  it("answers a first-come service without rounds, and unknown rounds, offices and services 404", async () => {
    const firstCome = await callApi(serviceRounds, "/api/v1/offices/testamt/services/abholung/rounds");
    expect(firstCome.body).toEqual({ office: "testamt", service: "abholung", releaseMode: "FIRST_COME", next: null, lastRequestCount: null });
    expect((await callApi(serviceRounds, "/api/v1/offices/testamt/services/nichts/rounds")).body.error.code).toBe("SERVICE_NOT_FOUND");
    expect((await callApi(serviceRounds, "/api/v1/offices/nirgendwo/services/beratung/rounds")).body.error.code).toBe("OFFICE_NOT_FOUND");

    const round = await announce();
    for (const id of ["cm4x2k9z10000abcd1234efgh", "x", "../etc", `${round.id}%00`, round.id.toUpperCase()]) {
      const answer = await callApi(viewRound, `/api/v1/rounds/${encodeURIComponent(id)}?lang=en`, { params: { id } });
      expect([id, answer.status, answer.body]).toEqual([id, 404, { error: { code: "ROUND_NOT_FOUND", message: enErrors.ROUND_NOT_FOUND } }]);
    }
    // A round of an office that no longer takes part is not published.
    await ctx.db.office.update({ where: { id: ids.officeId }, data: { active: false } });
    expect((await callApi(viewRound, `/api/v1/rounds/${round.id}`)).status).toBe(404);
  });
});
