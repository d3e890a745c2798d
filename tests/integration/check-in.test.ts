import type { Db } from "@/lib/server/db/client";
import { checkInToken, posterVisit } from "@/lib/server/security/check-in-tokens";
import { createManageToken, hashToken } from "@/lib/server/security/tokens";
import { checkIn } from "@/lib/server/services/checkin/check-in";
import { checkInAtKiosk, kioskOf, kioskWalkIns, walkInAtKiosk } from "@/lib/server/services/checkin/kiosk";
import { checkInByPhone } from "@/lib/server/services/checkin/phone-check-in";
import { manageCheckIn } from "@/lib/server/services/checkin/manage-check-in";
import { createBooking } from "@/lib/server/services/create-booking";
import { catalogueTexts, withTexts } from "@/lib/server/services/service-texts";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";

// Check-in at the office with a pinned clock: Monday 1 March 2027, office A and office B open 08:00-12:00, each with
// the default window (30 minutes before to 15 minutes after). Citizen 1 has an appointment at office A at 09:00.

const MONDAY = "2027-03-01";
const KIOSK_A = "kiosk-credential-office-a";
const KIOSK_B = "kiosk-credential-office-b";
const DISPLAY_A = "display-credential-office-a";

interface World {
  officeA: { id: string; slug: string };
  officeB: { id: string; slug: string };
  bookingId: string;
  referenceCode: string;
  manageToken: string;
  kioskA: string;
}

async function device(db: Db, officeId: string, kind: "KIOSK" | "DISPLAY", credential: string, revoked = false) {
  return db.device.create({
    data: { officeId, kind, name: `${kind} ${credential}`, credentialHash: hashToken(credential), pairedAt: new Date(), revokedAt: revoked ? new Date() : null },
  });
}

async function buildWorld(db: Db): Promise<World> {
  const a = await createOfficeFixture(db, { slug: "amt-a" });
  const b = await createOfficeFixture(db, { slug: "amt-b" });
  const kioskA = await device(db, a.office.id, "KIOSK", KIOSK_A);
  await device(db, b.office.id, "KIOSK", KIOSK_B);
  await device(db, a.office.id, "DISPLAY", DISPLAY_A);
  await device(db, a.office.id, "KIOSK", "revoked-kiosk-a", true);
  const manage = createManageToken();
  const booking = await createBooking(
    db,
    citizenBooking({ officeSlug: "amt-a", start: at(MONDAY, "09:00"), now: at("2027-02-20", "10:00") }),
  );
  // The e-mail's token is only returned once; the test's own token stands in for it.
  await db.booking.update({ where: { id: booking.id }, data: { manageTokenHash: manage.hash } });
  return {
    officeA: a.office,
    officeB: b.office,
    bookingId: booking.id,
    referenceCode: booking.referenceCode,
    manageToken: manage.token,
    kioskA: kioskA.id,
  };
}

describeEachDatabase("check-in at the office", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
  });

  const token = () => checkInToken(w.bookingId, MONDAY);
  /** At office A's kiosk unless another credential (null: none at all) or office is given. */
  const atKiosk = (by: { token: string } | { referenceCode: string }, now: Date, credential: string | null = KIOSK_A, officeSlug = "amt-a") =>
    checkInAtKiosk(ctx.db, { officeSlug, credential: credential ?? undefined, by }, now);
  const state = async () => {
    const booking = await ctx.db.booking.findUniqueOrThrow({ where: { id: w.bookingId } });
    return { status: booking.status, tickets: await ctx.db.ticket.count(), audit: await ctx.db.auditLog.count() };
  };
  const untouched = { status: "CONFIRMED", tickets: 0, audit: 0 };

  it("checks in by the QR code: ARRIVED with its arrival time, a T ticket of the day and an audit entry without personal data", async () => {
    const now = at(MONDAY, "08:45");
    const checked = await atKiosk({ token: token() }, now);
    expect(checked).toMatchObject({ label: "T-001", locale: "de" });
    const booking = await ctx.db.booking.findUniqueOrThrow({ where: { id: w.bookingId }, include: { ticket: true } });
    expect(booking.status).toBe("ARRIVED");
    expect(booking.arrivedAt).toEqual(now);
    expect(booking.ticket).toMatchObject({
      id: checked.ticketId,
      officeId: w.officeA.id,
      date: MONDAY,
      kind: "APPOINTMENT",
      series: "T",
      number: 1,
      status: "WAITING",
      dueAt: at(MONDAY, "09:00"),
      arrivedAt: now,
    });
    expect((await ctx.db.queueDay.findUniqueOrThrow({ where: { officeId_date: { officeId: w.officeA.id, date: MONDAY } } })).appointmentNumbers).toBe(1);
    const [audit] = await ctx.db.auditLog.findMany();
    expect(audit).toMatchObject({ action: "booking.check-in", actorId: null, officeId: w.officeA.id, bookingId: w.bookingId });
    expect(JSON.parse(audit.details!)).toEqual({ from: "CONFIRMED", to: "ARRIVED", via: "qr", device: w.kioskA, ticket: "T-001" });
  });

  it("checks in by the typed reference code, in any spelling", async () => {
    const typed = w.referenceCode.toLowerCase().replaceAll("-", " ");
    expect(await atKiosk({ referenceCode: typed }, at(MONDAY, "09:00"))).toMatchObject({ label: "T-001" });
    expect((await state()).status).toBe("ARRIVED");
  });

  describe("the window's edges", () => {
    it.each([
      ["08:29", "CHECKIN_TOO_EARLY"],
      ["08:30", "OK"],
      ["09:15", "OK"],
      ["09:16", "CHECKIN_TOO_LATE"],
    ])("at %s: %s", async (time, expected) => {
      expect(await codeOf(atKiosk({ token: token() }, at(MONDAY, time)))).toBe(expected);
      expect((await state()).status).toBe(expected === "OK" ? "ARRIVED" : "CONFIRMED");
    });

    it("says from when an early citizen may come back", async () => {
      const error = await atKiosk({ referenceCode: w.referenceCode }, at(MONDAY, "08:00")).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "CHECKIN_TOO_EARLY", opensAt: at(MONDAY, "08:30") });
    });
  });

  describe("a check-in code is usable once, on its day, as signed", () => {
    it("refuses the second scan and keeps the one ticket", async () => {
      await atKiosk({ token: token() }, at(MONDAY, "08:45"));
      expect(await codeOf(atKiosk({ token: token() }, at(MONDAY, "08:46")))).toBe("CHECKIN_ALREADY_DONE");
      expect(await codeOf(atKiosk({ referenceCode: w.referenceCode }, at(MONDAY, "08:47")))).toBe("CHECKIN_ALREADY_DONE");
      expect(await state()).toEqual({ status: "ARRIVED", tickets: 1, audit: 1 });
    });

    it("gives exactly one ticket to two kiosks scanning at the same moment", async () => {
      const second = await device(ctx.db, w.officeA.id, "KIOSK", "second-kiosk-a");
      const codes = await Promise.all([
        codeOf(atKiosk({ token: token() }, at(MONDAY, "08:45"))),
        codeOf(checkInAtKiosk(ctx.db, { officeSlug: "amt-a", credential: "second-kiosk-a", by: { token: token() } }, at(MONDAY, "08:45"))),
      ]);
      expect(codes.sort()).toEqual(["CHECKIN_ALREADY_DONE", "OK"]);
      expect(await state()).toEqual({ status: "ARRIVED", tickets: 1, audit: 1 });
      expect(second.id).toBeTruthy();
    });

    it("refuses the code of another day, even one signed by this server", async () => {
      expect(await codeOf(atKiosk({ token: checkInToken(w.bookingId, "2027-02-28") }, at(MONDAY, "08:45")))).toBe("CHECKIN_NOT_TODAY");
      // Yesterday's genuine code for today's appointment, scanned yesterday within its minutes: not its day either.
      expect(await codeOf(atKiosk({ token: token() }, at("2027-02-28", "08:45")))).toBe("CHECKIN_NOT_TODAY");
      expect(await state()).toEqual(untouched);
    });

    it("refuses a code whose appointment was moved to another day", async () => {
      await ctx.db.booking.update({ where: { id: w.bookingId }, data: { startsAt: at("2027-03-08", "09:00"), endsAt: at("2027-03-08", "09:30") } });
      expect(await codeOf(atKiosk({ token: token() }, at(MONDAY, "08:45")))).toBe("CHECKIN_NOT_TODAY");
      expect(await state()).toEqual(untouched);
    });

    it("refuses tampered and made-up codes like unknown ones", async () => {
      const genuine = token();
      const [id, date, mac] = genuine.split(".");
      const flipped = mac.slice(0, -1) + (mac.endsWith("A") ? "B" : "A");
      for (const forged of [
        `${id}.${date}.${flipped}`,
        `${id}.20270302.${mac}`,
        `${id.slice(0, -1)}${id.endsWith("x") ? "y" : "x"}.${date}.${mac}`,
        `${id}.${date}`,
        "",
        "x".repeat(5000),
      ]) {
        expect(await codeOf(atKiosk({ token: forged }, at(MONDAY, "08:45")))).toBe("CHECKIN_NOT_FOUND");
      }
      expect(await codeOf(atKiosk({ referenceCode: "TV-2222-2222" }, at(MONDAY, "08:45")))).toBe("CHECKIN_NOT_FOUND");
      expect(await state()).toEqual(untouched);
    });
  });

  describe("only this office's kiosk checks in", () => {
    it.each([
      ["no credential", null],
      ["a display's credential", DISPLAY_A],
      ["a revoked kiosk", "revoked-kiosk-a"],
      ["an unknown credential", "made-up"],
    ])("refuses %s", async (_, credential) => {
      expect(await codeOf(atKiosk({ token: token() }, at(MONDAY, "08:45"), credential))).toBe("DEVICE_NOT_PAIRED");
      expect(await state()).toEqual(untouched);
    });

    it("refuses office B's kiosk on office A's page", async () => {
      expect(await codeOf(atKiosk({ token: token() }, at(MONDAY, "08:45"), KIOSK_B))).toBe("DEVICE_NOT_PAIRED");
      expect(await state()).toEqual(untouched);
    });

    it("does not check in office A's appointment at office B's own kiosk", async () => {
      expect(await codeOf(atKiosk({ token: token() }, at(MONDAY, "08:45"), KIOSK_B, "amt-b"))).toBe("CHECKIN_NOT_FOUND");
      expect(await codeOf(atKiosk({ referenceCode: w.referenceCode }, at(MONDAY, "08:45"), KIOSK_B, "amt-b"))).toBe("CHECKIN_NOT_FOUND");
      expect(await state()).toEqual(untouched);
    });
  });

  describe("on the citizen's phone", () => {
    it("checks in through the manage link only after the office's door poster was opened", async () => {
      const now = at(MONDAY, "08:50");
      expect(await codeOf(checkInByPhone(ctx.db, { manageToken: w.manageToken, posterVisit: undefined }, now))).toBe("CHECKIN_NOT_AT_OFFICE");
      const atB = posterVisit(w.officeB.id, at(MONDAY, "08:40"));
      expect(await codeOf(checkInByPhone(ctx.db, { manageToken: w.manageToken, posterVisit: atB }, now))).toBe("CHECKIN_NOT_AT_OFFICE");
      const longAgo = posterVisit(w.officeA.id, at(MONDAY, "07:00"));
      expect(await codeOf(checkInByPhone(ctx.db, { manageToken: w.manageToken, posterVisit: longAgo }, now))).toBe("CHECKIN_NOT_AT_OFFICE");
      expect(await state()).toEqual(untouched);

      const visit = posterVisit(w.officeA.id, at(MONDAY, "08:40"));
      expect(await checkInByPhone(ctx.db, { manageToken: w.manageToken, posterVisit: visit }, now)).toMatchObject({ label: "T-001" });
      const [audit] = await ctx.db.auditLog.findMany();
      expect(JSON.parse(audit.details!)).toMatchObject({ via: "phone", device: null });
    });

    it("offers 'Jetzt einchecken' on the manage page only within the window and after the poster, then shows the number", async () => {
      const booking = async () => {
        const b = await ctx.db.booking.findUniqueOrThrow({
          where: { id: w.bookingId },
          include: { office: true, service: { include: catalogueTexts } },
        });
        return { ...b, service: withTexts(b.service) };
      };
      const visit = posterVisit(w.officeA.id, at(MONDAY, "08:35"));
      const page = async (poster: string | undefined, now: Date) => manageCheckIn(ctx.db, await booking(), poster, "de", now);

      const dayBefore = await page(undefined, at("2027-02-28", "12:00"));
      expect(dayBefore).toMatchObject({ phoneCheckIn: false, ticket: null, opensAt: at(MONDAY, "08:30") });
      expect(dayBefore.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
      expect((await page(undefined, at(MONDAY, "08:40"))).phoneCheckIn).toBe(false);
      expect((await page(visit, at(MONDAY, "08:29"))).phoneCheckIn).toBe(false);
      expect((await page(visit, at(MONDAY, "08:40"))).phoneCheckIn).toBe(true);

      await checkInByPhone(ctx.db, { manageToken: w.manageToken, posterVisit: visit }, at(MONDAY, "08:40"));
      const after = await page(visit, at(MONDAY, "08:41"));
      expect(after).toMatchObject({ qrDataUrl: null, phoneCheckIn: false, ticket: { label: "T-001", kind: "APPOINTMENT" } });
    });

    it("keeps the window on the phone too", async () => {
      const visit = posterVisit(w.officeA.id, at(MONDAY, "09:10"));
      expect(await codeOf(checkInByPhone(ctx.db, { manageToken: w.manageToken, posterVisit: visit }, at(MONDAY, "09:16")))).toBe("CHECKIN_TOO_LATE");
    });
  });

  it("numbers the day's appointment tickets in order of check-in", async () => {
    const second = await createBooking(
      ctx.db,
      citizenBooking({ officeSlug: "amt-a", start: at(MONDAY, "09:30"), now: at("2027-02-20", "10:00") }, 2),
    );
    await checkIn(ctx.db, { officeId: w.officeA.id, by: { referenceCode: second.referenceCode } }, at(MONDAY, "09:05"));
    expect(await atKiosk({ token: token() }, at(MONDAY, "09:06"))).toMatchObject({ label: "T-002" });
  });

  describe("walk-in tickets at the kiosk", () => {
    const walkIn = (serviceId: string, credential: string, now: Date) =>
      walkInAtKiosk(ctx.db, { officeSlug: "amt-a", credential, serviceId, locale: "en" }, now);

    it("draws a W ticket in the kiosk's language for a service taking walk-ins, only with the office's kiosk", async () => {
      const service = withTexts(
        await ctx.db.service.findFirstOrThrow({ where: { officeId: w.officeA.id }, include: catalogueTexts }),
      );
      const now = at(MONDAY, "09:30");
      const kiosk = (await kioskOf(ctx.db, "amt-a", KIOSK_A, now))!;
      // Not offered until the office lets the service take walk-ins.
      expect(await kioskWalkIns(ctx.db, kiosk, "en", now)).toEqual([]);
      expect(await codeOf(walkIn(service.id, KIOSK_A, now))).toBe("WALK_IN_NOT_OFFERED");

      await ctx.db.service.update({ where: { id: service.id }, data: { walkInDayParts: "MORNING,AFTERNOON" } });
      expect(await kioskWalkIns(ctx.db, kiosk, "en", now)).toEqual([
        expect.objectContaining({ serviceId: service.id, name: service.name, full: false }),
      ]);
      expect(await codeOf(walkIn(service.id, DISPLAY_A, now))).toBe("DEVICE_NOT_PAIRED");
      expect(await codeOf(walkIn(service.id, KIOSK_B, now))).toBe("DEVICE_NOT_PAIRED");
      const drawn = await walkIn(service.id, KIOSK_A, now);
      expect(drawn.label).toBe("W-001");
      expect(await ctx.db.ticket.findUniqueOrThrow({ where: { id: drawn.ticketId } })).toMatchObject({
        kind: "WALK_IN",
        locale: "en",
        bookingId: null,
        date: MONDAY,
      });
      const [audit] = await ctx.db.auditLog.findMany();
      expect(audit).toMatchObject({ action: "queue.walk-in", actorId: null, officeId: w.officeA.id });
      expect(JSON.parse(audit.details!)).toEqual({ ticket: "W-001", device: w.kioskA });
    });
  });
});
