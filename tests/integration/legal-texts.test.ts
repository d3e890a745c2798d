// The legal texts: who may change which text (services and the editor's server action, as the browser calls it),
// the German fallback, the offices' additions on the privacy page, and hostile Markdown — on SQLite and PostgreSQL.
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { locales } from "@/lib/i18n/routing";
import { isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { legalTextAction, type LegalFormState } from "@/app/(staff)/staff/(signed-in)/verwaltung/rechtstexte/actions";
import { LegalMarkdown } from "@/components/legal/legal-markdown";
import type { Actor } from "@/lib/server/auth/permissions";
import { seedLegalTexts } from "@/lib/server/services/legal/demo-texts";
import { editableLegalText, listEditableLegalTexts } from "@/lib/server/services/legal/list-editable-legal-texts";
import { officePrivacySections, siteLegalText } from "@/lib/server/services/legal/read-legal-texts";
import { saveLegalText } from "@/lib/server/services/legal/save-legal-text";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { createOfficeFixture } from "../helpers/office-fixture";
import { codeOf } from "../helpers/app-error-code";
import { staff } from "../helpers/integration/staff";
import { signIn } from "../helpers/integration/session";

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

/** Runs the editor's action; a redirect (saved) comes back as its target. */
async function post(fields: Record<string, string>): Promise<LegalFormState | { redirect: string }> {
  try {
    return await legalTextAction({}, form(fields));
  } catch (e) {
    const digest = (e as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw e;
  }
}

const HOSTILE = [
  "## Hinweis",
  "<script>alert('xss')</script>",
  '<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">roh</a>',
  "[Klick mich](javascript:alert(3)) [Daten](data:text/html,<script>alert(4)</script>) [proto](//evil.example)",
  "**<iframe src=https://evil.example></iframe>**",
].join("\n\n");

function expectInert(html: string) {
  expect(html).not.toMatch(/<(script|img|iframe|style)\b/i);
  expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
  expect(html).not.toContain('href="//');
  expect(html).not.toMatch(/\son[a-z]+="/i);
  expect(html).toContain("&lt;script&gt;");
}

describeEachDatabase("legal texts", (ctx) => {
  let a: string;
  let b: string;
  let clerk: Actor;
  let officeAdmin: Actor;
  let admin: Actor;

  eachTestOnEmptyDatabase(ctx, async () => {
    a = (await createOfficeFixture(ctx.db, { slug: "amt-a" })).office.id;
    b = (await createOfficeFixture(ctx.db, { slug: "amt-b" })).office.id;
    clerk = await staff(ctx.db, "CLERK", [a]);
    officeAdmin = await staff(ctx.db, "OFFICE_ADMIN", [a]);
    admin = await staff(ctx.db, "ADMIN", []);
  });

  const texts = () => ctx.db.legalText.findMany({ orderBy: [{ scope: "asc" }, { kind: "asc" }, { locale: "asc" }] });

  describe("who may change which text", () => {
    const attempts = () => ({
      "site imprint": { scope: "site", kind: "IMPRINT" as const },
      "site privacy": { scope: "site", kind: "PRIVACY" as const },
      "site accessibility": { scope: "site", kind: "ACCESSIBILITY" as const },
      "own office's privacy addition": { scope: a, kind: "PRIVACY" as const },
      "other office's privacy addition": { scope: b, kind: "PRIVACY" as const },
      "an imprint for an office": { scope: a, kind: "IMPRINT" as const },
      "an office that does not exist": { scope: "c0000000000000000000000000", kind: "PRIVACY" as const },
    });
    type Attempt = keyof ReturnType<typeof attempts>;
    const expected: Record<"CLERK" | "OFFICE_ADMIN" | "ADMIN", Record<Attempt, string>> = {
      CLERK: {
        "site imprint": "FORBIDDEN",
        "site privacy": "FORBIDDEN",
        "site accessibility": "FORBIDDEN",
        "own office's privacy addition": "FORBIDDEN",
        "other office's privacy addition": "FORBIDDEN",
        "an imprint for an office": "FORBIDDEN",
        "an office that does not exist": "FORBIDDEN",
      },
      OFFICE_ADMIN: {
        "site imprint": "FORBIDDEN",
        "site privacy": "FORBIDDEN",
        "site accessibility": "FORBIDDEN",
        "own office's privacy addition": "OK",
        "other office's privacy addition": "FORBIDDEN",
        "an imprint for an office": "INVALID_INPUT",
        // Not told apart from someone else's office: an office admin cannot probe which ids exist.
        "an office that does not exist": "FORBIDDEN",
      },
      ADMIN: {
        "site imprint": "OK",
        "site privacy": "OK",
        "site accessibility": "OK",
        "own office's privacy addition": "OK",
        "other office's privacy addition": "OK",
        "an imprint for an office": "INVALID_INPUT",
        "an office that does not exist": "OFFICE_NOT_FOUND",
      },
    };

    it.each(["CLERK", "OFFICE_ADMIN", "ADMIN"] as const)("%s: the service allows exactly the table's changes", async (role) => {
      const actor = { CLERK: clerk, OFFICE_ADMIN: officeAdmin, ADMIN: admin }[role];
      const answers: Record<string, string> = {};
      for (const [name, key] of Object.entries(attempts())) {
        answers[name] = await codeOf(saveLegalText(ctx.db, actor, { ...key, locale: "de", body: `Text: ${name}` }));
      }
      expect(answers).toEqual(expected[role]);
      const allowed = Object.entries(expected[role]).filter(([, code]) => code === "OK").length;
      expect(await ctx.db.legalText.count()).toBe(allowed);
      // One audit entry per change, office-scoped changes under their office, never the text itself.
      const audit = await ctx.db.auditLog.findMany();
      expect(audit).toHaveLength(allowed);
      for (const entry of audit) {
        expect(entry.action).toBe("legal.update");
        expect(entry.actorId).toBe(actor.id);
        expect(entry.details).not.toContain("Text:");
      }
    });

    it("the editor page refuses the same way, and lists only what the person may edit", async () => {
      expect(await codeOf(editableLegalText(ctx.db, officeAdmin, { scope: "site", kind: "IMPRINT", locale: "de" }))).toBe("FORBIDDEN");
      expect(await codeOf(editableLegalText(ctx.db, officeAdmin, { scope: b, kind: "PRIVACY", locale: "de" }))).toBe("FORBIDDEN");
      expect(await codeOf(editableLegalText(ctx.db, clerk, { scope: a, kind: "PRIVACY", locale: "de" }))).toBe("FORBIDDEN");
      expect((await editableLegalText(ctx.db, officeAdmin, { scope: a, kind: "PRIVACY", locale: "de" })).officeName).toBe("Amt amt-a");

      expect(await listEditableLegalTexts(ctx.db, clerk)).toEqual({ site: [], offices: [] });
      const forOfficeAdmin = await listEditableLegalTexts(ctx.db, officeAdmin);
      expect(forOfficeAdmin.site).toEqual([]);
      expect(forOfficeAdmin.offices.map((o) => o.id)).toEqual([a]);
      const forAdmin = await listEditableLegalTexts(ctx.db, admin);
      // Every kind in every language of the site.
      expect(forAdmin.site.map((s) => `${s.kind}/${s.locale}`)).toEqual(
        ["IMPRINT", "PRIVACY", "ACCESSIBILITY"].flatMap((kind) => locales.map((locale) => `${kind}/${locale}`)),
      );
      expect(forAdmin.offices.map((o) => o.id).sort()).toEqual([a, b].sort());
    });

    it("the action: signed out goes to the login, a clerk and forged fields are refused and change nothing", async () => {
      signIn(null);
      expect(await post({ scope: "site", kind: "IMPRINT", locale: "de", body: "x", intent: "save" })).toEqual({ redirect: "/staff/login" });

      signIn(clerk);
      expect(await post({ scope: a, kind: "PRIVACY", locale: "de", body: "x", intent: "save" })).toMatchObject({ formError: "FORBIDDEN" });
      expect(await post({ scope: a, kind: "PRIVACY", locale: "de", body: "x", intent: "preview" })).toMatchObject({ formError: "FORBIDDEN" });

      signIn(officeAdmin);
      const forged: Array<[Record<string, string>, string]> = [
        [{ scope: "site", kind: "IMPRINT", locale: "de" }, "FORBIDDEN"],
        [{ scope: b, kind: "PRIVACY", locale: "de" }, "FORBIDDEN"],
        [{ scope: a, kind: "ACCESSIBILITY", locale: "de" }, "INVALID_INPUT"],
      ];
      for (const [fields, code] of forged) {
        expect(await post({ ...fields, body: "Ergänzung", intent: "save" })).toMatchObject({ formError: code });
      }
      const badFields: Array<Record<string, string>> = [
        { scope: a, kind: "COOKIES", locale: "de" },
        { scope: a, kind: "PRIVACY", locale: "xx" },
        { scope: a, kind: "PRIVACY", locale: "de-DE" },
        { scope: "../site", kind: "PRIVACY", locale: "de" },
        { scope: "", kind: "PRIVACY", locale: "de" },
        { scope: "site' OR '1'='1", kind: "PRIVACY", locale: "de" },
      ];
      for (const fields of badFields) {
        const answer = await post({ ...fields, body: "Ergänzung", intent: "save" });
        expect(answer).toHaveProperty("fieldErrors");
        expect(answer).toMatchObject({ values: { body: "Ergänzung" } });
      }
      expect(await post({ scope: a, kind: "PRIVACY", locale: "de", body: "x".repeat(30_001), intent: "save" })).toMatchObject({
        fieldErrors: { body: ["legalTooLong"] },
      });
      expect(await post({ scope: a, kind: "PRIVACY", locale: "de", body: "NUL \u0000 im Text", intent: "save" })).toMatchObject({
        fieldErrors: { body: ["invalid"] },
      });
      expect(await texts()).toEqual([]);
      expect(await ctx.db.auditLog.count()).toBe(0);
    });

    it("the action: preview changes nothing, save stores and redirects, an empty text removes", async () => {
      signIn(officeAdmin);
      const preview = await post({ scope: a, kind: "PRIVACY", locale: "de", body: "## Videoüberwachung\n\nIm Wartebereich.", intent: "preview" });
      expect("preview" in preview && isValidElement(preview.preview)).toBe(true);
      expect(renderToStaticMarkup((preview as LegalFormState).preview as ReactElement)).toContain("<h2");
      expect(await texts()).toEqual([]);

      expect(await post({ scope: a, kind: "PRIVACY", locale: "de", body: "  Im Wartebereich.\r\n", intent: "save" })).toEqual({
        redirect: "/staff/verwaltung/rechtstexte?gespeichert=1",
      });
      expect(await texts()).toMatchObject([{ scope: a, kind: "PRIVACY", locale: "de", body: "Im Wartebereich.", updatedById: officeAdmin.id }]);

      expect(await post({ scope: a, kind: "PRIVACY", locale: "de", body: "   ", intent: "save" })).toEqual({
        redirect: "/staff/verwaltung/rechtstexte?entfernt=1",
      });
      expect(await texts()).toEqual([]);
      const audit = await ctx.db.auditLog.findMany({ orderBy: { action: "asc" } });
      expect(audit.map((e) => [e.action, e.officeId])).toEqual([
        ["legal.remove", a],
        ["legal.update", a],
      ]);
    });
  });

  describe("what the public pages show", () => {
    it("the page's language first, else German; nothing when neither exists", async () => {
      expect(await siteLegalText(ctx.db, "IMPRINT", "de")).toBeNull();
      await saveLegalText(ctx.db, admin, { scope: "site", kind: "IMPRINT", locale: "de", body: "Impressum auf Deutsch" });
      expect(await siteLegalText(ctx.db, "IMPRINT", "de")).toMatchObject({ body: "Impressum auf Deutsch", locale: "de" });
      // A language without its own text gets the German one, marked as German.
      expect(await siteLegalText(ctx.db, "IMPRINT", "en")).toMatchObject({ body: "Impressum auf Deutsch", locale: "de" });
      // Once a translation exists (written directly: "en" is not yet a site language), it wins.
      await ctx.db.legalText.create({ data: { scope: "site", kind: "IMPRINT", locale: "en", body: "Legal notice" } });
      expect(await siteLegalText(ctx.db, "IMPRINT", "en")).toMatchObject({ body: "Legal notice", locale: "en" });
      expect(await siteLegalText(ctx.db, "PRIVACY", "en")).toBeNull();
    });

    it("each active office's facts from its settings, with its own addition under its heading", async () => {
      await ctx.db.office.update({ where: { id: b }, data: { retentionDays: 14, reminderHours: 0, verificationMode: "EMAIL", holdMinutes: 20 } });
      const inactive = (await createOfficeFixture(ctx.db, { slug: "amt-z" })).office.id;
      await ctx.db.office.update({ where: { id: inactive }, data: { active: false } });
      await saveLegalText(ctx.db, officeAdmin, { scope: a, kind: "PRIVACY", locale: "de", body: "Zusatz von A" });
      await saveLegalText(ctx.db, admin, { scope: inactive, kind: "PRIVACY", locale: "de", body: "Zusatz von Z" });

      const sections = await officePrivacySections(ctx.db, "en");
      expect(sections.map((s) => s.office.id)).toEqual([a, b]);
      expect(sections[0].addition).toMatchObject({ body: "Zusatz von A", locale: "de" });
      expect(sections[1].addition).toBeNull();
      expect(sections[1].office).toMatchObject({ retentionDays: 14, reminderHours: 0, verificationMode: "EMAIL", holdMinutes: 20 });
    });

    it("hostile Markdown is stored as typed but rendered inert, in the preview and on the page", async () => {
      signIn(admin);
      const preview = await post({ scope: "site", kind: "PRIVACY", locale: "de", body: HOSTILE, intent: "preview" });
      expectInert(renderToStaticMarkup((preview as LegalFormState).preview as ReactElement));
      await post({ scope: "site", kind: "PRIVACY", locale: "de", body: HOSTILE, intent: "save" });
      const stored = await siteLegalText(ctx.db, "PRIVACY", "de");
      expect(stored?.body).toBe(HOSTILE);
      expectInert(renderToStaticMarkup(LegalMarkdown({ source: stored!.body })));
    });

    it("the demo texts are written once and cover every kind", async () => {
      await seedLegalTexts(ctx.db);
      await saveLegalText(ctx.db, admin, { scope: "site", kind: "IMPRINT", locale: "de", body: "Eigener Text" });
      await seedLegalTexts(ctx.db);
      const rows = await texts();
      expect(rows.map((r) => r.kind).sort()).toEqual(["ACCESSIBILITY", "IMPRINT", "PRIVACY"]);
      expect(rows.find((r) => r.kind === "IMPRINT")?.body).toBe("Eigener Text");
      const accessibility = rows.find((r) => r.kind === "ACCESSIBILITY")!.body;
      for (const part of ["Stand der Vereinbarkeit", "Nicht barrierefreie Inhalte", "erstellt", "Kontakt", "Durchsetzungsverfahren"]) {
        expect(accessibility).toContain(part);
      }
      expect(rows.find((r) => r.kind === "PRIVACY")!.body).toContain("datenschutz@pirmasens.example");
    });
  });
});
