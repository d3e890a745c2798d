import type { CapacityChangeResult } from "@/lib/server/services/capacity";

/** The capacity change as applied; fails the test when the service answered with a conflict instead. */
export function appliedChange<T>(result: CapacityChangeResult<T>): Extract<CapacityChangeResult<T>, { status: "applied" }> {
  if (result.status !== "applied") throw new Error(`expected the change to be applied, got ${JSON.stringify(result)}`);
  return result;
}
