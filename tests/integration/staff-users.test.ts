// Staff accounts against real databases (SQLite and PostgreSQL): the administrators' server actions as the browser
// calls them (session and database replaced), the invitation link from the outbox, the password it sets, and the
// sign-in and session checks that decide who is let in.
jest.mock("next-auth", () => ({ ...jest.requireActual("next-auth"), getServerSession: jest.fn() }));
jest.mock("@/lib/server/auth/session", () => ({
  ...jest.requireActual("@/lib/server/auth/session"),
  currentStaff: jest.fn(),
}));
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());
// Jest must load @react-email/render's ES build (see tests/unit/email-render.test.tsx).
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import { getServerSession } from "next-auth";
import { acceptInviteAction } from "@/app/(staff)/staff/einladung/[token]/actions";
import {
  inviteStaffAction,
  resendInviteAction,
  setStaffActiveAction,
  updateStaffAction,
} from "@/app/(staff)/staff/(signed-in)/verwaltung/personal/actions";
import validation from "@/lib/i18n/messages/de/validation.json";
import staffUsers from "@/lib/i18n/messages/de/staffUsers.json";
import type { ActionState } from "@/lib/schemas/form-errors";
import { authOptions } from "@/lib/server/auth/options";
import { hashPassword } from "@/lib/server/auth/password";
import type { Actor, StaffRole } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { renderMail } from "@/lib/server/mail/render";
import { findInvite, setStaffActive, updateStaff } from "@/lib/server/services/staff-users";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { actionResult, formData, inBrowser, CookieJar } from "../helpers/next-request-mocks";
import { createOfficeFixture } from "../helpers/office-fixture";
import { signIn } from "../helpers/integration/session";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const realSession = jest.requireActual("@/lib/server/auth/session") as typeof import("@/lib/server/auth/session");

const PASSWORD = "Sicheres-Passwort-2026";
const NEW_PASSWORD = "Ein ganz neues Kennwort 7";
const client = { clientKey: "test-client" };

type Credentials = { email: string; password: string };
type Authorize = (credentials: Credentials, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize: Authorize = (credentials, req) =>
  (
    authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } }
  ).options.authorize(credentials, req);

/** Signs in through the credentials provider and returns the session next-auth would hand to currentStaff. */
async function session(credentials: Credentials) {
  const user = (await authorize(credentials, { headers: { [PEER_ADDRESS_HEADER]: "198.51.100.9" } })) as {
    email: string;
  } | null;
  if (!user) return null;
  const callbacks = authOptions().callbacks!;
  const token = await callbacks.jwt!({ token: {}, user, account: { provider: "credentials" } } as never);
  return callbacks.session!({ session: { expires: "" }, token } as never);
}

/** Whether a session obtained earlier still grants access, through the real currentStaff. */
async function stillSignedIn(s: unknown): Promise<boolean> {
  (getServerSession as jest.Mock).mockResolvedValue(s);
  return (await realSession.currentStaff()) !== null;
}

async function person(
  db: Db,
  role: StaffRole,
  officeIds: string[],
  opts: { email?: string; password?: string | null; active?: boolean } = {},
) {
  const user = await db.staffUser.create({
    data: {
      email: opts.email ?? `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@amt.example`,
      name: `Person ${role}`,
      role,
      active: opts.active ?? true,
      passwordHash: opts.password === null ? null : await hashPassword(opts.password ?? PASSWORD),
      memberships: { create: officeIds.map((officeId) => ({ officeId })) },
    },
  });
  return { id: user.id, email: user.email, role, officeIds } satisfies Actor & { email: string };
}

/** Every row the staff actions could write. */
async function everything(db: Db) {
  const [users, memberships, invites, outbox, audit] = await Promise.all([
    db.staffUser.findMany({ orderBy: { id: "asc" } }),
    db.officeMembership.findMany({ orderBy: [{ userId: "asc" }, { officeId: "asc" }] }),
    db.staffInvite.findMany({ orderBy: { id: "asc" } }),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { users, memberships, invites, outbox, audit };
}

/** The token of the newest invitation e-mail to `email`, taken from the link in the rendered mail. */
async function linkFromMail(db: Db, email: string): Promise<{ url: string; token: string; text: string }> {
  const row = await db.outboxMessage.findFirstOrThrow({
    where: { recipient: email, template: "staff-invite" },
    orderBy: { createdAt: "desc" },
  });
  const mail = await renderMail("staff-invite", row.payload);
  const match = /https?:\/\/\S+\/staff\/einladung\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error("no invitation link in the e-mail");
  expect(mail.html).toContain(`href="${match[0]}"`);
  return { url: match[0], token: match[1], text: mail.text };
}

const accept = (token: string, password = NEW_PASSWORD, confirm = password) =>
  inBrowser(new CookieJar(), () => acceptInviteAction({}, formData({ token, password, passwordConfirm: confirm })));

/** The German text for every key of a refusal: nothing may show up as a raw key. */
function textsOf(state: ActionState): string[] {
  const keys = [...Object.values(state.fieldErrors ?? {}).flat()];
  return keys.map(
    (k) =>
      (staffUsers.validation as Record<string, string>)[k] ??
      (validation as Record<string, string>)[k] ??
      `MISSING ${k}`,
  );
}

describeEachDatabase("staff accounts", (ctx) => {
  let a: Awaited<ReturnType<typeof createOfficeFixture>>;
  let b: Awaited<ReturnType<typeof createOfficeFixture>>;
  let admin: Awaited<ReturnType<typeof person>>;

  eachTestOnEmptyDatabase(ctx, async () => {
    a = await createOfficeFixture(ctx.db, { slug: "amt-a" });
    b = await createOfficeFixture(ctx.db, { slug: "amt-b" });
    admin = await person(ctx.db, "ADMIN", []);
    signIn(admin);
  });

  const invite = (fields: Record<string, string | null>, officeIds: string[] = [a.office.id]) => {
    const form = formData({ name: "Dana Beispiel", email: "dana@amt.example", role: "CLERK", ...fields });
    for (const id of officeIds) form.append("officeIds", id);
    return actionResult(inviteStaffAction({}, form));
  };

  describe("invitation", () => {
    it("creates the account without a password and puts an e-mail with a working one-time link in the outbox", async () => {
      const result = await invite({ email: "Dana@Amt.Example" });
      expect(result).toEqual({
        redirect: expect.stringMatching(/^\/staff\/verwaltung\/personal\?erfolg=invited#person-/),
      });
      const user = await ctx.db.staffUser.findUniqueOrThrow({
        where: { email: "dana@amt.example" },
        include: { memberships: true },
      });
      expect(user).toMatchObject({ role: "CLERK", active: true, passwordHash: null });
      expect(user.memberships.map((m) => m.officeId)).toEqual([a.office.id]);

      const { token, text } = await linkFromMail(ctx.db, "dana@amt.example");
      expect(text).toContain("Guten Tag Dana Beispiel,");
      expect(text).toContain("Amt amt-a");
      // At least 128 random bits, and only its hash is stored.
      expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
      const stored = await ctx.db.staffInvite.findFirstOrThrow({ where: { userId: user.id } });
      expect(stored.tokenHash).not.toContain(token);
      expect(JSON.stringify(await ctx.db.auditLog.findMany())).not.toContain(token);
      expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThanOrEqual(72 * 3600_000 - 5000);
      expect(await findInvite(ctx.db, token, client, new Date())).toEqual({
        name: "Dana Beispiel",
        email: "dana@amt.example",
      });

      const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { action: "staff.invite" } });
      expect(audit.actorId).toBe(admin.id);
      expect(audit.details).not.toContain("dana");
    });

    it("accepting sets the password, signs in, and the link works only once", async () => {
      await invite({});
      const { token } = await linkFromMail(ctx.db, "dana@amt.example");
      expect(await session({ email: "dana@amt.example", password: NEW_PASSWORD })).toBeNull();

      expect(await accept(token)).toEqual({ done: true });
      const user = await ctx.db.staffUser.findUniqueOrThrow({ where: { email: "dana@amt.example" } });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await ctx.db.staffInvite.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
      const s = await session({ email: "dana@amt.example", password: NEW_PASSWORD });
      expect(await stillSignedIn(s)).toBe(true);

      const before = await everything(ctx.db);
      expect(await accept(token, "Noch ein anderes Kennwort 8")).toEqual({ fieldErrors: { _form: ["inviteInvalid"] } });
      await expect(findInvite(ctx.db, token, client, new Date())).rejects.toMatchObject({ reason: "inviteInvalid" });
      expect((await everything(ctx.db)).users).toEqual(before.users);
    });

    it("refuses an expired link, an unknown one and a malformed one with the same answer", async () => {
      await invite({});
      const { token } = await linkFromMail(ctx.db, "dana@amt.example");
      await ctx.db.staffInvite.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
      for (const t of [token, "A".repeat(43), "../../etc/passwd", ""]) {
        expect(await accept(t)).toEqual({ fieldErrors: { _form: ["inviteInvalid"] } });
      }
      expect(
        (await ctx.db.staffUser.findUniqueOrThrow({ where: { email: "dana@amt.example" } })).passwordHash,
      ).toBeNull();
    });

    it("checks the password policy before the link is used", async () => {
      await invite({});
      const { token } = await linkFromMail(ctx.db, "dana@amt.example");
      expect(await accept(token, "kurz")).toEqual({ fieldErrors: { password: ["passwordTooShort"] } });
      expect(await accept(token, NEW_PASSWORD, "Ein ganz neues Kennwort 8")).toEqual({
        fieldErrors: { passwordConfirm: ["passwordMismatch"] },
      });
      expect(await accept(token, "aaaaaaaaaaaaaaa")).toEqual({ fieldErrors: { password: ["passwordWeak"] } });
      expect(await accept(token, "dana-2026-termine")).toEqual({ fieldErrors: { password: ["passwordPersonal"] } });
      // Still unused: the right password now succeeds.
      expect(await accept(token)).toEqual({ done: true });
    });

    it("a new link invalidates the earlier one, and is also the way to reset a forgotten password", async () => {
      await invite({});
      const first = await linkFromMail(ctx.db, "dana@amt.example");
      const dana = await ctx.db.staffUser.findUniqueOrThrow({ where: { email: "dana@amt.example" } });
      expect(await actionResult(resendInviteAction({}, formData({ userId: dana.id })))).toEqual({
        redirect: expect.stringContaining("erfolg=invite-sent"),
      });
      const second = await linkFromMail(ctx.db, "dana@amt.example");
      expect(second.token).not.toBe(first.token);
      expect(await accept(first.token)).toEqual({ fieldErrors: { _form: ["inviteInvalid"] } });
      expect(await accept(second.token)).toEqual({ done: true });

      // Forgotten password: a reset link; the old session ends once the new password is set.
      const s = await session({ email: "dana@amt.example", password: NEW_PASSWORD });
      expect(await stillSignedIn(s)).toBe(true);
      expect(await actionResult(resendInviteAction({}, formData({ userId: dana.id })))).toEqual({
        redirect: expect.stringContaining("erfolg=reset-sent"),
      });
      const reset = await linkFromMail(ctx.db, "dana@amt.example");
      expect(reset.text).toContain("Neues Passwort festlegen");
      expect(await accept(reset.token, "Frisches Kennwort für 2027")).toEqual({ done: true });
      expect(await stillSignedIn(s)).toBe(false);
      expect(await session({ email: "dana@amt.example", password: NEW_PASSWORD })).toBeNull();
      expect(await session({ email: "dana@amt.example", password: "Frisches Kennwort für 2027" })).not.toBeNull();
    });

    it("of two simultaneous posts of the same link, exactly one sets its password", async () => {
      await invite({});
      const { token } = await linkFromMail(ctx.db, "dana@amt.example");
      const results = await Promise.all([accept(token, NEW_PASSWORD), accept(token, "Das zweite Kennwort 2026")]);
      expect(results.filter((r) => r.done)).toHaveLength(1);
      expect(results.filter((r) => r.fieldErrors?._form?.[0] === "inviteInvalid")).toHaveLength(1);
      const winner = results[0].done ? NEW_PASSWORD : "Das zweite Kennwort 2026";
      expect(await session({ email: "dana@amt.example", password: winner })).not.toBeNull();
      expect(await ctx.db.auditLog.count({ where: { action: "staff.invite-accept" } })).toBe(1);
    });

    it("an invited person may sign in through single sign-on instead; a locked one may not", async () => {
      await invite({});
      const signIn = authOptions().callbacks!.signIn!;
      const viaSso = (email: string) =>
        signIn({
          user: { id: "sub-1", email },
          account: { provider: "oidc", type: "oauth", providerAccountId: "sub-1" },
        } as never);
      expect(await viaSso("DANA@amt.example")).toBe(true);
      expect(await viaSso("stranger@amt.example")).toBe(false);
      const dana = await ctx.db.staffUser.findUniqueOrThrow({ where: { email: "dana@amt.example" } });
      await actionResult(setStaffActiveAction({}, formData({ userId: dana.id, active: "false" })));
      expect(await viaSso("dana@amt.example")).toBe(false);
    });

    it("throttles a client that keeps trying unusable links", async () => {
      for (let i = 0; i < 5; i++) {
        await expect(findInvite(ctx.db, `${"B".repeat(42)}${i}`, client, new Date())).rejects.toMatchObject({
          reason: "inviteInvalid",
        });
      }
      await invite({});
      const { token } = await linkFromMail(ctx.db, "dana@amt.example");
      await expect(findInvite(ctx.db, token, client, new Date())).rejects.toMatchObject({ code: "RATE_LIMITED" });
      // Another client is not affected.
      expect(await findInvite(ctx.db, token, { clientKey: "other" }, new Date())).toMatchObject({
        name: "Dana Beispiel",
      });
    });
  });

  describe("deactivation", () => {
    it("ends an existing session at once, refuses sign-in and kills open links; reactivation restores sign-in", async () => {
      const clerk = await person(ctx.db, "CLERK", [a.office.id], { email: "clerk@amt.example" });
      const s = await session({ email: clerk.email, password: PASSWORD });
      expect(await stillSignedIn(s)).toBe(true);
      await actionResult(resendInviteAction({}, formData({ userId: clerk.id })));
      const { token } = await linkFromMail(ctx.db, clerk.email);

      expect(await actionResult(setStaffActiveAction({}, formData({ userId: clerk.id, active: "false" })))).toEqual({
        redirect: expect.stringContaining("erfolg=deactivated"),
      });
      expect(await stillSignedIn(s)).toBe(false);
      expect(await session({ email: clerk.email, password: PASSWORD })).toBeNull();
      expect(await accept(token)).toEqual({ fieldErrors: { _form: ["inviteInvalid"] } });
      expect(await actionResult(resendInviteAction({}, formData({ userId: clerk.id })))).toEqual({
        returned: { fieldErrors: { _form: ["inactive"] }, values: { userId: clerk.id } },
      });

      await actionResult(setStaffActiveAction({}, formData({ userId: clerk.id, active: "true" })));
      expect(await session({ email: clerk.email, password: PASSWORD })).not.toBeNull();
      expect(await ctx.db.auditLog.count({ where: { action: { in: ["staff.deactivate", "staff.reactivate"] } } })).toBe(
        2,
      );
    });
  });

  describe("the last administrator", () => {
    it("cannot deactivate or demote themself; with a second administrator they can", async () => {
      const before = await everything(ctx.db);
      expect(await actionResult(setStaffActiveAction({}, formData({ userId: admin.id, active: "false" })))).toEqual({
        returned: { fieldErrors: { _form: ["lastAdmin"] }, values: { userId: admin.id, active: "false" } },
      });
      const demote = formData({ userId: admin.id, name: "Person ADMIN", role: "OFFICE_ADMIN", officeIds: a.office.id });
      expect(await actionResult(updateStaffAction({}, demote))).toMatchObject({
        returned: { fieldErrors: { role: ["lastAdmin"] } },
      });
      expect(await everything(ctx.db)).toEqual(before);

      const second = await person(ctx.db, "ADMIN", []);
      expect(await actionResult(updateStaffAction({}, demote))).toEqual({ redirect: "/staff" });
      expect(await ctx.db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
        role: "OFFICE_ADMIN",
      });
      // Now `second` is the last one.
      signIn(second);
      expect(
        await actionResult(setStaffActiveAction({}, formData({ userId: second.id, active: "false" }))),
      ).toMatchObject({
        returned: { fieldErrors: { _form: ["lastAdmin"] } },
      });
    });

    it("a demoted administrator can no longer act, even with a session from before", async () => {
      const second = await person(ctx.db, "ADMIN", []);
      await updateStaff(
        ctx.db,
        admin,
        { userId: second.id, name: "Zweite", role: "CLERK", officeIds: [a.office.id] },
        new Date(),
      );
      // `second` still presents the old role (a request already under way): the service re-reads it.
      await expect(
        setStaffActive(ctx.db, { ...second, role: "ADMIN" }, { userId: admin.id, active: false }, new Date()),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });

    // Several rounds, each with two fresh administrators as the only active ones: a missing lock shows up in some.
    const ROUNDS = 5;
    async function twoAdmins() {
      await ctx.db.staffUser.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
      return [await person(ctx.db, "ADMIN", []), await person(ctx.db, "ADMIN", [])];
    }

    it("two administrators deactivating each other at the same moment: exactly one succeeds", async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const [x, y] = await twoAdmins();
        const now = new Date();
        const results = await Promise.allSettled([
          setStaffActive(ctx.db, x, { userId: y.id, active: false }, now),
          setStaffActive(ctx.db, y, { userId: x.id, active: false }, now),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect(["FORBIDDEN", "INVALID_INPUT"]).toContain(rejected.reason.code);
        expect(await ctx.db.staffUser.count({ where: { role: "ADMIN", active: true } })).toBe(1);
      }
    });

    it("two administrators demoting themselves at the same moment: one administrator remains", async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const pair = await twoAdmins();
        const now = new Date();
        await Promise.allSettled(
          pair.map((me) =>
            updateStaff(ctx.db, me, { userId: me.id, name: "X", role: "CLERK", officeIds: [a.office.id] }, now),
          ),
        );
        expect(await ctx.db.staffUser.count({ where: { role: "ADMIN", active: true } })).toBe(1);
      }
    });
  });

  describe("editing", () => {
    it("changes role and offices and writes the audit log without personal data", async () => {
      const clerk = await person(ctx.db, "CLERK", [a.office.id]);
      const form = formData({ userId: clerk.id, name: "Neuer Name", role: "OFFICE_ADMIN" });
      form.append("officeIds", b.office.id);
      form.append("officeIds", a.office.id);
      expect(await actionResult(updateStaffAction({}, form))).toEqual({
        redirect: expect.stringContaining("erfolg=updated"),
      });
      const after = await ctx.db.staffUser.findUniqueOrThrow({
        where: { id: clerk.id },
        include: { memberships: true },
      });
      expect(after).toMatchObject({ role: "OFFICE_ADMIN", name: "Neuer Name" });
      expect(after.memberships.map((m) => m.officeId).sort()).toEqual([a.office.id, b.office.id].sort());
      const audit = await ctx.db.auditLog.findFirstOrThrow({ where: { action: "staff.update" } });
      expect(JSON.parse(audit.details!)).toMatchObject({
        userId: clerk.id,
        role: "OFFICE_ADMIN",
        previousRole: "CLERK",
      });
      expect(audit.details).not.toContain("Neuer Name");
    });

    it("an administrator needs no offices; memberships are dropped when promoting", async () => {
      const clerk = await person(ctx.db, "CLERK", [a.office.id]);
      const form = formData({ userId: clerk.id, name: "Chefin", role: "ADMIN", officeIds: a.office.id });
      await actionResult(updateStaffAction({}, form));
      expect(await ctx.db.officeMembership.count({ where: { userId: clerk.id } })).toBe(0);
    });
  });

  describe("who may do what, and forged input", () => {
    const hostile = '<script>alert(1)</script>\u0000\'; DROP TABLE "StaffUser"; --';

    it.each([["CLERK"], ["OFFICE_ADMIN"]] as const)(
      "a %s is refused every administrator action, and nothing is written",
      async (role) => {
        const target = await person(ctx.db, "CLERK", [a.office.id]);
        const actor = await person(ctx.db, role, [a.office.id]);
        signIn(actor);
        const before = await everything(ctx.db);
        const attempts: Array<[string, () => Promise<unknown>]> = [
          ["invite a clerk", () => invite({})],
          ["invite an administrator", () => invite({ role: "ADMIN" }, [])],
          [
            "promote themself",
            () => actionResult(updateStaffAction({}, formData({ userId: actor.id, name: "Ich", role: "ADMIN" }))),
          ],
          [
            "take another office",
            () =>
              actionResult(
                updateStaffAction({}, formData({ userId: actor.id, name: "Ich", role, officeIds: b.office.id })),
              ),
          ],
          [
            "edit a colleague",
            () =>
              actionResult(
                updateStaffAction(
                  {},
                  formData({ userId: target.id, name: "X", role: "CLERK", officeIds: a.office.id }),
                ),
              ),
          ],
          [
            "deactivate the administrator",
            () => actionResult(setStaffActiveAction({}, formData({ userId: admin.id, active: "false" }))),
          ],
          [
            "deactivate a colleague",
            () => actionResult(setStaffActiveAction({}, formData({ userId: target.id, active: "false" }))),
          ],
          [
            "send a reset link to the administrator",
            () => actionResult(resendInviteAction({}, formData({ userId: admin.id }))),
          ],
        ];
        for (const [label, attempt] of attempts) {
          const result = (await attempt()) as { returned?: ActionState };
          expect([label, result.returned?.formError]).toEqual([label, "FORBIDDEN"]);
        }
        expect(await everything(ctx.db)).toEqual(before);
      },
    );

    const cases: Array<[string, () => Record<string, string | string[] | null>, ActionState["fieldErrors"]]> = [
      ["an unknown office id", () => ({ officeIds: ["cmnotanoffice000000000000"] }), { officeIds: ["unknownOffice"] }],
      ["an office id with SQL", () => ({ officeIds: ["1' OR '1'='1"] }), { "officeIds.0": ["invalid"] }],
      ["a clerk without office", () => ({ officeIds: [] }), { officeIds: ["officeRequired"] }],
      [
        "an office admin without office",
        () => ({ role: "OFFICE_ADMIN", officeIds: [] }),
        { officeIds: ["officeRequired"] },
      ],
      ["a made-up role", () => ({ role: "SUPERUSER" }), { role: ["roleRequired"] }],
      ["a lower-case role", () => ({ role: "admin" }), { role: ["roleRequired"] }],
      ["a hostile name", () => ({ name: hostile }), { name: ["invalidStaffName"] }],
      ["an empty name", () => ({ name: "   " }), { name: ["nameRequired"] }],
      ["a very long name", () => ({ name: "x".repeat(5000) }), { name: ["tooLong"] }],
      ["a hostile e-mail address", () => ({ email: hostile }), { email: ["invalidEmail"] }],
      ["no e-mail address", () => ({ email: null }), { email: ["emailRequired"] }],
      ["an address already in use (any case)", () => ({ email: "ADMIN-TAKEN@amt.example" }), { email: ["emailTaken"] }],
    ];

    it.each(cases)(
      "an administrator's invitation with %s is refused with a clear message, and nothing is written",
      async (_label, fields, expected) => {
        await person(ctx.db, "CLERK", [a.office.id], { email: "admin-taken@amt.example" });
        const before = await everything(ctx.db);
        const { officeIds, ...rest } = fields();
        const form = formData({
          name: "Dana Beispiel",
          email: "dana@amt.example",
          role: "CLERK",
          ...(rest as Record<string, string | null>),
        });
        for (const id of (officeIds as string[] | undefined) ?? [a.office.id]) form.append("officeIds", id);
        const result = await actionResult(inviteStaffAction({}, form));
        expect(result).toMatchObject({ returned: { fieldErrors: expected } });
        const state = (result as { returned: ActionState }).returned;
        expect(Object.keys(state.fieldErrors ?? {})).toEqual(Object.keys(expected!));
        for (const text of textsOf(state)) expect(text).not.toMatch(/^MISSING/);
        expect(await everything(ctx.db)).toEqual(before);
      },
    );

    it.each([
      ["an unknown user id", { userId: "cmnotauser000000000000000", active: "false" }, { _form: ["notFound"] }],
      ["a user id with SQL", { userId: "1 OR 1=1", active: "false" }, { userId: ["invalid"] }],
      [
        "an active flag that is no boolean",
        { userId: "cmnotauser000000000000000", active: "yes" },
        { active: ["invalid"] },
      ],
    ])("deactivation with %s is refused and nothing is written", async (_label, fields, expected) => {
      const before = await everything(ctx.db);
      expect(await actionResult(setStaffActiveAction({}, formData(fields)))).toMatchObject({
        returned: { fieldErrors: expected },
      });
      expect(await everything(ctx.db)).toEqual(before);
    });

    it("a signed-out request is sent to the login before anything is read", async () => {
      signIn(null);
      const before = await everything(ctx.db);
      expect(await invite({})).toEqual({ redirect: "/staff/login" });
      expect(await everything(ctx.db)).toEqual(before);
    });
  });
});
