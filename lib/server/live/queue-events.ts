import "server-only";
import type { Provider, Tx } from "@/lib/server/db/client";

// Every change to an office's queue bumps the QueueDay version (lockQueueDay) and, on PostgreSQL, notifies this
// channel inside the writing transaction, so the notification fires on commit only and reaches every instance.

export const QUEUE_CHANNEL = "terminvergabe_queue";

/** Call inside the transaction that changed the queue, after lockQueueDay. The payload is the office id only. */
export async function announceQueueChange(tx: Tx, provider: Provider, officeId: string): Promise<void> {
  if (provider === "postgresql") await tx.$executeRaw`select pg_notify(${QUEUE_CHANNEL}, ${officeId})`;
}
