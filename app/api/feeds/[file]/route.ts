import { feedFileSchema } from "@/lib/schemas/feeds";
import { apiDb, apiNow } from "@/lib/server/api/runtime";
import { componentLog } from "@/lib/server/log";
import { feedCalendar } from "@/lib/server/services/feeds/feed-calendar";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

/** One answer for a malformed, unknown and revoked address alike: nothing tells them apart. */
function notFound(): Response {
  return new Response("Not Found\n", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}

/** A staff member's private calendar subscription of an office's appointments: /api/feeds/<token>.ics. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const file = feedFileSchema.safeParse((await params).file);
  if (!file.success) return notFound();
  try {
    const answer = await feedCalendar(apiDb(), file.data, apiNow());
    if (answer.kind === "not-found") return notFound();
    if (answer.kind === "rate-limited") {
      return new Response("Too Many Requests\n", {
        status: 429,
        headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(answer.retryAfterSeconds) },
      });
    }
    return new Response(answer.ics, {
      headers: { ...PRIVATE, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="termine.ics"' },
    });
  } catch (error) {
    componentLog("feeds").error(`calendar feed failed: ${error instanceof Error ? error.message : String(error)}`);
    return new Response("Service Unavailable\n", { status: 503, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" } });
  }
}
