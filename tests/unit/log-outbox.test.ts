import type { DestinationStream } from "pino";
import type { Db } from "@/lib/server/db/client";
import { createLogger } from "@/lib/server/log";
import { processOutbox } from "@/lib/server/mail/outbox";
import type { MailTransport } from "@/lib/server/mail/transport";

// The outbox logs failures as structured lines without personal data: no address, no name, even when the SMTP
// server quotes them in its answer or the payload cannot be rendered.

function memoryLog() {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { lines, logger: createLogger({ level: "debug", json: true, destination }) };
}

const PAYLOAD = JSON.stringify({
  locale: "de",
  office: { name: "Bürgeramt", authority: "Stadt", street: "Markt 1", postalCode: "12345", locality: "Musterstadt", timeZone: "Europe/Berlin" },
  service: { name: "Personalausweis", documents: [] },
  booking: { referenceCode: "TV-AAAA-BBBB", startsAt: "2027-03-01T08:00:00.000Z", endsAt: "2027-03-01T08:30:00.000Z", persons: 1, givenName: "Ayşe", familyName: "Yılmaz" },
  manageUrl: "https://termine.example/termin/abc",
});

/** A stand-in for the database with the outbox rows given (only what processOutbox uses). */
function fakeDb(rows: Array<{ id: string; template: string; payload: string }>): Db {
  const outboxMessage = {
    updateManyAndReturn: async () => rows.map((r) => ({ id: r.id })),
    updateMany: async () => ({ count: 1 }),
    findMany: async () =>
      rows.map((r) => ({
        ...r,
        recipient: "ayse.yilmaz@example.org",
        attempts: 1,
        createdAt: new Date("2027-02-01T08:00:00Z"),
        office: { senderName: null, replyTo: null },
      })),
  };
  const db = { _activeProvider: "sqlite", outboxMessage, $transaction: (fn: (tx: unknown) => unknown) => fn({ outboxMessage }) };
  return db as unknown as Db;
}

const failingTransport: MailTransport = {
  kind: "smtp",
  send: async () => {
    throw Object.assign(new Error("550 5.1.1 <ayse.yilmaz@example.org>: Recipient address rejected: User unknown in virtual mailbox table"), {
      code: "EENVELOPE",
      responseCode: 550,
    });
  },
  close: () => {},
} as unknown as MailTransport;

jest.mock("@/lib/server/mail/render", () => ({
  mailSubject: async () => "subject",
  renderMail: async (_t: string, payload: string) => {
    if (payload === "broken") throw new Error("cannot render for ayse.yilmaz@example.org");
    return { subject: "s", html: "<p>Ayşe Yılmaz</p>", text: "Ayşe Yılmaz", attachments: [] };
  },
}));

describe("outbox logs", () => {
  it("carry neither the e-mail address nor the name when sending or rendering fails", async () => {
    const { lines, logger } = memoryLog();
    const db = fakeDb([
      { id: "m1", template: "booking-confirmation", payload: PAYLOAD },
      { id: "m2", template: "booking-confirmation", payload: "broken" },
    ]);
    const result = await processOutbox(db, { transport: failingTransport, log: logger });
    expect(result).toEqual({ sent: 0, failed: 1, retried: 1 });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const entry = JSON.parse(line) as { level: string; msg: string };
      expect(["warn", "error"]).toContain(entry.level);
      expect(line).not.toMatch(/@|ayse|yilmaz|Ayşe|Yılmaz/i);
    }
    expect(lines.join("\n")).toMatch(/m1/);
    expect(lines.join("\n")).toMatch(/m2/);
  });

  it("censor fields that usually hold personal data", () => {
    const { lines, logger } = memoryLog();
    logger.info({ email: "a@example.org", booking: { familyName: "Yılmaz", id: "b1" } }, "test");
    expect(lines[0]).not.toMatch(/@|Yılmaz/);
    expect(lines[0]).toContain("b1");
  });
});
