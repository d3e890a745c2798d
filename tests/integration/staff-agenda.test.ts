// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run; the ES
// build, transformed like the rest, renders the staff e-mails here.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { createBooking, type CreateBookingInput } from "@/lib/server/services/create-booking";
import { renderMail } from "@/lib/server/mail/render";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { bookOnBehalf, type BookOnBehalfInput } from "@/lib/server/services/staff/book-on-behalf";
import { cancelBookingByStaff } from "@/lib/server/services/staff/cancel-booking";
import { getBookingForStaff } from "@/lib/server/services/staff/get-booking";
import { listAgenda } from "@/lib/server/services/staff/list-agenda";
import { moveBookingByStaff } from "@/lib/server/services/staff/move-booking";
import { AUDIT_PAGE_SIZE, readAuditLog } from "@/lib/server/services/staff/read-audit-log";
import { recordNoShowsForDay } from "@/lib/server/services/staff/close-day";
import { recordBookingStatus } from "@/lib/server/services/staff/record-status";
import { listSlotsForMove, listSlotsForNewBooking } from "@/lib/server/services/staff/staff-slots";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { staff } from "../helpers/integration/staff";

// Monday 1 March 2027; both offices open Mondays 08:00-12:00. Office A has two clerks, office B one.
const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");

interface World {
  officeA: { id: string; slug: string };
  officeB: { id: string; slug: string };
  clerkA: Actor;
  officeAdminA: Actor;
  admin: Actor;
  clerkB: Actor;
}

async function buildWorld(db: Db): Promise<World> {
  const a = await createOfficeFixture(db, { slug: "amt-a" });
  const b = await createOfficeFixture(db, { slug: "amt-b", blocks: [[1, "08:00", "12:00", 1]] });
  return {
    officeA: a.office,
    officeB: b.office,
    clerkA: await staff(db, "CLERK", [a.office.id], { email: "clerk-a@example.org" }),
    officeAdminA: await staff(db, "OFFICE_ADMIN", [a.office.id], { email: "lead-a@example.org" }),
    admin: await staff(db, "ADMIN", [], { email: "admin@example.org" }),
    clerkB: await staff(db, "CLERK", [b.office.id], { email: "clerk-b@example.org" }),
  };
}

const citizen = (overrides: Partial<CreateBookingInput> = {}, n = 1) =>
  citizenBooking({ officeSlug: "amt-a", start: at(MONDAY, "09:00"), now: at("2027-02-20", "10:00"), ...overrides }, n);

/** The world with citizen 1's appointment at office A on Monday at 09:00. */
async function worldWithBooking(db: Db): Promise<{ w: World; bookingId: string }> {
  const w = await buildWorld(db);
  return { w, bookingId: (await createBooking(db, citizen())).id };
}

function onBehalf(overrides: Partial<BookOnBehalfInput> = {}): BookOnBehalfInput {
  return {
    officeSlug: "amt-a",
    serviceSlug: "beratung",
    start: at(MONDAY, "10:00"),
    persons: 1,
    channel: "PHONE",
    person: { givenName: "Jana", familyName: "Anrufer" },
    ...overrides,
  };
}

/** Everything a refused action must leave untouched. */
async function snapshot(db: Db) {
  const bookings = await db.booking.findMany({ orderBy: { id: "asc" } });
  return {
    bookings: bookings.map((b) => ({ ...b, updatedAt: undefined })),
    audit: await db.auditLog.count(),
    outbox: await db.outboxMessage.count(),
    lockDays: await db.officeDay.count(),
  };
}

describeEachDatabase("staff: status of the day's appointments", (ctx) => {
  let w: World;
  let bookingId: string;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    ({ w, bookingId } = await worldWithBooking(db));
  });

  const status = async () => (await ctx.db.booking.findUniqueOrThrow({ where: { id: bookingId } })).status;

  it("records arrived, then served, with timestamps and one audit entry each", async () => {
    const arrived = await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "arrive" }, at(MONDAY, "08:50"));
    expect(arrived).toMatchObject({ from: "CONFIRMED", to: "ARRIVED" });
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "serve" }, at(MONDAY, "09:25"));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(row.status).toBe("SERVED");
    expect(row.arrivedAt).toEqual(at(MONDAY, "08:50"));
    expect(row.servedAt).toEqual(at(MONDAY, "09:25"));
    const audit = await ctx.db.auditLog.findMany({ orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.bookingId, a.officeId])).toEqual([
      ["booking.arrive", w.clerkA.id, bookingId, w.officeA.id],
      ["booking.serve", w.clerkA.id, bookingId, w.officeA.id],
    ]);
    expect(JSON.parse(audit[1].details!)).toEqual({ from: "ARRIVED", to: "SERVED" });
  });

  it("refuses transitions the rules do not allow, changing nothing", async () => {
    const before = await snapshot(ctx.db);
    // Served needs an arrival first; arrival not ahead of the day nor after the correction window; no-show only
    // once it has started.
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "serve" }, at(MONDAY, "09:00")))).toBe("STATUS_NOT_ALLOWED");
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "arrive" }, at("2027-02-28", "09:00")))).toBe("NOT_APPOINTMENT_DAY");
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "arrive" }, at("2027-03-09", "09:00")))).toBe("CORRECTION_EXPIRED");
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "no-show" }, at(MONDAY, "08:59")))).toBe("NO_SHOW_TOO_EARLY");
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "undo" }, at(MONDAY, "09:00")))).toBe("STATUS_NOT_ALLOWED");
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("records a no-show once the appointment has started; a late arrival and undo on the day are possible", async () => {
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "no-show" }, at(MONDAY, "09:00"));
    expect(await status()).toBe("NO_SHOW");
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "no-show" }, at(MONDAY, "09:01")))).toBe("STATUS_NOT_ALLOWED");
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "arrive" }, at(MONDAY, "09:20"));
    expect(await status()).toBe("ARRIVED");
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "undo" }, at(MONDAY, "09:21"));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(row.status).toBe("CONFIRMED");
    expect(row.arrivedAt).toBeNull();
    expect((await ctx.db.auditLog.findMany()).map((a) => a.action).sort()).toEqual(
      ["booking.arrive", "booking.no-show", "booking.status-undo"].sort(),
    );
  });

  it("undo goes back one step, on the day and as a correction, and not after the window", async () => {
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "arrive" }, at(MONDAY, "08:55"));
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "serve" }, at(MONDAY, "09:30"));
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "undo" }, at(MONDAY, "09:31"));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(row.status).toBe("ARRIVED");
    expect(row.servedAt).toBeNull();
    expect(row.arrivedAt).toEqual(at(MONDAY, "08:55"));
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "undo" }, at("2027-03-09", "08:00")))).toBe("CORRECTION_EXPIRED");
    expect(await status()).toBe("ARRIVED");
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "undo" }, at("2027-03-02", "08:00"));
    expect(await status()).toBe("CONFIRMED");
  });

  it("of two simultaneous clicks exactly one wins", async () => {
    const results = await Promise.all(
      [w.clerkA, w.officeAdminA].map((actor) =>
        codeOf(recordBookingStatus(ctx.db, actor, { bookingId, action: "arrive" }, at(MONDAY, "08:50"))),
      ),
    );
    expect(results.sort()).toEqual(["OK", "STATUS_CHANGED"].sort());
    expect(await ctx.db.auditLog.count()).toBe(1);
  });

  it("cancelled appointments take no status", async () => {
    await cancelBookingByStaff(ctx.db, w.clerkA, { bookingId, reason: "Krankheit der Sachbearbeitung" }, NOW);
    expect(await codeOf(recordBookingStatus(ctx.db, w.clerkA, { bookingId, action: "arrive" }, at(MONDAY, "09:00")))).toBe("ALREADY_CANCELLED");
  });
});

describeEachDatabase("staff: cancel with a reason and move", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
  });

  it("cancels with a reason: status, e-mail with the reason and a book-again link, audit without the reason, slot free", async () => {
    const { id } = await createBooking(ctx.db, citizen({ officeSlug: "amt-b" }));
    expect(await codeOf(createBooking(ctx.db, citizen({ officeSlug: "amt-b" }, 2)))).toBe("SLOT_TAKEN");

    const result = await cancelBookingByStaff(ctx.db, w.clerkB, { bookingId: id, reason: "  Die Stelle ist wegen eines Wasserschadens geschlossen.  " }, NOW);
    expect(result.mailed).toBe(true);
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("CANCELLED");
    expect(row.cancelledAt).toEqual(NOW);
    expect(row.cancelReason).toBe("Die Stelle ist wegen eines Wasserschadens geschlossen.");

    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "booking-cancelled" } });
    expect(mail).toMatchObject({ recipient: "person1@example.org", bookingId: id, status: "PENDING" });
    const payload = JSON.parse(mail.payload);
    expect(payload.reason).toBe("Die Stelle ist wegen eines Wasserschadens geschlossen.");
    expect(payload.bookAgainUrl).toMatch(/\/amt-b\/beratung$/);
    expect(payload.manageUrl).not.toMatch(/\/termin\//);
    // The e-mail the citizen gets shows the reason and the link to book again.
    const rendered = await renderMail("booking-cancelled", mail.payload);
    expect(rendered.text).toContain("Die Stelle ist wegen eines Wasserschadens geschlossen.");
    expect(rendered.text).toContain(payload.bookAgainUrl);

    const audit = await ctx.db.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ action: "booking.cancel", actorId: w.clerkB.id, bookingId: id, officeId: w.officeB.id });
    expect(audit.details).not.toContain("Wasserschaden");
    expect(audit.details).not.toContain("person1");

    expect(await codeOf(createBooking(ctx.db, citizen({ officeSlug: "amt-b" }, 2)))).toBe("OK");
    expect(await codeOf(cancelBookingByStaff(ctx.db, w.clerkB, { bookingId: id, reason: "noch einmal" }, NOW))).toBe("ALREADY_CANCELLED");
  });

  it("refuses a missing or too short reason and past appointments, changing nothing", async () => {
    const { id } = await createBooking(ctx.db, citizen());
    const before = await snapshot(ctx.db);
    for (const reason of ["", "   ", "ab", "x".repeat(501), "Grund\u0000"]) {
      expect(await codeOf(cancelBookingByStaff(ctx.db, w.clerkA, { bookingId: id, reason }, NOW))).toBe("INVALID_INPUT");
    }
    expect(await codeOf(cancelBookingByStaff(ctx.db, w.clerkA, { bookingId: id, reason: "zu spät" }, at(MONDAY, "09:00")))).toBe("APPOINTMENT_PAST");
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("cancels without e-mail when the booking has no address", async () => {
    const { id } = await bookOnBehalf(ctx.db, w.clerkA, onBehalf(), NOW);
    const mails = await ctx.db.outboxMessage.count();
    const result = await cancelBookingByStaff(ctx.db, w.clerkA, { bookingId: id, reason: "Auf Wunsch am Telefon" }, NOW);
    expect(result.mailed).toBe(false);
    expect(await ctx.db.outboxMessage.count()).toBe(mails);
  });

  it("moves to another free slot: new time, old slot free, e-mail with the previous time, audit", async () => {
    const { id, manageToken: oldToken } = await createBooking(ctx.db, citizen({ officeSlug: "amt-b" }));
    const moved = await moveBookingByStaff(ctx.db, w.clerkB, { bookingId: id, start: at(MONDAY, "10:30") }, NOW);
    expect(moved.startsAt).toEqual(at(MONDAY, "10:30"));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id } });
    expect(row.startsAt).toEqual(at(MONDAY, "10:30"));
    expect(row.endsAt).toEqual(at(MONDAY, "11:00"));
    expect(row.status).toBe("CONFIRMED");

    const { slots } = await listFreeSlots(ctx.db, { officeSlug: "amt-b", serviceSlug: "beratung", persons: 1, from: MONDAY, to: MONDAY, now: NOW });
    expect(slots.map((s) => s.start)).toContainEqual(at(MONDAY, "09:00"));
    expect(slots.map((s) => s.start)).not.toContainEqual(at(MONDAY, "10:30"));

    const mail = await ctx.db.outboxMessage.findFirstOrThrow({ where: { template: "booking-rescheduled" } });
    const payload = JSON.parse(mail.payload);
    expect(payload.booking.startsAt).toBe(at(MONDAY, "10:30").toISOString());
    expect(payload.previous.startsAt).toBe(at(MONDAY, "09:00").toISOString());
    expect((await renderMail("booking-rescheduled", mail.payload)).subject).toContain("10:30");
    // The e-mail carries a fresh, working manage link; the old one no longer opens the booking.
    const newToken = String(payload.manageUrl).match(/\/termin\/([A-Za-z0-9_-]{43})$/)?.[1];
    expect(newToken).toBeDefined();
    expect((await getBookingByToken(ctx.db, newToken!)).id).toBe(id);
    await expect(getBookingByToken(ctx.db, oldToken)).rejects.toMatchObject({ code: "BOOKING_NOT_FOUND" });

    const audit = await ctx.db.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ action: "booking.move", actorId: w.clerkB.id, bookingId: id });
    expect(JSON.parse(audit.details!)).toMatchObject({ from: at(MONDAY, "09:00").toISOString(), to: at(MONDAY, "10:30").toISOString() });
  });

  it("refuses full, not offered and malformed slots when moving, changing nothing", async () => {
    const { id } = await createBooking(ctx.db, citizen({ officeSlug: "amt-b" }));
    await createBooking(ctx.db, citizen({ officeSlug: "amt-b", start: at(MONDAY, "10:00") }, 2));
    const before = await snapshot(ctx.db);
    const move = (start: Date, now = NOW) => codeOf(moveBookingByStaff(ctx.db, w.clerkB, { bookingId: id, start }, now));
    expect(await move(at(MONDAY, "10:00"))).toBe("SLOT_TAKEN");
    expect(await move(at(MONDAY, "09:10"))).toBe("SLOT_NOT_OFFERED");
    expect(await move(at(MONDAY, "11:45"))).toBe("SLOT_NOT_OFFERED");
    expect(await move(at("2027-03-02", "09:00"))).toBe("SLOT_NOT_OFFERED");
    expect(await move(at("2027-06-07", "09:00"))).toBe("SLOT_BEYOND_HORIZON");
    expect(await move(new Date("not a date"))).toBe("SLOT_NOT_OFFERED");
    expect(await move(new Date("9999-12-27T08:00:00Z"))).toBe("SLOT_BEYOND_HORIZON");
    expect(await move(at(MONDAY, "09:00"))).toBe("SAME_TIME");
    expect(await move(at(MONDAY, "08:00"), at(MONDAY, "08:30"))).toBe("SLOT_TOO_SOON");
    expect(await move(at(MONDAY, "11:00"), at(MONDAY, "09:00"))).toBe("APPOINTMENT_PAST");
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("the move list offers exactly the slots the move accepts, and never the booking's own time", async () => {
    const { id } = await createBooking(ctx.db, citizen({ officeSlug: "amt-b" }));
    await createBooking(ctx.db, citizen({ officeSlug: "amt-b", start: at(MONDAY, "10:00") }, 2));
    const day = await listSlotsForMove(ctx.db, w.clerkB, { bookingId: id, date: MONDAY, now: NOW });
    const offered = day.slots.map((s) => s.start.toISOString());
    expect(offered).toEqual(
      ["08:00", "08:30", "09:30", "10:30", "11:00", "11:30"].map((time) => at(MONDAY, time).toISOString()),
    );
    expect(day.next?.start).toEqual(at(MONDAY, "08:00"));
    // Every offered slot is accepted (and the booking can go back to where it was).
    for (const slot of day.slots) {
      await moveBookingByStaff(ctx.db, w.clerkB, { bookingId: id, start: slot.start }, NOW);
      await moveBookingByStaff(ctx.db, w.clerkB, { bookingId: id, start: at(MONDAY, "09:00") }, NOW);
    }
  });
});

describeEachDatabase("staff: booking on behalf of callers and walk-ins", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
  });

  it("books a caller without e-mail: channel PHONE, no mail, an audit entry", async () => {
    const booked = await bookOnBehalf(ctx.db, w.clerkA, onBehalf(), NOW);
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booked.id } });
    expect(row).toMatchObject({ channel: "PHONE", status: "CONFIRMED", email: null, dateOfBirth: null, givenName: "Jana" });
    expect(row.referenceCode).toMatch(/^TV-/);
    expect(await ctx.db.outboxMessage.count()).toBe(0);
    const audit = await ctx.db.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ action: "booking.create", actorId: w.clerkA.id, bookingId: booked.id, officeId: w.officeA.id });
    expect(audit.details).not.toContain("Anrufer");
  });

  it("sends a confirmation with the citizen's own manage link when an e-mail is given", async () => {
    await bookOnBehalf(ctx.db, w.clerkA, onBehalf({ person: { givenName: "Jana", familyName: "Anrufer", email: "Jana@Example.org" } }), NOW);
    const mail = await ctx.db.outboxMessage.findFirstOrThrow();
    expect(mail).toMatchObject({ template: "booking-confirmation", recipient: "jana@example.org" });
    expect(JSON.parse(mail.payload).manageUrl).toMatch(/\/termin\/[A-Za-z0-9_-]{43}$/);
  });

  it("respects capacity exactly like online booking", async () => {
    await createBooking(ctx.db, citizen({}, 1));
    await createBooking(ctx.db, citizen({}, 2));
    const before = await snapshot(ctx.db);
    expect(await codeOf(bookOnBehalf(ctx.db, w.clerkA, onBehalf({ start: at(MONDAY, "09:00") }), NOW))).toBe("SLOT_TAKEN");
    // A longer appointment that would overlap the full 09:00 slot is refused as well.
    expect(await codeOf(bookOnBehalf(ctx.db, w.clerkA, onBehalf({ start: at(MONDAY, "08:30"), persons: 3 }), NOW))).toBe("SLOT_TAKEN");
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("of many parallel bookings at the last places exactly the capacity succeeds", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        codeOf(bookOnBehalf(ctx.db, i % 2 ? w.clerkA : w.admin, onBehalf({ start: at(MONDAY, "11:00"), channel: "COUNTER" }), NOW)),
      ),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(2);
    expect(results.filter((r) => r !== "OK").every((r) => r === "SLOT_TAKEN")).toBe(true);
    expect(await ctx.db.booking.count({ where: { startsAt: at(MONDAY, "11:00") } })).toBe(2);
  });

  it("takes a walk-in within the minimum notice, but never a start in the past", async () => {
    const walkIn = at(MONDAY, "08:40");
    expect(await codeOf(createBooking(ctx.db, citizen({ start: at(MONDAY, "09:00"), now: walkIn })))).toBe("SLOT_TOO_SOON");
    expect(await codeOf(bookOnBehalf(ctx.db, w.clerkA, onBehalf({ start: at(MONDAY, "09:00"), channel: "COUNTER" }), walkIn))).toBe("OK");
    expect(await codeOf(bookOnBehalf(ctx.db, w.clerkA, onBehalf({ start: at(MONDAY, "08:30"), channel: "COUNTER" }), walkIn))).toBe("SLOT_TOO_SOON");
  });

  it("lists exactly the slots it books", async () => {
    const day = await listSlotsForNewBooking(ctx.db, w.clerkA, { officeSlug: "amt-a", serviceSlug: "beratung", persons: 2, date: MONDAY, now: at(MONDAY, "08:40") });
    expect(day.slots[0].start).toEqual(at(MONDAY, "09:00"));
    expect(day.next?.start).toEqual(at(MONDAY, "09:00"));
    expect(day.slots.at(-1)?.start).toEqual(at(MONDAY, "11:00"));
    const sunday = await listSlotsForNewBooking(ctx.db, w.clerkA, { officeSlug: "amt-a", serviceSlug: "beratung", persons: 1, date: "2027-02-28", now: at("2027-02-27", "08:00") });
    expect(sunday.slots).toEqual([]);
    expect(sunday.next?.start).toEqual(at(MONDAY, "08:00"));
  });

  it("refuses hostile input, writing nothing", async () => {
    const before = await snapshot(ctx.db);
    const cases: Array<[Partial<BookOnBehalfInput>, string]> = [
      [{ serviceSlug: "unbekannt" }, "SERVICE_NOT_FOUND"],
      [{ officeSlug: "gibt-es-nicht" }, "OFFICE_NOT_FOUND"],
      [{ persons: 0 }, "INVALID_INPUT"],
      [{ persons: 99 }, "INVALID_INPUT"],
      [{ persons: 1.5 }, "INVALID_INPUT"],
      [{ channel: "ONLINE" as never }, "INVALID_INPUT"],
      [{ start: new Date("2027-13-45") }, "SLOT_NOT_OFFERED"],
      [{ start: at(MONDAY, "10:05") }, "SLOT_NOT_OFFERED"],
      [{ start: new Date("+275760-09-13T00:00:00Z") }, "SLOT_BEYOND_HORIZON"],
      [{ start: new Date(0) }, "SLOT_TOO_SOON"],
      [{ start: at("2027-03-02", "10:00") }, "SLOT_NOT_OFFERED"],
      [{ person: { givenName: "X", familyName: " " } }, "INVALID_INPUT"],
      [{ person: { givenName: "A", familyName: "B", email: "kein-at" } }, "INVALID_INPUT"],
      [{ person: { givenName: "A", familyName: "B", dateOfBirth: "1990-02-30" } }, "INVALID_INPUT"],
    ];
    for (const [overrides, expected] of cases) {
      expect([overrides, await codeOf(bookOnBehalf(ctx.db, w.clerkA, onBehalf(overrides), NOW))]).toEqual([overrides, expected]);
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });
});

describeEachDatabase("staff: agenda and audit log", (ctx) => {
  let w: World;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    w = await buildWorld(db);
    await ctx.db.service.create({
      data: {
        office: { connect: { id: w.officeA.id } },
        slug: "abholung",
        catalogueService: { create: { slug: "abholung", name: "Abholung" } },
        durationMinutes: 30,
        sortOrder: 1,
      },
    });
  });

  it("lists the day in time order with totals, filters by service and searches by name or code", async () => {
    const first = await createBooking(ctx.db, citizen({ start: at(MONDAY, "10:00"), person: { ...person(1), givenName: "Zoë", familyName: "Müller" } }));
    const second = await createBooking(ctx.db, citizen({ start: at(MONDAY, "09:00"), serviceSlug: "abholung", person: { ...person(2), familyName: "Öztürk" } }));
    const third = await bookOnBehalf(ctx.db, w.clerkA, onBehalf({ start: at(MONDAY, "11:00") }), NOW);
    await createBooking(ctx.db, citizen({ start: at("2027-03-08", "09:00") }, 4));
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId: second.id, action: "arrive" }, at(MONDAY, "08:55"));
    await cancelBookingByStaff(ctx.db, w.clerkA, { bookingId: third.id, reason: "Anruf: kommt nicht" }, NOW);

    const day = await listAgenda(ctx.db, w.clerkA, { officeSlug: "amt-a", from: MONDAY, now: at(MONDAY, "09:05") });
    expect(day.rows.map((r) => r.id)).toEqual([second.id, first.id, third.id]);
    expect(day.totals).toEqual({ expected: 1, waiting: 1, served: 0, noShow: 0, cancelled: 1 });
    expect(day.rows[0]).toMatchObject({ status: "ARRIVED", actions: ["serve", "undo"], service: { slug: "abholung" }, durationMinutes: 30 });
    expect(day.rows[1]).toMatchObject({ name: "Zoë Müller", actions: ["arrive"], channel: "ONLINE", changeable: true });
    expect(day.rows[2]).toMatchObject({ status: "CANCELLED", channel: "PHONE", actions: [] });

    const filtered = await listAgenda(ctx.db, w.clerkA, { officeSlug: "amt-a", from: MONDAY, serviceSlug: "abholung", now: NOW });
    expect(filtered.rows.map((r) => r.id)).toEqual([second.id]);
    expect(filtered.totals).toMatchObject({ expected: 0, waiting: 1 });

    const search = (s: string) => listAgenda(ctx.db, w.clerkA, { officeSlug: "amt-a", from: MONDAY, search: s, now: NOW });
    expect((await search("muller")).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await search("ÖZTÜRK")).rows.map((r) => r.id)).toEqual([second.id]);
    expect((await search(first.referenceCode.toLowerCase().replace(/-/g, " "))).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await search("niemand")).rows).toEqual([]);
    // The totals always describe the whole day.
    expect((await search("niemand")).totals).toEqual(day.totals);

    // A complete code opens its appointment, on this day or another, however it is spelled.
    const other = await ctx.db.booking.findFirstOrThrow({ where: { startsAt: at("2027-03-08", "09:00") } });
    expect((await search(other.referenceCode)).opened).toEqual({ id: other.id });
    expect((await search(first.referenceCode.toLowerCase().replace(/-/g, ""))).opened).toEqual({ id: first.id });
    expect((await search("muller")).opened).toBeNull();
    // A code of another office, or none at all, opens nothing and says so.
    const foreign = await createBooking(ctx.db, citizen({ officeSlug: "amt-b" }, 5));
    expect(await search(foreign.referenceCode)).toMatchObject({ opened: null, unknownCode: foreign.referenceCode, rows: [] });
    expect(await search("TV-2222-2222")).toMatchObject({ opened: null, unknownCode: "TV-2222-2222" });
  });

  it("shows a week at most and never another office's appointments", async () => {
    await createBooking(ctx.db, citizen({ start: at(MONDAY, "09:00") }));
    await createBooking(ctx.db, citizen({ officeSlug: "amt-b", start: at(MONDAY, "09:00") }, 2));
    await createBooking(ctx.db, citizen({ start: at("2027-03-08", "09:00") }, 3));
    const week = await listAgenda(ctx.db, w.admin, { officeSlug: "amt-a", from: MONDAY, to: "2027-03-31", now: NOW });
    expect(week.to).toBe("2027-03-07");
    expect(week.rows).toHaveLength(1);
    expect(await codeOf(listAgenda(ctx.db, w.clerkA, { officeSlug: "amt-a", from: MONDAY, to: "2027-02-01", now: NOW }))).toBe("INVALID_INPUT");
  });

  it("pages the audit log newest first and filters by action and booking", async () => {
    const booking = await createBooking(ctx.db, citizen());
    await recordBookingStatus(ctx.db, w.clerkA, { bookingId: booking.id, action: "arrive" }, at(MONDAY, "08:50"));
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      await ctx.db.auditLog.create({
        data: { actorId: w.officeAdminA.id, officeId: w.officeA.id, action: "capacity.changed", at: new Date(Date.UTC(2020, 0, 1, 0, i)) },
      });
    }
    await ctx.db.auditLog.create({ data: { actorId: w.clerkB.id, officeId: w.officeB.id, action: "booking.arrive" } });

    const first = await readAuditLog(ctx.db, w.officeAdminA, { officeSlug: "amt-a" });
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 6);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ action: "booking.arrive", actor: { name: "clerk-a" }, booking: { id: booking.id, referenceCode: booking.referenceCode } });
    expect(first.actions).toEqual(["booking.arrive", "capacity.changed"]);
    const second = await readAuditLog(ctx.db, w.officeAdminA, { officeSlug: "amt-a", page: 2 });
    expect(second.entries).toHaveLength(6);
    expect((await readAuditLog(ctx.db, w.officeAdminA, { officeSlug: "amt-a", page: 99 })).page).toBe(2);

    const byAction = await readAuditLog(ctx.db, w.admin, { officeSlug: "amt-a", action: "booking.arrive" });
    expect(byAction.entries.map((e) => e.booking?.id)).toEqual([booking.id]);
    const byCode = await readAuditLog(ctx.db, w.admin, { officeSlug: "amt-a", booking: booking.referenceCode.toLowerCase() });
    expect(byCode.entries).toHaveLength(1);
    expect(byCode.bookingFilter?.id).toBe(booking.id);
    const byId = await readAuditLog(ctx.db, w.admin, { officeSlug: "amt-a", booking: booking.id });
    expect(byId.entries).toHaveLength(1);
    const unknown = await readAuditLog(ctx.db, w.admin, { officeSlug: "amt-a", booking: "TV-2222-2222" });
    expect(unknown).toMatchObject({ entries: [], unknownBooking: true });
  });
});

describeEachDatabase("staff: who may do what, on which office", (ctx) => {
  let w: World;
  let bookingId: string;
  eachTestOnEmptyDatabase(ctx, async (db) => {
    ({ w, bookingId } = await worldWithBooking(db));
  });

  // Every agenda service, aimed at office A (or its booking), at a time when each would succeed.
  const actions: Record<string, (actor: Actor) => Promise<unknown>> = {
    listAgenda: (a) => listAgenda(ctx.db, a, { officeSlug: "amt-a", from: MONDAY, now: NOW }),
    getBooking: (a) => getBookingForStaff(ctx.db, a, bookingId, NOW),
    arrive: (a) => recordBookingStatus(ctx.db, a, { bookingId, action: "arrive" }, at(MONDAY, "08:50")),
    noShow: (a) => recordBookingStatus(ctx.db, a, { bookingId, action: "no-show" }, at(MONDAY, "09:05")),
    correct: (a) => recordBookingStatus(ctx.db, a, { bookingId, action: "no-show" }, at("2027-03-04", "09:05")),
    closeDay: (a) => recordNoShowsForDay(ctx.db, a, { officeSlug: "amt-a", date: MONDAY, bookingIds: [bookingId] }, at(MONDAY, "18:00")),
    cancel: (a) => cancelBookingByStaff(ctx.db, a, { bookingId, reason: "Schließung" }, NOW),
    move: (a) => moveBookingByStaff(ctx.db, a, { bookingId, start: at(MONDAY, "10:00") }, NOW),
    slotsForMove: (a) => listSlotsForMove(ctx.db, a, { bookingId, date: MONDAY, now: NOW }),
    bookOnBehalf: (a) => bookOnBehalf(ctx.db, a, onBehalf(), NOW),
    slotsForNew: (a) => listSlotsForNewBooking(ctx.db, a, { officeSlug: "amt-a", serviceSlug: "beratung", persons: 1, now: NOW }),
    readAuditLog: (a) => readAuditLog(ctx.db, a, { officeSlug: "amt-a" }),
  };
  const expected: Record<string, Record<"clerkA" | "officeAdminA" | "admin" | "clerkB", string>> = {
    listAgenda: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    getBooking: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    arrive: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    noShow: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    correct: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    closeDay: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    cancel: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    move: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    slotsForMove: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    bookOnBehalf: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    slotsForNew: { clerkA: "OK", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
    // The audit log is for office administrators and administrators, not for clerks, even of the office.
    readAuditLog: { clerkA: "FORBIDDEN", officeAdminA: "OK", admin: "OK", clerkB: "FORBIDDEN" },
  };

  for (const [name, run] of Object.entries(actions)) {
    for (const role of ["clerkA", "officeAdminA", "admin", "clerkB"] as const) {
      it(`${name} by ${role}: ${expected[name][role]}`, async () => {
        const before = await snapshot(ctx.db);
        expect(await codeOf(run(w[role]))).toBe(expected[name][role]);
        if (expected[name][role] !== "OK") expect(await snapshot(ctx.db)).toEqual(before);
      });
    }
  }

  it("office admin of A may not read or act on office B", async () => {
    const b = await createBooking(ctx.db, citizen({ officeSlug: "amt-b" }, 2));
    const before = await snapshot(ctx.db);
    expect(await codeOf(readAuditLog(ctx.db, w.officeAdminA, { officeSlug: "amt-b" }))).toBe("FORBIDDEN");
    expect(await codeOf(listAgenda(ctx.db, w.officeAdminA, { officeSlug: "amt-b", from: MONDAY, now: NOW }))).toBe("FORBIDDEN");
    expect(await codeOf(cancelBookingByStaff(ctx.db, w.officeAdminA, { bookingId: b.id, reason: "Versuch" }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(bookOnBehalf(ctx.db, w.officeAdminA, onBehalf({ officeSlug: "amt-b" }), NOW))).toBe("FORBIDDEN");
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("unknown and forged booking ids are not found, whoever asks", async () => {
    const before = await snapshot(ctx.db);
    for (const id of ["", "unbekannt", "x".repeat(65), "' OR 1=1 --", "../../etc/passwd", "\u0000", bookingId + "x"]) {
      for (const actor of [w.clerkA, w.admin]) {
        expect(await codeOf(recordBookingStatus(ctx.db, actor, { bookingId: id, action: "arrive" }, at(MONDAY, "08:50")))).toBe("BOOKING_NOT_FOUND");
        expect(await codeOf(cancelBookingByStaff(ctx.db, actor, { bookingId: id, reason: "Grund" }, NOW))).toBe("BOOKING_NOT_FOUND");
        expect(await codeOf(moveBookingByStaff(ctx.db, actor, { bookingId: id, start: at(MONDAY, "10:00") }, NOW))).toBe("BOOKING_NOT_FOUND");
        expect(await codeOf(getBookingForStaff(ctx.db, actor, id, NOW))).toBe("BOOKING_NOT_FOUND");
      }
    }
    expect(await snapshot(ctx.db)).toEqual(before);
  });

  it("an erased booking is not found and takes no action", async () => {
    await ctx.db.booking.update({ where: { id: bookingId }, data: { erasedAt: NOW, givenName: null, familyName: null, email: null } });
    expect(await codeOf(recordBookingStatus(ctx.db, w.admin, { bookingId, action: "arrive" }, at(MONDAY, "08:50")))).toBe("BOOKING_NOT_FOUND");
    const day = await listAgenda(ctx.db, w.admin, { officeSlug: "amt-a", from: MONDAY, now: at(MONDAY, "08:50") });
    expect(day.rows[0]).toMatchObject({ name: null, actions: [], changeable: false });
  });
});
