import type { OutboxStatusName } from "@/lib/schemas/outbox";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { ERASED_RECIPIENT } from "../privacy/erase-personal-data";
import { loadOfficeFor } from "../staff/common";

// The office admins' view of the outbox: what waits, what is being sent, what failed and why, what went out
// recently, for e-mails and for webhook deliveries apart. Addresses are shown masked: the view is for spotting
// problems, not for reading who booked.

/** Sent messages of the last this many days are listed (at most SENT_LIMIT). */
export const SENT_DAYS = 7;
const SENT_LIMIT = 50;
const OPEN_LIMIT = 200;

/** "m***@example.org": the first character of the local part and the domain; null for an erased recipient. */
export function maskEmail(address: string): string | null {
  if (address === ERASED_RECIPIENT) return null;
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

export interface OutboxEntry {
  id: string;
  status: OutboxStatusName;
  template: string;
  subject: string;
  /** null once the personal data is erased. */
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  resendable: boolean;
}

function resendable(m: { status: string; recipient: string; payload: string }): boolean {
  return m.status === "FAILED" && m.recipient !== ERASED_RECIPIENT && m.payload !== "{}";
}

/** One call of a webhook endpoint: the event, the endpoint, how it stands. */
export interface WebhookDelivery {
  id: string;
  status: OutboxStatusName;
  /** The event type, e.g. booking.created. */
  event: string;
  eventId: string | null;
  /** "booking.created K7Q-2MX": the event and the booking's reference code. */
  subject: string;
  endpoint: string;
  attempts: number;
  /** The receiver's last HTTP status; null when it never answered. */
  responseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  retryable: boolean;
}

/** The office's messages by status: pending, sending, failed (all, newest first) and recently sent. */
export async function listOutbox(db: Db, actor: Actor, input: { officeSlug: string; now: Date }) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "outbox:manage");
  const select = {
    id: true,
    status: true,
    template: true,
    subject: true,
    recipient: true,
    payload: true,
    attempts: true,
    lastError: true,
    createdAt: true,
    nextAttemptAt: true,
    sentAt: true,
  } as const;
  const mails = { officeId: office.id, channel: "MAIL" as const };
  const sentSince = new Date(input.now.getTime() - SENT_DAYS * 86_400_000);
  const [open, sent, counts, webhooks] = await Promise.all([
    db.outboxMessage.findMany({
      where: { ...mails, status: { in: ["PENDING", "SENDING", "FAILED"] } },
      select,
      orderBy: { createdAt: "desc" },
      take: OPEN_LIMIT,
    }),
    db.outboxMessage.findMany({
      where: { ...mails, status: "SENT", sentAt: { gte: sentSince } },
      select,
      orderBy: { sentAt: "desc" },
      take: SENT_LIMIT,
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: mails, _count: { _all: true } }),
    listWebhookDeliveries(db, office.id, sentSince),
  ]);
  const entry = (m: (typeof open)[number]): OutboxEntry => ({
    id: m.id,
    status: m.status as OutboxStatusName,
    template: m.template,
    subject: m.subject,
    recipient: maskEmail(m.recipient),
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    nextAttemptAt: m.status === "PENDING" ? m.nextAttemptAt : null,
    sentAt: m.sentAt,
    resendable: resendable(m),
  });
  const byStatus = (status: OutboxStatusName) => open.filter((m) => m.status === status).map(entry);
  const total = (status: OutboxStatusName) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    office,
    groups: {
      PENDING: byStatus("PENDING"),
      SENDING: byStatus("SENDING"),
      FAILED: byStatus("FAILED"),
      SENT: sent.map(entry),
    },
    totals: { PENDING: total("PENDING"), SENDING: total("SENDING"), FAILED: total("FAILED"), SENT: total("SENT") },
    webhooks,
  };
}

/** The office's webhook deliveries: everything not yet sent (failed first), then what went out recently. */
async function listWebhookDeliveries(db: Db, officeId: string, sentSince: Date): Promise<WebhookDelivery[]> {
  const hooks = { officeId, channel: "WEBHOOK" as const };
  const select = {
    id: true,
    status: true,
    template: true,
    eventId: true,
    subject: true,
    recipient: true,
    attempts: true,
    responseStatus: true,
    lastError: true,
    createdAt: true,
    nextAttemptAt: true,
    sentAt: true,
    endpoint: { select: { label: true, active: true } },
  } as const;
  const [open, sent] = await Promise.all([
    db.outboxMessage.findMany({ where: { ...hooks, status: { in: ["PENDING", "SENDING", "FAILED"] } }, select, orderBy: { createdAt: "desc" }, take: OPEN_LIMIT }),
    db.outboxMessage.findMany({ where: { ...hooks, status: "SENT", sentAt: { gte: sentSince } }, select, orderBy: { sentAt: "desc" }, take: SENT_LIMIT }),
  ]);
  const rank = (status: string) => ["FAILED", "PENDING", "SENDING"].indexOf(status);
  return [...open.sort((a, b) => rank(a.status) - rank(b.status)), ...sent].map((m) => ({
    id: m.id,
    status: m.status as OutboxStatusName,
    event: m.template,
    eventId: m.eventId,
    subject: m.subject,
    endpoint: m.endpoint?.label ?? m.recipient,
    attempts: m.attempts,
    responseStatus: m.responseStatus,
    lastError: m.lastError,
    createdAt: m.createdAt,
    nextAttemptAt: m.status === "PENDING" ? m.nextAttemptAt : null,
    sentAt: m.sentAt,
    retryable: m.status === "FAILED" && m.endpoint?.active === true,
  }));
}
