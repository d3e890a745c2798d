import type { OutboxStatusName } from "@/lib/schemas/outbox";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { ERASED_RECIPIENT } from "../privacy/erase-personal-data";
import { loadOfficeFor } from "../staff/common";

// The office admins' view of the e-mail outbox: what waits, what is being sent, what failed and why, what went out
// recently. Addresses are shown masked: the view is for spotting problems, not for reading who booked.

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
  const [open, sent, counts] = await Promise.all([
    db.outboxMessage.findMany({
      where: { officeId: office.id, status: { in: ["PENDING", "SENDING", "FAILED"] } },
      select,
      orderBy: { createdAt: "desc" },
      take: OPEN_LIMIT,
    }),
    db.outboxMessage.findMany({
      where: { officeId: office.id, status: "SENT", sentAt: { gte: new Date(input.now.getTime() - SENT_DAYS * 86_400_000) } },
      select,
      orderBy: { sentAt: "desc" },
      take: SENT_LIMIT,
    }),
    db.outboxMessage.groupBy({ by: ["status"], where: { officeId: office.id }, _count: { _all: true } }),
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
  };
}
