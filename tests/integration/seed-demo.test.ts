import { capacityAt, capacityForDate, localDateOf, zonedInstant } from "@/lib/domain";
import { locales } from "@/lib/i18n/routing";
import { documentsOf, localizeService } from "@/lib/domain/service-texts";
import { loadSchedule } from "@/lib/server/services/availability";
import { listDirectory } from "@/lib/server/services/catalogue-directory";
import { getActiveOffice } from "@/lib/server/services/office-catalog";
import { seedDemo } from "@/prisma/seed";
import { demoCatalogue } from "@/prisma/seed-catalogue";
import { demoServices } from "@/prisma/seed-services";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";

// The seeded demo office, read the way its pages read it: in every language of the site, each service shows its
// own name, description and documents, none of them a German stand-in. The day the seed runs is a working day at the
// office: appointments in every state with their tickets, walk-ins, counters and the demo devices. The seed takes
// seconds, so each day is seeded once and its tests only read.

/** Tuesday 24 November 2026, 09:00 in Berlin: the office is open 08:00-12:00 with three clerks. */
const NOW = new Date("2026-11-24T08:00:00Z");
/** Saturday 28 November 2026, 14:00 in Berlin: closed; the demo day is Monday 30 November. */
const SATURDAY = new Date("2026-11-28T13:00:00Z");

describeEachDatabase("the demo seed", (ctx) => {
  /** Seeds an empty database at `now` before the tests of the enclosing block; returns the seed's demo day. */
  function seededAt(now: Date): () => string {
    let demoDay: string | undefined;
    beforeAll(async () => {
      await resetDatabase(ctx.db);
      demoDay = (await seedDemo(ctx.db, now)).demoDay;
    });
    return () => demoDay!;
  }

  async function demoDay(seeded: string, date: string) {
    expect(seeded).toBe(date);
    const office = await ctx.db.office.findUniqueOrThrow({
      where: { slug: "auslaenderbehoerde" },
    });
    const dayStart = new Date(zonedInstant(date, 0, office.timeZone));
    const bookings = await ctx.db.booking.findMany({
      where: {
        officeId: office.id,
        startsAt: {
          gte: dayStart,
          lt: new Date(dayStart.getTime() + 86_400_000),
        },
      },
      include: { ticket: true },
      orderBy: { startsAt: "asc" },
    });
    const tickets = await ctx.db.ticket.findMany({
      where: { officeId: office.id, date },
      include: { counter: true },
    });
    return { office, bookings, tickets };
  }

  async function expectWorkingDay(seeded: string, date: string) {
    const { office, bookings, tickets } = await demoDay(seeded, date);
    const states = new Set(bookings.map((b) => `${b.status} ${b.ticket?.status ?? "-"}`));
    for (const state of [
      "SERVED SERVED",
      "NO_SHOW -",
      "NO_SHOW NO_SHOW",
      "ARRIVED CALLED",
      "ARRIVED WAITING",
      "CONFIRMED -",
    ]) {
      expect({ date, state, seeded: states.has(state) }).toEqual({
        date,
        state,
        seeded: true,
      });
    }
    for (const b of bookings) {
      if (b.status === "SERVED") expect(b.arrivedAt && b.servedAt && b.arrivedAt < b.servedAt).toBe(true);
      if (b.status === "ARRIVED") expect(b.arrivedAt).not.toBeNull();
    }
    // Called tickets are at a counter that takes their service, one at a time; served ones have their end.
    const called = tickets.filter((t) => t.status === "CALLED");
    expect(new Set(called.map((t) => t.counterId)).size).toBe(called.length);
    for (const t of tickets) {
      if (t.status !== "WAITING") expect(t.counter && t.calledAt && t.firstCalledAt).toBeTruthy();
      if (t.status === "SERVED" || t.status === "NO_SHOW") expect(t.finishedAt! > t.firstCalledAt!).toBe(true);
      if (t.firstCalledAt) expect(t.firstCalledAt >= t.arrivedAt).toBe(true);
    }
    const walkIns = tickets.filter((t) => t.series === "W");
    expect(new Set(walkIns.map((t) => t.status))).toEqual(new Set(["SERVED", "CALLED", "WAITING"]));
    // Every booking with a ticket has exactly the T ticket; numbers 1..n per series, and the lock row's counters
    // continue them.
    expect(tickets.filter((t) => t.series === "T").every((t) => t.bookingId !== null && t.kind === "APPOINTMENT")).toBe(
      true,
    );
    const day = await ctx.db.queueDay.findUniqueOrThrow({
      where: { officeId_date: { officeId: office.id, date } },
    });
    for (const [series, counter] of [
      ["T", day.appointmentNumbers],
      ["W", day.walkInNumbers],
    ] as const) {
      const numbers = tickets
        .filter((t) => t.series === series)
        .map((t) => t.number)
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: counter }, (_, i) => i + 1));
    }

    // No appointment beyond the clerks on duty at any minute of the day.
    const schedule = await loadSchedule(ctx.db, office, date, date);
    const segments = capacityForDate(schedule, date);
    const open = bookings.filter((b) => b.status !== "CANCELLED");
    for (let minute = 0; minute < 24 * 60; minute += 5) {
      const instant = zonedInstant(date, minute, office.timeZone);
      const clerks = capacityAt(segments, instant).reduce((n, p) => n + p.clerks, 0);
      const busy = open.filter((b) => b.startsAt.getTime() <= instant && b.endsAt.getTime() > instant).length;
      expect({ minute, busy: busy <= clerks }).toEqual({ minute, busy: true });
    }

    // The queue's figures of the day are written.
    expect(
      await ctx.db.dailyQueueStats.count({
        where: { officeId: office.id, date },
      }),
    ).toBeGreaterThan(0);
    return { office, tickets };
  }

  describe("on a working day", () => {
    const seededDay = seededAt(NOW);

    it("writes every text of the office's four services in all eight languages", async () => {
      const office = await getActiveOffice(ctx.db, "auslaenderbehoerde");
      expect(office.services.map((s) => s.slug)).toEqual(demoServices.map((s) => s.slug));
      for (const service of office.services) {
        const demo = demoServices.find((s) => s.slug === service.slug)!;
        for (const locale of locales) {
          const shown = localizeService(service, locale);
          expect({
            slug: service.slug,
            locale,
            textLocales: shown.textLocales,
          }).toEqual({
            slug: service.slug,
            locale,
            textLocales: {
              name: locale,
              description: locale,
              documents: locale,
            },
          });
          const { name, description, documents } = demo.texts[locale];
          expect({
            name: shown.name,
            description: shown.description,
            documents: documentsOf(shown),
          }).toEqual({
            name,
            description,
            documents,
          });
        }
      }
    });

    it("adds two Bürgerbüros that share the catalogue's identity card, passport and registration, each with its own hours", async () => {
      const directory = await listDirectory(ctx.db, NOW);
      const offered = (slug: string) => directory.find((e) => e.slug === slug)?.offices.map((o) => o.name);
      for (const entry of demoCatalogue) expect(offered(entry.slug)).toEqual(["Bürgerbüro Mitte", "Bürgerbüro Nord"]);
      expect(directory.find((e) => e.slug === "personalausweis-beantragen")!.leikaKey).toBe("99008001012000");
      // The foreigners' office stays as it was: its four services, in the directory at that office only.
      expect(offered("beratungsgespraech")).toEqual(["Ausländerbehörde"]);

      const mitte = await getActiveOffice(ctx.db, "buergerbuero-mitte");
      const nord = await getActiveOffice(ctx.db, "buergerbuero-nord");
      expect([mitte.maxServicesPerBooking, nord.maxServicesPerBooking]).toEqual([3, 3]);
      // Same texts (one catalogue entry), in every language; each office its own minutes and clerks.
      for (const locale of locales) {
        expect(localizeService(mitte.services[0], locale).name).toBe(demoCatalogue[0].texts[locale].name);
        expect(localizeService(nord.services[0], locale).textLocales.name).toBe(locale);
      }
      expect(mitte.services.map((s) => s.catalogueServiceId)).toEqual(nord.services.map((s) => s.catalogueServiceId));
      expect([mitte.services[0].durationMinutes, nord.services[0].durationMinutes]).toEqual([20, 30]);
      const clerks = async (officeId: string) =>
        (await ctx.db.capacityBlock.findMany({ where: { officeId } })).reduce(
          (n, b) => n + b.clerks * (b.endMinute - b.startMinute),
          0,
        );
      expect(await clerks(mitte.id)).toBeGreaterThan(await clerks(nord.id));
      expect(
        await ctx.db.booking.count({
          where: { officeId: nord.id, startsAt: { gt: NOW } },
        }),
      ).toBeGreaterThan(0);
    });

    it("fills today, a working day, from the opening: every state of an appointment, walk-ins, counters and devices", async () => {
      const { office, tickets } = await expectWorkingDay(seededDay(), "2026-11-24");
      expect(office.waitingArea).toBeTruthy();
      const counters = await ctx.db.counter.findMany({
        where: { officeId: office.id },
        include: { services: true },
        orderBy: { sortOrder: "asc" },
      });
      expect(counters.map((c) => [c.name, c.services.length])).toEqual([
        ["Platz 1", 0],
        ["Platz 2", 0],
        ["Platz 3", 2],
      ]);
      const limited = new Set(counters[2].services.map((s) => s.id));
      for (const t of tickets.filter((t) => t.counterId === counters[2].id))
        expect(limited.has(t.serviceId)).toBe(true);
      const devices = await ctx.db.device.findMany({
        where: { officeId: office.id },
        orderBy: { name: "asc" },
      });
      expect(devices.map((d) => [d.kind, d.name, d.credentialHash, d.pairingCodeHash])).toEqual([
        ["DISPLAY", "Demo-Anzeige", null, null],
        ["KIOSK", "Demo-Kiosk", null, null],
      ]);
      const walkInServices = await ctx.db.service.findMany({
        where: { officeId: office.id, walkInDayParts: { not: "" } },
      });
      expect(walkInServices.map((s) => [s.slug, s.walkInDayParts]).sort()).toEqual([
        ["aufenthaltserlaubnis-abholen", "MORNING"],
        ["beratungsgespraech", "MORNING,AFTERNOON"],
      ]);
      // At 09:00, before the demo clock's earliest moment (09:30), the office already looks under way; the past
      // weeks are there too.
      expect(localDateOf(NOW, office.timeZone)).toBe("2026-11-24");
    });
  });

  describe("on a closed day", () => {
    const seededDay = seededAt(SATURDAY);

    it("fills the next working day", async () => {
      await expectWorkingDay(seededDay(), "2026-11-30");
      expect(
        await ctx.db.ticket.count({
          where: { date: { in: ["2026-11-28", "2026-11-29"] } },
        }),
      ).toBe(0);
    });
  });
});
