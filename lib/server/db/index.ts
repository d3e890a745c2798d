import { env } from "../env";
import { createDb, type Db } from "./client";

// The application's database access. One client per process, kept on globalThis so that Next's hot reload in
// development does not open a new pool (or SQLite connection) on every change.

export { createDb, dbProvider, providerOf, SQLITE_BUSY_TIMEOUT_MS, type CreateDbOptions, type Db, type Provider, type Tx } from "./client";
export { bookingTransaction, isRetryableTransactionError } from "./transaction";
export * from "./enums";
export { Prisma } from "./generated/sqlite/client";
export type {
  AuditLog,
  Booking,
  CapacityBlock,
  Closure,
  DateOverride,
  Office,
  OfficeDay,
  OfficeMembership,
  OutboxMessage,
  Service,
  StaffUser,
} from "./generated/sqlite/client";

const holder = globalThis as typeof globalThis & { __terminvergabeDb?: Db };

export function getDb(): Db {
  holder.__terminvergabeDb ??= createDb(env().DATABASE_URL);
  return holder.__terminvergabeDb;
}
