import { ZodError } from "zod";
import type { StaffInviteMailPayload } from "@/emails/payloads";
import { mailSubject, renderMail } from "@/lib/server/mail/render";

// See email-render.test.tsx: Jest must load @react-email/render's ES build.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Given a clerk invited to the foreigners' office, the e-mail greets them in German, names role and office, and
// carries the one-time link as a button and as text, with its expiry in local time; a reset mail says so.

function payload(overrides: Partial<StaffInviteMailPayload> = {}): StaffInviteMailPayload {
  return {
    locale: "de",
    authority: "Stadt Musterstadt",
    timeZone: "Europe/Berlin",
    name: "Dana Beispiel",
    role: "CLERK",
    offices: ["Ausländerbehörde", "Bürgerbüro"],
    inviteUrl: "https://termine.musterstadt.example/staff/einladung/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Njc4OTAx",
    // 27 November 2026, 15:00 in Berlin
    expiresAt: "2026-11-27T14:00:00.000Z",
    kind: "invite",
    ...overrides,
  };
}

describe("staff invitation e-mail", () => {
  it("greets the person, names role, offices and sender, and shows the link with its local expiry", async () => {
    const p = payload();
    const mail = await renderMail("staff-invite", p);
    expect(mail.subject).toBe("Ihr Zugang zur Online-Terminvergabe");
    expect(await mailSubject("staff-invite", p)).toBe(mail.subject);
    expect(mail.attachments).toEqual([]);
    expect(mail.html).toMatch(/<html[^>]* lang="de"/);
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain("Stadt Musterstadt");
      expect(body).toContain("Guten Tag Dana Beispiel,");
      expect(body).toContain("Sachbearbeitung");
      expect(body).toContain("Ausländerbehörde, Bürgerbüro");
      expect(body).toContain("27. November 2026 um 15:00 Uhr");
      expect(body).toContain("nur einmal");
    }
    const link = /<a[^>]*href="([^"]*)"[^>]*>((?:(?!<\/a>)[\s\S])*)<\/a>/g;
    const button = [...mail.html.matchAll(link)].find((m) => m[2].includes("Passwort festlegen"));
    expect(button?.[1]).toBe(p.inviteUrl);
    expect(mail.text).toContain(`Passwort festlegen ${p.inviteUrl}`);
  });

  it("as a password reset, says so and leaves out role and offices", async () => {
    const mail = await renderMail("staff-invite", payload({ kind: "reset", role: "ADMIN", offices: [] }));
    expect(mail.subject).toBe("Neues Passwort für die Online-Terminvergabe");
    expect(mail.text).toContain("Neues Passwort festlegen");
    expect(mail.text).not.toContain("Ihre Rolle");
  });

  it("names all offices for an administrator and escapes names", async () => {
    const mail = await renderMail("staff-invite", payload({ role: "ADMIN", offices: [], name: "<b>Eve</b>" }));
    expect(mail.text).toContain("Administration");
    expect(mail.text).toContain("Alle Stellen");
    expect(mail.html).not.toContain("<b>Eve</b>");
    expect(mail.html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
  });

  it.each([
    ["a link that is not http(s)", payload({ inviteUrl: "javascript:alert(1)" })],
    ["an unknown role", payload({ role: "ROOT" as never })],
    ["a local expiry time", payload({ expiresAt: "2026-11-27T15:00:00" })],
  ])("rejects %s", async (_label, bad) => {
    await expect(renderMail("staff-invite", bad)).rejects.toBeInstanceOf(ZodError);
  });
});
