import { localDateOf } from "@/lib/domain/time";
import { getDb } from "@/lib/server/db";
import { liveAccess } from "@/lib/server/live/live-access";
import { queueHub } from "@/lib/server/live/queue-hub";
import { displayState } from "@/lib/server/services/devices/display-state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Comment lines keep proxies from closing a quiet stream. */
const PING_MS = 15_000;

const refused = () =>
  Response.json({ error: { code: "FORBIDDEN" } }, { status: 403, headers: { "cache-control": "no-store" } });

/**
 * Server-Sent Events of an office's calls for its paired displays and its staff: the current state at once, then
 * again after every change of the queue (on any instance). A revoked display's stream ends at the next change.
 */
export async function GET(request: Request, { params }: { params: Promise<{ office: string }> }): Promise<Response> {
  const db = getDb();
  const access = await liveAccess(db, request, (await params).office, new Date());
  if (!access) return refused();
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let sending = false;
      let again = false;
      let shownDate = "";
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // One state at a time; changes that arrive meanwhile are folded into one more.
      const pushState = async () => {
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          do {
            again = false;
            if (!(await access.stillAllowed())) {
              send("event: revoked\ndata: {}\n\n");
              stop();
              return;
            }
            const state = await displayState(db, access.office, access.counterIds, new Date());
            shownDate = state.date;
            send(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
          } while (again && !closed);
        } catch {
          // The next change or the browser's reconnect tries again.
        } finally {
          sending = false;
        }
      };
      const unsubscribe = queueHub().subscribe(access.office, () => void pushState());
      const ping = setInterval(() => {
        send(": ping\n\n");
        // After midnight the screen starts the new day empty, even before its first call.
        if (shownDate && localDateOf(new Date(), access.office.timeZone) !== shownDate) void pushState();
      }, PING_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener("abort", () => stop());
      // The browser reconnects after this many milliseconds when the stream breaks.
      send("retry: 2000\n\n");
      void pushState();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
