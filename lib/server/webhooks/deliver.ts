import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPrivateAddress, privateUrlProblem } from "./address-guard";

// One webhook call: a POST with the signed headers, answered within a timeout. Plain node:http(s), so that the
// address a host name resolves to can be checked at the moment of connecting (see address-guard.ts). Redirects
// are not followed: a receiver that moved is an endpoint to edit, not a request to send elsewhere.

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/** What is read of a receiver's answer: enough to drain a short body, never a large one. */
const MAX_RESPONSE_BYTES = 16 * 1024;

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs?: number;
  /** Whether loopback and private addresses may be called (outside production, or when configured). */
  allowPrivateNetworks: boolean;
}

/** A refusal before or while connecting: the address is not one the app may call. */
export class WebhookAddressError extends Error {
  readonly code = "EADDRREFUSED";
}

/** dns.lookup that refuses any answer with a private address (all of them are checked, whichever is used). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused || addresses.length === 0) {
      return callback(new WebhookAddressError(`refused: ${hostname} resolves to ${refused?.address ?? "nothing"}`), "", 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Sends the request; resolves with the HTTP status (any), rejects on a refused address, a network error or timeout. */
export function postWebhook(request: WebhookRequest): Promise<{ status: number }> {
  const url = new URL(request.url);
  if (url.protocol !== "https:" && url.protocol !== "http:") return Promise.reject(new WebhookAddressError(`refused: ${url.protocol} is not http(s)`));
  if (!request.allowPrivateNetworks) {
    const problem = privateUrlProblem(url);
    if (problem) return Promise.reject(new WebhookAddressError(problem));
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)), "User-Agent": "Terminvergabe-Webhooks/1" },
        signal: AbortSignal.timeout(timeoutMs),
        ...(request.allowPrivateNetworks ? {} : { lookup: guardedLookup }),
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const done = () => resolve({ status: res.statusCode ?? 0 });
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    req.on("error", (error: Error & { code?: string }) => {
      reject(error.name === "AbortError" || error.name === "TimeoutError" ? Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" }) : error);
    });
    req.end(request.body);
  });
}
