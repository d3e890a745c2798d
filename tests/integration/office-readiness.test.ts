import { GET as listOffices } from "@/app/api/v1/offices/route";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { getActiveOffice } from "@/lib/server/services/office-catalog";
import { getOfficeReadiness, isBookable, listBookableOffices } from "@/lib/server/services/office-readiness";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { staff } from "../helpers/integration/staff";

// An office goes public only when it can take bookings: the directory and the API's office list leave out an active
// office until it has an active service and clerks for it within its horizon, read from the database through the
// domain's rule (closures and overrides included). The administration's checklist says what is missing. On SQLite
// and PostgreSQL, with the clock pinned to Monday 4 March 2030, 07:00 in Berlin; offices book 30 days ahead.

process.env.APP_URL = "https://termine.example.org";
const NOW = at("2030-03-04", "07:00");
/** The Wednesdays within the horizon (4 March to 3 April 2030). */
const WEDNESDAYS = ["2030-03-06", "2030-03-13", "2030-03-20", "2030-03-27", "2030-04-03"];

describeEachDatabase("offices go public once they can take bookings", (ctx) => {
  let restore: () => void;
  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => undefined });
  });
  afterAll(() => restore());
  eachTestOnEmptyDatabase(ctx);

  /** The slugs the API's office list and the public directory show now. */
  async function listed() {
    const response = await listOffices(new Request("https://termine.example.org/api/v1/offices"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { offices: Array<{ slug: string }> };
    return {
      api: body.offices.map((o) => o.slug).sort(),
      directory: (await listBookableOffices(ctx.db, NOW)).map((o) => o.slug).sort(),
    };
  }
  const only = (...slugs: string[]) => ({ api: slugs, directory: slugs });

  it("leaves a new office out until it has a service and clerks within the horizon, and lists it once ready", async () => {
    // Given a staffed office (Mondays 08:00-12:00) and a new one with a service but no clerks yet.
    await createOfficeFixture(ctx.db, { slug: "auslaenderbehoerde" });
    const { office, service } = await createOfficeFixture(ctx.db, { slug: "buergerbuero", blocks: [] });
    expect(await listed()).toEqual(only("auslaenderbehoerde"));
    // Its deep link still opens (with its contact details instead of the booking form).
    expect(await isBookable(ctx.db, await getActiveOffice(ctx.db, "buergerbuero"), NOW)).toBe(false);

    // Clerks planned only from May on, beyond the 30 days: still not listed.
    const block = await ctx.db.capacityBlock.create({
      data: { officeId: office.id, weekday: 3, startMinute: 540, endMinute: 660, clerks: 1, validFrom: "2030-05-01" },
    });
    expect(await listed()).toEqual(only("auslaenderbehoerde"));

    // From now on, every Wednesday: listed.
    await ctx.db.capacityBlock.update({ where: { id: block.id }, data: { validFrom: null } });
    expect(await listed()).toEqual(only("auslaenderbehoerde", "buergerbuero"));
    expect(await isBookable(ctx.db, await getActiveOffice(ctx.db, "buergerbuero"), NOW)).toBe(true);

    // Every one of those Wednesdays closed: no capacity after all. One date opened by an override: listed again.
    await ctx.db.closure.createMany({ data: WEDNESDAYS.map((date) => ({ officeId: office.id, date, reason: "Umbau" })) });
    expect(await listed()).toEqual(only("auslaenderbehoerde"));
    await ctx.db.dateOverride.create({ data: { officeId: office.id, date: "2030-03-15", startMinute: 600, endMinute: 660, clerks: 1 } });
    expect(await listed()).toEqual(only("auslaenderbehoerde", "buergerbuero"));

    // Its only service deactivated: nothing to book, off the lists again.
    await ctx.db.service.update({ where: { id: service.id }, data: { active: false } });
    expect(await listed()).toEqual(only("auslaenderbehoerde"));
  });

  it("keeps a fully booked office listed: it has clerks, only no free time right now", async () => {
    const { office, service } = await createOfficeFixture(ctx.db, { slug: "buergerbuero", blocks: [[1, "08:00", "08:30", 1]] });
    const mondays = ["2030-03-04", "2030-03-11", "2030-03-18", "2030-03-25", "2030-04-01"];
    for (const [i, date] of mondays.entries()) {
      await ctx.db.booking.create({
        data: {
          officeId: office.id,
          serviceId: service.id,
          startsAt: at(date, "08:00"),
          endsAt: at(date, "08:30"),
          referenceCode: `TV-FULL-${i}`,
          manageTokenHash: `full-${i}`,
        },
      });
    }
    expect(await listed()).toEqual(only("buergerbuero"));
  });

  it("gives the administration the checklist of what is missing, and only to those who administer the office", async () => {
    const { office } = await createOfficeFixture(ctx.db, { slug: "buergerbuero", blocks: [] });
    const other = await createOfficeFixture(ctx.db, { slug: "standesamt" });
    const admin = await staff(ctx.db, "ADMIN", []);

    expect(await getOfficeReadiness(ctx.db, admin, office.id, NOW)).toEqual({
      service: true,
      capacity: false,
      legal: false,
      sender: false,
      bookable: false,
      missingLegalTexts: ["IMPRINT", "PRIVACY", "ACCESSIBILITY"],
    });

    // The site's Impressum and privacy statement in German (a text in another language does not count), a sender,
    // and clerks on Fridays.
    await ctx.db.legalText.createMany({
      data: [
        { scope: "site", kind: "IMPRINT", locale: "de", body: "Stadt Teststadt" },
        { scope: "site", kind: "PRIVACY", locale: "de", body: "Wir speichern ..." },
        { scope: "site", kind: "ACCESSIBILITY", locale: "en", body: "Accessibility statement" },
      ],
    });
    await ctx.db.office.update({
      where: { id: office.id },
      data: { senderName: "Stadt Teststadt – Bürgerbüro", replyTo: "buergerbuero@teststadt.example" },
    });
    await ctx.db.capacityBlock.create({ data: { officeId: office.id, weekday: 5, startMinute: 480, endMinute: 720, clerks: 2 } });
    expect(await getOfficeReadiness(ctx.db, admin, office.id, NOW)).toEqual({
      service: true,
      capacity: true,
      legal: false,
      sender: true,
      bookable: true,
      missingLegalTexts: ["ACCESSIBILITY"],
    });

    const officeAdmin = await staff(ctx.db, "OFFICE_ADMIN", [office.id]);
    expect((await getOfficeReadiness(ctx.db, officeAdmin, office.id, NOW)).bookable).toBe(true);
    for (const actor of [
      await staff(ctx.db, "CLERK", [office.id]),
      await staff(ctx.db, "OFFICE_ADMIN", [other.office.id]),
    ]) {
      await expect(getOfficeReadiness(ctx.db, actor, office.id, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(getOfficeReadiness(ctx.db, officeAdmin, "cmnotanoffice000000000000", NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
