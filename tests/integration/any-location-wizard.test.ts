// The request context a server action expects from Next.js, replaced for Jest (see the helper for how it works).
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("next-intl/server", () => require("../helpers/next-request-mocks").nextIntlServerMock("de"));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { confirmBooking, savePersonalData } from "@/app/[locale]/[office]/actions";
import { chooseAnyLocationSlot } from "@/app/[locale]/leistungen/[service]/termin/actions";
import { unsealState } from "@/lib/server/wizard-state";
import { describeEachDatabase } from "../helpers/databases";
import { openDayAhead } from "../helpers/dates";
import { bookOnline } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { actionResult, CookieJar, formData, inBrowser } from "../helpers/next-request-mocks";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";

// A time taken in the "earliest at any location" calendar leads into that office's own wizard: personal data, then
// straight to the review, and the booking is that office's. The actions read the real clock, so the times lie two
// days ahead; two offices offer the catalogue's "beratung", open every day 08:00-12:00.

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.ANTIBOT ??= "off";

const ENTRY = "beratung";
const DAY = openDayAhead(2);
const SLOT = at(DAY, "09:00").toISOString();
const CALENDAR = `/leistungen/${ENTRY}/termin`;

const PERSON = {
  familyName: "Haddad",
  email: "amira.haddad@example.org",
  dobDay: "17",
  dobMonth: "5",
  dobYear: "1990",
  privacyConsent: "on",
};

/** The path and `fehler` of a redirect the action answered with. */
async function redirected(action: Promise<unknown>): Promise<{ path: string; error: string | null }> {
  const result = await actionResult(action);
  if (!("redirect" in result)) throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  const url = new URL(result.redirect, "https://termine.example.org");
  return { path: decodeURIComponent(url.pathname), error: url.searchParams.get("fehler") };
}

const choose = (fields: Record<string, string>) => chooseAnyLocationSlot(ENTRY, formData(fields));

describeEachDatabase("the wizard from a time at any location", (ctx) => {
  eachTestOnEmptyDatabase(ctx, async () => {
    for (const slug of ["mitte", "nord"]) {
      await createOfficeFixture(ctx.db, {
        slug,
        blocks: openOn("Mon-Sun", "08:00-12:00", 1),
        services: [{ slug: ENTRY, catalogue: ENTRY, durationMinutes: 30, maxPersons: 3, extraPersonMinutes: 15 }],
      });
    }
  });

  it("continues with the personal data at the chosen office, then the review, and books there", async () => {
    const jar = new CookieJar();
    await inBrowser(jar, async () => {
      expect(await redirected(choose({ office: "nord", persons: "2", start: SLOT }))).toEqual({ path: `/nord/${ENTRY}`, error: null });
      expect(unsealState(jar.value("tv_wizard")!)).toEqual({
        office: "nord",
        service: ENTRY,
        slot: SLOT,
        slotPersons: 2,
        slotKind: "IN_PERSON",
        anyLocation: ENTRY,
      });

      const personal = await redirected(savePersonalData("nord", ENTRY, {}, formData({ ...PERSON, persons: "2" })));
      expect(personal).toEqual({ path: `/nord/${ENTRY}/pruefen`, error: null });
      expect(await redirected(confirmBooking("nord", ENTRY))).toEqual({ path: `/nord/${ENTRY}/bestaetigung`, error: null });
    });
    const booking = await ctx.db.booking.findFirstOrThrow({ include: { office: true } });
    // Two persons: 30 + 15 minutes, at the office the time was taken at.
    expect(booking).toMatchObject({ startsAt: new Date(SLOT), endsAt: at(DAY, "09:45"), persons: 2, status: "CONFIRMED" });
    expect(booking.office.slug).toBe("nord");
  });

  it("drops the time when the personal data asks for another number of persons, and goes to the office's calendar", async () => {
    const jar = new CookieJar();
    await inBrowser(jar, async () => {
      await redirected(choose({ office: "mitte", persons: "1", start: SLOT }));
      const personal = await redirected(savePersonalData("mitte", ENTRY, {}, formData({ ...PERSON, persons: "3" })));
      expect(personal).toEqual({ path: `/mitte/${ENTRY}/termin`, error: null });
      expect(unsealState(jar.value("tv_wizard")!)?.slot).toBeUndefined();
    });
  });

  it("sends a time that is gone, an office that does not offer the service, or a forged form back to the calendar", async () => {
    await bookOnline(ctx.db, { officeSlug: "mitte", serviceSlug: ENTRY, start: new Date(SLOT), now: new Date() });
    await createOfficeFixture(ctx.db, { slug: "standesamt", blocks: openOn("Mon-Sun", "08:00-12:00", 1) });
    const jar = new CookieJar();
    await inBrowser(jar, async () => {
      expect(await redirected(choose({ office: "mitte", persons: "1", start: SLOT }))).toEqual({ path: CALENDAR, error: "SLOT_TAKEN" });
      expect(await redirected(choose({ office: "standesamt", persons: "1", start: SLOT }))).toEqual({
        path: CALENDAR,
        error: "SERVICE_NOT_FOUND",
      });
      expect(await redirected(choose({ office: "nord", persons: "4", start: SLOT }))).toEqual({ path: CALENDAR, error: "INVALID_INPUT" });
      expect(await redirected(choose({ office: "../admin", persons: "1", start: SLOT }))).toEqual({ path: CALENDAR, error: "SLOT_NOT_OFFERED" });
      expect(await redirected(choose({ office: "nord", persons: "1", start: "morgen" }))).toEqual({ path: CALENDAR, error: "SLOT_NOT_OFFERED" });
    });
    expect(jar.value("tv_wizard")).toBeUndefined();
  });

  it("keeps a combination by video chosen there: the office's own further service, the kind preselected, the link booked", async () => {
    // Nord also offers the passport (its own slug "pass") and video meetings; two services per visit.
    const entry = await ctx.db.catalogueService.create({ data: { slug: "reisepass", name: "Reisepass", documents: "" } });
    const nord = await ctx.db.office.update({
      where: { slug: "nord" },
      data: { maxServicesPerBooking: 2, videoMeetingUrlTemplate: "https://meet.example.org/{reference}" },
    });
    await ctx.db.service.create({ data: { officeId: nord.id, slug: "pass", catalogueServiceId: entry.id, durationMinutes: 20 } });
    await ctx.db.service.updateMany({ where: { officeId: nord.id }, data: { appointmentKinds: "IN_PERSON,VIDEO" } });
    const jar = new CookieJar();
    await inBrowser(jar, async () => {
      // Mitte offers neither the passport nor video: a time there for that combination is refused.
      const atMitte = await redirected(chooseAnyLocationSlot(ENTRY, formData({ office: "mitte", persons: "1", start: SLOT, further: "reisepass", kind: "VIDEO" })));
      expect(atMitte).toEqual({ path: CALENDAR, error: "SLOT_NOT_OFFERED" });

      const chosen = await redirected(chooseAnyLocationSlot(ENTRY, formData({ office: "nord", persons: "1", start: SLOT, further: "reisepass", kind: "VIDEO" })));
      expect(chosen).toEqual({ path: `/nord/${ENTRY}`, error: null });
      expect(unsealState(jar.value("tv_wizard")!)).toMatchObject({ further: ["pass"], slot: SLOT, slotPersons: 1, slotKind: "VIDEO" });

      // The same persons and kind keep the time and go straight to the review; then the booking is that appointment.
      const personal = await redirected(savePersonalData("nord", ENTRY, {}, formData({ ...PERSON, persons: "1", kind: "VIDEO" })));
      expect(personal).toEqual({ path: `/nord/${ENTRY}/pruefen`, error: null });
      expect(await redirected(confirmBooking("nord", ENTRY))).toEqual({ path: `/nord/${ENTRY}/bestaetigung`, error: null });
    });
    const booking = await ctx.db.booking.findFirstOrThrow({ include: { extraServices: { include: { service: true } } } });
    // 30 + 20 minutes by video, with the passport as the further service.
    expect(booking).toMatchObject({ startsAt: new Date(SLOT), endsAt: at(DAY, "09:50"), kind: "VIDEO", status: "CONFIRMED" });
    expect(booking.extraServices.map((e) => e.service.slug)).toEqual(["pass"]);
  });

  it("drops a time chosen for video when the personal data asks for the appointment in person", async () => {
    const nord = await ctx.db.office.update({ where: { slug: "nord" }, data: { videoMeetingUrlTemplate: "https://meet.example.org/{reference}" } });
    await ctx.db.service.updateMany({ where: { officeId: nord.id }, data: { appointmentKinds: "IN_PERSON,VIDEO" } });
    const jar = new CookieJar();
    await inBrowser(jar, async () => {
      await redirected(chooseAnyLocationSlot(ENTRY, formData({ office: "nord", persons: "1", start: SLOT, kind: "VIDEO" })));
      const personal = await redirected(savePersonalData("nord", ENTRY, {}, formData({ ...PERSON, persons: "1", kind: "IN_PERSON" })));
      expect(personal).toEqual({ path: `/nord/${ENTRY}/termin`, error: null });
      expect(unsealState(jar.value("tv_wizard")!)?.slot).toBeUndefined();
    });
  });
});
