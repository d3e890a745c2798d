import type { Tx } from "@/lib/server/db/client";

/** One entry of the audit log: who did what, when, to which office and booking. No personal data in `details`. */
export async function writeAudit(
  tx: Tx,
  entry: { actorId: string | null; officeId?: string | null; bookingId?: string | null; action: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      officeId: entry.officeId ?? null,
      bookingId: entry.bookingId ?? null,
      action: entry.action,
      details: entry.details ? JSON.stringify(entry.details) : null,
    },
  });
}
