import "server-only";
import type { Provider, Tx } from "@/lib/server/db/client";

// Every change to an office's queue bumps the QueueDay version (lockQueueDay) and, on PostgreSQL, notifies this
// channel inside the writing transaction, so the notification fires on commit only and reaches every instance.
// After the commit the writer also tells the hubs of its own process (queueCommitted), so that on SQLite, and while
// a hub's listening connection is down, a call made at this instance's counter reaches its displays at once rather
// than at the hub's next poll.

export const QUEUE_CHANNEL = "terminvergabe_queue";

/** Call inside the transaction that changed the queue, after lockQueueDay. The payload is the office id only. */
export async function announceQueueChange(tx: Tx, provider: Provider, officeId: string): Promise<void> {
  if (provider === "postgresql") await tx.$executeRaw`select pg_notify(${QUEUE_CHANNEL}, ${officeId})`;
}

type CommittedListener = (officeId: string) => void;
const committedListeners = new Set<CommittedListener>();

/** Hears of queue changes committed in this process until the returned function is called (the hubs). */
export function onQueueCommitted(listener: CommittedListener): () => void {
  committedListeners.add(listener);
  return () => committedListeners.delete(listener);
}

/** Call after the transaction that changed the office's queue has committed. */
export function queueCommitted(officeId: string): void {
  for (const listener of [...committedListeners]) listener(officeId);
}
