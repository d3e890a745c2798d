// The request context a server action expects from Next.js, replaced for Jest.
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("next-intl/server", () => require("../helpers/next-request-mocks").nextIntlServerMock("de"));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { chooseService, chooseSlot, confirmBooking, savePersonalData } from "@/app/[locale]/[office]/actions";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import { createBookingChallenge, overrideAntibot } from "@/lib/server/security/antibot";
import { overrideBookingLimits } from "@/lib/server/security/rate-limit";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { actionResult, CookieJar, formData, inBrowser } from "../helpers/next-request-mocks";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";
import { openDayAhead } from "../helpers/dates";

// The wizard's "Termin verbindlich buchen" with the proof of work and the rate limits on: without a solved challenge
// the action returns to the review page with ANTIBOT_FAILED and writes nothing; a post without the field at all (sent
// before the page's scripts ran) returns there to book once the check is done; a solution books once; the
// per-e-mail limit answers RATE_LIMITED.

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const TZ = "Europe/Berlin";
const OFFICE = "testamt";
const SERVICE = "beratung";
const DAY = openDayAhead(2, TZ);
const EVERY_DAY = openOn("Mon-Sun", "08:00-12:00", 3);

async function walkToReview(jar: CookieJar, start: string, email = "amira.haddad@example.org") {
  await inBrowser(jar, async () => {
    await actionResult(chooseService(OFFICE, {}, formData({ service: SERVICE })));
    await actionResult(
      savePersonalData(
        OFFICE,
        SERVICE,
        {},
        formData({
          familyName: "Haddad",
          email,
          dobDay: "17",
          dobMonth: "5",
          dobYear: "1990",
          persons: "1",
          privacyConsent: "on",
        }),
      ),
    );
    await actionResult(chooseSlot(OFFICE, SERVICE, formData({ start })));
  });
}

const book = (jar: CookieJar, altcha?: string) =>
  inBrowser(jar, () => actionResult(confirmBooking(OFFICE, SERVICE, formData({ altcha }))));

describeEachDatabase("wizard booking with anti-bot checks", (ctx) => {
  const restores: Array<() => void> = [];
  beforeAll(() => restores.push(overrideAntibot({ enabled: true, baseCounter: 20 })));
  afterAll(() => restores.reverse().forEach((r) => r()));

  eachTestOnEmptyDatabase(ctx, (db) => createOfficeFixture(db, { slug: OFFICE, blocks: EVERY_DAY, services: [{ slug: SERVICE, durationMinutes: 30 }] }));

  async function solved(): Promise<string> {
    const challenge = JSON.parse(JSON.stringify(await createBookingChallenge(ctx.db, "test-client"))) as Challenge;
    const solution = await solveChallenge({ challenge, deriveKey });
    return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
  }

  it("returns to the review page with ANTIBOT_FAILED and writes nothing without a solved challenge", async () => {
    const jar = new CookieJar();
    await walkToReview(jar, at(DAY, "09:00").toISOString());
    for (const altcha of ["", "bm90IGpzb24=", Buffer.from('{"challenge":{}}').toString("base64")]) {
      expect(await book(jar, altcha)).toEqual({ redirect: `/${OFFICE}/${SERVICE}/pruefen?fehler=ANTIBOT_FAILED` });
    }
    // No field at all: a plain post from before hydration, when the widget could not have run yet.
    expect(await book(jar, undefined)).toEqual({ redirect: `/${OFFICE}/${SERVICE}/pruefen?buchen=1` });
    expect(Object.keys(deErrors)).toContain("ANTIBOT_FAILED");
    expect(await ctx.db.booking.count()).toBe(0);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
  });

  it("books with a solved challenge and refuses the same solution for another booking", async () => {
    const payload = await solved();
    const first = new CookieJar();
    await walkToReview(first, at(DAY, "09:00").toISOString());
    expect(await book(first, payload)).toEqual({ redirect: `/${OFFICE}/${SERVICE}/bestaetigung` });
    const second = new CookieJar();
    await walkToReview(second, at(DAY, "09:30").toISOString(), "other@example.org");
    expect(await book(second, payload)).toEqual({ redirect: `/${OFFICE}/${SERVICE}/pruefen?fehler=ANTIBOT_FAILED` });
    expect(await ctx.db.booking.count()).toBe(1);
  });

  it("stops an e-mail address at its limit with RATE_LIMITED, even with fresh solutions", async () => {
    const restore = overrideBookingLimits({ perEmail: 2 });
    try {
      const times = ["09:00", "09:30", "10:00"];
      const results = [];
      for (const time of times) {
        const jar = new CookieJar();
        await walkToReview(jar, at(DAY, time).toISOString(), "same@example.org");
        results.push(await book(jar, await solved()));
      }
      expect(results.map((r) => ("redirect" in r ? r.redirect : r))).toEqual([
        `/${OFFICE}/${SERVICE}/bestaetigung`,
        `/${OFFICE}/${SERVICE}/bestaetigung`,
        `/${OFFICE}/${SERVICE}/pruefen?fehler=RATE_LIMITED`,
      ]);
      expect(await ctx.db.booking.count()).toBe(2);
    } finally {
      restore();
    }
  });
});
