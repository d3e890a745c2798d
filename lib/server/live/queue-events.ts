import "server-only";
import type { Provider, Tx } from "@/lib/server/db/client";
import { onCommit } from "@/lib/server/db/transaction";

// Every change to an office's queue bumps the QueueDay version (lockQueueDay) and, on PostgreSQL, notifies this
// channel inside the writing transaction, so the notification fires on commit only and reaches every instance.
// After the commit the hubs of the writer's own process hear of it too (queueCommitted), so that on SQLite, and while
// a hub's listening connection is down, a call made at this instance's counter reaches its displays at once rather
// than at the hub's next poll.

export const QUEUE_CHANNEL = "terminvergabe_queue";

/** Call inside the transaction that changed the queue, after lockQueueDay. The payload is the office id only. */
export async function announceQueueChange(tx: Tx, provider: Provider, officeId: string): Promise<void> {
  onCommit(tx, () => queueCommitted(officeId));
  if (provider === "postgresql") await tx.$executeRaw`select pg_notify(${QUEUE_CHANNEL}, ${officeId})`;
}

type CommittedListener = (officeId: string) => void;
const committedListeners = new Set<CommittedListener>();

/** Hears of queue changes committed in this process until the returned function is called (the hubs). */
export function onQueueCommitted(listener: CommittedListener): () => void {
  committedListeners.add(listener);
  return () => committedListeners.delete(listener);
}

/** Tells this process's hubs that a transaction that changed the office's queue has committed. */
function queueCommitted(officeId: string): void {
  for (const listener of [...committedListeners]) listener(officeId);
}
