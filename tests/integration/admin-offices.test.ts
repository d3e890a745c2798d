// The administration of offices and services, through the server actions as the browser calls them (form data in,
// redirect or form state out), with the signed-in staff member and the database replaced, on SQLite and
// PostgreSQL. What the administration does must show at once in the public API, which reads the same database.
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { GET as officeQr } from "@/app/api/qr/[office]/route";
import { GET as listSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import { GET as listServices } from "@/app/api/v1/offices/[office]/services/route";
import { GET as listOffices } from "@/app/api/v1/offices/route";
import {
  createOfficeAction,
  createServiceAction,
  moveServiceAction,
  setOfficeActiveAction,
  setServiceActiveAction,
  updateOfficeAction,
  updateServiceAction,
} from "@/app/(staff)/staff/(signed-in)/verwaltung/behoerden/actions";
import { addDays, localDateOf } from "@/lib/domain";
import deAdmin from "@/lib/i18n/messages/de/admin.json";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import type { ActionState } from "@/lib/schemas/form-errors";
import { serviceSchema } from "@/lib/schemas/office";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { createCapacityBlock } from "@/lib/server/services/capacity";
import { listBookableOffices } from "@/lib/server/services/office-readiness";
import { createService, groupByDepartment, listAdministeredOffices } from "@/lib/server/services/offices";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { type ActionResult, actionResult, formData } from "../helpers/next-request-mocks";
import { createOfficeFixture } from "../helpers/office-fixture";
import { weekdayFrom } from "../helpers/dates";
import { staff } from "../helpers/integration/staff";
import { signIn } from "../helpers/integration/session";
import { bookOnline } from "../helpers/integration/bookings";

const APP_URL = "https://termine.example.org";
process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const TZ = "Europe/Berlin";

/** The form an administrator fills in for the Bürgerbüro (every field as the browser posts it). */
const BUERGERBUERO: Record<string, string> = {
  slug: "buergerbuero",
  name: "Bürgerbüro",
  department: "Ordnungsamt",
  authority: "Stadt Teststadt",
  street: "Rathausplatz 2",
  postalCode: "12345",
  locality: "Teststadt",
  room: "",
  directions: "",
  phone: "+49 6331 84-1",
  email: "buergerbuero@teststadt.example",
  website: "https://www.teststadt.example/buergerbuero",
  timeZone: TZ,
  holidayRegion: "DE-RP",
  bookingHorizonDays: "60",
  minNoticeMinutes: "60",
  slotStepMinutes: "15",
  maxActiveBookingsPerEmail: "3",
  verificationMode: "NONE",
  holdMinutes: "30",
  rebookDelayMinutes: "0",
  statusCorrectionDays: "7",
  senderName: "Stadt Teststadt – Bürgerbüro",
  replyTo: "buergerbuero@teststadt.example",
  reminderHours: "24",
  retentionDays: "30",
  waitlistEnabled: "true",
  offerHours: "12",
  urgentWithinDays: "28",
  urgentReleaseHours: "48",
  extensionRequestsEnabled: "false",
  extensionReceiptNote: "",
  checkInEarlyMinutes: "30",
  checkInLateMinutes: "15",
  waitingArea: "",
  callToleranceMinutes: "10",
  walkInQueueLimit: "30",
  announceCalls: "false",
};

const PERSONALAUSWEIS: Record<string, string> = {
  slug: "personalausweis",
  name: "Personalausweis beantragen",
  description: "Neuer Personalausweis",
  documents: "Altes Ausweisdokument\r\n\r\nBiometrisches Passfoto",
  durationMinutes: "20",
  extraPersonMinutes: "0",
  maxPersons: "1",
  releaseMode: "FIRST_COME",
  asksPermitExpiry: "false",
  appointmentKinds: "IN_PERSON",
};

async function call<P extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  path: string,
  params = {} as P,
) {
  const response = await handler(new Request(`${APP_URL}${path}`), { params: Promise.resolve(params) });
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.startsWith("application/json") ? await response.json() : null };
}

/** Everything the administration can change, to show that a refused request wrote nothing. */
async function everything(db: Db) {
  const [offices, services, catalogue, translations, audit] = await Promise.all([
    db.office.findMany({ orderBy: { id: "asc" } }),
    db.service.findMany({ orderBy: { id: "asc" } }),
    db.catalogueService.findMany({ orderBy: { id: "asc" } }),
    db.serviceTranslation.findMany({ orderBy: [{ catalogueServiceId: "asc" }, { locale: "asc" }] }),
    db.auditLog.count(),
  ]);
  return { offices, services, catalogue, translations, audit };
}

/** The form state an action answered with; fails when it redirected instead. */
function stateOf(result: ActionResult<ActionState | void>): ActionState {
  if (!("returned" in result) || !result.returned)
    throw new Error(`expected form state, got ${JSON.stringify(result)}`);
  return result.returned;
}

/** "Refused with code X" in the one shape: form state with formError, or a redirect with ?fehler=X. */
function refusal(result: ActionResult<ActionState | void>): string {
  if ("redirect" in result) return new URL(result.redirect, "http://x").searchParams.get("fehler") ?? "OK";
  return result.returned?.formError ?? (result.returned?.fieldErrors ? "FIELDS" : "OK");
}

/** Every key an action answers has a German text (admin's own, else the shared namespaces). */
function germanTexts(state: ActionState): string[] {
  const validation = { ...deValidation, ...deAdmin.validation } as Record<string, string>;
  const errors = { ...deErrors, ...deAdmin.errors } as Record<string, string>;
  const texts = Object.values(state.fieldErrors ?? {}).flatMap((keys) => keys.map((k) => validation[k]));
  if (state.formError) texts.push(errors[state.formError]);
  return texts;
}

/** A Monday at least three days ahead in Berlin that is no public holiday, well inside a 60-day horizon. */
function nextMonday(now: Date): string {
  return weekdayFrom(addDays(localDateOf(now, TZ), 3), 1);
}

describeEachDatabase("administration of offices and services", (ctx) => {
  let restore: () => void;
  let admin: Actor;
  const monday = nextMonday(new Date());
  const slotsPath = `/api/v1/offices/buergerbuero/services/personalausweis/slots?from=${monday}&to=${monday}`;
  const slotParams = { office: "buergerbuero", service: "personalausweis" };

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => new Date(), mailWritten: () => undefined });
  });
  afterAll(() => restore());

  eachTestOnEmptyDatabase(ctx, async () => {
    admin = await staff(ctx.db, "ADMIN", []);
    signIn(admin);
  });

  /** The administrator creates the Bürgerbüro and its service through the forms; returns their ids. */
  async function createBuergerbuero() {
    const created = await actionResult(createOfficeAction({}, formData(BUERGERBUERO)));
    expect(created).toEqual({
      redirect: expect.stringMatching(/^\/staff\/verwaltung\/behoerden\/[a-z0-9]+\?erfolg=office-created$/),
    });
    const office = await ctx.db.office.findUniqueOrThrow({ where: { slug: "buergerbuero" } });
    const service = await actionResult(createServiceAction({}, formData({ ...PERSONALAUSWEIS, officeId: office.id })));
    expect(service).toEqual({
      redirect: expect.stringContaining(`/staff/verwaltung/behoerden/${office.id}?erfolg=service-created`),
    });
    const row = await ctx.db.service.findUniqueOrThrow({
      where: { officeId_slug: { officeId: office.id, slug: "personalausweis" } },
      include: { catalogueService: true },
    });
    return { office, service: row };
  }

  it("an office created with a service and capacity is bookable at once through the public API; deactivating hides it and refuses bookings; reactivating brings it back", async () => {
    // Given the foreigners' office, in the Ordnungsamt too, and a registry office without department.
    const abh = await createOfficeFixture(ctx.db, { slug: "auslaenderbehoerde" });
    await ctx.db.office.update({ where: { id: abh.office.id }, data: { department: "Ordnungsamt" } });
    await createOfficeFixture(ctx.db, { slug: "standesamt" });

    // When the administrator adds the Bürgerbüro with a service ...
    const { office, service } = await createBuergerbuero();
    expect(office).toMatchObject({
      name: "Bürgerbüro",
      department: "Ordnungsamt",
      room: null,
      bookingHorizonDays: 60,
      minNoticeMinutes: 60,
      senderName: "Stadt Teststadt – Bürgerbüro",
      active: true,
    });
    // The service's texts are its new catalogue entry's, under the same slug.
    expect(service).toMatchObject({
      durationMinutes: 20,
      active: true,
      sortOrder: 0,
      catalogueService: { slug: "personalausweis", documents: "Altes Ausweisdokument\nBiometrisches Passfoto" },
    });

    // ... without clerks on duty nothing can be booked yet, so neither the API nor the directory lists it.
    const listed = async () => ({
      api: (await call(listOffices, "/api/v1/offices")).body.offices.map((o: { slug: string }) => o.slug).sort(),
      directory: (await listBookableOffices(ctx.db, new Date())).map((o) => o.slug).sort(),
    });
    expect(await listed()).toEqual({
      api: ["auslaenderbehoerde", "standesamt"],
      directory: ["auslaenderbehoerde", "standesamt"],
    });
    expect((await call(listSlots, slotsPath, slotParams)).body.slots).toEqual([]);

    // Once Mondays 08:00-10:00 have one clerk, the Monday's times appear, 20 minutes long in 15-minute steps.
    const block = await createCapacityBlock(
      ctx.db,
      admin,
      {
        officeId: office.id,
        weekdays: [1],
        start: 480,
        end: 600,
        clerks: 1,
        urgentClerks: 0,
        serviceIds: [],
        appointmentKinds: [],
        validFrom: null,
        validUntil: null,
      },
      new Date(),
    );
    expect(block.status).toBe("applied");
    const open = await call(listSlots, slotsPath, slotParams);
    expect(open.status).toBe(200);
    const times = open.body.slots.map((s: { start: string }) =>
      new Date(s.start).toLocaleTimeString("de-DE", { timeZone: TZ, hour: "2-digit", minute: "2-digit" }),
    );
    expect(times).toEqual(["08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30"]);
    expect(await listed()).toEqual({
      api: ["auslaenderbehoerde", "buergerbuero", "standesamt"],
      directory: ["auslaenderbehoerde", "buergerbuero", "standesamt"],
    });

    // The directory groups it with the foreigners' office under the Ordnungsamt; the registry office stands apart.
    const groups = groupByDepartment(await listBookableOffices(ctx.db, new Date())).map((g) => [
      g.department,
      g.offices.map((o) => o.slug),
    ]);
    expect(groups).toEqual([
      ["Ordnungsamt", ["auslaenderbehoerde", "buergerbuero"]],
      [null, ["standesamt"]],
    ]);

    // A citizen books the first time.
    const start = new Date(open.body.slots[0].start);
    const booking = await bookOnline(ctx.db, { officeSlug: "buergerbuero", serviceSlug: "personalausweis", start, now: new Date() });

    // When the administrator deactivates the office ...
    const off = await actionResult(setOfficeActiveAction(formData({ officeId: office.id, active: "false" })));
    expect(off).toEqual({ redirect: `/staff/verwaltung/behoerden/${office.id}?erfolg=office-deactivated` });

    // ... it is gone from the directory, the API and the QR codes, and a new booking is refused ...
    expect((await listBookableOffices(ctx.db, new Date())).map((o) => o.slug)).not.toContain("buergerbuero");
    expect(
      (await call(listOffices, "/api/v1/offices")).body.offices.map((o: { slug: string }) => o.slug),
    ).not.toContain("buergerbuero");
    expect((await call(listServices, "/x", { office: "buergerbuero" })).status).toBe(404);
    expect((await call(listSlots, slotsPath, slotParams)).status).toBe(404);
    expect((await call(officeQr, "/api/qr/buergerbuero", { office: "buergerbuero" })).status).toBe(404);
    await expect(
      bookOnline(
        ctx.db,
        { officeSlug: "buergerbuero", serviceSlug: "personalausweis", start: new Date(open.body.slots[3].start), now: new Date() },
        2,
      ),
    ).rejects.toMatchObject({ code: "OFFICE_NOT_FOUND" });

    // ... while the existing booking stays as it was, and the administration still lists the office.
    expect(await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CONFIRMED",
    });
    const administered = await listAdministeredOffices(ctx.db, admin);
    expect(administered.offices.find((o) => o.slug === "buergerbuero")).toMatchObject({
      active: false,
      activeServices: 1,
    });

    // Reactivated, it takes bookings again (the booked time is taken now).
    const on = await actionResult(setOfficeActiveAction(formData({ officeId: office.id, active: "true" })));
    expect(on).toEqual({ redirect: `/staff/verwaltung/behoerden/${office.id}?erfolg=office-reactivated` });
    const again = await call(listSlots, slotsPath, slotParams);
    expect(again.status).toBe(200);
    // 08:00 and 08:15 would overlap the booked 08:00-08:20 with the one clerk.
    expect(again.body.slots.map((s: { start: string }) => s.start)).toEqual(
      open.body.slots.slice(2).map((s: { start: string }) => s.start),
    );

    // Every change is in the audit log, by the administrator.
    const audit = await ctx.db.auditLog.findMany({ where: { officeId: office.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual(
      expect.arrayContaining([
        ["office.create", admin.id],
        ["service.create", admin.id],
        ["capacity.block.create", admin.id],
        ["office.deactivate", admin.id],
        ["office.reactivate", admin.id],
      ]),
    );
  });

  it("a deactivated service disappears from the API; reordering, editing and per-language texts are saved and logged", async () => {
    const { office, service } = await createBuergerbuero();
    const second = await actionResult(
      createServiceAction(
        {},
        formData({ ...PERSONALAUSWEIS, slug: "reisepass", name: "Reisepass beantragen", officeId: office.id }),
      ),
    );
    expect(second).toHaveProperty("redirect");
    const passport = await ctx.db.service.findUniqueOrThrow({
      where: { officeId_slug: { officeId: office.id, slug: "reisepass" } },
    });
    expect(passport.sortOrder).toBe(1);

    // Up: the passport comes first; the answer puts the focus back on the moved service.
    const moved = await actionResult(
      moveServiceAction(formData({ serviceId: passport.id, direction: "up", officeId: office.id })),
    );
    expect(moved).toEqual({
      redirect: `/staff/verwaltung/behoerden/${office.id}?erfolg=service-moved-up&leistung=${passport.id}#leistung-${passport.id}`,
    });
    const order = await ctx.db.service.findMany({ where: { officeId: office.id }, orderBy: { sortOrder: "asc" } });
    expect(order.map((s) => s.slug)).toEqual(["reisepass", "personalausweis"]);
    expect(
      (await call(listServices, "/x", { office: "buergerbuero" })).body.services.map((s: { slug: string }) => s.slug),
    ).toEqual(["reisepass", "personalausweis"]);
    // Already first: nothing to move, nothing logged.
    const audits = await ctx.db.auditLog.count();
    await actionResult(moveServiceAction(formData({ serviceId: passport.id, direction: "up", officeId: office.id })));
    expect(await ctx.db.auditLog.count()).toBe(audits);

    // Edited: a longer duration for families.
    const edited = await actionResult(
      updateServiceAction(
        {},
        formData({
          ...PERSONALAUSWEIS,
          serviceId: service.id,
          durationMinutes: "25",
          maxPersons: "4",
          extraPersonMinutes: "10",
        }),
      ),
    );
    expect(edited).toHaveProperty("redirect");
    expect(await ctx.db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      durationMinutes: 25,
      maxPersons: 4,
      extraPersonMinutes: 10,
    });
    const update = await ctx.db.auditLog.findFirstOrThrow({ where: { action: "service.update" } });
    expect(JSON.parse(update.details!)).toEqual({
      serviceId: service.id,
      catalogueServiceId: service.catalogueServiceId,
      changed: ["durationMinutes", "extraPersonMinutes", "maxPersons"],
      translations: [],
    });

    // Walk-ins in the morning: the ticked parts of the day are stored; an unknown one is refused.
    const walkIns = formData({ ...PERSONALAUSWEIS, serviceId: service.id, durationMinutes: "25", maxPersons: "4", extraPersonMinutes: "10" });
    walkIns.append("walkInDayParts", "MORNING");
    expect(await actionResult(updateServiceAction({}, walkIns))).toHaveProperty("redirect");
    expect((await ctx.db.service.findUniqueOrThrow({ where: { id: service.id } })).walkInDayParts).toBe("MORNING");
    const walkInUpdate = await ctx.db.auditLog.findFirstOrThrow({ where: { action: "service.update" }, orderBy: { at: "desc" } });
    expect(JSON.parse(walkInUpdate.details!)).toEqual({
      serviceId: service.id,
      catalogueServiceId: service.catalogueServiceId,
      changed: ["walkInDayParts"],
      translations: [],
    });
    walkIns.append("walkInDayParts", "EVENING");
    const refusedParts = stateOf(await actionResult(updateServiceAction({}, walkIns)));
    expect(refusedParts.fieldErrors).toEqual({ walkInDayParts: ["invalid"] });
    expect(refusedParts.values?.walkInDayParts).toBe("MORNING,EVENING");
    expect((await ctx.db.service.findUniqueOrThrow({ where: { id: service.id } })).walkInDayParts).toBe("MORNING");

    // Deactivated: gone from the API's list; active again: back.
    await actionResult(
      setServiceActiveAction(formData({ serviceId: service.id, active: "false", officeId: office.id })),
    );
    expect(
      (await call(listServices, "/x", { office: "buergerbuero" })).body.services.map((s: { slug: string }) => s.slug),
    ).toEqual(["reisepass"]);
    expect((await call(listSlots, slotsPath, slotParams)).status).toBe(404);
    await actionResult(
      setServiceActiveAction(formData({ serviceId: service.id, active: "true", officeId: office.id })),
    );
    expect((await call(listSlots, slotsPath, slotParams)).status).toBe(200);

    // Texts in further languages (the form offers every locale but German): saved when named, removed when emptied.
    const locales = ["en", "tr"];
    const parsed = serviceSchema(locales).parse({
      ...PERSONALAUSWEIS,
      translations: {
        en: { name: "Apply for an ID card", description: "", documents: "Old ID\n\nPhoto" },
        tr: { name: "", description: "", documents: "" },
      },
    });
    await expect(
      createService(ctx.db, admin, { ...parsed, slug: "ausweis-2", officeId: office.id }),
    ).resolves.toBeDefined();
    const translated = await ctx.db.service.findUniqueOrThrow({
      where: { officeId_slug: { officeId: office.id, slug: "ausweis-2" } },
      include: { catalogueService: { include: { translations: true } } },
    });
    expect(translated.catalogueService.translations).toEqual([
      {
        catalogueServiceId: translated.catalogueServiceId,
        locale: "en",
        name: "Apply for an ID card",
        description: null,
        documents: "Old ID\nPhoto",
      },
    ]);
    // A description without a name would be half a translation.
    const half = serviceSchema(locales).safeParse({
      ...PERSONALAUSWEIS,
      translations: { en: { name: "", description: "Only a description", documents: "" }, tr: {} },
    });
    expect(half.success).toBe(false);
    expect(half.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["translations.en.name", "translationNameRequired"],
    ]);
  });

  describe("who may do what", () => {
    let a: { office: { id: string }; service: { id: string } };
    let b: { office: { id: string } };
    let actors: Record<string, Actor>;

    beforeEach(async () => {
      const fa = await createOfficeFixture(ctx.db, {
        slug: "amt-a",
        services: [
          { slug: "eins", durationMinutes: 30 },
          { slug: "zwei", durationMinutes: 30 },
        ],
      });
      const fb = await createOfficeFixture(ctx.db, { slug: "amt-b" });
      a = { office: fa.office, service: fa.services[1] };
      b = { office: fb.office };
      actors = {
        "clerk of A": await staff(ctx.db, "CLERK", [fa.office.id]),
        "office admin of A": await staff(ctx.db, "OFFICE_ADMIN", [fa.office.id]),
        "office admin of B": await staff(ctx.db, "OFFICE_ADMIN", [fb.office.id]),
        admin,
      };
    });

    const settingsOfA = () => ({ ...BUERGERBUERO, slug: "amt-a", name: "Amt A (neu)", officeId: a.office.id });

    /** Every administration action, aimed at office A; [name, attempt]. */
    const attempts: Array<[string, () => Promise<ActionResult<ActionState | void>>]> = [
      ["create office", () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, slug: "neues-amt" })))],
      ["edit settings of A", () => actionResult(updateOfficeAction({}, formData(settingsOfA())))],
      [
        "change slug of A",
        () => actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), slug: "amt-a-neu" }))),
      ],
      ["deactivate A", () => actionResult(setOfficeActiveAction(formData({ officeId: a.office.id, active: "false" })))],
      [
        "create service at A",
        () => actionResult(createServiceAction({}, formData({ ...PERSONALAUSWEIS, officeId: a.office.id }))),
      ],
      [
        "edit service of A",
        () => actionResult(updateServiceAction({}, formData({ ...PERSONALAUSWEIS, slug: "zwei", serviceId: a.service.id }))),
      ],
      [
        "move service of A",
        () =>
          actionResult(
            moveServiceAction(formData({ serviceId: a.service.id, direction: "up", officeId: a.office.id })),
          ),
      ],
      [
        "deactivate service of A",
        () =>
          actionResult(
            setServiceActiveAction(formData({ serviceId: a.service.id, active: "false", officeId: a.office.id })),
          ),
      ],
    ];

    // Expected outcome per role: OK, or the refusal code.
    const expected: Record<string, Record<string, string>> = {
      "clerk of A": Object.fromEntries(attempts.map(([name]) => [name, "FORBIDDEN"])),
      "office admin of A": {
        "create office": "FORBIDDEN",
        "edit settings of A": "OK",
        "change slug of A": "FORBIDDEN",
        "deactivate A": "FORBIDDEN",
        "create service at A": "OK",
        "edit service of A": "OK",
        "move service of A": "OK",
        "deactivate service of A": "OK",
      },
      "office admin of B": Object.fromEntries(attempts.map(([name]) => [name, "FORBIDDEN"])),
      admin: Object.fromEntries(attempts.map(([name]) => [name, "OK"])),
    };

    it.each(Object.keys(expected))(
      "%s: allowed actions succeed, the others are refused and write nothing",
      async (role) => {
        signIn(actors[role]);
        for (const [name, attempt] of attempts) {
          const before = await everything(ctx.db);
          const result = await attempt();
          const outcome = refusal(result);
          expect([role, name, outcome]).toEqual([role, name, expected[role][name]]);
          if (outcome === "OK") {
            expect(await ctx.db.auditLog.count()).toBeGreaterThan(before.audit);
          } else {
            expect(await everything(ctx.db)).toEqual(before);
            if ("returned" in result && result.returned) expect(germanTexts(result.returned).every(Boolean)).toBe(true);
          }
        }
      },
    );

    it("a signed-out request is sent to the login and changes nothing", async () => {
      signIn(null);
      const before = await everything(ctx.db);
      for (const [, attempt] of attempts) expect(await attempt()).toEqual({ redirect: "/staff/login" });
      expect(await everything(ctx.db)).toEqual(before);
    });

    it("the list shows administrators every office, an office admin their own, a clerk none", async () => {
      const slugs = async (actor: Actor) =>
        (await listAdministeredOffices(ctx.db, actor)).offices.map((o) => o.slug).sort();
      expect(await slugs(admin)).toEqual(["amt-a", "amt-b"]);
      expect(await slugs(actors["office admin of A"])).toEqual(["amt-a"]);
      expect(await listAdministeredOffices(ctx.db, actors["clerk of A"])).toEqual({ offices: [], canCreate: false });
    });

    // Forged and hostile form data: refused in the one shape (field errors with German texts), nothing written.
    const forged: Array<[string, () => Promise<ActionResult<ActionState | void>>, Record<string, string> | string]> = [
      [
        "duplicate office slug",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, slug: "amt-b" }))),
        { slug: "slugTaken" },
      ],
      [
        "slug of another office on edit",
        () => actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), slug: "amt-b" }))),
        { slug: "slugTaken" },
      ],
      [
        "reserved slug",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, slug: "api" }))),
        { slug: "slugReserved" },
      ],
      [
        "slug with umlaut",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, slug: "bürgerbüro" }))),
        { slug: "invalidSlug" },
      ],
      [
        "path in slug",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, slug: "../staff" }))),
        { slug: "invalidSlug" },
      ],
      [
        "unknown time zone",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, timeZone: "Mars/Olympus_Mons" }))),
        { timeZone: "invalidTimeZone" },
      ],
      [
        "unknown holiday region",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, holidayRegion: "DE-XX" }))),
        { holidayRegion: "invalidHolidayRegion" },
      ],
      [
        "negative horizon",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, bookingHorizonDays: "-5" }))),
        { bookingHorizonDays: "invalidHorizon" },
      ],
      [
        "odd slot step",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, slotStepMinutes: "7" }))),
        { slotStepMinutes: "invalidSlotStep" },
      ],
      [
        "huge notice",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, minNoticeMinutes: "1e12" }))),
        { minNoticeMinutes: "invalidNotice" },
      ],
      [
        "corrections beyond the days the statistics recompute",
        () => actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), statusCorrectionDays: "14" }))),
        { statusCorrectionDays: "invalidStatusCorrection" },
      ],
      [
        "corrections on negative days",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, statusCorrectionDays: "-1" }))),
        { statusCorrectionDays: "invalidStatusCorrection" },
      ],
      [
        "retention of zero days",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, retentionDays: "0" }))),
        { retentionDays: "invalidRetention" },
      ],
      [
        "markup and control characters in the name",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, name: "Amt\u0000<script>\u202e" }))),
        { name: "invalidText" },
      ],
      [
        "overlong name",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, name: "A".repeat(5000) }))),
        { name: "tooLong" },
      ],
      [
        "javascript: website",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, website: "javascript:alert(1)" }))),
        { website: "invalidUrl" },
      ],
      [
        "reply-to that is no address",
        () => actionResult(createOfficeAction({}, formData({ ...BUERGERBUERO, replyTo: "x\r\nBcc: a@b.c" }))),
        { replyTo: "invalidEmail" },
      ],
      [
        "SQL in the office id",
        () => actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), officeId: "x' OR '1'='1" }))),
        { officeId: "invalid" },
      ],
      [
        "unknown office id",
        () => actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), officeId: "cunknown000000000000000" }))),
        "OFFICE_NOT_FOUND",
      ],
      [
        "negative duration",
        () =>
          actionResult(
            createServiceAction({}, formData({ ...PERSONALAUSWEIS, durationMinutes: "-30", officeId: a.office.id })),
          ),
        { durationMinutes: "invalidDuration" },
      ],
      [
        "duration off the 5-minute grid",
        () =>
          actionResult(
            createServiceAction({}, formData({ ...PERSONALAUSWEIS, durationMinutes: "17", officeId: a.office.id })),
          ),
        { durationMinutes: "invalidDuration" },
      ],
      [
        "no persons",
        () =>
          actionResult(
            createServiceAction({}, formData({ ...PERSONALAUSWEIS, maxPersons: "0", officeId: a.office.id })),
          ),
        { maxPersons: "invalidMaxPersons" },
      ],
      [
        "extra minutes for a single person",
        () =>
          actionResult(
            createServiceAction({}, formData({ ...PERSONALAUSWEIS, extraPersonMinutes: "10", officeId: a.office.id })),
          ),
        { extraPersonMinutes: "extraPersonWithoutPersons" },
      ],
      [
        "duplicate service slug",
        () =>
          actionResult(createServiceAction({}, formData({ ...PERSONALAUSWEIS, slug: "eins", officeId: a.office.id }))),
        { slug: "serviceSlugTaken" },
      ],
      [
        "service id that is not one",
        () => actionResult(updateServiceAction({}, formData({ ...PERSONALAUSWEIS, serviceId: "<img src=x>" }))),
        { serviceId: "invalid" },
      ],
      [
        "unknown service id",
        () =>
          actionResult(updateServiceAction({}, formData({ ...PERSONALAUSWEIS, serviceId: "cunknown000000000000000" }))),
        "SERVICE_NOT_FOUND",
      ],
      [
        "move sideways",
        () =>
          actionResult(
            moveServiceAction(formData({ serviceId: a.service.id, direction: "sideways", officeId: a.office.id })),
          ),
        "INVALID_INPUT",
      ],
    ];

    it.each(forged)("%s: refused with field errors, nothing written", async (_name, attempt, expectedErrors) => {
      const before = await everything(ctx.db);
      const result = await attempt();
      expect(await everything(ctx.db)).toEqual(before);
      if (typeof expectedErrors === "string") {
        expect(refusal(result)).toBe(expectedErrors);
        return;
      }
      const state = stateOf(result);
      expect(state.formError).toBeUndefined();
      for (const [field, key] of Object.entries(expectedErrors)) expect(state.fieldErrors?.[field]?.[0]).toBe(key);
      expect(germanTexts(state).every(Boolean)).toBe(true);
      // What was typed goes back into the form.
      expect(state.values).toBeDefined();
    });

    it("an office admin of B posting A's office id is refused like anyone without the right", async () => {
      signIn(actors["office admin of B"]);
      const before = await everything(ctx.db);
      const forgedEdit = await actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), slug: "amt-a" })));
      expect(stateOf(forgedEdit).formError).toBe("FORBIDDEN");
      const forgedService = await actionResult(
        createServiceAction({}, formData({ ...PERSONALAUSWEIS, officeId: a.office.id })),
      );
      expect(stateOf(forgedService).formError).toBe("FORBIDDEN");
      // An unknown id gets the same answer as another office's, so ids cannot be probed.
      const probe = await actionResult(
        updateOfficeAction({}, formData({ ...settingsOfA(), officeId: "cunknown000000000000000" })),
      );
      expect(stateOf(probe).formError).toBe("FORBIDDEN");
      expect(await everything(ctx.db)).toEqual(before);
    });

    it("an office admin sets the days for corrections: saved and audit-logged; more than 13 is refused with the field's message", async () => {
      signIn(actors["office admin of A"]);
      const stored = async () => (await ctx.db.office.findUniqueOrThrow({ where: { id: a.office.id } })).statusCorrectionDays;
      expect(await stored()).toBe(7);
      const save = (statusCorrectionDays: string) =>
        actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), statusCorrectionDays })));
      expect(await save("2")).toEqual({ redirect: `/staff/verwaltung/behoerden/${a.office.id}?erfolg=office-saved` });
      expect(await stored()).toBe(2);
      // Only this setting changes now: the audit entry names it, by the office admin.
      expect(await save("0")).toEqual({ redirect: `/staff/verwaltung/behoerden/${a.office.id}?erfolg=office-saved` });
      expect(await stored()).toBe(0);
      const entry = await ctx.db.auditLog.findFirstOrThrow({ where: { officeId: a.office.id, action: "office.update" }, orderBy: { at: "desc" } });
      expect([entry.actorId, JSON.parse(entry.details!)]).toEqual([actors["office admin of A"].id, { changed: ["statusCorrectionDays"] }]);

      const before = await everything(ctx.db);
      const state = stateOf(await save("14"));
      expect(state.fieldErrors).toEqual({ statusCorrectionDays: ["invalidStatusCorrection"] });
      expect(germanTexts(state)).toEqual([
        "Bitte geben Sie eine ganze Zahl von 0 bis 13 ein (0: nur am Tag des Termins). Mehr als 13 Tage sind nicht möglich, weil die Auswertung nur die letzten 14 Tage neu berechnet.",
      ]);
      // What was typed goes back into the form.
      expect(state.values?.statusCorrectionDays).toBe("14");
      expect(await everything(ctx.db)).toEqual(before);
    });

    it("an office admin sets the check-in window, the waiting area, the tolerance, the walk-in limit and the announcement: saved and logged", async () => {
      signIn(actors["office admin of A"]);
      const settings = {
        checkInEarlyMinutes: "45",
        checkInLateMinutes: "5",
        waitingArea: "Wartebereich B, 2. OG",
        callToleranceMinutes: "0",
        walkInQueueLimit: "0",
        announceCalls: "true",
      };
      const saved = await actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), ...settings })));
      expect(saved).toEqual({ redirect: `/staff/verwaltung/behoerden/${a.office.id}?erfolg=office-saved` });
      expect(await ctx.db.office.findUniqueOrThrow({ where: { id: a.office.id } })).toMatchObject({
        checkInEarlyMinutes: 45,
        checkInLateMinutes: 5,
        waitingArea: "Wartebereich B, 2. OG",
        callToleranceMinutes: 0,
        walkInQueueLimit: 0,
        announceCalls: true,
      });
      const entry = await ctx.db.auditLog.findFirstOrThrow({ where: { officeId: a.office.id, action: "office.update" }, orderBy: { at: "desc" } });
      expect(JSON.parse(entry.details!).changed).toEqual(
        expect.arrayContaining(["checkInEarlyMinutes", "checkInLateMinutes", "waitingArea", "walkInQueueLimit", "announceCalls"]),
      );

      const before = await everything(ctx.db);
      const state = stateOf(
        await actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), ...settings, checkInLateMinutes: "121", walkInQueueLimit: "-1" }))),
      );
      expect(state.fieldErrors).toEqual({ checkInLateMinutes: ["invalidCheckInLate"], walkInQueueLimit: ["invalidWalkInQueueLimit"] });
      expect(germanTexts(state)).toEqual([
        "Bitte geben Sie eine ganze Zahl von 0 bis 120 ein.",
        "Bitte geben Sie eine ganze Zahl von 0 bis 999 ein (0: keine Grenze).",
      ]);
      expect(await everything(ctx.db)).toEqual(before);
    });

    it("names in the staff's calendar feed: an administrator switches them on, an office head cannot (their form leaves them)", async () => {
      signIn(actors["office admin of A"]);
      // The office head's form does not post the field: saving leaves it as it is.
      expect(await actionResult(updateOfficeAction({}, formData(settingsOfA())))).toEqual({
        redirect: `/staff/verwaltung/behoerden/${a.office.id}?erfolg=office-saved`,
      });
      const forged = stateOf(await actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), feedIncludesNames: "true" }))));
      expect(forged.formError).toBe("FORBIDDEN");
      expect((await ctx.db.office.findUniqueOrThrow({ where: { id: a.office.id } })).feedIncludesNames).toBe(false);

      signIn(admin);
      await actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), feedIncludesNames: "true" })));
      expect((await ctx.db.office.findUniqueOrThrow({ where: { id: a.office.id } })).feedIncludesNames).toBe(true);
      const entry = await ctx.db.auditLog.findFirstOrThrow({ where: { officeId: a.office.id, action: "office.update" }, orderBy: { at: "desc" } });
      expect(JSON.parse(entry.details!).changed).toEqual(["feedIncludesNames"]);
    });

    it("the time zone cannot change under booked appointments", async () => {
      const now = new Date();
      const start = new Date(now.getTime() + 3 * 86400_000);
      await ctx.db.booking.create({
        data: {
          officeId: a.office.id,
          serviceId: a.service.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 60_000),
          referenceCode: "TZ-TEST-1",
          manageTokenHash: "hash-tz-test-1",
        },
      });
      const before = await everything(ctx.db);
      const state = stateOf(
        await actionResult(updateOfficeAction({}, formData({ ...settingsOfA(), timeZone: "Europe/Vienna" }))),
      );
      expect(state.fieldErrors).toEqual({ timeZone: ["timeZoneHasBookings"] });
      expect(await everything(ctx.db)).toEqual(before);
    });
  });

  it("codes refused by the services are AppErrors, never raw database errors", async () => {
    const { office } = await createBuergerbuero();
    const clerk = await staff(ctx.db, "CLERK", [office.id]);
    await expect(
      createService(ctx.db, clerk, {
        ...serviceSchema([]).parse({ ...PERSONALAUSWEIS, translations: {} }),
        officeId: office.id,
      }),
    ).rejects.toEqual(new AppError("FORBIDDEN"));
  });
});
