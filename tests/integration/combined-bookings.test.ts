// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run; the ES
// build is transformed like the app's code.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import ICAL from "ical.js";
import { POST as postBooking } from "@/app/api/v1/bookings/route";
import { GET as getSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { APP_URL, callApi } from "../helpers/api";
import { canAssign, demandKey, parseAppointmentKinds, zonedInstant, type CapacityPool } from "@/lib/domain";
import type { Db } from "@/lib/server/db/client";
import { AppError, isFieldError } from "@/lib/server/errors";
import { processOutbox } from "@/lib/server/mail/outbox";
import { createTransport, type MailTransport } from "@/lib/server/mail/transport";
import { createBooking } from "@/lib/server/services/create-booking";
import { aggregateOfficeDays } from "@/lib/server/services/evaluation/aggregate-statistics";
import { listFreeSlots } from "@/lib/server/services/list-slots";
import { findSlotProblem } from "@/lib/server/services/check-slot";
import { describeEachDatabase } from "../helpers/databases";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture } from "../helpers/office-fixture";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createCapacityBlock, getCapacityPlan, updateCapacityBlock } from "@/lib/server/services/capacity";
import { createBlockSchema } from "@/lib/schemas/capacity";
import { appliedChange } from "../helpers/integration/capacity";
import { staff } from "../helpers/integration/staff";
import { changeBookingServices } from "@/lib/server/services/staff/change-booking-services";
import { listAgenda } from "@/lib/server/services/staff/list-agenda";
import { rescheduleBookingByToken } from "@/lib/server/services/reschedule-booking-by-token";
import { findMoveProblem } from "@/lib/server/services/find-move-problem";
import { getBookingByToken } from "@/lib/server/services/get-booking-by-token";
import { loadSlotCalendar } from "@/lib/server/services/slot-calendar";

// Several services in one appointment and appointments by phone or video, through the real booking service on both
// databases: the combined length, the clerks who count for a combination (only those serving all its services),
// the race for the last combined place, the refusals field by field, capacity kept per kind, and the video link in
// the e-mail as received over SMTP and in its calendar file.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.ANTIBOT ??= "off";

const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");
const TEMPLATE = "https://meet.example.org/{reference}";

type Block = { start: string; end: string; clerks: number; services?: string[]; kinds?: string };

/**
 * An office offering a passport (30 min), an identity card (15 min) and a registration certificate (10 min), up to
 * `max` services in one appointment, with the given Monday blocks (services by slug).
 */
async function office(db: Db, blocks: Block[], opts: { max?: number; kinds?: string; template?: string | null } = {}) {
  const fixture = await createOfficeFixture(db, {
    services: [
      { slug: "reisepass", durationMinutes: 30, extraPersonMinutes: 10, maxPersons: 4 },
      { slug: "personalausweis", durationMinutes: 15, extraPersonMinutes: 5, maxPersons: 2 },
      { slug: "meldebescheinigung", durationMinutes: 10 },
    ],
    blocks: [],
    slotStepMinutes: 15,
  });
  await db.office.update({
    where: { id: fixture.office.id },
    data: { maxServicesPerBooking: opts.max ?? 3, videoMeetingUrlTemplate: opts.template === undefined ? TEMPLATE : opts.template },
  });
  if (opts.kinds) await db.service.updateMany({ where: { officeId: fixture.office.id }, data: { appointmentKinds: opts.kinds } });
  const idOf = (slug: string) => fixture.services.find((s) => s.slug === slug)!.id;
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  for (const b of blocks) {
    await db.capacityBlock.create({
      data: {
        officeId: fixture.office.id,
        weekday: 1,
        startMinute: minute(b.start),
        endMinute: minute(b.end),
        clerks: b.clerks,
        appointmentKinds: b.kinds ?? "",
        services: { connect: (b.services ?? []).map((slug) => ({ id: idOf(slug) })) },
      },
    });
  }
  return { ...fixture, idOf };
}

const book = (db: Db, start: string, n: number, more: Parameters<typeof citizenBooking>[0] extends infer B ? Partial<B> : never = {}) =>
  createBooking(db, citizenBooking({ officeSlug: "testamt", serviceSlug: "reisepass", start: at(MONDAY, start), now: NOW, ...more }, n));

const BOTH = { furtherServices: ["personalausweis"] };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isFieldError(e)) return `${e.field}: ${e.reason}`;
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error("expected a refusal");
}

const startTimes = (slots: Array<{ start: Date }>) =>
  slots.map((s) => new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }).format(s.start));

describeEachDatabase("several services and kinds of appointment", (ctx) => {
  eachTestOnEmptyDatabase(ctx);

  it("books two services for their summed length and stores the further one in its place", async () => {
    await office(ctx.db, [{ start: "08:00", end: "10:00", clerks: 1 }]);
    const booked = await book(ctx.db, "08:00", 1, { ...BOTH, persons: 2 });
    // (30 + 10) + (15 + 5) minutes for two persons.
    expect(booked.endsAt).toEqual(at(MONDAY, "09:00"));
    const row = await ctx.db.booking.findUniqueOrThrow({ where: { id: booked.id }, include: { extraServices: { include: { service: true } } } });
    expect(row.extraServices.map((e) => [e.service.slug, e.position])).toEqual([["personalausweis", 1]]);
    expect(row.kind).toBe("IN_PERSON");
    // Only as many persons as the strictest service admits.
    expect(await refusal(book(ctx.db, "09:00", 2, { ...BOTH, persons: 3 }))).toBe("INVALID_INPUT");
  });

  it("counts only clerks who serve every chosen service, in listing, checking and booking alike", async () => {
    await office(ctx.db, [
      { start: "08:00", end: "09:00", clerks: 1, services: ["reisepass", "personalausweis"] },
      { start: "08:00", end: "09:00", clerks: 1, services: ["reisepass"] },
    ]);
    const list = async (further?: string[]) =>
      startTimes(
        (await listFreeSlots(ctx.db, { officeSlug: "testamt", serviceSlug: "reisepass", appointment: { further }, persons: 1, now: NOW, from: MONDAY, to: MONDAY })).slots,
      );
    expect(await list(["personalausweis"])).toEqual(["08:00", "08:15"]);
    await book(ctx.db, "08:00", 1, BOTH);
    // The one clerk for both is busy until 08:45; the passport-only clerk does not count for the combination.
    expect(await list(["personalausweis"])).toEqual([]);
    expect(await findSlotProblem(ctx.db, { officeSlug: "testamt", serviceSlug: "reisepass", appointment: { further: ["personalausweis"] }, persons: 1, start: at(MONDAY, "08:15"), now: NOW })).toBe("SLOT_TAKEN");
    expect(await refusal(book(ctx.db, "08:15", 2, BOTH))).toBe("SLOT_TAKEN");
    // A passport alone still has its clerk.
    expect(await list()).toEqual(["08:00", "08:15", "08:30"]);
    await book(ctx.db, "08:00", 3);
    expect(await list()).toEqual(["08:30"]);
  });

  it("moves a combined appointment by its link with its length, to times where a clerk serves both", async () => {
    await office(ctx.db, [
      { start: "08:00", end: "10:00", clerks: 1, services: ["reisepass", "personalausweis"] },
      { start: "08:00", end: "10:00", clerks: 1, services: ["reisepass"] },
    ]);
    const combined = await book(ctx.db, "08:00", 1, BOTH);
    await book(ctx.db, "09:00", 2, BOTH);
    const booking = await getBookingByToken(ctx.db, combined.manageToken);
    // The move page lists the combination's times (45 minutes, with the one clerk for both), not the passport's.
    const week = await loadSlotCalendar(ctx.db, {
      officeSlug: "testamt",
      serviceSlug: "reisepass",
      persons: 1,
      now: NOW,
      day: MONDAY,
      excludeBookingId: booking.id,
      appointment: { further: ["personalausweis"], kind: "IN_PERSON" },
    });
    expect(startTimes(week.slots.filter((s) => s.start.toISOString().startsWith(MONDAY)))).toEqual(["08:00", "08:15"]);
    expect(await findMoveProblem(ctx.db, { booking, start: at(MONDAY, "09:15"), now: NOW })).toBe("SLOT_TAKEN");
    expect(await findMoveProblem(ctx.db, { booking, start: at(MONDAY, "08:15"), now: NOW })).toBeNull();
    const moved = await rescheduleBookingByToken(ctx.db, { token: combined.manageToken, start: at(MONDAY, "08:15"), now: NOW });
    expect(moved.endsAt).toEqual(at(MONDAY, "09:00"));
  });

  it("refuses duplicates, services of other offices or inactive ones, and more than the office allows, field by field", async () => {
    const { idOf } = await office(ctx.db, [{ start: "08:00", end: "12:00", clerks: 3 }], { max: 2 });
    await createOfficeFixture(ctx.db, { slug: "nebenstelle", services: [{ slug: "fuehrerschein", durationMinutes: 20 }] });
    expect(await refusal(book(ctx.db, "08:00", 1, { furtherServices: ["reisepass"] }))).toBe("furtherServices: serviceTwice");
    expect(await refusal(book(ctx.db, "08:00", 1, { furtherServices: ["personalausweis", "personalausweis"] }))).toBe("furtherServices: serviceTwice");
    expect(await refusal(book(ctx.db, "08:00", 1, { furtherServices: ["fuehrerschein"] }))).toBe("furtherServices: serviceNotOffered");
    expect(await refusal(book(ctx.db, "08:00", 1, { furtherServices: ["personalausweis", "meldebescheinigung"] }))).toBe("furtherServices: tooManyServices");
    await ctx.db.service.update({ where: { id: idOf("personalausweis") }, data: { active: false } });
    expect(await refusal(book(ctx.db, "08:00", 1, BOTH))).toBe("furtherServices: serviceNotOffered");
    await ctx.db.office.updateMany({ data: { maxServicesPerBooking: 1 } });
    expect(await refusal(book(ctx.db, "08:00", 1, { furtherServices: ["meldebescheinigung"] }))).toBe("furtherServices: tooManyServices");
    expect(await ctx.db.booking.count()).toBe(0);
  });

  it("gives the last combined places to exactly as many of many parallel attempts, never to the one-service clerk", async () => {
    await office(ctx.db, [
      { start: "09:00", end: "10:00", clerks: 2, services: ["reisepass", "personalausweis"] },
      { start: "09:00", end: "10:00", clerks: 1, services: ["reisepass"] },
    ]);
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        book(ctx.db, "09:00", 100 + i, BOTH).then(
          () => "ok",
          (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)),
        ),
      ),
    );
    expect(attempts.filter((a) => a === "ok")).toHaveLength(2);
    expect(attempts.filter((a) => a !== "ok").every((a) => a === "SLOT_TAKEN")).toBe(true);
    // The rows that won can be seated: each combination with a clerk who serves both, the passport clerk still free.
    const rows = await ctx.db.booking.findMany({ include: { extraServices: true } });
    const demand = new Map<string, number>();
    for (const r of rows) {
      const key = demandKey([r.serviceId, ...r.extraServices.map((e) => e.serviceId)], r.kind);
      demand.set(key, (demand.get(key) ?? 0) + 1);
    }
    const ids = Object.fromEntries((await ctx.db.service.findMany()).map((s) => [s.slug, s.id]));
    const pools: CapacityPool[] = [
      { clerks: 2, serviceIds: [ids.reisepass, ids.personalausweis].sort() },
      { clerks: 1, serviceIds: [ids.reisepass] },
    ];
    expect(canAssign(demand, pools)).toBe(true);
    expect(await book(ctx.db, "09:00", 999)).toMatchObject({ status: "CONFIRMED" });
  });

  it("requires the phone number for a phone appointment and keeps the kind", async () => {
    await office(ctx.db, [{ start: "08:00", end: "12:00", clerks: 1 }], { kinds: "IN_PERSON,PHONE" });
    expect(await refusal(book(ctx.db, "08:00", 1, { kind: "PHONE" }))).toBe("phone: phoneRequiredForCall");
    const booked = await book(ctx.db, "08:00", 1, { kind: "PHONE", person: { ...citizenBooking({ start: NOW, now: NOW }, 1).person, phone: "+49 30 1234567" } });
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: booked.id } })).kind).toBe("PHONE");
    // Video is not among this service's kinds; without a choice, a service offering in person books in person.
    expect(await refusal(book(ctx.db, "09:00", 2, { kind: "VIDEO" }))).toBe("kind: kindNotOffered");
    const plain = await book(ctx.db, "09:00", 2);
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: plain.id } })).kind).toBe("IN_PERSON");
  });

  it("offers video only with the office's own meeting address", async () => {
    await office(ctx.db, [{ start: "08:00", end: "12:00", clerks: 1 }], { kinds: "VIDEO", template: null });
    expect(await refusal(book(ctx.db, "08:00", 1))).toBe("kind: kindNotOffered");
    await ctx.db.office.updateMany({ data: { videoMeetingUrlTemplate: TEMPLATE } });
    expect(await book(ctx.db, "08:00", 1)).toMatchObject({ status: "CONFIRMED" });
  });

  it("keeps capacity per kind: clerks in the back room take phone and video, the front desk visitors", async () => {
    await office(
      ctx.db,
      [
        { start: "08:00", end: "09:00", clerks: 1, kinds: "IN_PERSON" },
        { start: "08:00", end: "09:00", clerks: 2, kinds: "PHONE,VIDEO" },
      ],
      { kinds: "IN_PERSON,PHONE,VIDEO" },
    );
    const phone = { kind: "PHONE" as const, person: { ...citizenBooking({ start: NOW, now: NOW }, 1).person, phone: "0621 123456" } };
    await book(ctx.db, "08:00", 1, phone);
    await book(ctx.db, "08:00", 2, { kind: "VIDEO" });
    expect(await refusal(book(ctx.db, "08:00", 3, phone))).toBe("SLOT_TAKEN");
    // The visitor's clerk is still free, and for a visitor only.
    expect(await book(ctx.db, "08:00", 4)).toMatchObject({ status: "CONFIRMED" });
    expect(await refusal(book(ctx.db, "08:00", 5))).toBe("SLOT_TAKEN");
    const kinds = (await ctx.db.capacityBlock.findMany()).map((b) => parseAppointmentKinds(b.appointmentKinds));
    expect(kinds).toEqual(expect.arrayContaining([["IN_PERSON"], ["PHONE", "VIDEO"]]));
  });

  it("lets the staff limit a block to kinds beside one for every kind, and keeps the kinds when the block moves", async () => {
    const { office: row } = await office(ctx.db, [], { kinds: "IN_PERSON,PHONE" });
    const head = await staff(ctx.db, "OFFICE_ADMIN", [row.id]);
    const block = (kinds: string[]) =>
      createBlockSchema.parse({ officeId: row.id, weekdays: ["1"], start: "08:00", end: "09:00", clerks: "1", urgentClerks: "0", serviceIds: [], appointmentKinds: kinds, validFrom: "", validUntil: "" });
    appliedChange(await createCapacityBlock(ctx.db, head, block([]), NOW));
    // Same hours and services, but only for phone appointments: a back room, not a duplicate of the first block.
    const backRoom = appliedChange(await createCapacityBlock(ctx.db, head, block(["PHONE"]), NOW)).value.ids[0];
    // All three kinds ticked is every kind: the same block as the first.
    expect(await refusal(createCapacityBlock(ctx.db, head, block(["IN_PERSON", "PHONE", "VIDEO"]), NOW))).toBe("start: overlap");

    const phone = { kind: "PHONE" as const, person: { ...citizenBooking({ start: NOW, now: NOW }, 1).person, phone: "0621 123456" } };
    await book(ctx.db, "08:00", 1, phone);
    await book(ctx.db, "08:00", 2);
    expect(await refusal(book(ctx.db, "08:00", 3, phone))).toBe("SLOT_TAKEN");

    const plan = await getCapacityPlan(ctx.db, head, { officeSlug: "testamt" }, NOW);
    expect(plan.blocks.map((b) => b.appointmentKinds)).toEqual(expect.arrayContaining([[], ["PHONE"]]));
    const moved = { blockId: backRoom, weekday: 1, start: 9 * 60, end: 10 * 60, clerks: 1, urgentClerks: 0, serviceIds: [], appointmentKinds: ["PHONE" as const], validFrom: null, validUntil: null };
    // Moving it leaves the phone appointment at 08:00 without a clerk of its kind: a conflict, nothing changed.
    expect(await updateCapacityBlock(ctx.db, head, moved, NOW)).toMatchObject({ status: "conflict" });
    const audit = await ctx.db.auditLog.findMany({ where: { action: "capacity.block.create" } });
    expect(audit.some((a) => a.details?.includes('"appointmentKinds":["PHONE"]'))).toBe(true);
  });

  it("lets a clerk add and remove further services under the same capacity rule, audit-logged, and shows them in the agenda", async () => {
    const { office: row, idOf } = await office(ctx.db, [
      { start: "08:00", end: "09:00", clerks: 1, services: ["reisepass", "personalausweis"] },
      { start: "08:00", end: "09:00", clerks: 1, services: ["reisepass"] },
    ]);
    const clerk = await staff(ctx.db, "CLERK", [row.id]);
    const a = await book(ctx.db, "08:00", 1);
    const b = await book(ctx.db, "08:00", 2, BOTH);
    // The one clerk who serves identity cards has the other combination; the passport-only clerk does not count.
    expect(await refusal(changeBookingServices(ctx.db, clerk, { bookingId: a.id, furtherServiceIds: [idOf("personalausweis")] }, NOW))).toBe("SLOT_TAKEN");
    await ctx.db.booking.update({ where: { id: b.id }, data: { status: "CANCELLED", cancelledAt: NOW } });
    expect(await changeBookingServices(ctx.db, clerk, { bookingId: a.id, furtherServiceIds: [idOf("personalausweis")] }, NOW)).toMatchObject({ changed: true, mailed: true });
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ endsAt: at(MONDAY, "08:45") });
    // The citizen learns of it by e-mail, with a fresh manage link: the old one no longer opens the appointment.
    const mails = await ctx.db.outboxMessage.findMany({ where: { bookingId: a.id, template: "booking-changed" } });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^Termin geändert: /);
    expect(JSON.parse(mails[0].payload)).toMatchObject({ previousServices: [expect.any(String)], furtherServices: [expect.anything()] });
    expect(await refusal(getBookingByToken(ctx.db, a.manageToken))).toBe("BOOKING_NOT_FOUND");
    expect(await refusal(changeBookingServices(ctx.db, clerk, { bookingId: a.id, furtherServiceIds: [idOf("reisepass")] }, NOW))).toBe("furtherServices: serviceTwice");

    const agenda = await listAgenda(ctx.db, clerk, { officeSlug: "testamt", from: MONDAY, serviceSlug: "personalausweis", now: NOW });
    expect(agenda.rows.filter((r) => r.status !== "CANCELLED").map((r) => [r.service.slug, r.furtherServices.map((s) => s.slug), r.durationMinutes])).toEqual([["reisepass", ["personalausweis"], 45]]);

    await changeBookingServices(ctx.db, clerk, { bookingId: a.id, furtherServiceIds: [] }, NOW);
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: a.id }, include: { extraServices: true } })).toMatchObject({ endsAt: at(MONDAY, "08:30"), extraServices: [] });
    const audit = await ctx.db.auditLog.findMany({ where: { action: "booking.services", bookingId: a.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => JSON.parse(e.details ?? "{}"))).toMatchObject([
      { servicesBefore: [], servicesAfter: ["personalausweis"] },
      { servicesBefore: ["personalausweis"], servicesAfter: [] },
    ]);
  });

  it("lists and books a combination through the JSON API, as documented, with refusals in the caller's language", async () => {
    await office(ctx.db, [{ start: "08:00", end: "09:00", clerks: 1 }], { kinds: "IN_PERSON,VIDEO" });
    const restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => {} });
    const slots = await callApi(getSlots, `/api/v1/offices/testamt/services/reisepass/slots?from=${MONDAY}&to=${MONDAY}&furtherServices=personalausweis&kind=VIDEO`);
    expect(slots.status).toBe(200);
    expect(slots.body).toMatchObject({ furtherServices: ["personalausweis"], kind: "VIDEO" });
    // 45 minutes in a one-hour window on a 15-minute grid.
    expect(slots.body.slots.map((s: { start: string }) => s.start)).toHaveLength(2);
    const body = {
      office: "testamt",
      service: "reisepass",
      furtherServices: ["personalausweis"],
      kind: "VIDEO",
      start: slots.body.slots[0].start,
      familyName: "Haddad",
      email: "amira@example.org",
      dateOfBirth: "1990-05-17",
      privacyConsent: true,
    };
    const post = (json: unknown) =>
      callApi(postBooking, "/api/v1/bookings", { method: "POST", json, headers: { "accept-language": "en" } });
    const twice = await post({ ...body, furtherServices: ["reisepass"] });
    expect(twice.status).toBe(422);
    expect(twice.body.error.fields.furtherServices).toEqual(["Choose each service only once."]);
    const booked = await post(body);
    expect(booked.status).toBe(201);
    expect((new Date(booked.body.endsAt).getTime() - new Date(booked.body.startsAt).getTime()) / 60_000).toBe(45);
    expect(await ctx.db.booking.findFirstOrThrow()).toMatchObject({ kind: "VIDEO" });
    restore();
  });

  it("counts each service of a combined appointment as booked for it, and its clerk-minutes once", async () => {
    const { office: row, idOf } = await office(ctx.db, [{ start: "08:00", end: "12:00", clerks: 1 }]);
    await book(ctx.db, "08:00", 1, BOTH);
    await aggregateOfficeDays(ctx.db, { ...row, callToleranceMinutes: 10 }, MONDAY, MONDAY);
    const stats = await ctx.db.dailyBookingStats.findMany({ where: { date: MONDAY } });
    const of = (slug: string) => stats.find((s) => s.serviceId === idOf(slug));
    expect(of("reisepass")).toMatchObject({ booked: 1, bookedMinutes: 30 });
    expect(of("personalausweis")).toMatchObject({ booked: 1, bookedMinutes: 15 });
    expect(stats.reduce((n, s) => n + s.bookedMinutes, 0)).toBe(45);
  });

  describe("the video link, as the citizen receives it", () => {
    let smtp: TestSmtpServer;
    let transport: MailTransport;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      transport = createTransport(smtp.url, { from: "Terminvergabe <noreply@termine.example.org>", timeoutMs: 5000 });
    });
    afterAll(async () => {
      transport.close();
      await smtp.stop();
    });

    it("is in the confirmation e-mail and its calendar file, with all services and their documents, and no address", async () => {
      smtp.clear();
      await office(ctx.db, [{ start: "08:00", end: "12:00", clerks: 1 }], { kinds: "IN_PERSON,VIDEO" });
      await ctx.db.catalogueService.updateMany({ where: { slug: "personalausweis" }, data: { documents: "Reisepass\nAlter Personalausweis" } });
      const booked = await book(ctx.db, "10:00", 7, { ...BOTH, kind: "VIDEO" });
      const link = `https://meet.example.org/${encodeURIComponent(booked.referenceCode)}`;

      expect(await processOutbox(ctx.db, { transport, log: { warn: () => {}, error: () => {} } })).toMatchObject({ sent: 1 });
      const [mail] = await smtp.parsed();
      expect(mail.subject).toContain("Leistung reisepass + Leistung personalausweis");
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.text).toContain("Alter Personalausweis");
      // One "Reisepass" from the passport's list; the identity card's is the same document.
      expect(mail.text!.match(/^ *\* Reisepass$/gm)).toHaveLength(1);
      // The office's address is its contact, not the place of the appointment.
      expect(mail.text).not.toMatch(/^ *Ort$/m);
      expect(mail.text).not.toContain("wenn Sie ankommen");
      // Nobody checks in at the office for a video appointment.
      expect(mail.attachments.some((a) => a.contentType === "image/png")).toBe(false);

      const ics = mail.attachments.find((a) => a.filename === "termin.ics");
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent")!);
      expect(event.location).toBe(link);
      expect(event.component.getFirstPropertyValue("url")).toBe(link);
      expect(event.description).toContain(link);
      expect(event.endDate.toJSDate()).toEqual(new Date(zonedInstant(MONDAY, 10 * 60 + 45, "Europe/Berlin")));
    });
  });
});
