import http from "node:http";
import https from "node:https";
import { env } from "@/lib/server/env";
import { stampPeerAddress } from "./client-address";
import { resourceSecurityHeaders, securityHeaderConfig } from "./headers";

// The first look at every request, on the HTTP server itself, before Next.js: installed once per process by
// instrumentation.ts. It stamps the client's peer address (client-address.ts) and refuses methods the app never
// serves. Next cannot answer TRACE or TRACK itself: building the proxy's request object throws, which left a 500
// without any security header.

/** Methods some route or page of the app may serve; Next answers the rest of them per route. */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const REQUEST_EVENTS = new Set<string | symbol>(["request", "checkContinue", "checkExpectation"]);
const INSTALLED = Symbol.for("terminvergabe.requestGate");

function refuseMethod(res: http.ServerResponse): void {
  const headers: Record<string, string> = { Allow: SERVED_METHODS.join(", "), "Content-Length": "0", Connection: "close" };
  for (const { key, value } of resourceSecurityHeaders(securityHeaderConfig(env()))) headers[key] = value;
  res.writeHead(405, headers);
  res.end();
}

/** Hooks every HTTP(S) server of this process; on the prototypes, so the one `next start` already made is covered. */
export function installRequestGate(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const target = proto as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean } & Record<symbol, true>;
    if (Object.prototype.hasOwnProperty.call(target, INSTALLED)) continue;
    const emit = target.emit;
    target.emit = function emitThroughGate(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (REQUEST_EVENTS.has(event)) {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        if (!(SERVED_METHODS as readonly string[]).includes(req.method ?? "")) {
          refuseMethod(res);
          return true;
        }
        stampPeerAddress(req);
      }
      return emit.call(this, event, ...args);
    };
    target[INSTALLED] = true;
  }
}
