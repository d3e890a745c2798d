import type { DisplayStateResource } from "@/lib/server/api/schemas";
import { getDb } from "@/lib/server/db";
import { liveAccess } from "@/lib/server/live/live-access";
import { displayState } from "@/lib/server/services/devices/display-state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The same state as the event stream, for a browser whose EventSource fails (a proxy that buffers streams). */
export async function GET(request: Request, { params }: { params: Promise<{ office: string }> }): Promise<Response> {
  const db = getDb();
  const now = new Date();
  const access = await liveAccess(db, request, (await params).office, now);
  if (!access) return Response.json({ error: { code: "FORBIDDEN" } }, { status: 403, headers: { "cache-control": "no-store" } });
  const body: DisplayStateResource = await displayState(db, access.office, access.counterIds, now);
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
