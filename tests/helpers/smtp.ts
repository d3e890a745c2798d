import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on 127.0.0.1 (a free port) that keeps every message it accepts, for integration and
// end-to-end tests. It can fail like a real server: refuse connections (down) or answer 421 (temporarily
// unavailable), and come back on the same port.

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/** "down": nothing listens (connection refused); "busy": the server answers 421 to every connection. */
export type SmtpOutage = "down" | "busy";

export interface TestSmtpServer {
  readonly host: string;
  readonly port: number;
  /** For SMTP_URL / createTransport: `smtp://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every accepted message, in arrival order. */
  readonly messages: readonly ReceivedMail[];
  /** The accepted messages, parsed. */
  parsed(): Promise<ParsedMail[]>;
  /** Resolves once at least `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<readonly ReceivedMail[]>;
  outage(kind: SmtpOutage): Promise<void>;
  /** Answers each message only `ms` after its data has arrived, like a slow server (0: at once). */
  slow(ms: number): void;
  /** Messages whose data has started to arrive (counted before the delay of `slow`). */
  readonly receiving: number;
  restore(): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";

/** The first e-mail to `recipient` whose subject matches, waiting (up to 20 s) for the outbox worker to send it. */
export async function waitForMail(smtp: TestSmtpServer, recipient: string, subject: RegExp): Promise<ParsedMail> {
  return waitForMailWhere(
    smtp,
    (mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "").includes(recipient) && subject.test(mail.subject ?? ""),
    `to ${recipient} matching ${subject}`,
  );
}

/**
 * The first e-mail that `matches`, waiting (up to 20 s) for the outbox worker to send it. Wait for the e-mail itself,
 * never for a count of all e-mails: the outbox also sends what its background jobs write (reminders).
 */
export async function waitForMailWhere(smtp: TestSmtpServer, matches: (mail: ParsedMail) => boolean, what: string): Promise<ParsedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = (await smtp.parsed()).find(matches);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no e-mail ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  let busy = false;
  let delayMs = 0;
  let receiving = 0;
  let server: SMTPServer | undefined;
  let port = 0;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no certificate needed, and nodemailer does not try STARTTLS.
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 500,
      size: 10 * 1024 * 1024,
      onConnect(_session, callback) {
        if (!busy) return callback();
        callback(Object.assign(new Error("Service temporarily unavailable"), { responseCode: 421 }));
      },
      onData(stream, session, callback) {
        receiving++;
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", callback);
        stream.on("end", () => {
          messages.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            raw: Buffer.concat(chunks),
          });
          if (delayMs > 0) setTimeout(callback, delayMs);
          else callback();
        });
      },
    });

  const listen = async () => {
    const next = create();
    // A client that goes away mid-conversation (an app instance killed while sending) resets its connection: a real
    // server carries on, and an unhandled "error" event would end the whole test process instead.
    next.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      next.server.once("error", reject);
      next.listen(port, HOST, () => {
        next.server.off("error", reject);
        resolve();
      });
    });
    port = (next.server.address() as { port: number }).port;
    server = next;
  };

  const close = async () => {
    const current = server;
    server = undefined;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();

  // Each message is parsed once: waiting for an e-mail asks for all of them every 200 ms.
  const parsedMails = new WeakMap<ReceivedMail, Promise<ParsedMail>>();
  const parse = (message: ReceivedMail) => {
    let mail = parsedMails.get(message);
    if (!mail) parsedMails.set(message, (mail = simpleParser(message.raw)));
    return mail;
  };

  return {
    host: HOST,
    get port() {
      return port;
    },
    get url() {
      return `smtp://${HOST}:${port}`;
    },
    messages,
    get receiving() {
      return receiving;
    },
    slow(ms) {
      delayMs = ms;
    },
    parsed: () => Promise.all(messages.map(parse)),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    async outage(kind) {
      if (kind === "busy") busy = true;
      else await close();
    },
    async restore() {
      busy = false;
      if (!server) await listen();
    },
    clear() {
      messages.length = 0;
    },
    stop: close,
  };
}
