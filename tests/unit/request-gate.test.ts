import http from "node:http";
import type { AddressInfo } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";
import { installRequestGate } from "@/lib/server/security/request-gate";

// The hook on the HTTP server, on a real server on loopback: each request carries its socket's peer address
// (whatever the client sent in that header), and methods the app never serves get 405 with the security headers.

process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.APP_URL = "https://termine.example.org";

let server: http.Server;
let port: number;
const seen: Array<{ method?: string; peer?: string }> = [];

beforeAll(async () => {
  installRequestGate();
  installRequestGate(); // twice is harmless: one gate per request
  server = http.createServer((req, res) => {
    seen.push({ method: req.method, peer: req.headers[PEER_ADDRESS_HEADER] as string | undefined });
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => (seen.length = 0));

function send(method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: "/", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

it("stamps the socket's peer address and drops a copy the client sent", async () => {
  await send("GET");
  await send("POST", { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" });
  expect(seen).toEqual([
    { method: "GET", peer: "127.0.0.1" },
    { method: "POST", peer: "127.0.0.1" },
  ]);
});

it.each(["TRACE", "PROPFIND", "MKCOL", "LOCK"])("answers %s with 405 and the security headers, before the app", async (method) => {
  const res = await send(method);
  expect(res.status).toBe(405);
  expect(res.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["content-security-policy"]).toMatch(/^default-src 'none'/);
  expect(res.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(seen).toEqual([]);
});
