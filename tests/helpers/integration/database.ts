import type { Db } from "@/lib/server/db/client";
import { type DatabaseContext, resetDatabase } from "../databases";
import { useTestDb } from "../next-request-mocks";

/**
 * Every test of the enclosing `describeEachDatabase` starts on an empty database, which is also what a mocked
 * `getDb()` (see next-request-mocks.ts) returns, and then on what `given` builds there: offices, staff, bookings.
 */
export function eachTestOnEmptyDatabase(ctx: DatabaseContext, given: (db: Db) => Promise<unknown> = async () => {}): void {
  beforeEach(async () => {
    await resetDatabase(ctx.db);
    useTestDb(ctx.db);
    await given(ctx.db);
  });
}
