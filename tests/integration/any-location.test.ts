import { GET as slotsAtAnyLocation } from "@/app/api/v1/services/[service]/slots/route";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import {
  anyLocationWeek,
  combinationOffers,
  freeSlotsAtAnyLocation,
  loadCatalogueOffers,
  nextFreeAtAnyLocation,
  offersFor,
} from "@/lib/server/services/any-location";
import { datesBetween } from "@/lib/domain";
import { findNextFreeSlot, listFreeSlots } from "@/lib/server/services/list-slots";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { bookOnline } from "../helpers/integration/bookings";
import { countingReads } from "../helpers/integration/counting-reads";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";

// "Earliest at any location" against SQLite and PostgreSQL: given the identity card ("personalausweis") of the city's
// catalogue offered by three offices in Berlin with their own hours, on Monday 1 March 2027 at 07:00:
//   Bürgerbüro Mitte: Mon-Fri 08:00-12:00, one clerk, 30 minutes, up to 3 persons; Monday fully booked.
//   Bürgerbüro Nord:  Tue and Thu 13:00-16:00, two clerks, 20 minutes, one person.
//   Bürgerbüro Süd:   Mon-Fri 08:00-10:00, one clerk, 30 minutes, one person; closed on Monday.
// Each office keeps its one-hour notice, 30-minute grid and 30-day horizon.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const MONDAY = "2027-03-01";
const TUESDAY = "2027-03-02";
const NOW = at(MONDAY, "07:00");
const ENTRY = "personalausweis";
const OFFICES = { mitte: "Bürgerbüro Mitte", nord: "Bürgerbüro Nord", sued: "Bürgerbüro Süd" } as const;

describeEachDatabase("earliest at any location", (ctx) => {
  let restore: () => void;
  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => undefined });
  });
  afterAll(() => restore());

  eachTestOnEmptyDatabase(ctx, async () => {
    const offer = (durationMinutes: number, maxPersons = 1) => [{ slug: ENTRY, catalogue: ENTRY, durationMinutes, maxPersons }];
    await createOfficeFixture(ctx.db, { slug: "sued", blocks: openOn("Mon-Fri", "08:00-10:00", 1), services: offer(30) });
    await createOfficeFixture(ctx.db, { slug: "nord", blocks: openOn("Tue,Thu", "13:00-16:00", 2), services: offer(20) });
    await createOfficeFixture(ctx.db, { slug: "mitte", blocks: openOn("Mon-Fri", "08:00-12:00", 1), services: offer(30, 3) });
    for (const [slug, name] of Object.entries(OFFICES)) await ctx.db.office.update({ where: { slug }, data: { name } });
    const sued = await ctx.db.office.findUniqueOrThrow({ where: { slug: "sued" } });
    await ctx.db.closure.create({ data: { officeId: sued.id, date: MONDAY, reason: "Betriebsausflug" } });
    for (const [n, time] of ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].entries()) {
      await bookOnline(ctx.db, { officeSlug: "mitte", serviceSlug: ENTRY, start: at(MONDAY, time), now: NOW }, n);
    }
  });

  /** Each office's own next free slot, found as its own calendar finds it. */
  async function ownNextFree(slug: string) {
    const { slot } = await findNextFreeSlot(ctx.db, { officeSlug: slug, serviceSlug: ENTRY, persons: 1, now: NOW });
    return slot;
  }

  async function offers(persons = 1) {
    return offersFor((await loadCatalogueOffers(ctx.db, ENTRY)).offers, persons);
  }

  it("finds the entry's offers at every active office, by office name", async () => {
    const { entry, offers: all } = await loadCatalogueOffers(ctx.db, ENTRY);
    expect(entry.slug).toBe(ENTRY);
    expect(all.map((o) => o.office.slug)).toEqual(["mitte", "nord", "sued"]);
    await ctx.db.office.update({ where: { slug: "nord" }, data: { active: false } });
    expect((await loadCatalogueOffers(ctx.db, ENTRY)).offers.map((o) => o.office.slug)).toEqual(["mitte", "sued"]);
    await expect(loadCatalogueOffers(ctx.db, "reisepass")).rejects.toMatchObject({ code: "SERVICE_NOT_FOUND" });
  });

  it("opens on the minimum of the offices' own next free times; at the same start, the office first by name", async () => {
    const own = await Promise.all(["mitte", "nord", "sued"].map(ownNextFree));
    expect(own.map((s) => s?.start)).toEqual([at(TUESDAY, "08:00"), at(TUESDAY, "13:00"), at(TUESDAY, "08:00")]);
    const { next } = await nextFreeAtAnyLocation(ctx.db, await offers(), { persons: 1, now: NOW });
    expect(next).toEqual({ start: at(TUESDAY, "08:00"), end: at(TUESDAY, "08:30"), office: "mitte" });

    // Once Mitte's 08:00 is taken, Süd's 08:00 is the earliest; Mitte's own next moved to 08:30.
    await bookOnline(ctx.db, { officeSlug: "mitte", serviceSlug: ENTRY, start: at(TUESDAY, "08:00"), now: NOW }, 20);
    expect((await ownNextFree("mitte"))?.start).toEqual(at(TUESDAY, "08:30"));
    expect((await nextFreeAtAnyLocation(ctx.db, await offers(), { persons: 1, now: NOW })).next).toMatchObject({
      start: at(TUESDAY, "08:00"),
      office: "sued",
    });
  });

  it("shows each day with every office's times and reasons: a full day, a closure and another office's closed day", async () => {
    const calendar = await anyLocationWeek(ctx.db, await offers(), { persons: 1, now: NOW });
    expect(calendar.week).toBe(MONDAY);
    expect(calendar.locations.map((l) => l.name)).toEqual([OFFICES.mitte, OFFICES.nord, OFFICES.sued]);
    const [monday, tuesday, wednesday] = calendar.days;
    // Monday: Mitte is full, Süd closed for the day, Nord not open on Mondays: no single reason.
    expect(monday.status).toEqual({ kind: "noFreeTime" });
    expect(monday.locations.map((l) => [l.office, l.status.kind])).toEqual([
      ["mitte", "fullyBooked"],
      ["nord", "closed"],
      ["sued", "closed"],
    ]);
    expect(tuesday.status).toEqual({ kind: "free" });
    const times = (day: typeof tuesday) => Object.fromEntries(day.locations.map((l) => [l.office, l.slots.map((s) => s.start)]));
    expect(times(tuesday)).toEqual({
      mitte: ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((t) => at(TUESDAY, t)),
      nord: ["13:00", "13:30", "14:00", "14:30", "15:00", "15:30"].map((t) => at(TUESDAY, t)),
      sued: ["08:00", "08:30", "09:00", "09:30"].map((t) => at(TUESDAY, t)),
    });
    // Wednesday: Nord is closed, the others free.
    expect(wednesday.locations.map((l) => [l.office, l.status.kind])).toEqual([
      ["mitte", "free"],
      ["nord", "closed"],
      ["sued", "free"],
    ]);
    // Saturday and Sunday: every office closed, so that is the day's reason.
    expect(calendar.days[5].status).toEqual({ kind: "closed" });
  });

  it("lists only the offices that take the persons in one appointment", async () => {
    const forTwo = await offers(2);
    expect(forTwo.map((o) => o.office.slug)).toEqual(["mitte"]);
    const { next } = await nextFreeAtAnyLocation(ctx.db, forTwo, { persons: 2, now: NOW });
    expect(next).toEqual({ start: at(TUESDAY, "08:00"), end: at(TUESDAY, "08:30"), office: "mitte" });
  });

  it("reads one window per office, the schedules of all together, and no office past a time already found elsewhere", async () => {
    const { db, reads } = countingReads(ctx.db);
    const { next } = await nextFreeAtAnyLocation(db, await offers(), { persons: 1, now: NOW });
    expect(next?.office).toBe("mitte");
    // One first window (28 days) per office, like each office's own next-free search.
    expect(reads).toHaveLength(3);

    // Süd closed for its whole first window: alone, it reads its second window too (from 29 March, Easter Monday) ...
    const sued = await ctx.db.office.findUniqueOrThrow({ where: { slug: "sued" } });
    const closed = datesBetween(TUESDAY, "2027-03-28").map((date) => ({ officeId: sued.id, date, reason: "Umbau" }));
    await ctx.db.closure.createMany({ data: closed });
    reads.length = 0;
    const alone = (await offers()).filter((o) => o.office.slug === "sued");
    expect((await nextFreeAtAnyLocation(db, alone, { persons: 1, now: NOW })).next?.start).toEqual(at("2027-03-30", "08:00"));
    expect(reads).toHaveLength(2);
    // loadAvailability's margin: from two days before the day before the window (28 March is the change to DST).
    expect(reads[1].startsAt?.gt).toEqual(at("2027-03-26", "00:00"));

    // ... but not beside Mitte, whose Tuesday is earlier than anything Süd's second window could hold.
    reads.length = 0;
    expect((await nextFreeAtAnyLocation(db, await offers(), { persons: 1, now: NOW })).next?.office).toBe("mitte");
    expect(reads).toHaveLength(3);
  });

  describe("GET /api/v1/services/{service}/slots", () => {
    const path = `/api/v1/services/${ENTRY}/slots`;

    it("answers every office's free slots with the office, and the next free one across them", async () => {
      const { status, body } = await callApi(slotsAtAnyLocation, `${path}?from=${MONDAY}&to=${TUESDAY}&next=1`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ service: ENTRY, persons: 1, from: MONDAY, to: TUESDAY });
      expect(body.offices).toEqual([
        { slug: "mitte", name: OFFICES.mitte, timeZone: "Europe/Berlin", service: ENTRY, furtherServices: [] },
        { slug: "nord", name: OFFICES.nord, timeZone: "Europe/Berlin", service: ENTRY, furtherServices: [] },
        { slug: "sued", name: OFFICES.sued, timeZone: "Europe/Berlin", service: ENTRY, furtherServices: [] },
      ]);
      const own = await Promise.all(["mitte", "nord", "sued"].map(ownNextFree));
      const earliest = Math.min(...own.map((s) => s!.start.getTime()));
      expect(body.nextFree).toEqual({ start: new Date(earliest).toISOString(), end: at(TUESDAY, "08:30").toISOString(), office: "mitte" });
      // 8 + 6 + 4 slots on Tuesday, none on Monday; by start, at the same start by office name.
      expect(body.slots).toHaveLength(18);
      expect(body.slots.slice(0, 3)).toEqual([
        { start: at(TUESDAY, "08:00").toISOString(), end: at(TUESDAY, "08:30").toISOString(), office: "mitte" },
        { start: at(TUESDAY, "08:00").toISOString(), end: at(TUESDAY, "08:30").toISOString(), office: "sued" },
        { start: at(TUESDAY, "08:30").toISOString(), end: at(TUESDAY, "09:00").toISOString(), office: "mitte" },
      ]);
      expect(body.slots.filter((s: { office: string }) => s.office === "nord")[0]).toEqual({
        start: at(TUESDAY, "13:00").toISOString(),
        end: at(TUESDAY, "13:20").toISOString(),
        office: "nord",
      });
    });

    it("leaves out offices that take fewer persons, and refuses persons no office takes", async () => {
      const { body } = await callApi(slotsAtAnyLocation, `${path}?persons=3&from=${TUESDAY}&to=${TUESDAY}`);
      expect(body.offices.map((o: { slug: string }) => o.slug)).toEqual(["mitte"]);
      // Three persons take 30 minutes here (no extra minutes per person), so the grid stays.
      expect(body.slots).toHaveLength(8);
      const tooMany = await callApi(slotsAtAnyLocation, `${path}?persons=4`);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error).toMatchObject({ code: "MALFORMED_REQUEST", fields: { persons: [expect.any(String)] } });
    });

    it("answers an unknown service with 404 and a bad range with 400", async () => {
      const unknown = await callApi(slotsAtAnyLocation, "/api/v1/services/reisepass/slots");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe("SERVICE_NOT_FOUND");
      const backwards = await callApi(slotsAtAnyLocation, `${path}?from=${TUESDAY}&to=${MONDAY}`);
      expect(backwards.status).toBe(400);
    });
  });

  // A combination: the passport ("reisepass") as a further service of the same visit, in person or by video. Mitte
  // offers it as "reisepass" (30 minutes), Nord as "pass" (25 minutes); Süd does not offer it. Nord holds video
  // meetings; on Wednesday it has one more clerk for video appointments only, 09:00-11:00.
  describe("with a further service and a kind", () => {
    const WEDNESDAY = "2027-03-03";
    const TEMPLATE = "https://meet.example.org/{reference}";

    beforeEach(async () => {
      const entry = await ctx.db.catalogueService.create({ data: { slug: "reisepass", name: "Reisepass", documents: "" } });
      for (const [slug, serviceSlug, durationMinutes] of [["mitte", "reisepass", 30], ["nord", "pass", 25]] as const) {
        const office = await ctx.db.office.update({ where: { slug }, data: { maxServicesPerBooking: 2 } });
        await ctx.db.service.create({
          data: { officeId: office.id, slug: serviceSlug, catalogueServiceId: entry.id, durationMinutes, maxPersons: 2 },
        });
      }
      const nord = await ctx.db.office.update({ where: { slug: "nord" }, data: { videoMeetingUrlTemplate: TEMPLATE } });
      await ctx.db.service.updateMany({ where: { officeId: nord.id }, data: { appointmentKinds: "IN_PERSON,VIDEO" } });
      await ctx.db.capacityBlock.create({
        data: { officeId: nord.id, weekday: 3, startMinute: 9 * 60, endMinute: 11 * 60, clerks: 1, appointmentKinds: "VIDEO" },
      });
    });

    const combination = async (further: string[], kind?: "IN_PERSON" | "VIDEO") =>
      combinationOffers(await loadCatalogueOffers(ctx.db, ENTRY), { further, kind });

    it("leaves out a location lacking the further service, and one whose limit of services per visit is one", async () => {
      const both = await combination(["reisepass"]);
      expect(both).toMatchObject({ further: ["reisepass"], kinds: ["IN_PERSON", "VIDEO"], kind: "IN_PERSON", problem: null });
      expect(both.offers.map((o) => [o.office.slug, o.shape?.furtherServices.map((s) => s.slug), o.shape?.kind])).toEqual([
        ["mitte", ["reisepass"], "IN_PERSON"],
        ["nord", ["pass"], "IN_PERSON"],
      ]);
      // Each location searched with its own services: Mitte 30 + 30 minutes, Nord 20 + 25.
      const slots = await freeSlotsAtAnyLocation(ctx.db, both.offers, { persons: 1, now: NOW, from: TUESDAY, to: TUESDAY });
      expect(slots.find((s) => s.office === "mitte")).toEqual({ start: at(TUESDAY, "08:00"), end: at(TUESDAY, "09:00"), office: "mitte" });
      expect(slots.find((s) => s.office === "nord")).toEqual({ start: at(TUESDAY, "13:00"), end: at(TUESDAY, "13:45"), office: "nord" });
      expect(slots.some((s) => s.office === "sued")).toBe(false);

      await ctx.db.office.update({ where: { slug: "mitte" }, data: { maxServicesPerBooking: 1 } });
      expect((await combination(["reisepass"])).offers.map((o) => o.office.slug)).toEqual(["nord"]);
      // The service alone is still offered everywhere, and the passport is still offered to add (Nord combines it).
      const alone = await combination([]);
      expect(alone.offers.map((o) => o.office.slug)).toEqual(["mitte", "nord", "sued"]);
      expect(alone.choices.map((c) => c.catalogueSlug)).toEqual(["reisepass"]);
    });

    it("offers a combination by video at the one location holding video meetings, with its own slots", async () => {
      const video = await combination(["reisepass"], "VIDEO");
      expect(video.offers.map((o) => o.office.slug)).toEqual(["nord"]);
      const listed = await freeSlotsAtAnyLocation(ctx.db, video.offers, { persons: 1, now: NOW, from: MONDAY, to: "2027-03-07" });
      // The same list as Nord's own for that appointment: no second rule.
      const own = await listFreeSlots(ctx.db, {
        officeSlug: "nord",
        serviceSlug: ENTRY,
        appointment: { further: ["pass"], kind: "VIDEO" },
        persons: 1,
        now: NOW,
        from: MONDAY,
        to: "2027-03-07",
      });
      expect(listed).toEqual(own.slots.map((s) => ({ ...s, office: "nord" })));
      expect(listed.length).toBeGreaterThan(0);

      // Without video meetings anywhere, no location is left and the page says why.
      await ctx.db.office.update({ where: { slug: "nord" }, data: { videoMeetingUrlTemplate: null } });
      const none = await combination(["reisepass"], "VIDEO");
      expect(none).toMatchObject({ kinds: ["IN_PERSON"], kind: null, problem: "kindNotOffered", offers: [] });
    });

    it("counts the clerks kept for video appointments for a video appointment only", async () => {
      const onWednesday = async (kind: "IN_PERSON" | "VIDEO") => {
        const { offers: found } = await combination(["reisepass"], kind);
        const slots = await freeSlotsAtAnyLocation(ctx.db, found, { persons: 1, now: NOW, from: WEDNESDAY, to: WEDNESDAY });
        return slots.filter((s) => s.office === "nord").map((s) => s.start);
      };
      // 45 minutes in the video clerk's 09:00-11:00 on a 30-minute grid: 09:00, 09:30, 10:00.
      expect(await onWednesday("VIDEO")).toEqual([at(WEDNESDAY, "09:00"), at(WEDNESDAY, "09:30"), at(WEDNESDAY, "10:00")]);
      expect(await onWednesday("IN_PERSON")).toEqual([]);
      // Taking the 09:30 video place leaves only times the one clerk can still serve.
      await bookOnline(
        ctx.db,
        { officeSlug: "nord", serviceSlug: ENTRY, furtherServices: ["pass"], kind: "VIDEO", start: at(WEDNESDAY, "09:30"), now: NOW },
        30,
      );
      expect(await onWednesday("VIDEO")).toEqual([]);
    });

    it("explains a combination no location offers", async () => {
      await ctx.db.catalogueService.create({ data: { slug: "meldebescheinigung", name: "Meldebescheinigung", documents: "" } });
      const sued = await ctx.db.office.findUniqueOrThrow({ where: { slug: "sued" } });
      const entry = await ctx.db.catalogueService.findUniqueOrThrow({ where: { slug: "meldebescheinigung" } });
      await ctx.db.service.create({ data: { officeId: sued.id, slug: "melde", catalogueServiceId: entry.id, durationMinutes: 10 } });
      // Süd offers the registration certificate but no passport, and combines nothing (one service per visit).
      const none = await combination(["reisepass", "meldebescheinigung"]);
      expect(none).toMatchObject({ kinds: [], kind: null, problem: "combinationNotOffered", offers: [] });
      expect((await combination([])).choices.map((c) => c.catalogueSlug)).toEqual(["reisepass"]);
      await expect(combination(["unbekannt"])).rejects.toMatchObject({ field: "furtherServices", reason: "serviceNotOffered" });
      await expect(combination([ENTRY])).rejects.toMatchObject({ field: "furtherServices", reason: "serviceTwice" });
    });

    it("GET /api/v1/services/{service}/slots lists a combination by video with each office's own slugs, and refuses in the caller's language", async () => {
      const path = `/api/v1/services/${ENTRY}/slots`;
      const { status, body } = await callApi(slotsAtAnyLocation, `${path}?furtherServices=reisepass&kind=VIDEO&from=${WEDNESDAY}&to=${WEDNESDAY}&next=1`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ service: ENTRY, furtherServices: ["reisepass"], kind: "VIDEO" });
      expect(body.offices).toEqual([{ slug: "nord", name: OFFICES.nord, timeZone: "Europe/Berlin", service: ENTRY, furtherServices: ["pass"] }]);
      expect(body.slots[0]).toEqual({ start: at(WEDNESDAY, "09:00").toISOString(), end: at(WEDNESDAY, "09:45").toISOString(), office: "nord" });
      expect(body.nextFree.office).toBe("nord");

      const plain = await callApi(slotsAtAnyLocation, `${path}?from=${TUESDAY}&to=${TUESDAY}`);
      expect(plain.body).toMatchObject({ furtherServices: [], kind: "IN_PERSON" });
      expect(plain.body.offices.map((o: { furtherServices: string[] }) => o.furtherServices)).toEqual([[], [], []]);

      await ctx.db.office.update({ where: { slug: "nord" }, data: { videoMeetingUrlTemplate: null } });
      const noVideo = await callApi(slotsAtAnyLocation, `${path}?furtherServices=reisepass&kind=VIDEO`, { headers: { "accept-language": "en" } });
      expect(noVideo.status).toBe(400);
      expect(noVideo.body.error.fields).toEqual({ kind: [expect.stringMatching(/offered/)] });
      const unknown = await callApi(slotsAtAnyLocation, `${path}?furtherServices=unbekannt`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields.furtherServices).toEqual([expect.stringContaining("Anliegen")]);
    });
  });
});
