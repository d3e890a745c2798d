// The city's service catalogue as the administration runs it, through the server actions as the browser posts
// them and through the use cases, on SQLite and PostgreSQL: entries defined once, offered by several offices with
// their own settings, shared texts that only the administration changes once two offices share them, and merging
// the duplicates the catalogue's migration made.
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import {
  offerServiceAction,
  relinkServiceAction,
  updateServiceAction,
} from "@/app/(staff)/staff/(signed-in)/verwaltung/behoerden/actions";
import {
  createCatalogueEntryAction,
  updateCatalogueEntryAction,
} from "@/app/(staff)/staff/(signed-in)/verwaltung/leistungen/actions";
import deAdmin from "@/lib/i18n/messages/de/admin.json";
import type { ActionState } from "@/lib/schemas/form-errors";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { createCatalogueEntry, getCatalogueEntryForAdmin, listCatalogue } from "@/lib/server/services/catalogue";
import { getActiveOffice } from "@/lib/server/services/office-catalog";
import { catalogueChoicesFor, getServiceForAdmin, offerService, relinkService } from "@/lib/server/services/offices";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { signIn } from "../helpers/integration/session";
import { staff } from "../helpers/integration/staff";
import { type ActionResult, actionResult, formData } from "../helpers/next-request-mocks";
import { at, createOfficeFixture } from "../helpers/office-fixture";

process.env.APP_URL = "https://termine.example.org";
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

/** An office's settings of a service as the offer form posts them. */
const OFFER = {
  slug: "ausweis",
  durationMinutes: "20",
  extraPersonMinutes: "0",
  maxPersons: "1",
  releaseMode: "FIRST_COME",
  asksPermitExpiry: "false",
  appointmentKinds: "IN_PERSON",
};

/** The catalogue entry form for "Personalausweis beantragen", with an English translation. */
const ENTRY = {
  slug: "personalausweis-beantragen",
  name: "Personalausweis beantragen",
  leikaKey: "99 008 001 012 000",
  description: "Für alle ab 16 Jahren",
  documents: "Biometrisches Passfoto\r\nAlter Ausweis",
  "en-name": "Apply for an identity card",
  "en-documents": "Biometric photo",
};

function stateOf(result: ActionResult<ActionState | void>): ActionState {
  if (!("returned" in result) || !result.returned) throw new Error(`expected form state, got ${JSON.stringify(result)}`);
  return result.returned;
}

/** Each refused field with its German message (the admin namespace's), so that no key goes untranslated. */
function refusedFields(state: ActionState): Record<string, string> {
  const texts = deAdmin.validation as Record<string, string>;
  return Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([field, [key]]) => [field, texts[key] ?? key]));
}

async function auditActions(db: Db) {
  return (await db.auditLog.findMany({ orderBy: { at: "asc" } })).map((e) => ({
    action: e.action,
    officeId: e.officeId,
    ...JSON.parse(e.details ?? "{}"),
  }));
}

describeEachDatabase("the city's service catalogue", (ctx) => {
  let admin: Actor;
  let headOfMitte: Actor;
  let headOfNord: Actor;
  let mitte: Awaited<ReturnType<typeof createOfficeFixture>>;
  let nord: Awaited<ReturnType<typeof createOfficeFixture>>;

  eachTestOnEmptyDatabase(ctx, async (db) => {
    // Two Bürgerbüros, each with its own "beratung" (the migration's duplicates: two entries, two slugs).
    mitte = await createOfficeFixture(db, { slug: "mitte", services: [{ slug: "beratung", durationMinutes: 30 }] });
    nord = await createOfficeFixture(db, { slug: "nord", services: [{ slug: "beratung", durationMinutes: 15 }] });
    admin = await staff(db, "ADMIN", []);
    headOfMitte = await staff(db, "OFFICE_ADMIN", [mitte.office.id]);
    headOfNord = await staff(db, "OFFICE_ADMIN", [nord.office.id]);
    signIn(admin);
  });

  async function createEntry(fields: Record<string, string> = ENTRY) {
    const result = await actionResult(createCatalogueEntryAction({}, formData(fields)));
    expect(result).toEqual({ redirect: expect.stringMatching(/^\/staff\/verwaltung\/leistungen\?erfolg=catalogue-created#eintrag-/) });
    return ctx.db.catalogueService.findUniqueOrThrow({ where: { slug: fields.slug }, include: { translations: true } });
  }

  async function offerAt(officeId: string, catalogueServiceId: string, fields: Record<string, string | null> = OFFER) {
    return actionResult(offerServiceAction({}, formData({ ...fields, officeId, catalogueServiceId })));
  }

  it("an administrator adds an entry with its LeiKa key and a translation; both offices offer it with their own settings", async () => {
    const entry = await createEntry();
    expect(entry).toMatchObject({
      name: "Personalausweis beantragen",
      leikaKey: "99008001012000",
      documents: "Biometrisches Passfoto\nAlter Ausweis",
    });
    expect(entry.translations.map((t) => [t.locale, t.name, t.documents])).toEqual([["en", "Apply for an identity card", "Biometric photo"]]);

    // Mitte offers it (its head may), Nord too, with other minutes and by phone as well.
    signIn(headOfMitte);
    expect(await offerAt(mitte.office.id, entry.id)).toEqual({
      redirect: expect.stringMatching(new RegExp(`^/staff/verwaltung/behoerden/${mitte.office.id}\\?erfolg=service-offered#leistung-`)),
    });
    signIn(headOfNord);
    expect(await offerAt(nord.office.id, entry.id, { ...OFFER, slug: "personalausweis", durationMinutes: "30", appointmentKinds: "IN_PERSON" })).toHaveProperty(
      "redirect",
    );

    // Citizens see the entry's texts at both offices, each with the office's own minutes and address.
    for (const [slug, serviceSlug, minutes] of [["mitte", "ausweis", 20], ["nord", "personalausweis", 30]] as const) {
      const office = await getActiveOffice(ctx.db, slug);
      const service = office.services.find((s) => s.slug === serviceSlug)!;
      expect({ slug, name: service.name, minutes: service.durationMinutes, leika: service.leikaKey, sortOrder: service.sortOrder }).toEqual({
        slug,
        name: "Personalausweis beantragen",
        minutes,
        leika: "99008001012000",
        sortOrder: 1,
      });
    }
    const listed = await listCatalogue(ctx.db, admin);
    expect(listed.find((e) => e.id === entry.id)!.offers.map((o) => o.office.name)).toEqual(["Amt mitte", "Amt nord"]);
    expect((await auditActions(ctx.db)).map((a) => [a.action, a.officeId])).toEqual([
      ["catalogue.create", null],
      ["service.offer", mitte.office.id],
      ["service.offer", nord.office.id],
    ]);
  });

  it("refuses an offer the office already has, an unknown entry, a taken address and video without the office's meeting address", async () => {
    const entry = await createCatalogueEntry(ctx.db, admin, { slug: "reisepass", name: "Reisepass", description: null, documents: "", leikaKey: null, translations: {} });
    expect(await offerAt(mitte.office.id, entry.id)).toHaveProperty("redirect");
    const before = await ctx.db.service.count();

    expect(refusedFields(stateOf(await offerAt(mitte.office.id, entry.id, { ...OFFER, slug: "pass" })))).toEqual({
      catalogueServiceId: deAdmin.validation.alreadyOffered,
    });
    expect(refusedFields(stateOf(await offerAt(nord.office.id, "gibtesnicht")))).toEqual({
      catalogueServiceId: deAdmin.validation.catalogueEntryUnknown,
    });
    expect(refusedFields(stateOf(await offerAt(nord.office.id, "")))).toEqual({
      catalogueServiceId: deAdmin.validation.chooseCatalogueEntry,
    });
    expect(refusedFields(stateOf(await offerAt(nord.office.id, entry.id, { ...OFFER, slug: "beratung" })))).toEqual({
      slug: deAdmin.validation.serviceSlugTaken,
    });
    expect(refusedFields(stateOf(await offerAt(nord.office.id, entry.id, { ...OFFER, appointmentKinds: "VIDEO" })))).toEqual({
      appointmentKinds: deAdmin.validation.videoWithoutMeetingAddress,
    });
    // No box ticked: the browser posts no field.
    expect(refusedFields(stateOf(await offerAt(nord.office.id, entry.id, { ...OFFER, appointmentKinds: null })))).toEqual({
      appointmentKinds: deAdmin.validation.appointmentKindRequired,
    });
    // The head of Nord cannot offer it for Mitte, nor see Mitte's choices.
    signIn(headOfNord);
    expect(stateOf(await offerAt(mitte.office.id, entry.id, { ...OFFER, slug: "pass" })).formError).toBe("FORBIDDEN");
    expect(await codeOf(catalogueChoicesFor(ctx.db, headOfNord, mitte.office.id))).toBe("FORBIDDEN");
    expect(await ctx.db.service.count()).toBe(before);

    // With a meeting address, video may be offered.
    await ctx.db.office.update({ where: { id: nord.office.id }, data: { videoMeetingUrlTemplate: "https://meet.example.org/{reference}" } });
    expect(await offerAt(nord.office.id, entry.id, { ...OFFER, appointmentKinds: "VIDEO" })).toHaveProperty("redirect");
    expect((await ctx.db.service.findFirstOrThrow({ where: { officeId: nord.office.id, catalogueServiceId: entry.id } })).appointmentKinds).toBe("VIDEO");
  });

  it("lists as choices only the entries an office does not offer yet, with the offices that do", async () => {
    const choices = await catalogueChoicesFor(ctx.db, headOfMitte, mitte.office.id);
    expect(choices.entries.map((e) => [e.slug, e.offeredBy])).toEqual([["beratung-nord", ["Amt nord"]]]);
    expect(choices.canRelink).toBe(false);
  });

  it("an administrator's change of an entry shows at every office at once, and is audited", async () => {
    const entryId = nord.service.catalogueServiceId;
    const saved = await actionResult(
      updateCatalogueEntryAction(
        {},
        formData({ catalogueServiceId: entryId, slug: "beratung-nord", name: "Beratungsgespräch", leikaKey: "", documents: "", "tr-name": "Danışma" }),
      ),
    );
    expect(saved).toHaveProperty("redirect");
    const office = await getActiveOffice(ctx.db, "nord");
    expect([office.services[0].name, office.services[0].translations.map((t) => t.name)]).toEqual(["Beratungsgespräch", ["Danışma"]]);
    const [audit] = (await auditActions(ctx.db)).filter((a) => a.action === "catalogue.update");
    expect(audit).toMatchObject({ catalogueServiceId: entryId, changed: ["name", "documents"], translations: ["tr"] });

    // An address another entry has is refused; a LeiKa key of 13 digits too.
    const refused = stateOf(
      await actionResult(
        updateCatalogueEntryAction({}, formData({ catalogueServiceId: entryId, slug: "beratung", name: "Beratung", leikaKey: "9900800101200" })),
      ),
    );
    expect(refusedFields(refused)).toEqual({ leikaKey: deAdmin.validation.invalidLeikaKey });
    const taken = stateOf(await actionResult(updateCatalogueEntryAction({}, formData({ catalogueServiceId: entryId, slug: "beratung", name: "Beratung" }))));
    expect(refusedFields(taken)).toEqual({ slug: deAdmin.validation.catalogueSlugTaken });

    // Office heads do not manage the catalogue.
    signIn(headOfNord);
    expect(stateOf(await actionResult(createCatalogueEntryAction({}, formData(ENTRY)))).formError).toBe("FORBIDDEN");
    expect(await codeOf(listCatalogue(ctx.db, headOfNord))).toBe("FORBIDDEN");
    expect(await codeOf(getCatalogueEntryForAdmin(ctx.db, headOfNord, entryId))).toBe("FORBIDDEN");
  });

  it("an office's head edits the texts of an entry only their office offers; shared texts only the administration", async () => {
    const form = (serviceId: string, name: string) =>
      formData({ ...OFFER, slug: "beratung", serviceId, name, description: "", documents: "Reisepass\nFoto", durationMinutes: "25" });
    signIn(headOfNord);
    expect(await actionResult(updateServiceAction({}, form(nord.service.id, "Beratung Nord")))).toHaveProperty("redirect");
    expect((await ctx.db.catalogueService.findUniqueOrThrow({ where: { id: nord.service.catalogueServiceId } })).name).toBe("Beratung Nord");

    // Mitte now offers Nord's entry too: the texts are shared.
    await offerService(ctx.db, admin, {
      ...{ slug: "beratung-2", durationMinutes: 30, extraPersonMinutes: 0, maxPersons: 1, releaseMode: "FIRST_COME", asksPermitExpiry: false },
      walkInDayParts: "",
      appointmentKinds: "IN_PERSON",
      officeId: mitte.office.id,
      catalogueServiceId: nord.service.catalogueServiceId,
    });
    const page = await getServiceForAdmin(ctx.db, headOfNord, nord.service.id);
    expect(page.entry).toMatchObject({ sharedWith: ["Amt mitte"], canEditTexts: false, canRelink: false });
    const before = await ctx.db.catalogueService.findUniqueOrThrow({ where: { id: nord.service.catalogueServiceId } });
    expect(refusedFields(stateOf(await actionResult(updateServiceAction({}, form(nord.service.id, "Nur Nord")))))).toEqual({
      name: deAdmin.validation.sharedTextsAdminOnly,
    });
    expect(await ctx.db.catalogueService.findUniqueOrThrow({ where: { id: nord.service.catalogueServiceId } })).toEqual(before);
    // Its own settings stay the head's to change, with the shared texts posted unchanged.
    expect(await actionResult(updateServiceAction({}, form(nord.service.id, "Beratung Nord")))).toHaveProperty("redirect");
    expect((await ctx.db.service.findUniqueOrThrow({ where: { id: nord.service.id } })).durationMinutes).toBe(25);
    // The administration may change them.
    signIn(admin);
    expect(await actionResult(updateServiceAction({}, form(nord.service.id, "Beratung")))).toHaveProperty("redirect");
    expect((await getActiveOffice(ctx.db, "mitte")).services.map((s) => s.name)).toEqual(["Leistung beratung", "Beratung"]);
  });

  it("merges duplicates: Nord's service joins Mitte's entry, keeps its bookings and address; the orphaned entry goes", async () => {
    const booking = await ctx.db.booking.create({
      data: {
        officeId: nord.office.id,
        serviceId: nord.service.id,
        startsAt: at("2027-03-01", "09:00"),
        endsAt: at("2027-03-01", "09:15"),
        referenceCode: "MERGE-1",
        manageTokenHash: "hash-merge-1",
      },
    });
    const choices = await catalogueChoicesFor(ctx.db, admin, nord.office.id);
    expect(choices.entries.map((e) => e.slug)).toEqual(["beratung"]);

    const merged = await actionResult(
      relinkServiceAction({}, formData({ serviceId: nord.service.id, catalogueServiceId: mitte.service.catalogueServiceId })),
    );
    expect(merged).toEqual({
      redirect: `/staff/verwaltung/behoerden/${nord.office.id}?erfolg=service-relinked#leistung-${nord.service.id}`,
    });
    const service = await ctx.db.service.findUniqueOrThrow({ where: { id: nord.service.id } });
    expect([service.catalogueServiceId, service.slug, service.durationMinutes]).toEqual([mitte.service.catalogueServiceId, "beratung", 15]);
    expect((await ctx.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).serviceId).toBe(nord.service.id);
    expect(await ctx.db.catalogueService.findUnique({ where: { id: nord.service.catalogueServiceId } })).toBeNull();
    expect((await listCatalogue(ctx.db, admin)).map((e) => [e.slug, e.offers.map((o) => o.office.name)])).toEqual([
      ["beratung", ["Amt mitte", "Amt nord"]],
    ]);
    const [audit] = (await auditActions(ctx.db)).filter((a) => a.action === "service.relink");
    expect(audit).toEqual({
      action: "service.relink",
      officeId: nord.office.id,
      serviceId: nord.service.id,
      from: nord.service.catalogueServiceId,
      to: mitte.service.catalogueServiceId,
      removedEntry: "beratung-nord",
    });
  });

  it("refuses a merge where the office already offers the entry, into its own entry, and by an office's head", async () => {
    const pass = await createCatalogueEntry(ctx.db, admin, { slug: "pass", name: "Pass", description: null, documents: "", leikaKey: null, translations: {} });
    await offerService(ctx.db, admin, {
      ...{ slug: "pass", durationMinutes: 10, extraPersonMinutes: 0, maxPersons: 1, releaseMode: "FIRST_COME", asksPermitExpiry: false },
      walkInDayParts: "",
      appointmentKinds: "IN_PERSON",
      officeId: nord.office.id,
      catalogueServiceId: pass.id,
    });
    const relink = (catalogueServiceId: string) =>
      actionResult(relinkServiceAction({}, formData({ serviceId: nord.service.id, catalogueServiceId })));
    expect(refusedFields(stateOf(await relink(pass.id)))).toEqual({ catalogueServiceId: deAdmin.validation.alreadyOffered });
    expect(refusedFields(stateOf(await relink(nord.service.catalogueServiceId)))).toEqual({ catalogueServiceId: deAdmin.validation.sameEntry });
    signIn(headOfNord);
    expect(stateOf(await relink(mitte.service.catalogueServiceId)).formError).toBe("FORBIDDEN");
    expect(await codeOf(relinkService(ctx.db, headOfNord, { serviceId: nord.service.id, catalogueServiceId: mitte.service.catalogueServiceId }))).toBe(
      "FORBIDDEN",
    );
    expect((await ctx.db.service.findUniqueOrThrow({ where: { id: nord.service.id } })).catalogueServiceId).toBe(nord.service.catalogueServiceId);
    expect((await auditActions(ctx.db)).filter((a) => a.action === "service.relink")).toEqual([]);
  });
});
