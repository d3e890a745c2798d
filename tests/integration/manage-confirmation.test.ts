// The request context a server action expects from Next.js, replaced for Jest (see the helper for how it works).
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("next-intl/server", () => require("../helpers/next-request-mocks").nextIntlServerMock("de"));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { randomBytes } from "node:crypto";
import { cancelBooking, deletePersonalData, rescheduleBooking } from "@/app/[locale]/termin/[token]/actions";
import { addDays, localDateOf } from "@/lib/domain";
import { CONFIRMATION_FIELD } from "@/lib/schemas/booking";
import type { Db } from "@/lib/server/db/client";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { openDayAhead } from "../helpers/dates";
import { actionResult, CookieJar, formData, inBrowser } from "../helpers/next-request-mocks";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";
import { bookOnline } from "../helpers/integration/bookings";

// Cancelling, moving and erasing through the e-mail's link are final, so each needs its confirmation page: the
// first post (the manage page's step, a tapped time, a stale page) leads to the question and changes nothing; only
// the confirmation page's post acts. Given an office open every day 08:00-12:00 with one clerk and a 60-minute
// service on a 30-minute step, and one booking at 09:00 two days ahead (the actions read the real clock).

const TZ = "Europe/Berlin";
const OFFICE = "testamt";
const SERVICE = "beratung";
const DAY = openDayAhead(2, TZ);
const BOOKED = at(DAY, "09:00");
const LATER = at(DAY, "10:30");
const LONG = "a".repeat(10_000);
const EVERY_DAY = openOn("Mon-Sun", "08:00-12:00", 1);

/** What the confirmation page posts, with whatever else the action needs. */
const confirmed = (fields: Record<string, string> = {}) => formData({ [CONFIRMATION_FIELD]: "ja", ...fields });
const act = <T,>(action: Promise<T>) => inBrowser(new CookieJar(), () => actionResult(action));

/** Every row an action could write: bookings, e-mails and the per-day lock rows. */
const snapshot = (db: Db) =>
  Promise.all([
    db.booking.findMany({ orderBy: { id: "asc" } }),
    db.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    db.officeDay.findMany({ orderBy: [{ officeId: "asc" }, { date: "asc" }] }),
  ]);

describeEachDatabase("manage link: nothing final without its confirmation page", (ctx) => {
  let token: string;

  /** Runs the action and checks that no row changed; returns where it led. */
  async function unchanged(action: () => Promise<unknown>): Promise<unknown> {
    const before = await snapshot(ctx.db);
    const result = await act(action());
    expect(await snapshot(ctx.db)).toEqual(before);
    return result;
  }

  const booking = () => ctx.db.booking.findFirstOrThrow({ where: { startsAt: { gte: at(DAY, "00:00") } } });

  eachTestOnEmptyDatabase(ctx, async () => {
    await createOfficeFixture(ctx.db, {
      slug: OFFICE,
      blocks: EVERY_DAY,
      services: [{ slug: SERVICE, durationMinutes: 60 }],
    });
    const created = await bookOnline(ctx.db, {
      officeSlug: OFFICE,
      serviceSlug: SERVICE,
      start: BOOKED,
      person: { givenName: "Amira", familyName: "Haddad", email: "amira.haddad@example.org", dateOfBirth: "1990-05-17" },
      now: new Date(),
    });
    token = created.manageToken;
  });

  // Values of the confirmation field that are not the confirmation page's: a first step, or someone guessing.
  const notConfirmed: Array<[string, FormData | undefined]> = [
    ["no form at all", undefined],
    ["an empty form", formData({})],
    ['"nein"', formData({ [CONFIRMATION_FIELD]: "nein" })],
    ['"JA"', formData({ [CONFIRMATION_FIELD]: "JA" })],
    ['"ja " with a space', formData({ [CONFIRMATION_FIELD]: "ja " })],
    ['"1"', formData({ [CONFIRMATION_FIELD]: "1" })],
    ["a file", formData({ [CONFIRMATION_FIELD]: new Blob(["ja"]) })],
    ["10,000 characters", formData({ [CONFIRMATION_FIELD]: LONG })],
  ];

  describe("cancelling", () => {
    it.each(notConfirmed)("%s: leads to the question and cancels nothing", async (_label, form) => {
      expect(await unchanged(() => cancelBooking(token, form))).toEqual({ redirect: `/termin/${token}/absagen` });
    });

    it("the confirmation cancels, mails the citizen, and a second one finds it cancelled", async () => {
      expect(await act(cancelBooking(token, confirmed()))).toEqual({ redirect: `/termin/${token}?abgesagt=1` });
      expect(await booking()).toMatchObject({ status: "CANCELLED" });
      expect((await ctx.db.outboxMessage.findMany()).map((m) => m.template).sort()).toEqual(
        ["booking-cancelled", "booking-confirmation"].sort(),
      );
      expect(await unchanged(() => cancelBooking(token, confirmed()))).toEqual({
        redirect: `/termin/${token}?fehler=ALREADY_CANCELLED`,
      });
    });
  });

  describe("moving", () => {
    const askFor = (start: Date) => `/termin/${token}/verschieben/bestaetigen?neu=${encodeURIComponent(start.toISOString())}`;

    it("a tapped time leads to 'bisher → neu' and moves nothing; the confirmation moves and mails", async () => {
      expect(await unchanged(() => rescheduleBooking(token, formData({ start: LATER.toISOString() })))).toEqual({
        redirect: askFor(LATER),
      });
      expect(await act(rescheduleBooking(token, confirmed({ start: LATER.toISOString() })))).toEqual({
        redirect: `/termin/${token}?verschoben=1`,
      });
      expect(await booking()).toMatchObject({ status: "CONFIRMED", startsAt: LATER, endsAt: at(DAY, "11:30") });
      expect((await ctx.db.outboxMessage.findMany()).map((m) => m.template).sort()).toEqual(
        ["booking-confirmation", "booking-rescheduled"].sort(),
      );
    });

    it.each(notConfirmed.filter(([, form]) => form))("%s with a time: only the question", async (_label, form) => {
      form!.set("start", LATER.toISOString());
      expect(await unchanged(() => rescheduleBooking(token, form!))).toEqual({ redirect: askFor(LATER) });
    });

    it("a time that overlaps only the booking itself is offered: it does not compete with itself", async () => {
      const halfHourLater = at(DAY, "09:30");
      expect(await unchanged(() => rescheduleBooking(token, formData({ start: halfHourLater.toISOString() })))).toEqual({
        redirect: askFor(halfHourLater),
      });
    });

    it.each<[string, string | null, string | string[]]>([
      ["the booked time itself", BOOKED.toISOString(), "SAME_TIME"],
      ["no time", null, "SLOT_NOT_OFFERED"],
      ["words", "nächste Woche", "SLOT_NOT_OFFERED"],
      ["10,000 characters", LONG, "SLOT_NOT_OFFERED"],
      ["a time between two slots", at(DAY, "10:10").toISOString(), "SLOT_NOT_OFFERED"],
      ["a time after closing", at(DAY, "13:00").toISOString(), "SLOT_NOT_OFFERED"],
      ["yesterday", at(addDays(localDateOf(new Date(), TZ), -1), "09:00").toISOString(), "SLOT_TOO_SOON"],
      ["the year 9999", "9999-12-31T08:00:00Z", ["SLOT_BEYOND_HORIZON", "SLOT_NOT_OFFERED"]],
    ])("asked for %s: back to the calendar with the reason, as a first step and as a confirmation", async (_label, start, code) => {
      for (const form of [formData({ start }), confirmed(start === null ? {} : { start })]) {
        const result = (await unchanged(() => rescheduleBooking(token, form))) as { redirect: string };
        const url = new URL(result.redirect, "https://termine.example.org");
        expect(url.pathname).toBe(`/termin/${token}/verschieben`);
        if (Array.isArray(code)) expect(code).toContain(url.searchParams.get("fehler"));
        else expect(url.searchParams.get("fehler")).toBe(code);
      }
    });

    it("a time someone else took meanwhile: SLOT_TAKEN at the question and at the confirmation", async () => {
      await bookOnline(ctx.db, {
        officeSlug: OFFICE,
        serviceSlug: SERVICE,
        start: LATER,
        person: { familyName: "Nachbar", email: "nachbar@example.org", dateOfBirth: "1985-01-02" },
        channel: "API",
        now: new Date(),
      });
      for (const form of [formData({ start: LATER.toISOString() }), confirmed({ start: LATER.toISOString() })]) {
        expect(await unchanged(() => rescheduleBooking(token, form))).toEqual({
          redirect: `/termin/${token}/verschieben?fehler=SLOT_TAKEN`,
        });
      }
    });
  });

  describe("erasing the personal data", () => {
    it.each(notConfirmed)("%s: leads to the question and erases nothing", async (_label, form) => {
      expect(await unchanged(() => deletePersonalData(token, form))).toEqual({ redirect: `/termin/${token}/loeschen` });
    });

    it("the confirmation erases the data and frees the time", async () => {
      expect(await act(deletePersonalData(token, confirmed()))).toEqual({ redirect: `/termin/${token}?geloescht=1` });
      const erased = await booking();
      expect(erased).toMatchObject({ status: "CANCELLED", givenName: null, email: null });
      expect(erased.erasedAt).not.toBeNull();
    });
  });

  describe("hostile links change nothing, confirmed or not", () => {
    const forged: Array<[string, string]> = [
      ["an empty token", ""],
      ["42 characters", "A".repeat(42)],
      ["a path", `../../admin/${"A".repeat(31)}`],
      ["a NUL byte", `${"A".repeat(42)}\u0000`],
      ["SQL", `' OR '1'='1' --${"A".repeat(28)}`],
      ["10,000 characters", LONG],
    ];

    it.each(forged)("%s: the invalid-link page", async (_label, forgedToken) => {
      const start = LATER.toISOString();
      for (const form of [formData({ start }), confirmed({ start })]) {
        expect(await unchanged(() => cancelBooking(forgedToken, form))).toEqual({ redirect: "/termin/ungueltig" });
        expect(await unchanged(() => rescheduleBooking(forgedToken, form))).toEqual({ redirect: "/termin/ungueltig" });
        expect(await unchanged(() => deletePersonalData(forgedToken, form))).toEqual({ redirect: "/termin/ungueltig" });
      }
    });

    it("a well-formed token of no booking: BOOKING_NOT_FOUND, the same as for an erased one", async () => {
      const unknown = randomBytes(32).toString("base64url");
      const start = LATER.toISOString();
      expect(await unchanged(() => cancelBooking(unknown, confirmed()))).toEqual({
        redirect: `/termin/${unknown}?fehler=BOOKING_NOT_FOUND`,
      });
      expect(await unchanged(() => deletePersonalData(unknown, confirmed()))).toEqual({
        redirect: `/termin/${unknown}?fehler=BOOKING_NOT_FOUND`,
      });
      for (const form of [formData({ start }), confirmed({ start })]) {
        expect(await unchanged(() => rescheduleBooking(unknown, form))).toEqual({
          redirect: `/termin/${unknown}/verschieben?fehler=BOOKING_NOT_FOUND`,
        });
      }
    });
  });
});
