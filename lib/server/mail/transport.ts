import "server-only";
import { randomUUID } from "node:crypto";
import { createTransport as createNodemailerTransport } from "nodemailer";
import { env } from "@/lib/server/env";
import type { InlineImage, MailAttachment } from "./render";

// How e-mails leave the app. With SMTP_URL they go to that server; without it nothing is delivered and the
// outbox keeps them for the development inbox page.

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  inlineImages?: InlineImage[];
  /** Display name in From (the office's senderName); the address is always MAIL_FROM's. */
  senderName?: string;
  replyTo?: string;
  /**
   * A stable key of the message (its outbox row). The Message-ID is made from it, so that a message sent a second
   * time, after an instance died between the server's acceptance and recording it, is recognisably the same.
   */
  key?: string;
}

export interface MailTransport {
  /** "store" delivers nothing: the outbox row (with its payload) is the delivered mail. */
  readonly kind: "smtp" | "store";
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export interface CreateTransportOptions {
  /** Sender, e.g. "Terminvergabe <noreply@stadt.example>" (default: MAIL_FROM). */
  from?: string;
  /** SMTP timeouts in ms, so that a hanging server fails an attempt instead of blocking the worker. */
  timeoutMs?: number;
}

/** "Name <address>" or a bare address. */
export function parseSender(from: string): { name?: string; address: string } {
  const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (match) return { name: match[1]?.trim() || undefined, address: match[2] };
  return { address: from.trim() };
}

export function createTransport(smtpUrl?: string, options: CreateTransportOptions = {}): MailTransport {
  if (!smtpUrl) {
    return {
      kind: "store",
      async send() {
        return { messageId: `<${randomUUID()}@outbox.invalid>` };
      },
      close() {},
    };
  }

  const timeout = options.timeoutMs ?? 30_000;
  const transporter = createNodemailerTransport({
    url: smtpUrl,
    connectionTimeout: Math.min(timeout, 10_000),
    greetingTimeout: Math.min(timeout, 10_000),
    socketTimeout: timeout,
    // Attachments are built in memory; never let message content read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "smtp",
    async send(mail) {
      const sender = parseSender(options.from ?? env().MAIL_FROM);
      const info = await transporter.sendMail({
        ...(mail.key ? { messageId: `<${mail.key}@${sender.address.split("@")[1]}>` } : {}),
        from: { name: mail.senderName ?? sender.name ?? "", address: sender.address },
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: [
          ...mail.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
          // Related parts of the HTML (multipart/related), shown in place rather than offered as files.
          ...(mail.inlineImages ?? []).map((i) => ({
            filename: i.filename,
            content: i.content,
            contentType: i.contentType,
            cid: i.cid,
            contentDisposition: "inline" as const,
          })),
        ],
        // RFC 3834: tells mail servers not to answer with vacation notices.
        headers: { "Auto-Submitted": "auto-generated" },
      });
      return { messageId: String(info.messageId) };
    },
    close() {
      transporter.close();
    },
  };
}
