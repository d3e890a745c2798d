import { ZodError } from "zod";
import type { RoundNotDrawnMailPayload } from "@/emails/payloads";
import { mailSubject, renderMail } from "@/lib/server/mail/render";

// See email-render.test.tsx: Jest must load @react-email/render's ES build.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

// Given a request in a release round that the draw gave no time, the e-mail says so, that it stays on the waiting
// list, and links the public result of the draw; in the citizen's language.

function payload(overrides: Partial<RoundNotDrawnMailPayload> = {}): RoundNotDrawnMailPayload {
  return {
    locale: "de",
    office: {
      name: "Ausländerbehörde",
      authority: "Stadt Musterstadt",
      street: "Rathausplatz 1",
      postalCode: "12345",
      locality: "Musterstadt",
      timeZone: "Europe/Berlin",
    },
    serviceName: "Aufenthaltstitel verlängern",
    name: "Amira Beispiel",
    referenceCode: "TV-ABCD-EFGH",
    periodFrom: "2027-03-15",
    periodTo: "2027-03-19",
    roundUrl: "https://termine.musterstadt.example/runde/cm0round0000000000000000",
    ...overrides,
  };
}

describe("the e-mail to a request the draw gave no time", () => {
  it("says the request stays on the waiting list and links the published draw, without a calendar file", async () => {
    const mail = await renderMail("round-not-drawn", payload());
    expect(mail.subject).toBe("Vergaberunde: kein Termin gezogen – Aufenthaltstitel verlängern");
    expect(await mailSubject("round-not-drawn", payload())).toBe(mail.subject);
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toContain("Guten Tag Amira Beispiel,");
    expect(mail.text).toContain("Montag, 15. März 2027 bis Freitag, 19. März 2027");
    expect(mail.text).toContain("bleibt auf der Warteliste");
    expect(mail.text).toContain("TV-ABCD-EFGH");
    expect(mail.html).toContain('href="https://termine.musterstadt.example/runde/cm0round0000000000000000"');
  });

  it("is written in the citizen's language, right to left in Arabic", async () => {
    const mail = await renderMail("round-not-drawn", payload({ locale: "ar", roundUrl: "https://termine.musterstadt.example/ar/runde/x1" }));
    expect(mail.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(mail.text).toContain("قائمة الانتظار");
  });

  it("writes the period in the Gregorian calendar in Persian too, as every other e-mail", async () => {
    const mail = await renderMail("round-not-drawn", payload({ locale: "fa" }));
    // Persian's default calendar would say 1405; the office's letters say 2027 (in Persian digits).
    expect(mail.text).toContain("۲۰۲۷");
    expect(mail.text).not.toContain("۱۴۰۵");
  });

  it("refuses a payload without the link to the round", async () => {
    await expect(renderMail("round-not-drawn", { ...payload(), roundUrl: "javascript:alert(1)" })).rejects.toBeInstanceOf(ZodError);
  });
});
