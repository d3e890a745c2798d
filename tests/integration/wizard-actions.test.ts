// The request context a server action expects from Next.js, replaced for Jest (see the helper for how it works).
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("next-intl/server", () => require("../helpers/next-request-mocks").nextIntlServerMock("de"));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { chooseService, chooseSlot, confirmBooking, extendWizardHold, savePersonalData } from "@/app/[locale]/[office]/actions";
import { cancelBooking, extendHeldBooking, rescheduleBooking } from "@/app/[locale]/termin/[token]/actions";
import { addDays, localDateOf } from "@/lib/domain";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import { CONFIRMATION_FIELD } from "@/lib/schemas/booking";
import type { ActionState } from "@/lib/schemas/form-errors";
import type { Db } from "@/lib/server/db/client";
import { hashToken } from "@/lib/server/security/tokens";
import { sealState, unsealState, type WizardState } from "@/lib/server/wizard-state";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import {
  type ActionResult,
  actionResult,
  CookieJar,
  formData,
  inBrowser,
} from "../helpers/next-request-mocks";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";
import { openDayAhead } from "../helpers/dates";

// The wizard's and the e-mail link's server actions, called as Next.js calls them (form data in, redirect or state
// out) against SQLite and PostgreSQL. The actions read the real clock, so the appointments lie two days ahead; the
// office opens every day 08:00-12:00 with two clerks and a 60-minute minimum notice and a 30-day horizon.

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// These tests book without a proof of work; tests/integration/antibot-*.test.ts cover it.
process.env.ANTIBOT ??= "off";

const TZ = "Europe/Berlin";
const OFFICE = "testamt";
const SERVICE = "beratung";
const OTHER_OFFICE = "standesamt";
const OTHER_SERVICE = "eheschliessung";
const COOKIE = "tv_wizard";
const TODAY = localDateOf(new Date(), TZ);
const DAY = openDayAhead(2, TZ);
const SLOT = at(DAY, "09:00").toISOString();
const ERROR_CODES = new Set(Object.keys(deErrors));
const VALIDATION_KEYS = new Set(Object.keys(deValidation));
const LONG = "a".repeat(10_000);

const EVERY_DAY = openOn("Mon-Sun", "08:00-12:00", 2);

const PERSON_FORM: Record<string, string> = {
  givenName: "Amira",
  familyName: "Haddad",
  email: "Amira.Haddad@example.org",
  phone: "+49 30 1234567",
  dobDay: "17",
  dobMonth: "5",
  dobYear: "1990",
  persons: "1",
  remark: "",
  privacyConsent: "on",
};

function personForm(patch: Record<string, string | Blob | null> = {}, n?: number): FormData {
  const fields: Record<string, string | Blob | null> = { ...PERSON_FORM, ...patch };
  if (n !== undefined && patch.email === undefined) fields.email = `citizen${n}@example.org`;
  return formData(fields);
}

function stateIn(jar: CookieJar): WizardState | null {
  const sealed = jar.value(COOKIE);
  return sealed ? unsealState(sealed) : null;
}

/** Every row the actions could write: bookings, outbox e-mails and the per-day lock rows. */
async function snapshot(db: Db) {
  return {
    bookings: await db.booking.findMany({ orderBy: { id: "asc" } }),
    outbox: await db.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    officeDays: await db.officeDay.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] }),
  };
}

/**
 * A redirect to `path` on this site whose `fehler` is `error` (one of several where either answer is right) and a key
 * of de/errors.json.
 */
function expectRedirect(result: ActionResult<unknown>, path: string, error?: string | string[]): string {
  if (!("redirect" in result)) throw new Error(`expected a redirect to ${path}, got ${JSON.stringify(result)}`);
  if (!result.redirect.startsWith("/") || result.redirect.startsWith("//")) {
    throw new Error(`redirect leaves the site: ${JSON.stringify(result.redirect)}`);
  }
  const url = new URL(result.redirect, "https://termine.example.org");
  expect(decodeURIComponent(url.pathname)).toBe(path);
  const code = url.searchParams.get("fehler") ?? undefined;
  if (Array.isArray(error)) expect(error).toContain(code);
  else expect(code).toBe(error);
  if (code) expect(ERROR_CODES).toContain(code);
  return result.redirect;
}

/** An ActionState that consists of translation keys only: field errors from validation.json, form errors from errors.json. */
function expectAnswer(result: ActionResult<ActionState>, expected: ActionState): void {
  if (!("returned" in result)) throw new Error(`expected field errors, got a redirect to ${result.redirect}`);
  const state = result.returned;
  expect(state).toEqual(expected);
  for (const keys of Object.values(state.fieldErrors ?? {})) {
    for (const key of keys) expect(VALIDATION_KEYS).toContain(key);
  }
  if (state.formError) expect(ERROR_CODES).toContain(state.formError);
}

/** Steps 1-3 for one browser: service, personal data, the slot. */
async function walkToReview(jar: CookieJar, start = SLOT, n?: number): Promise<void> {
  await inBrowser(jar, async () => {
    expectRedirect(await actionResult(chooseService(OFFICE, {}, formData({ service: SERVICE }))), `/${OFFICE}/${SERVICE}`);
    expectRedirect(
      await actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({}, n))),
      `/${OFFICE}/${SERVICE}/termin`,
    );
    expectRedirect(await actionResult(chooseSlot(OFFICE, SERVICE, formData({ start }))), `/${OFFICE}/${SERVICE}/pruefen`);
  });
}

const confirm = (jar: CookieJar) => inBrowser(jar, () => actionResult(confirmBooking(OFFICE, SERVICE)));
/** What a confirmation page of the manage link posts. */
const confirmed = (fields: Record<string, string> = {}) => formData({ [CONFIRMATION_FIELD]: "ja", ...fields });

describeEachDatabase("booking wizard server actions", (ctx) => {
  eachTestOnEmptyDatabase(ctx, async () => {
    await createOfficeFixture(ctx.db, {
      slug: OFFICE,
      blocks: EVERY_DAY,
      services: [{ slug: SERVICE, durationMinutes: 30, maxPersons: 3, extraPersonMinutes: 15 }],
    });
    await createOfficeFixture(ctx.db, { slug: OTHER_OFFICE, blocks: EVERY_DAY, services: [{ slug: OTHER_SERVICE, durationMinutes: 60 }] });
  });

  describe("(a) the happy path", () => {
    it("goes through all four steps, writes one booking and one e-mail, and keeps the booking in the confirmation state", async () => {
      const jar = new CookieJar();
      await inBrowser(jar, async () => {
        expectRedirect(await actionResult(chooseService(OFFICE, {}, formData({ service: SERVICE }))), `/${OFFICE}/${SERVICE}`);
        expect(jar.writes).toHaveLength(0);

        expectRedirect(await actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm())), `/${OFFICE}/${SERVICE}/termin`);
        expect(stateIn(jar)).toEqual({
          office: OFFICE,
          service: SERVICE,
          person: {
            givenName: "Amira",
            familyName: "Haddad",
            email: "Amira.Haddad@example.org",
            phone: "+49 30 1234567",
            dateOfBirth: "1990-05-17",
            persons: 1,
            privacyConsent: true,
          },
        });
        // Sealed: the personal data is not readable from the cookie, and scripts cannot read it at all.
        expect(jar.value(COOKIE)).not.toMatch(/Haddad|example\.org|1990/);
        expect(jar.writes[0].options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });

        expectRedirect(await actionResult(chooseSlot(OFFICE, SERVICE, formData({ start: SLOT }))), `/${OFFICE}/${SERVICE}/pruefen`);
        expect(stateIn(jar)?.slot).toBe(SLOT);
        expect(await ctx.db.booking.count()).toBe(0);

        expectRedirect(await actionResult(confirmBooking(OFFICE, SERVICE)), `/${OFFICE}/${SERVICE}/bestaetigung`);
      });

      const bookings = await ctx.db.booking.findMany();
      expect(bookings).toHaveLength(1);
      const [booking] = bookings;
      expect(booking).toMatchObject({
        status: "CONFIRMED",
        startsAt: new Date(SLOT),
        endsAt: at(DAY, "09:30"),
        persons: 1,
        givenName: "Amira",
        familyName: "Haddad",
        channel: "ONLINE",
        locale: "de",
      });
      const state = stateIn(jar);
      expect(state?.slot).toBeUndefined();
      expect(state?.done?.bookingId).toBe(booking.id);
      expect(booking.manageTokenHash).toBe(hashToken(state!.done!.token));

      const outbox = await ctx.db.outboxMessage.findMany();
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ template: "booking-confirmation", bookingId: booking.id, status: "PENDING" });
      expect(outbox[0].recipient.toLowerCase()).toBe("amira.haddad@example.org");
    });

    it("a second click on 'book' after the confirmation books nothing more", async () => {
      const jar = new CookieJar();
      await walkToReview(jar);
      expectRedirect(await confirm(jar), `/${OFFICE}/${SERVICE}/bestaetigung`);
      const before = await snapshot(ctx.db);
      expectRedirect(await confirm(jar), `/${OFFICE}/${SERVICE}/termin`);
      expect(await snapshot(ctx.db)).toEqual(before);
    });

    it("keeps a chosen slot when the personal data is corrected without changing the number of persons, drops it otherwise", async () => {
      const jar = new CookieJar();
      await walkToReview(jar);
      await inBrowser(jar, async () => {
        await actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({ familyName: "Haddad-Nasser" })));
        expect(stateIn(jar)).toMatchObject({ slot: SLOT, person: { familyName: "Haddad-Nasser" } });
        await actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({ persons: "2" })));
        expect(stateIn(jar)?.slot).toBeUndefined();
      });
    });

    it("the link from the e-mail moves and then cancels the booking", async () => {
      const jar = new CookieJar();
      await walkToReview(jar);
      await confirm(jar);
      const token = stateIn(jar)!.done!.token;

      // Each change is asked for first (tests/integration/manage-confirmation.test.ts) and done when confirmed.
      const start = at(DAY, "10:00").toISOString();
      const asked = await inBrowser(new CookieJar(), () => actionResult(rescheduleBooking(token, formData({ start }))));
      expect(asked).toEqual({ redirect: `/termin/${token}/verschieben/bestaetigen?neu=${encodeURIComponent(start)}` });
      const moved = await inBrowser(new CookieJar(), () => actionResult(rescheduleBooking(token, confirmed({ start }))));
      expect(moved).toEqual({ redirect: `/termin/${token}?verschoben=1` });
      expect(await ctx.db.booking.findFirstOrThrow()).toMatchObject({ startsAt: at(DAY, "10:00"), status: "CONFIRMED" });

      const cancelled = await inBrowser(new CookieJar(), () => actionResult(cancelBooking(token, confirmed())));
      expect(cancelled).toEqual({ redirect: `/termin/${token}?abgesagt=1` });
      expect(await ctx.db.booking.findFirstOrThrow()).toMatchObject({ status: "CANCELLED" });
      expect((await ctx.db.outboxMessage.findMany({ orderBy: { createdAt: "asc" } })).map((m) => m.template).sort()).toEqual(
        ["booking-cancelled", "booking-confirmation", "booking-rescheduled"].sort(),
      );
    });
    it("with e-mail verification, the last page and the e-mail's link give more time to confirm, within the limit", async () => {
      await ctx.db.office.update({ where: { slug: OFFICE }, data: { verificationMode: "EMAIL", holdMinutes: 30 } });
      const jar = new CookieJar();
      await walkToReview(jar);
      await confirm(jar);
      const token = stateIn(jar)!.done!.token;
      const booking = await ctx.db.booking.findFirstOrThrow();
      expect(booking.status).toBe("HELD");
      // As if 25 of the 30 minutes had passed.
      const minute = 60_000;
      const shift = async (minutesAgo: number, minutesLeft: number) => {
        const now = Date.now();
        await ctx.db.booking.update({
          where: { id: booking.id },
          data: { createdAt: new Date(now - minutesAgo * minute), holdExpiresAt: new Date(now + minutesLeft * minute) },
        });
      };
      const expiry = async () => (await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).holdExpiresAt!.getTime();

      await shift(25, 5);
      let before = Date.now();
      expect(await inBrowser(jar, () => actionResult(extendWizardHold(OFFICE, SERVICE)))).toEqual({
        redirect: `/${OFFICE}/${SERVICE}/bestaetigung?verlaengert=1`,
      });
      expect(await expiry()).toBeGreaterThanOrEqual(before + 30 * minute);
      expect(await expiry()).toBeLessThanOrEqual(Date.now() + 30 * minute);

      // The manage page's button: capped at 3 x 30 minutes after booking.
      await shift(80, 5);
      before = Date.now();
      const extended = await inBrowser(new CookieJar(), () => actionResult(extendHeldBooking(token)));
      expect(extended).toEqual({ redirect: `/termin/${token}?verlaengert=1` });
      expect(Math.abs((await expiry()) - (before + 10 * minute))).toBeLessThan(5_000);
      const capped = await expiry();
      expectRedirect(
        await inBrowser(jar, () => actionResult(extendWizardHold(OFFICE, SERVICE))),
        `/${OFFICE}/${SERVICE}/bestaetigung`,
        "HOLD_NOT_EXTENDABLE",
      );
      expect(await expiry()).toBe(capped);

      // Without this wizard's booking in the cookie, nothing to extend; a foreign slug never ends up in a redirect.
      expectRedirect(await inBrowser(new CookieJar(), () => actionResult(extendWizardHold(OFFICE, SERVICE))), `/${OFFICE}/${SERVICE}`);
      expectRedirect(await inBrowser(jar, () => actionResult(extendWizardHold("/evil.example", SERVICE))), "/");
      expect(await expiry()).toBe(capped);
    });
  });

  describe("(b) hostile input changes nothing", () => {
    let before: Awaited<ReturnType<typeof snapshot>>;

    /** Runs `fn` in a browser holding `jar`; afterwards no row differs and the wizard cookie was not written. */
    async function unchanged<T>(jar: CookieJar, fn: () => Promise<T>): Promise<T> {
      before = await snapshot(ctx.db);
      const cookieBefore = jar.value(COOKIE);
      const writes = jar.writes.length;
      const result = await inBrowser(jar, fn);
      expect(await snapshot(ctx.db)).toEqual(before);
      expect(jar.value(COOKIE)).toBe(cookieBefore);
      expect(jar.writes.slice(writes)).toEqual([]);
      return result;
    }

    /** A booking to have rows in every table, so that "unchanged" means something. */
    async function existingBooking(): Promise<string> {
      const jar = new CookieJar();
      await walkToReview(jar, at(DAY, "11:00").toISOString(), 99);
      expectRedirect(await confirm(jar), `/${OFFICE}/${SERVICE}/bestaetigung`);
      return stateIn(jar)!.done!.token;
    }

    beforeEach(async () => {
      await existingBooking();
    });

    describe("chooseService", () => {
      it.each<[string, string | Blob | null]>([
        ["no service", null],
        ["an empty service", ""],
        ["an unknown service", "unbekannt"],
        ["another office's service", OTHER_SERVICE],
        ["an upper-case slug", "BERATUNG"],
        ["SQL", "beratung' OR '1'='1"],
        ["a path", "../beratung"],
        ["a NUL byte", "beratung\u0000"],
        ["emoji", "beratung😀"],
        ["10,000 characters", LONG],
        ["a file", new Blob(["beratung"])],
      ])("%s: invalidService", async (_label, service) => {
        const result = await unchanged(new CookieJar(), () => actionResult(chooseService(OFFICE, {}, formData({ service }))));
        expectAnswer(result, { fieldErrors: { service: ["invalidService"] } });
      });

      it.each([
        ["an unknown office", "unbekannt"],
        ["an empty office", ""],
        ["SQL", "testamt' OR '1'='1"],
        ["a NUL byte", "test\u0000amt"],
        ["a protocol-relative path", "//evil.example"],
        ["10,000 characters", LONG],
      ])("%s: OFFICE_NOT_FOUND", async (_label, office) => {
        const result = await unchanged(new CookieJar(), () => actionResult(chooseService(office, {}, formData({ service: SERVICE }))));
        expectAnswer(result, { formError: "OFFICE_NOT_FOUND" });
      });
    });

    describe("savePersonalData", () => {
      it.each<[string, Record<string, string | Blob | null>, string, string]>([
        ["e-mail missing", { email: null }, "email", "emailRequired"],
        ["a file as family name", { familyName: new Blob(["Haddad"]) }, "familyName", "familyNameRequired"],
        ["10,000-character family name", { familyName: LONG }, "familyName", "familyNameTooLong"],
        ["10,000-character remark", { remark: LONG }, "remark", "remarkTooLong"],
        ["emoji in the given name", { givenName: "Amira 😀" }, "givenName", "givenNameInvalid"],
        ["right-to-left override in the family name", { familyName: "\u202Edaddah" }, "familyName", "familyNameInvalid"],
        ["NUL byte in the given name", { givenName: "Ami\u0000ra" }, "givenName", "givenNameInvalid"],
        ["NUL byte in the remark", { remark: "bitte\u0000" }, "remark", "remarkInvalid"],
        ["<script> in the family name", { familyName: "<script>alert(document.cookie)</script>" }, "familyName", "familyNameInvalid"],
        ["SQL in the given name", { givenName: "' OR 1=1 --" }, "givenName", "givenNameInvalid"],
        ["SQL statement in the family name", { familyName: "Robert'); DROP TABLE Students;--" }, "familyName", "familyNameInvalid"],
        ["e-mail without @", { email: "amira.example.org" }, "email", "invalidEmail"],
        ["e-mail with a space", { email: "amira haddad@example.org" }, "email", "invalidEmail"],
        ["e-mail with a header injection", { email: "a@example.org\r\nBcc: b@example.org" }, "email", "invalidEmail"],
        ["letters as phone", { phone: "abc" }, "phone", "invalidPhone"],
        ["30 February", { dateOfBirth: "2023-02-30" }, "dateOfBirth", "dateOfBirthNoFebruaryThirtieth"],
        ["31 April from three fields", { dobDay: "31", dobMonth: "4", dobYear: "1990" }, "dateOfBirth", "dateOfBirthNoAprilThirtyFirst"],
        ["date of birth next year", { dobDay: "1", dobMonth: "1", dobYear: String(Number(TODAY.slice(0, 4)) + 1) }, "dateOfBirth", "dateOfBirthFuture"],
        ["date of birth 200 years ago", { dobDay: "1", dobMonth: "1", dobYear: String(Number(TODAY.slice(0, 4)) - 200) }, "dateOfBirth", "dateOfBirthTooOld"],
        ["0 persons", { persons: "0" }, "persons", "invalidPersons"],
        ["-1 persons", { persons: "-1" }, "persons", "invalidPersons"],
        ["1.5 persons", { persons: "1.5" }, "persons", "invalidPersons"],
        ['"abc" persons', { persons: "abc" }, "persons", "invalidPersons"],
        ["more persons than the service allows", { persons: "4" }, "persons", "tooManyPersons"],
        ["consent missing", { privacyConsent: null }, "privacyConsent", "consentRequired"],
        ['consent "false"', { privacyConsent: "false" }, "privacyConsent", "consentRequired"],
      ])("%s: field error", async (_label, patch, field, key) => {
        const result = await unchanged(new CookieJar(), () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm(patch))));
        if (!("returned" in result)) throw new Error(`accepted, redirected to ${result.redirect}`);
        expect(result.returned.fieldErrors?.[field]).toContain(key);
        expectAnswer(result, { fieldErrors: result.returned.fieldErrors });
      });

      it("an empty form: one field error per required field, nothing stored", async () => {
        const result = await unchanged(new CookieJar(), () => actionResult(savePersonalData(OFFICE, SERVICE, {}, new FormData())));
        expectAnswer(result, {
          fieldErrors: {
            familyName: ["familyNameRequired"],
            email: ["emailRequired"],
            dateOfBirth: ["dateOfBirthRequired"],
            privacyConsent: ["consentRequired"],
          },
        });
      });

      it("bad input keeps the state entered before", async () => {
        const jar = new CookieJar();
        await walkToReview(jar);
        const result = await unchanged(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({ email: "kaputt" }))));
        expectAnswer(result, { fieldErrors: { email: ["invalidEmail"] } });
        expect(stateIn(jar)).toMatchObject({ slot: SLOT, person: { email: "Amira.Haddad@example.org" } });
      });

      it.each([
        ["an unknown service", OFFICE, "unbekannt"],
        ["another office's service", OFFICE, OTHER_SERVICE],
        ["an unknown office", "unbekannt", SERVICE],
        ["SQL as office", "testamt' OR '1'='1", SERVICE],
        ["a NUL byte in the office", "test\u0000amt", SERVICE],
        ["a NUL byte in the service", OFFICE, "bera\u0000tung"],
        ["10,000 characters as service", OFFICE, LONG],
      ])("%s: SERVICE_NOT_FOUND", async (_label, office, service) => {
        const result = await unchanged(new CookieJar(), () => actionResult(savePersonalData(office, service, {}, personForm())));
        expectAnswer(result, { formError: "SERVICE_NOT_FOUND" });
      });
    });

    describe("chooseSlot", () => {
      const yesterday = addDays(TODAY, -1);
      it.each<[string, string | string[], string | Blob | null]>([
        ["no slot", "SLOT_NOT_OFFERED", null],
        ["an empty slot", "SLOT_NOT_OFFERED", ""],
        ["words", "SLOT_NOT_OFFERED", "morgen um 9"],
        ["a date only", "SLOT_NOT_OFFERED", DAY],
        ["a local time without zone", "SLOT_NOT_OFFERED", `${DAY}T09:00`],
        ["German notation", "SLOT_NOT_OFFERED", `${DAY.slice(8)}.${DAY.slice(5, 7)}.${DAY.slice(0, 4)} 09:00`],
        ["an epoch number", "SLOT_NOT_OFFERED", String(at(DAY, "09:00").getTime())],
        ["an impossible date", "SLOT_NOT_OFFERED", "2031-02-30T08:00:00Z"],
        ["SQL", "SLOT_NOT_OFFERED", `${SLOT}' OR '1'='1`],
        ["10,000 characters", "SLOT_NOT_OFFERED", LONG],
        ["a file", "SLOT_NOT_OFFERED", new Blob([SLOT])],
        ["a time between two slots", "SLOT_NOT_OFFERED", at(DAY, "09:10").toISOString()],
        ["a second past a slot", "SLOT_NOT_OFFERED", new Date(at(DAY, "09:00").getTime() + 1000).toISOString()],
        ["a time after closing", "SLOT_NOT_OFFERED", at(DAY, "13:00").toISOString()],
        ["an appointment that would end after closing", "SLOT_NOT_OFFERED", at(DAY, "11:45").toISOString()],
        ["at night", "SLOT_NOT_OFFERED", at(DAY, "03:00").toISOString()],
        ["yesterday", "SLOT_TOO_SOON", at(yesterday, "09:00").toISOString()],
        ["the year 1", ["SLOT_TOO_SOON", "SLOT_NOT_OFFERED"], "0001-01-01T08:00:00Z"],
        ["beyond the booking horizon", "SLOT_BEYOND_HORIZON", at(addDays(TODAY, 40), "09:00").toISOString()],
        ["the year 9999", ["SLOT_BEYOND_HORIZON", "SLOT_NOT_OFFERED"], "9999-12-31T08:00:00Z"],
      ])("%s: back to the calendar with %s", async (_label, code, start) => {
        const jar = new CookieJar();
        await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm())));
        const result = await unchanged(jar, () => actionResult(chooseSlot(OFFICE, SERVICE, formData({ start }))));
        expectRedirect(result, `/${OFFICE}/${SERVICE}/termin`, code);
        expect(stateIn(jar)?.slot).toBeUndefined();
      });

      it("a full slot: back to the calendar with SLOT_TAKEN", async () => {
        for (const n of [1, 2]) {
          const jar = new CookieJar();
          await walkToReview(jar, SLOT, n);
          await confirm(jar);
        }
        const jar = new CookieJar();
        await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({}, 3))));
        const result = await unchanged(jar, () => actionResult(chooseSlot(OFFICE, SERVICE, formData({ start: SLOT }))));
        expectRedirect(result, `/${OFFICE}/${SERVICE}/termin`, "SLOT_TAKEN");
      });

      it("a slot that fits one person but not three: SLOT_NOT_OFFERED for the longer appointment", async () => {
        const jar = new CookieJar();
        await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({ persons: "3" }))));
        // 11:30 + 30 + 2 x 15 minutes ends at 12:30, after closing.
        const result = await unchanged(jar, () => actionResult(chooseSlot(OFFICE, SERVICE, formData({ start: at(DAY, "11:30").toISOString() }))));
        expectRedirect(result, `/${OFFICE}/${SERVICE}/termin`, "SLOT_NOT_OFFERED");
      });

      it.each([
        ["without personal data", new CookieJar(), OFFICE, SERVICE],
        ["for another office's service", null, OFFICE, OTHER_SERVICE],
        ["for an unknown office", null, "unbekannt", SERVICE],
      ])("%s: back to the personal data", async (_label, emptyJar, office, service) => {
        const jar = emptyJar ?? new CookieJar();
        if (!emptyJar) await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm())));
        const result = await unchanged(jar, () => actionResult(chooseSlot(office, service, formData({ start: SLOT }))));
        expectRedirect(result, `/${office}/${service}`);
      });
    });

    it.each([
      ["chooseSlot", () => chooseSlot("/evil.example", SERVICE, formData({ start: SLOT }))],
      ["confirmBooking", () => confirmBooking("/evil.example", SERVICE)],
      ["chooseSlot (backslash)", () => chooseSlot("\\evil.example", SERVICE, formData({ start: SLOT }))],
      ["chooseSlot (NUL byte)", () => chooseSlot("test\u0000amt", SERVICE, formData({ start: SLOT }))],
    ])("%s with an office argument that is no slug: the redirect stays on this site", async (_label, action) => {
      const jar = new CookieJar();
      await walkToReview(jar);
      const result = await unchanged(jar, () => actionResult(action()));
      if (!("redirect" in result)) throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
      // "//host/..." is protocol-relative, and browsers read a backslash after the first slash as a slash.
      expect(result.redirect).toMatch(/^\/(?![/\\])/);
    });

    describe("confirmBooking", () => {
      it("without any state: back to the personal data", async () => {
        const result = await unchanged(new CookieJar(), () => actionResult(confirmBooking(OFFICE, SERVICE)));
        expectRedirect(result, `/${OFFICE}/${SERVICE}`);
      });

      it("without a chosen slot: back to the calendar", async () => {
        const jar = new CookieJar();
        await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm())));
        expectRedirect(await unchanged(jar, () => actionResult(confirmBooking(OFFICE, SERVICE))), `/${OFFICE}/${SERVICE}/termin`);
      });

      it("for another service than the state's: back to that service's personal data", async () => {
        const jar = new CookieJar();
        await walkToReview(jar);
        const result = await unchanged(jar, () => actionResult(confirmBooking(OFFICE, OTHER_SERVICE)));
        expectRedirect(result, `/${OFFICE}/${OTHER_SERVICE}`);
        const foreign = await unchanged(jar, () => actionResult(confirmBooking(OTHER_OFFICE, OTHER_SERVICE)));
        expectRedirect(foreign, `/${OTHER_OFFICE}/${OTHER_SERVICE}`);
      });

      it("a slot beyond a horizon shortened meanwhile: SLOT_BEYOND_HORIZON, slot forgotten, nothing written", async () => {
        const jar = new CookieJar();
        await walkToReview(jar);
        await ctx.db.office.update({ where: { slug: OFFICE }, data: { bookingHorizonDays: 1 } });
        before = await snapshot(ctx.db);
        const result = await confirm(jar);
        expectRedirect(result, `/${OFFICE}/${SERVICE}/pruefen`, "SLOT_BEYOND_HORIZON");
        expect(await snapshot(ctx.db)).toEqual(before);
        expect(stateIn(jar)).toMatchObject({ person: { familyName: "Haddad" } });
        expect(stateIn(jar)?.slot).toBeUndefined();
      });

      it("an office closed for online booking meanwhile: OFFICE_NOT_FOUND, nothing written", async () => {
        const jar = new CookieJar();
        await walkToReview(jar);
        await ctx.db.office.update({ where: { slug: OFFICE }, data: { active: false } });
        before = await snapshot(ctx.db);
        expectRedirect(await confirm(jar), `/${OFFICE}/${SERVICE}/pruefen`, "OFFICE_NOT_FOUND");
        expect(await snapshot(ctx.db)).toEqual(before);
      });

      it("more active bookings than the office allows per address: TOO_MANY_BOOKINGS, nothing written", async () => {
        await ctx.db.office.update({ where: { slug: OFFICE }, data: { maxActiveBookingsPerEmail: 1 } });
        const first = new CookieJar();
        await walkToReview(first, at(DAY, "08:00").toISOString());
        expectRedirect(await confirm(first), `/${OFFICE}/${SERVICE}/bestaetigung`);
        const second = new CookieJar();
        await walkToReview(second, at(DAY, "10:00").toISOString());
        before = await snapshot(ctx.db);
        expectRedirect(await confirm(second), `/${OFFICE}/${SERVICE}/pruefen`, "TOO_MANY_BOOKINGS");
        expect(await snapshot(ctx.db)).toEqual(before);
      });
    });

    describe("the link from the e-mail", () => {
      const forged: Array<[string, string]> = [
        ["an empty token", ""],
        ["42 characters", "A".repeat(42)],
        ["44 characters", "A".repeat(44)],
        ["padding", `${"A".repeat(42)}=`],
        ["a path", `../../admin/${"A".repeat(31)}`],
        ["a NUL byte", `${"A".repeat(42)}\u0000`],
        ["SQL", `' OR '1'='1' --${"A".repeat(28)}`],
        ["10,000 characters", LONG],
      ];

      it.each(forged)("cancel with %s: the invalid-link page", async (_label, token) => {
        expectRedirect(await unchanged(new CookieJar(), () => actionResult(cancelBooking(token))), "/termin/ungueltig");
      });

      it.each(forged)("move with %s: the invalid-link page", async (_label, token) => {
        const result = await unchanged(new CookieJar(), () => actionResult(rescheduleBooking(token, formData({ start: SLOT }))));
        expectRedirect(result, "/termin/ungueltig");
      });

      it("a well-formed token that belongs to no booking (or one character off): BOOKING_NOT_FOUND", async () => {
        const real = await existingBooking();
        const offByOne = `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}`;
        for (const token of [randomBytes(32).toString("base64url"), offByOne]) {
          expectRedirect(
            await unchanged(new CookieJar(), () => actionResult(cancelBooking(token, confirmed()))),
            `/termin/${token}`,
            "BOOKING_NOT_FOUND",
          );
          const moved = await unchanged(new CookieJar(), () => actionResult(rescheduleBooking(token, formData({ start: SLOT }))));
          expectRedirect(moved, `/termin/${token}/verschieben`, "BOOKING_NOT_FOUND");
        }
      });

      it.each<[string, string | string[], string | null]>([
        ["no slot", "SLOT_NOT_OFFERED", null],
        ["words", "SLOT_NOT_OFFERED", "nächste Woche"],
        ["10,000 characters", "SLOT_NOT_OFFERED", LONG],
        ["a time between two slots", "SLOT_NOT_OFFERED", at(DAY, "09:10").toISOString()],
        ["a time after closing", "SLOT_NOT_OFFERED", at(DAY, "13:00").toISOString()],
        ["yesterday", "SLOT_TOO_SOON", at(addDays(TODAY, -1), "09:00").toISOString()],
        ["beyond the booking horizon", "SLOT_BEYOND_HORIZON", at(addDays(TODAY, 40), "09:00").toISOString()],
        ["the year 1", ["SLOT_TOO_SOON", "SLOT_NOT_OFFERED"], "0001-01-01T08:00:00Z"],
        ["the year 9999", ["SLOT_BEYOND_HORIZON", "SLOT_NOT_OFFERED"], "9999-12-31T08:00:00Z"],
      ])("move to %s: back to the calendar with %s", async (_label, code, start) => {
        const token = await existingBooking();
        const result = await unchanged(new CookieJar(), () => actionResult(rescheduleBooking(token, formData({ start }))));
        expectRedirect(result, `/termin/${token}/verschieben`, code);
      });

      it("move to a full slot: SLOT_TAKEN; cancel twice: ALREADY_CANCELLED; move a cancelled one: ALREADY_CANCELLED", async () => {
        const token = await existingBooking();
        for (const n of [1, 2]) {
          const jar = new CookieJar();
          await walkToReview(jar, SLOT, n);
          await confirm(jar);
        }
        const full = await unchanged(new CookieJar(), () => actionResult(rescheduleBooking(token, formData({ start: SLOT }))));
        expectRedirect(full, `/termin/${token}/verschieben`, "SLOT_TAKEN");

        expectRedirect(await inBrowser(new CookieJar(), () => actionResult(cancelBooking(token, confirmed()))), `/termin/${token}`);
        expectRedirect(
          await unchanged(new CookieJar(), () => actionResult(cancelBooking(token, confirmed()))),
          `/termin/${token}`,
          "ALREADY_CANCELLED",
        );
        const moved = await unchanged(new CookieJar(), () =>
          actionResult(rescheduleBooking(token, formData({ start: at(DAY, "10:00").toISOString() }))),
        );
        expectRedirect(moved, `/termin/${token}/verschieben`, "ALREADY_CANCELLED");
      });
    });
  });

  describe("(c) a tampered or foreign wizard cookie is ignored", () => {
    let before: Awaited<ReturnType<typeof snapshot>>;

    /** AES-GCM like the app's cookie, but under another installation's secret. */
    function sealWithOtherSecret(state: WizardState): string {
      const key = Buffer.from(hkdfSync("sha256", "another-installation-secret-0123456789", "terminvergabe", "wizard-state-v1", 32));
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(state), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    }

    function flipByte(sealed: string, index: number): string {
      const raw = Buffer.from(sealed, "base64url");
      raw[index] ^= 0x01;
      return raw.toString("base64url");
    }

    const validState: WizardState = {
      office: OFFICE,
      service: SERVICE,
      person: {
        givenName: "Eve",
        familyName: "Mallory",
        email: "eve@example.org",
        dateOfBirth: "1990-01-01",
        persons: 1,
        privacyConsent: true,
      },
      slot: SLOT,
    };

    const cookies: Array<[string, () => string]> = [
      ["a flipped bit in the ciphertext", () => flipByte(sealState(validState), 40)],
      ["a flipped bit in the authentication tag", () => flipByte(sealState(validState), 14)],
      ["a flipped bit in the nonce", () => flipByte(sealState(validState), 0)],
      ["a truncated cookie", () => sealState(validState).slice(0, 30)],
      ["another installation's secret", () => sealWithOtherSecret(validState)],
      ["plain JSON", () => JSON.stringify(validState)],
      ["base64 JSON", () => Buffer.from(JSON.stringify(validState)).toString("base64url")],
      ["an empty value", () => ""],
      ["10,000 characters", () => LONG],
      ["a sealed state of the wrong shape", () => sealState({ ...validState, person: { ...validState.person!, privacyConsent: false } } as unknown as WizardState)],
      ["a sealed state with persons as text", () => sealState({ ...validState, person: { ...validState.person!, persons: "1" } } as unknown as WizardState)],
      ["a sealed array", () => sealState([validState] as unknown as WizardState)],
    ];

    it.each(cookies)("%s: confirm books nothing and sends back to the personal data", async (_label, cookie) => {
      const jar = new CookieJar({ [COOKIE]: cookie() });
      before = await snapshot(ctx.db);
      const result = await inBrowser(jar, () => actionResult(confirmBooking(OFFICE, SERVICE)));
      expectRedirect(result, `/${OFFICE}/${SERVICE}`);
      expect(await snapshot(ctx.db)).toEqual(before);
    });

    it.each(cookies)("%s: choosing a slot sends back to the personal data", async (_label, cookie) => {
      const jar = new CookieJar({ [COOKIE]: cookie() });
      const result = await inBrowser(jar, () => actionResult(chooseSlot(OFFICE, SERVICE, formData({ start: SLOT }))));
      expectRedirect(result, `/${OFFICE}/${SERVICE}`);
      expect(jar.writes).toEqual([]);
    });

    it("personal data over a tampered cookie starts a fresh state (no slot carried over)", async () => {
      const jar = new CookieJar({ [COOKIE]: flipByte(sealState(validState), 40) });
      await inBrowser(jar, () => actionResult(savePersonalData(OFFICE, SERVICE, {}, personForm({ email: "eve@example.org" }))));
      expect(stateIn(jar)).toMatchObject({ office: OFFICE, service: SERVICE, person: { givenName: "Amira" } });
      expect(stateIn(jar)?.slot).toBeUndefined();
    });

    it("a genuine state of another office's wizard is not used here", async () => {
      const jar = new CookieJar({ [COOKIE]: sealState({ ...validState, office: OTHER_OFFICE, service: OTHER_SERVICE }) });
      before = await snapshot(ctx.db);
      expectRedirect(await inBrowser(jar, () => actionResult(confirmBooking(OFFICE, SERVICE))), `/${OFFICE}/${SERVICE}`);
      expect(await snapshot(ctx.db)).toEqual(before);
    });
  });

  describe("(d) two citizens hold the last place of a slot", () => {
    beforeEach(async () => {
      // One clerk: 09:00 has room for exactly one booking.
      await ctx.db.capacityBlock.updateMany({ data: { clerks: 1 } });
    });

    it("both confirm at once: one booking; the other is sent to the review with SLOT_TAKEN and the slot cleared", async () => {
      const alice = new CookieJar();
      const bob = new CookieJar();
      await walkToReview(alice, SLOT, 1);
      await walkToReview(bob, SLOT, 2);
      expect(stateIn(alice)?.slot).toBe(SLOT);
      expect(stateIn(bob)?.slot).toBe(SLOT);

      const [a, b] = await Promise.all([confirm(alice), confirm(bob)]);
      const results = [
        { jar: alice, result: a, email: "citizen1@example.org" },
        { jar: bob, result: b, email: "citizen2@example.org" },
      ];
      const winners = results.filter((r) => "redirect" in r.result && r.result.redirect.endsWith("/bestaetigung"));
      const losers = results.filter((r) => !winners.includes(r));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const [winner] = winners;
      const [loser] = losers;

      expectRedirect(winner.result, `/${OFFICE}/${SERVICE}/bestaetigung`);
      expectRedirect(loser.result, `/${OFFICE}/${SERVICE}/pruefen`, "SLOT_TAKEN");

      const bookings = await ctx.db.booking.findMany();
      expect(bookings).toHaveLength(1);
      expect(bookings[0].email).toBe(winner.email);
      expect(bookings[0].startsAt).toEqual(new Date(SLOT));
      expect(stateIn(winner.jar)?.done?.bookingId).toBe(bookings[0].id);
      const outbox = await ctx.db.outboxMessage.findMany();
      expect(outbox).toHaveLength(1);
      expect(outbox[0].bookingId).toBe(bookings[0].id);

      // The loser keeps the personal data, must choose again, and can book another time.
      const loserState = stateIn(loser.jar);
      expect(loserState?.slot).toBeUndefined();
      expect(loserState?.done).toBeUndefined();
      expect(loserState?.person?.email).toBe(loser.email);
      const later = at(DAY, "09:30").toISOString();
      await inBrowser(loser.jar, () => actionResult(chooseSlot(OFFICE, SERVICE, formData({ start: later }))));
      expectRedirect(await confirm(loser.jar), `/${OFFICE}/${SERVICE}/bestaetigung`);
      expect(await ctx.db.booking.count()).toBe(2);
    });

    it("eight citizens confirm the same last place at once: exactly one booking", async () => {
      const jars = Array.from({ length: 8 }, () => new CookieJar());
      for (const [i, jar] of jars.entries()) await walkToReview(jar, SLOT, i + 1);
      const results = await Promise.all(jars.map((jar) => confirm(jar)));
      const targets = results.map((r) => ("redirect" in r ? r.redirect : "returned"));
      expect(targets.filter((t) => t === `/${OFFICE}/${SERVICE}/bestaetigung`)).toHaveLength(1);
      expect(targets.filter((t) => t === `/${OFFICE}/${SERVICE}/pruefen?fehler=SLOT_TAKEN`)).toHaveLength(7);
      expect(await ctx.db.booking.count()).toBe(1);
      expect(await ctx.db.outboxMessage.count()).toBe(1);
      expect(jars.filter((jar) => stateIn(jar)?.slot === undefined)).toHaveLength(8);
    });
  });
});
