import "server-only";
import { getDb, type Db } from "@/lib/server/db";
import { kickOutbox } from "@/lib/server/mail/outbox";

// The API's dependencies on the outside world: the database, the clock and the mail worker's wake-up. Route
// handlers read them through here, so integration tests can point the handlers at a test database and pin `now`
// without touching the process-wide client or environment.

interface ApiRuntime {
  db: () => Db;
  now: () => Date;
  /** Called after a change that wrote e-mails to the outbox. */
  mailWritten: () => void;
}

const production: ApiRuntime = { db: getDb, now: () => new Date(), mailWritten: kickOutbox };
let current: ApiRuntime = production;

export function apiDb(): Db {
  return current.db();
}

export function apiNow(): Date {
  return current.now();
}

export function apiMailWritten(): void {
  current.mailWritten();
}

/** For tests: replaces some dependencies until the returned function is called. */
export function overrideApiRuntime(overrides: Partial<ApiRuntime>): () => void {
  const previous = current;
  current = { ...current, ...overrides };
  return () => {
    current = previous;
  };
}
