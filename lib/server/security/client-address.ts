import type http from "node:http";
import { isIP } from "node:net";
import { env } from "@/lib/server/env";

// The one answer to "who is this client?" for rate limits, the proof-of-work cost and the sign-in throttle.
//
// A client can put anything into X-Forwarded-For, and `next start` keeps such a header as it is (it fills it in from
// the socket only when it is missing). Route handlers and server actions never see the socket, so a hook on the
// HTTP server (request-gate.ts, installed by instrumentation.ts) copies the socket's peer address into a private request header,
// after removing any copy the client sent. With TRUSTED_PROXY_HOPS = N reverse proxies in front of the app, each
// appending the address it saw, the client is the entry N places from the right of [...X-Forwarded-For, peer]:
// everything further left was written by the client itself.

/** Request header that carries the TCP peer's address, set by the server hook; never taken from the client. */
export const PEER_ADDRESS_HEADER = "x-terminvergabe-peer";

/** What a request counts as when no usable address is known: one shared bucket, never a fresh one per request. */
export const UNKNOWN_CLIENT = "unknown";

/** Puts the socket's peer address into PEER_ADDRESS_HEADER, after removing any copy the client sent. */
export function stampPeerAddress(req: http.IncomingMessage): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket?.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
}

/**
 * An address in one canonical spelling, so that "[2001:db8::1]:443", "2001:DB8::1" and "::ffff:192.0.2.1" (an IPv4
 * client on a dual-stack socket) count as the same client as their plain forms; undefined when it is no address.
 */
export function canonicalAddress(value: string): string | undefined {
  let candidate = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(candidate);
  if (bracketed) candidate = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(candidate)) candidate = candidate.slice(0, candidate.lastIndexOf(":"));
  candidate = candidate.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(candidate);
  if (mapped) candidate = mapped[1];
  return isIP(candidate) ? candidate : undefined;
}

/** The client's address given the number of trusted reverse proxies; UNKNOWN_CLIENT when none can be told. */
export function clientAddressFrom(headers: Headers, trustedProxyHops: number): string {
  const forwarded =
    trustedProxyHops > 0
      ? (headers.get("x-forwarded-for") ?? "")
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, headers.get(PEER_ADDRESS_HEADER) ?? ""];
  // Fewer entries than proxies (a request that skipped one): the leftmost is still no further than the client.
  const entry = chain[Math.max(0, chain.length - 1 - trustedProxyHops)];
  return canonicalAddress(entry) ?? UNKNOWN_CLIENT;
}

/** The client's address of a request, as configured by TRUSTED_PROXY_HOPS. */
export function clientAddressOf(headers: Headers): string {
  return clientAddressFrom(headers, env().TRUSTED_PROXY_HOPS);
}
