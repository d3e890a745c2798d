import { writeAudit } from "@/lib/server/audit";
import { assertCanOnOffice, type Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { ERASED_RECIPIENT } from "../privacy/erase-personal-data";

export const OUTBOX_AUDIT_RESEND = "outbox.resend";

/**
 * Puts a FAILED message or webhook delivery back in the queue (PENDING, attempts from zero, due now), with an audit
 * entry. The update is conditional on the status, so two clicks (or two admins) queue it once, and a message that is
 * pending, being sent or sent is never sent twice. Messages of erased bookings cannot be sent any more; a webhook
 * delivery only while its endpoint is active.
 */
export async function resendOutboxMessage(db: Db, actor: Actor, input: { messageId: string }, now: Date) {
  const message = await db.outboxMessage.findUnique({
    where: { id: input.messageId },
    select: {
      id: true,
      officeId: true,
      bookingId: true,
      template: true,
      attempts: true,
      channel: true,
      office: { select: { slug: true } },
      endpoint: { select: { active: true } },
    },
  });
  // Unknown ids and messages without an office are refused like another office's: nothing about them is revealed.
  if (!message?.officeId || !message.office) throw new AppError("FORBIDDEN");
  assertCanOnOffice(actor, "outbox:manage", message.officeId);
  const officeId = message.officeId;
  if (message.channel === "WEBHOOK" && !message.endpoint?.active) throw new AppError("MESSAGE_NOT_RESENDABLE");
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
      details: { template: message.template, attempts: message.attempts, channel: message.channel },
    });
  });
  return { id: message.id, officeSlug: message.office.slug };
}
