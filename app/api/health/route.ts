import { jsonResponse } from "@/lib/server/api/errors";
import { apiDb } from "@/lib/server/api/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A load balancer gives up well before this; an unreachable database must not hang the check. */
const DATABASE_TIMEOUT_MS = 3000;

/** Liveness and database reachability for load balancers and monitoring; says nothing about why it fails. */
export async function GET(): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      apiDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database timeout")), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return jsonResponse({ status: "ok", database: "ok" });
  } catch (e) {
    console.error("health: database check failed", e instanceof Error ? e.name : typeof e);
    return jsonResponse({ status: "error", database: "error" }, { status: 503 });
  } finally {
    clearTimeout(timer);
  }
}
