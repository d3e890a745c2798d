import type { OutboxStatusName } from "@/lib/schemas/outbox";
import { writeAudit } from "@/lib/server/audit";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { ERASED_RECIPIENT } from "./privacy/erase-personal-data";
import { loadOfficeFor } from "./staff/common";

// The office admins' view of the e-mail outbox: what waits, what is being sent, what failed and why, what went out
// recently; and sending a failed message once more. Addresses are shown masked: the view is for spotting problems,
// not for reading who booked.

/** Sent messages of the last this many days are listed (at most SENT_LIMIT). */
export const SENT_DAYS = 7;
const SENT_LIMIT = 50;
const OPEN_LIMIT = 200;

export const OUTBOX_AUDIT_RESEND = "outbox.resend";

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

/**
 * Puts a FAILED message back in the queue (PENDING, attempts from zero, due now), with an audit entry. The update is
 * conditional on the status, so two clicks (or two admins) queue it once, and a message that is pending, being
 * sent or sent is never sent twice. Messages of erased bookings cannot be sent any more.
 */
export async function resendOutboxMessage(db: Db, actor: Actor, input: { messageId: string }, now: Date) {
  const message = await db.outboxMessage.findUnique({
    where: { id: input.messageId },
    select: { id: true, officeId: true, bookingId: true, template: true, attempts: true, office: { select: { slug: true } } },
  });
  // Unknown ids and messages without an office are refused like another office's: nothing about them is revealed.
  if (!message?.officeId || !message.office) throw new AppError("FORBIDDEN");
  assertCanOnOffice(actor, "outbox:manage", message.officeId);
  const officeId = message.officeId;
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "FAILED", recipient: { not: ERASED_RECIPIENT }, payload: { not: "{}" } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null },
    });
    if (count === 0) throw new AppError("MESSAGE_NOT_RESENDABLE");
    await writeAudit(tx, {
      actorId: actor.id,
      officeId,
      bookingId: message.bookingId,
      action: OUTBOX_AUDIT_RESEND,
      details: { template: message.template, attempts: message.attempts },
    });
  });
  return { id: message.id, officeSlug: message.office.slug };
}
