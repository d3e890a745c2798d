// The capacity page's server actions are public POST endpoints: called here as the browser would call them, with
// the signed-in staff member and the database replaced, on SQLite and PostgreSQL.
// The page the browser posts from, if it says (a signed-out staff member is brought back to it after signing in).
let mockReferer: string | undefined;
jest.mock("next/headers", () => ({ headers: async () => new Headers(mockReferer ? { referer: mockReferer } : {}) }));
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import {
  type CapacityActionResult,
  closeHolidayAction,
  createBlockAction,
  createClosureAction,
  createOverrideAction,
  deleteBlockAction,
  deleteClosureAction,
  deleteOverrideAction,
  openHolidayAction,
  updateBlockAction,
  updateOverrideAction,
} from "@/app/(staff)/staff/(signed-in)/[office]/kalender/actions";
import de from "@/lib/i18n/messages/de/capacity.json";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import {
  closeHoliday,
  createCapacityBlock,
  createClosure,
  createDateOverride,
  deleteCapacityBlock,
  deleteClosure,
  deleteDateOverride,
  getCapacityPlan,
  openHoliday,
  updateCapacityBlock,
  updateDateOverride,
} from "@/lib/server/services/capacity";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { createOfficeFixture } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { actionResult } from "../helpers/next-request-mocks";
import { staff } from "../helpers/integration/staff";
import { signIn } from "../helpers/integration/session";

// The actions use the real clock: the dates below lie ahead of it.
const YEAR = new Date().getUTCFullYear() + 1;
const DAY = `${YEAR}-06-15`;
const CHRISTMAS = `${YEAR}-12-25`;
const BOXING_DAY = `${YEAR}-12-26`;

async function everything(db: Db) {
  const [blocks, closures, overrides, openings, audit, days] = await Promise.all([
    db.capacityBlock.findMany({ include: { services: { select: { id: true } } }, orderBy: { id: "asc" } }),
    db.closure.findMany({ orderBy: { id: "asc" } }),
    db.dateOverride.findMany({ include: { services: { select: { id: true } } }, orderBy: { id: "asc" } }),
    db.holidayOpening.findMany({ orderBy: { id: "asc" } }),
    db.auditLog.count(),
    db.officeDay.count(),
  ]);
  return { blocks, closures, overrides, openings, audit, days };
}

/** The German text the page shows for a refused action: every key must have one. */
function messagesOf(result: CapacityActionResult): string[] {
  if (result.ok) return [];
  const texts: string[] = [];
  for (const keys of Object.values(result.fieldErrors ?? {})) {
    for (const key of keys) texts.push((de.validation as Record<string, string>)[key]);
  }
  if (result.formError) texts.push((de.errors as Record<string, string>)[result.formError]);
  return texts;
}

describeEachDatabase("who may change an office's capacity", (ctx) => {
  let a: Awaited<ReturnType<typeof createOfficeFixture>>;
  let b: Awaited<ReturnType<typeof createOfficeFixture>>;
  let records: { blockId: string; closureId: string; overrideId: string };
  const now = new Date();

  eachTestOnEmptyDatabase(ctx, async () => {
    a = await createOfficeFixture(ctx.db, { slug: "amt-a" });
    b = await createOfficeFixture(ctx.db, { slug: "amt-b" });
    const [block, closure, override] = await Promise.all([
      ctx.db.capacityBlock.findFirstOrThrow({ where: { officeId: a.office.id } }),
      ctx.db.closure.create({ data: { officeId: a.office.id, date: DAY, reason: "Betriebsausflug" } }),
      ctx.db.dateOverride.create({ data: { officeId: a.office.id, date: `${YEAR}-06-16`, startMinute: 600, endMinute: 660, clerks: 1 } }),
      ctx.db.holidayOpening.create({ data: { officeId: a.office.id, date: BOXING_DAY } }),
    ]);
    records = { blockId: block.id, closureId: closure.id, overrideId: override.id };
  });

  /** Every capacity use case, aimed at office A's records. */
  const attempts = (actor: Actor) => ({
    list: () => getCapacityPlan(ctx.db, actor, { officeSlug: "amt-a" }, now),
    createBlock: () =>
      createCapacityBlock(ctx.db, actor, { officeId: a.office.id, weekdays: [3, 4, 5], start: 480, end: 600, clerks: 1, urgentClerks: 0, serviceIds: [], appointmentKinds: [], validFrom: null, validUntil: null }, now),
    updateBlock: () =>
      updateCapacityBlock(ctx.db, actor, { blockId: records.blockId, weekday: 1, start: 480, end: 600, clerks: 5, urgentClerks: 0, serviceIds: [], appointmentKinds: [], validFrom: null, validUntil: null }, now),
    deleteBlock: () => deleteCapacityBlock(ctx.db, actor, { blockId: records.blockId }, now),
    createClosure: () => createClosure(ctx.db, actor, { officeId: a.office.id, date: DAY, start: null, end: null, reason: "Schulung" }, now),
    deleteClosure: () => deleteClosure(ctx.db, actor, { closureId: records.closureId }, now),
    createOverride: () =>
      createDateOverride(ctx.db, actor, { officeId: a.office.id, date: DAY, start: 480, end: 540, clerks: 1, urgentClerks: 0, serviceIds: [], appointmentKinds: [], note: null }, now),
    updateOverride: () =>
      updateDateOverride(ctx.db, actor, { overrideId: records.overrideId, date: DAY, start: 600, end: 660, clerks: 2, urgentClerks: 0, serviceIds: [], appointmentKinds: [], note: null }, now),
    deleteOverride: () => deleteDateOverride(ctx.db, actor, { overrideId: records.overrideId }, now),
    openHoliday: () => openHoliday(ctx.db, actor, { officeId: a.office.id, date: CHRISTMAS }, now),
    closeHoliday: () => closeHoliday(ctx.db, actor, { officeId: a.office.id, date: BOXING_DAY }, now),
  });

  it("a clerk of office B is refused on every capacity use case for office A, and nothing changes", async () => {
    const clerkOfB = await staff(ctx.db, "CLERK", [b.office.id]);
    const officeAdminOfB = await staff(ctx.db, "OFFICE_ADMIN", [b.office.id]);
    const before = await everything(ctx.db);
    for (const actor of [clerkOfB, officeAdminOfB]) {
      for (const [name, attempt] of Object.entries(attempts(actor))) {
        expect([actor.role, name, await codeOf(attempt())]).toEqual([actor.role, name, "FORBIDDEN"]);
      }
    }
    expect(await everything(ctx.db)).toEqual(before);
  });

  it("a clerk of office A edits capacity but does not manage holidays", async () => {
    const clerkOfA = await staff(ctx.db, "CLERK", [a.office.id]);
    const results: Record<string, string> = {};
    for (const [name, attempt] of Object.entries(attempts(clerkOfA))) results[name] = await codeOf(attempt());
    expect(results).toEqual({
      list: "OK",
      createBlock: "OK",
      updateBlock: "OK",
      deleteBlock: "OK",
      createClosure: "OK",
      deleteClosure: "OK",
      createOverride: "OK",
      updateOverride: "OK",
      deleteOverride: "OK",
      openHoliday: "FORBIDDEN",
      closeHoliday: "FORBIDDEN",
    });
    expect((await ctx.db.holidayOpening.findMany()).map((o) => o.date)).toEqual([BOXING_DAY]);
  });

  it.each([["OFFICE_ADMIN"], ["ADMIN"]] as const)("%s may do everything, holidays included", async (role) => {
    const actor = await staff(ctx.db, role, role === "ADMIN" ? [] : [a.office.id]);
    for (const [name, attempt] of Object.entries(attempts(actor))) {
      expect([name, await codeOf(attempt())]).toEqual([name, "OK"]);
    }
  });

  it("the administrator works on any office; an office admin only on their own", async () => {
    const admin = await staff(ctx.db, "ADMIN", []);
    const officeAdminOfA = await staff(ctx.db, "OFFICE_ADMIN", [a.office.id]);
    expect((await getCapacityPlan(ctx.db, admin, { officeSlug: "amt-b" }, now)).office.id).toBe(b.office.id);
    expect(await codeOf(getCapacityPlan(ctx.db, officeAdminOfA, { officeSlug: "amt-b" }, now))).toBe("FORBIDDEN");
  });
});

describeEachDatabase("forged and malformed posts to the capacity actions", (ctx) => {
  let a: Awaited<ReturnType<typeof createOfficeFixture>>;
  let b: Awaited<ReturnType<typeof createOfficeFixture>>;
  let blockId: string;
  let clerk: Actor;

  eachTestOnEmptyDatabase(ctx, async () => {
    a = await createOfficeFixture(ctx.db, { slug: "amt-a" });
    b = await createOfficeFixture(ctx.db, { slug: "amt-b" });
    blockId = (await ctx.db.capacityBlock.findFirstOrThrow({ where: { officeId: a.office.id } })).id;
    clerk = await staff(ctx.db, "CLERK", [a.office.id]);
    signIn(clerk);
  });

  const block = () => ({ officeId: a.office.id, weekdays: ["1"], start: "13:00", end: "15:00", clerks: "2", serviceIds: [] as string[] });

  const cases: Array<[string, () => Promise<CapacityActionResult>, Record<string, string[]> | { formError: string }]> = [
    ["negative clerks", () => createBlockAction({ ...block(), clerks: "-2" }), { clerks: ["clerksMin"] }],
    ["zero clerks on update", () => updateBlockAction({ ...block(), officeId: undefined, weekday: "1", blockId, clerks: 0 }), { clerks: ["clerksMin"] }],
    ["end before start", () => createBlockAction({ ...block(), start: "15:00", end: "13:00" }), { end: ["endBeforeStart"] }],
    ["an overlapping block", () => createBlockAction({ ...block(), start: "11:00", end: "13:00" }), { start: ["overlap"] }],
    ["no weekday", () => createBlockAction({ ...block(), weekdays: [] }), { weekdays: ["weekdaysRequired"] }],
    ["a weekday that does not exist", () => createBlockAction({ ...block(), weekdays: ["2", "9"] }), { "weekdays.1": ["invalidWeekday"] }],
    ["Monday to Friday overlapping on the Monday", () => createBlockAction({ ...block(), weekdays: ["1", "2", "3", "4", "5"], start: "11:00" }), { weekdays: ["overlapOn1"] }],
    ["Monday to Friday for another office", () => createBlockAction({ ...block(), weekdays: ["1", "2", "3", "4", "5"], officeId: b.office.id }), { formError: "FORBIDDEN" }],
    ["another office's service", () => createBlockAction({ ...block(), serviceIds: [b.service.id] }), { serviceIds: ["unknownService"] }],
    ["a made-up service", () => createBlockAction({ ...block(), serviceIds: ["cmnotaservice000000000000"] }), { serviceIds: ["unknownService"] }],
    ["another office's id", () => createBlockAction({ ...block(), officeId: b.office.id }), { formError: "FORBIDDEN" }],
    ["an unknown office id", () => createBlockAction({ ...block(), officeId: "cmnotanoffice000000000000" }), { formError: "FORBIDDEN" }],
    ["an unknown block id", () => deleteBlockAction({ blockId: "cmnotablock00000000000000" }), { _form: ["notFound"] }],
    ["an unknown closure id", () => deleteClosureAction({ closureId: "cmnotaclosure000000000000" }), { _form: ["notFound"] }],
    ["an unknown override id", () => deleteOverrideAction({ overrideId: "cmnotanoverride0000000000" }), { _form: ["notFound"] }],
    ["an override with an SQL id", () => updateOverrideAction({ overrideId: "1 OR 1=1", date: "2099-01-01", start: "08:00", end: "09:00", clerks: 1 }), { overrideId: ["invalid"] }],
    ["a closure in the past", () => createClosureAction({ officeId: a.office.id, date: "2020-01-06", reason: "Alt" }), { date: ["datePast"] }],
    ["an override ending before it starts", () => createOverrideAction({ officeId: a.office.id, date: "2099-01-05", start: "12:00", end: "10:00", clerks: 1 }), { end: ["endBeforeStart"] }],
    ["a clerk opening a holiday", () => openHolidayAction({ officeId: a.office.id, date: CHRISTMAS }), { formError: "FORBIDDEN" }],
    ["a clerk closing a holiday", () => closeHolidayAction({ officeId: a.office.id, date: BOXING_DAY }), { formError: "FORBIDDEN" }],
    ["a holiday without a date", () => openHolidayAction({ officeId: a.office.id, date: "" }), { date: ["invalidDate"] }],
    ["not an object at all", () => createBlockAction("weekday=1&clerks=-1"), { _form: ["invalid"] }],
  ];

  it.each(cases)("refuses %s with a clear message and changes nothing", async (_label, attempt, expected) => {
    const before = await everything(ctx.db);
    const result = await attempt();
    expect(result.ok).toBe(false);
    if ("formError" in expected) expect(result).toMatchObject({ ok: false, formError: expected.formError });
    else expect(result).toMatchObject({ ok: false, fieldErrors: expected });
    for (const text of messagesOf(result)) expect(text).toEqual(expect.stringMatching(/\S/));
    expect(await everything(ctx.db)).toEqual(before);
  });

  it("an office admin is refused a date that is no holiday and a holiday in the past", async () => {
    signIn(await staff(ctx.db, "OFFICE_ADMIN", [a.office.id]));
    const before = await everything(ctx.db);
    expect(await openHolidayAction({ officeId: a.office.id, date: `${YEAR}-06-17` })).toEqual({
      ok: false,
      fieldErrors: { date: ["notAHoliday"] },
    });
    expect(await closeHolidayAction({ officeId: a.office.id, date: "2020-12-25" })).toEqual({
      ok: false,
      fieldErrors: { date: ["datePast"] },
    });
    expect(await everything(ctx.db)).toEqual(before);
  });

  it("an office admin opens a holiday and closes it again through the actions, each step audited", async () => {
    const officeAdmin = await staff(ctx.db, "OFFICE_ADMIN", [a.office.id]);
    signIn(officeAdmin);
    expect(await openHolidayAction({ officeId: a.office.id, date: CHRISTMAS })).toEqual({ ok: true, status: "applied", cancelled: 0, moved: 0 });
    expect((await ctx.db.holidayOpening.findMany()).map((o) => [o.officeId, o.date])).toEqual([[a.office.id, CHRISTMAS]]);
    expect(await closeHolidayAction({ officeId: a.office.id, date: CHRISTMAS })).toEqual({ ok: true, status: "applied", cancelled: 0, moved: 0 });
    expect(await ctx.db.holidayOpening.count()).toBe(0);
    const audit = await ctx.db.auditLog.findMany({ where: { actorId: officeAdmin.id }, orderBy: { action: "asc" } });
    expect(audit.map((e) => [e.action, e.officeId, JSON.parse(e.details!).date])).toEqual([
      ["capacity.holiday.close", a.office.id, CHRISTMAS],
      ["capacity.holiday.open", a.office.id, CHRISTMAS],
    ]);
  });

  it("a signed-out request goes to the sign-in page, and back to the calendar afterwards; nothing is written", async () => {
    signIn(null);
    const calendar = "/staff/amt-a/kalender?woche=2030-01-07";
    mockReferer = `${env().APP_URL}${calendar}`;
    expect(await actionResult(createBlockAction(block()))).toEqual({
      redirect: `/staff/login?callbackUrl=${encodeURIComponent(calendar)}`,
    });
    // A Referer of another site, or none, is no way back.
    for (const referer of ["https://evil.example/staff/amt-a/kalender", undefined]) {
      mockReferer = referer;
      expect(await actionResult(createBlockAction(block()))).toEqual({ redirect: "/staff/login" });
    }
    expect(await ctx.db.capacityBlock.count()).toBe(2);
  });

  it("a valid post is applied and answered", async () => {
    expect(await createBlockAction(block())).toEqual({ ok: true, status: "applied", cancelled: 0, moved: 0 });
    expect(await ctx.db.capacityBlock.count({ where: { officeId: a.office.id } })).toBe(2);
  });

  it("a post for several weekdays creates one block per weekday with one audit entry", async () => {
    const audits = await ctx.db.auditLog.count();
    expect(await createBlockAction({ ...block(), weekdays: ["5", "2", "3"] })).toEqual({ ok: true, status: "applied", cancelled: 0, moved: 0 });
    const created = await ctx.db.capacityBlock.findMany({ where: { officeId: a.office.id, startMinute: 780 }, orderBy: { weekday: "asc" } });
    expect(created.map((c) => [c.weekday, c.endMinute, c.clerks])).toEqual([
      [2, 900, 2],
      [3, 900, 2],
      [5, 900, 2],
    ]);
    expect(await ctx.db.auditLog.count()).toBe(audits + 1);
  });
});
